import { isServer, LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import { LocaleController } from '../../i18n/controller.js';
import type { Messages } from '../../i18n/types.js';

// The page-wide type maps: event names (events.ts) and tag names (tag-names.ts). Every element's
// declarations import this module, so each entry point of the package gives the app typed
// `addEventListener('rating-change', (e) => e.detail.value)` and `querySelector('comment-form')`.
// Type-only: nothing of it exists at run time.
export type * from './events.js';
export type * from './tag-names.js';

/** The colour scheme an element paints: `auto` (or none) follows the system. */
export type Theme = 'light' | 'dark' | 'auto';

/**
 * The settings every element of the package reads the same way. `endpoint` and `thread` are
 * resolved by `client/endpoint.ts` (own value, else the enclosing `<article-feedback>`'s, else
 * the page's canonical link); `lang` is the platform's own property, observed so that a change
 * (by attribute or property) picks the texts again; `theme` is reflected for the styles'
 * `:host([theme=dark])`; `messages` overrides catalogue entries.
 *
 * @attr {string} endpoint - API base URL; else the enclosing `<article-feedback>`'s.
 * @attr {string} thread - Discussion id; else the canonical link's path or `location.pathname`.
 * @attr {string} lang - Language of the texts; else the nearest ancestor's `lang`, else `en`.
 * @attr {'light'|'dark'|'auto'} theme - Colour scheme (default: the system's).
 */
export class FeedbackElement extends LitElement {
  static override properties: PropertyDeclarations = {
    endpoint: {},
    thread: {},
    theme: { reflect: true },
    messages: { attribute: false },
  };

  /** The platform's `lang` stays (property and attribute in sync); Lit only watches it. */
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  /** API base URL; else the enclosing `<article-feedback>`'s. */
  declare endpoint?: string;
  /** Discussion id; else the canonical link's path or `location.pathname`. */
  declare thread?: string;
  /** Colour scheme; unset follows the system. */
  declare theme?: Theme;
  /** Overrides of catalogue entries, e.g. `{ 'form.submit': 'Send' }`. */
  declare messages?: Messages;

  /** @internal The texts in the element's language (see LocaleController). */
  protected readonly _locale = new LocaleController(this);

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate('lang', old);
  }

  protected override willUpdate(changed: PropertyValues): void {
    // The server renderer (#19) calls no connectedCallback (where the language is first picked).
    if (isServer || changed.has('lang') || changed.has('messages')) this._locale.refresh();
  }
}
