import { enCount } from '../../i18n/en-count.js';
import type { Catalogue, CountKey, Locale } from '../../i18n/types.js';

/** The entries `<comment-count>` shows. */
export type CountTexts = Pick<Catalogue, CountKey>;

/**
 * The count's texts for a language tag. English is in the entry; another language comes from
 * its catalogue, through the same loader table as the other elements use (chunks of the count's
 * own build, in dist/count/; the module map keeps each one after its first import). A tag we
 * have no catalogue for (`normalizeLocale` gives `en`, which has no loader) and any failure
 * give English.
 */
export function textsFor(lang: string): Promise<CountTexts> {
  if (/^en([-_]|$)/i.test(lang)) return Promise.resolve(enCount);
  return import('../../i18n/lazy/loaders.js')
    .then(({ loaders, normalizeLocale }) => loaders[normalizeLocale(lang) as Exclude<Locale, 'en'>]())
    .then(
      (catalogue) => catalogue.default,
      () => enCount,
    );
}
