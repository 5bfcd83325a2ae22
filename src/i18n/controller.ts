import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { catalogueIfLoaded, loadCatalogue, normalizeLocale, resolveLang, Translator } from './index.js';
import type { Messages } from './types.js';

type Host = ReactiveControllerHost & HTMLElement & { messages?: Messages | undefined };

/**
 * Gives an element a `Translator` for its language: its own `lang`, else the nearest
 * ancestor's. English is there at once; another catalogue loads on demand and the element
 * re-renders when it arrives. Call `refresh()` when `lang` or `messages` change.
 */
export class LocaleController implements ReactiveController {
  tr: Translator;
  private readonly host: Host;
  private requested = '';

  constructor(host: Host) {
    this.host = host;
    this.tr = new Translator('en', undefined, host.messages ?? {});
    host.addController(this);
  }

  hostConnected(): void {
    this.refresh();
  }

  refresh(): void {
    const lang = resolveLang(this.host);
    const locale = normalizeLocale(lang);
    const overrides = this.host.messages ?? {};
    const loaded = catalogueIfLoaded(locale);
    if (loaded) {
      this.tr = new Translator(lang, loaded, overrides);
      this.requested = lang;
      return;
    }
    this.requested = lang;
    // Keep showing English until the catalogue arrives; never leave the element blank.
    this.tr = new Translator(lang, catalogueIfLoaded('en'), overrides);
    void loadCatalogue(locale).then((cat) => {
      if (this.requested !== lang) return;
      this.tr = new Translator(lang, cat, this.host.messages ?? {});
      this.host.requestUpdate();
    });
  }
}
