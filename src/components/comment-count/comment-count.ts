import { THREAD_PATTERN } from '../../contract/constants.js';
import type { PluralEntry } from '../../i18n/types.js';
import { countsOf, type ThreadCounts } from './counts.js';
import { textsFor, type CountTexts } from './texts.js';

// The page's type maps, as every element's declarations carry them (see FeedbackElement).
export type * from '../shared/events.js';
export type * from '../shared/tag-names.js';

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
 * Its own entry, `dist/comment-count.js`, under 1 KiB gzipped: a plain `HTMLElement`, because Lit
 * (and so `FeedbackElement`) alone is six times the whole element. Other languages (texts.ts) and
 * the rating (rating.ts) are on-demand chunks, each loaded only by the counts that need it.
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

  attributeChangedCallback(): void {
    void this.connectedCallback();
  }

  /**
   * Loads and shows the count, on connecting and on every change of an attribute: "…" (or the
   * element's own content) until the counts and the texts are here. Each load puts a new slot
   * in the shadow root, so a load whose slot is gone has been overtaken and shows nothing.
   */
  async connectedCallback(): Promise<void> {
    if (!this.isConnected) return;
    // Its own `endpoint`, else the enclosing `<article-feedback>`'s (`closest` starts at itself).
    const endpoint = this.closest(':is(comment-count,article-feedback)[endpoint]')
      ?.getAttribute('endpoint')
      ?.replace(/\/+$/, '');
    // The thread default of src/client/endpoint.ts (`defaultThread`), in fewer bytes: the path
    // of the canonical link, else (no link, no href: `new URL('')` throws too) the page's path.
    let thread = this.getAttribute('thread');
    try {
      thread ??= new URL(document.querySelector<HTMLLinkElement>('link[rel="canonical"]')!.href).pathname;
    } catch {
      thread = location.pathname;
    }
    // The language, as a canonical tag for Intl: the nearest `lang` (`lang=""`, an unknown
    // language, gives English), `en` when it is no tag. An underscore (`de_DE`, a common slip)
    // reads as a hyphen.
    let lang = 'en';
    try {
      lang = Intl.getCanonicalLocales(
        ((this.closest<HTMLElement>('[lang]') ?? document.documentElement).lang || lang).replaceAll('_', '-'),
      )[0]!;
    } catch {
      /* not a language tag: English */
    }
    // Its two elements written out: a helper shared with rating.ts would be a file of its own,
    // which the entry would wait for.
    const slot = document.createElement('slot');
    slot.append('…');
    (this.shadowRoot ?? this.attachShadow({ mode: 'open' })).replaceChildren(slot);
    try {
      // The counts, the texts and the rating's part (a chunk of its own, rating.ts) at once; if
      // the chunk cannot be had, the count shows nothing, as when the counts cannot be had.
      // No endpoint or an invalid thread (src/client/endpoint.ts's `isValidThread`): no counts
      // (`''` or `false`, whose `comments` is undefined: `say` throws on it).
      const [{ comments, rating }, texts, rated] = (await Promise.all([
        endpoint && THREAD_PATTERN.test(thread) && countsOf(endpoint, thread),
        textsFor(lang),
        this.hasAttribute('rating') && import('./rating.js'),
      ])) as [ThreadCounts, CountTexts, false | typeof import('./rating.js')];
      const plural = new Intl.PluralRules(lang);
      /** An entry's text for `n`, `{n}` filled in (numbers have no `$`). */
      const say = (entry: PluralEntry, n: number) => entry(plural.select(n)).replace('{n}', n.toLocaleString(lang));
      // In place of this load's slot; nothing when a later load has replaced it already.
      slot.replaceWith(
        Object.assign(document.createElement('span'), {
          part: 'comments',
          textContent: say(texts['count.comments'], comments),
        }),
        ...(rated ? rated.ratingParts(this, rating, lang, texts, say) : []),
      );
    } catch {
      // No endpoint, no answer or no entry for the thread: the empty slot (nothing, or the
      // publisher's own content) rather than broken text.
      slot.textContent = '';
    }
  }
}
