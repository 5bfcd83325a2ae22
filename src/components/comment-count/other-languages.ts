import { loaders, normalizeLocale } from '../../i18n/lazy/loaders.js';
import type { Locale } from '../../i18n/types.js';
import type { CountTexts } from './texts.js';

/**
 * `<comment-count>`'s texts in a language other than English, from the same catalogue the
 * block's elements use. An on-demand chunk of the count's build (in dist/count/, with the loader
 * table and the catalogues), so that the entry carries English only; the module map keeps each
 * chunk after its first import. Rejects for a language we have no catalogue for: the caller
 * (texts.ts) shows English then, as after any failure.
 */
export async function textsIn(lang: string): Promise<CountTexts> {
  const locale = normalizeLocale(lang);
  if (locale === 'en') throw new RangeError(`no catalogue for ${lang}`);
  return (await loaders[locale as Exclude<Locale, 'en'>]()).default;
}
