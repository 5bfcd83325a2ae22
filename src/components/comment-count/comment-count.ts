import { THREAD_PATTERN } from '../../contract/constants.js';
import { countsOf, type ThreadCounts } from './counts.js';
import { textsFor } from './texts.js';

// The page's type maps, as every element's declarations carry them (see FeedbackElement).
export type * from '../shared/events.js';
export type * from '../shared/tag-names.js';

/**
 * An element with these DOM properties (`part` is one too: assigning it sets the attribute) and
 * content: the shadow root holds nothing else.
 */
function create(
  tag: 'slot' | 'span',
  properties: Partial<Record<'part' | 'role' | 'ariaLabel' | 'ariaHidden', string>>,
  ...content: (Node | string)[]
): HTMLElement {
  const el = Object.assign(document.createElement(tag), properties);
  el.append(...content);
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
    const endpoint = this.closest(':is(comment-count, article-feedback)[endpoint]')
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
    const slot = create('slot', {}, '…');
    (this.shadowRoot ?? this.attachShadow({ mode: 'open' })).replaceChildren(slot);
    try {
      const loading = textsFor(lang); // at the same time as the counts
      // No endpoint or an invalid thread (src/client/endpoint.ts's `isValidThread`): no counts
      // (`''` or `false`, which have no `rating`: reading its average throws).
      const { comments, rating } = (await (endpoint &&
        THREAD_PATTERN.test(thread) &&
        countsOf(endpoint, thread))) as ThreadCounts;
      const texts = await loading;
      const plural = new Intl.PluralRules(lang);
      const average = rating.average.toLocaleString(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
      const max = (Number(this.getAttribute('max')) || 5).toLocaleString(lang);
      /**
       * An entry's text for `n`, its placeholders filled in: `{n}`, and in the rating's text
       * `{average}` and `{max}` (no text of the catalogues has one twice; numbers have no `$`).
       */
      const say = (key: keyof typeof texts, n: number) =>
        texts[key](plural.select(n))
          .replace('{n}', n.toLocaleString(lang))
          .replace('{average}', average)
          .replace('{max}', max);
      // In place of this load's slot; nothing when a later load has replaced it already.
      slot.replaceWith(
        create('span', { part: 'comments' }, say('count.comments', comments)),
        // One image with a name: the shown "· ★ 4.3" is spoken "Rated 4.3 out of 5 by 12 readers",
        // never "black star 4.3". The space before is text of its own, so that the link's name
        // says "12 comments Rated…", not "12 commentsRated…".
        ...(this.hasAttribute('rating') && rating.count
          ? [
              ' ',
              create(
                'span',
                { part: 'rating', role: 'img', ariaLabel: say('count.rated', rating.count) },
                // an image's content is not read; aria-hidden says so to every reader
                create('span', { ariaHidden: 'true' }, `· ★ ${average}`),
              ),
            ]
          : []),
      );
    } catch {
      // No endpoint, no answer or no entry for the thread: the empty slot (nothing, or the
      // publisher's own content) rather than broken text.
      slot.textContent = '';
    }
  }
}
