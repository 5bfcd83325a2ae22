import { enCount } from '../../i18n/en-count.js';
import type { Catalogue, CountKey } from '../../i18n/types.js';

/**
 * The entries `<comment-count>` shows: "12 comments" always; the rating's sentence comes with a
 * catalogue, and in English with the rating's own chunk (rating.ts).
 */
export type CountTexts = Pick<Catalogue, 'count.comments'> & Partial<Pick<Catalogue, CountKey>>;

/**
 * The count's texts for a canonical language tag (`en`, `en-GB`, `pt-BR`). English is in the entry; any other language comes from
 * one on-demand chunk (other-languages.ts, which fetches the loader table and the catalogue).
 * A tag we have no catalogue for and any failure give English.
 */
export function textsFor(lang: string): CountTexts | Promise<CountTexts> {
  return /^en\b/.test(lang)
    ? enCount
    : import('./other-languages.js').then((other) => other.textsIn(lang)).catch(() => enCount);
}
