import { defaultThread, isValidThread } from '../../client/endpoint.js';
import type { PluralEntry } from '../../i18n/types.js';
import { countsOf } from './counts.js';
import { textsFor } from './texts.js';

// The page's type maps, as every element's declarations carry them (see FeedbackElement).
export type * from '../shared/events.js';
export type * from '../shared/tag-names.js';

/** A `<span part>` with text: the shadow root holds nothing else. */
function span(part: string, text: string): HTMLSpanElement {
  const el = document.createElement('span');
  el.setAttribute('part', part);
  el.textContent = text;
  return el;
}

/**
 * `<comment-count>`: "12 comments" for a thread, and with `rating` also "★ 4.3", for index and
 * front pages (#18, SPEC §6.4). All the counts of a page come in one `GET /counts` request
 * (counts.ts). It renders plain inline text in the font and colour around it, to put inside the
 * publisher's own link:
 *
 * ```html
 * <a href="/2024/05/ferry#comments"><comment-count thread="/2024/05/ferry" rating></comment-count></a>
 * ```
 *
 * Its own entry, `dist/comment-count.js`: a plain `HTMLElement`, because Lit (and so
 * `FeedbackElement`) alone is five times the whole element.
 *
 * @attr {string} endpoint - API base URL; else the enclosing `<article-feedback>`'s.
 * @attr {string} thread - Discussion id; else the canonical link's path or `location.pathname`.
 * @attr {string} lang - Language of the texts; else the nearest ancestor's `lang`, else `en`.
 * @attr {boolean} rating - Also show the average rating ("★ 4.3") when the thread has votes.
 * @attr {number} max - The scale of the rating, for the spoken text (default 5).
 * @slot - Shown while the count loads (default "…") and when it cannot load (default nothing).
 * @csspart comments - The "12 comments" text.
 * @csspart rating - "· ★ 4.3", one image named "Rated 4.3 out of 5 by 12 readers".
 */
export class CommentCount extends HTMLElement {
  static observedAttributes = ['endpoint', 'thread', 'lang', 'rating', 'max'];

  /** @internal Numbers the loads: only the latest one shows. */
  private _loads = 0;

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
  }

  connectedCallback(): void {
    void this._load();
  }

  attributeChangedCallback(): void {
    void this._load();
  }

  /** @internal "…" (or the element's own content) until the counts and the texts are here. */
  private async _load(): Promise<void> {
    if (!this.isConnected) return;
    const load = ++this._loads;
    const endpoint = (
      this.getAttribute('endpoint') ?? this.closest('article-feedback[endpoint]')?.getAttribute('endpoint')
    )?.replace(/\/+$/, '');
    const thread = this.getAttribute('thread') ?? defaultThread(document);
    const lang = (this.closest<HTMLElement>('[lang]:not([lang=""])') ?? document.documentElement).lang || 'en';
    const placeholder = document.createElement('slot');
    placeholder.textContent = '…';
    this.shadowRoot!.replaceChildren(placeholder);
    // When anything fails: nothing rather than broken text (or the publisher's own content).
    let shown: (Node | string)[] = [document.createElement('slot')];
    try {
      const [counts, texts] = await Promise.all([
        endpoint && isValidThread(thread) ? countsOf(endpoint, thread) : undefined,
        textsFor(lang),
      ]);
      const { comments, rating } = counts!;
      let tag = 'en';
      try {
        tag = Intl.getCanonicalLocales(lang)[0]!;
      } catch {
        /* not a language tag (`en_US`): English numbers and plurals */
      }
      const plural = new Intl.PluralRules(tag);
      const number = new Intl.NumberFormat(tag);
      const text = (entry: PluralEntry, n: number, params: Record<string, string>) =>
        entry(plural.select(n)).replace(/\{(\w+)\}/g, (_, name: string) => params[name]!);
      shown = [span('comments', text(texts['count.comments'], comments, { n: number.format(comments) }))];
      if (this.hasAttribute('rating') && rating.count) {
        const average = new Intl.NumberFormat(tag, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
          rating.average,
        );
        // One image with a name: the shown "· ★ 4.3" is spoken "Rated 4.3 out of 5 by 12 readers",
        // never "black star 4.3". The space between is text of its own, so that the link's name
        // says "12 comments Rated…", not "12 commentsRated…".
        const stars = span('rating', '');
        const picture = stars.appendChild(document.createElement('span'));
        picture.textContent = `· ★ ${average}`;
        picture.ariaHidden = 'true'; // an image's content is not read; this says so to every reader
        stars.role = 'img';
        stars.ariaLabel = text(texts['count.rated'], rating.count, {
          average,
          max: number.format(Number(this.getAttribute('max')) || 5),
          n: number.format(rating.count),
        });
        shown.push(' ', stars);
      }
    } catch {
      /* no endpoint, no answer or no entry for the thread: the empty slot (a rating that cannot be shown leaves the count) */
    }
    if (load === this._loads) this.shadowRoot!.replaceChildren(...shown);
  }
}
