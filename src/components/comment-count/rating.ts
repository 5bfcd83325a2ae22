import { enCountRated } from '../../i18n/en-count-rated.js';
import type { PluralEntry } from '../../i18n/types.js';
import type { ThreadCounts } from './counts.js';
import type { CountTexts } from './texts.js';

/**
 * An element with these DOM properties (`part` is one too: assigning it sets the attribute) and
 * content.
 */
function create(
  tag: 'span',
  properties: Partial<Record<'part' | 'role' | 'ariaLabel' | 'ariaHidden', string>>,
  ...content: (Node | string)[]
): HTMLElement {
  const el = Object.assign(document.createElement(tag), properties);
  el.append(...content);
  return el;
}

/**
 * "· ★ 4.3" of `<comment-count rating>` (#18): an on-demand chunk (`dist/count/`), so that the
 * entry, which every count loads, stays under 1 KiB. Only a count with `rating` imports it, at the
 * same time as it asks for the counts, so it costs no wait where the two arrive together.
 *
 * One image with a name: the shown "· ★ 4.3" is spoken "Rated 4.3 out of 5 by 12 readers",
 * never "black star 4.3". The space before it is text of its own, so that the link's name says
 * "12 comments Rated…", not "12 commentsRated…". Nothing for a thread nobody rated.
 *
 * `say` is the count's own: the entry for the plural of `n`, `{n}` filled in.
 */
export function ratingParts(
  count: Element,
  { average, count: readers }: ThreadCounts['rating'],
  lang: string,
  texts: CountTexts,
  say: (entry: PluralEntry, n: number) => string,
): (Node | string)[] {
  if (!readers) return [];
  const shown = average.toLocaleString(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const max = (Number(count.getAttribute('max')) || 5).toLocaleString(lang);
  const spoken = say(texts['count.rated'] ?? enCountRated['count.rated'], readers)
    .replace('{average}', shown)
    .replace('{max}', max);
  return [
    ' ',
    create(
      'span',
      { part: 'rating', role: 'img', ariaLabel: spoken },
      // an image's content is not read; aria-hidden says so to every reader
      create('span', { ariaHidden: 'true' }, `· ★ ${shown}`),
    ),
  ];
}
