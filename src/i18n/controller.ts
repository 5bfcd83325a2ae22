import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { languageIfLoaded, loadLanguage, resolveLang, Translator } from './index.js';
import type { Messages } from './types.js';

type Host = ReactiveControllerHost & HTMLElement & { messages?: Messages | undefined };

/**
 * Gives an element a `Translator` for its language: its own `lang`, else the nearest
 * ancestor's. English is there at once; another catalogue loads on demand and the element
 * re-renders when it arrives. Call `refresh()` when `lang` or `messages` change.
 */
export class LocaleController implements ReactiveController {
  tr: Translator;
  /** @internal The language of the last refresh: a catalogue that arrives later for another is dropped. */
  private _requested = '';
  /** @internal */
  private readonly _host: Host;

  constructor(host: Host) {
    this._host = host;
    this.tr = new Translator('en', undefined, host.messages ?? {});
    host.addController(this);
  }

  hostConnected(): void {
    this.refresh();
  }

  refresh(): void {
    const host = this._host;
    const lang = (this._requested = resolveLang(host));
    const loaded = languageIfLoaded(lang);
    // Until another catalogue arrives, English: the element is never blank.
    this.tr = new Translator(lang, loaded?.catalogue, host.messages ?? {}, loaded?.locale);
    if (!loaded) {
      void loadLanguage(lang).then(({ locale, catalogue }) => {
        if (this._requested !== lang) return;
        this.tr = new Translator(lang, catalogue, host.messages ?? {}, locale);
        host.requestUpdate();
      });
    }
  }
}
