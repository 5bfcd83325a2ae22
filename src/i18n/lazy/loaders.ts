import type { Catalogue, Locale } from '../types.js';

export { normalizeLocale } from '../locales.js';

/**
 * Where each catalogue's chunk is. A chunk of its own too: twenty-six hashed file names would
 * cost the script-tag bundle about half a kilobyte, and only pages in another language need them.
 * To add a language: its catalogue in this folder, a line here, its code in `SUPPORTED_LOCALES`.
 */
export const loaders: Record<Exclude<Locale, 'en'>, () => Promise<{ default: Catalogue }>> = {
  es: () => import('./es.js'),
  pt: () => import('./pt.js'),
  fr: () => import('./fr.js'),
  de: () => import('./de.js'),
  it: () => import('./it.js'),
  nl: () => import('./nl.js'),
  pl: () => import('./pl.js'),
  cs: () => import('./cs.js'),
  sk: () => import('./sk.js'),
  sv: () => import('./sv.js'),
  da: () => import('./da.js'),
  nb: () => import('./nb.js'),
  fi: () => import('./fi.js'),
  ru: () => import('./ru.js'),
  uk: () => import('./uk.js'),
  tr: () => import('./tr.js'),
  el: () => import('./el.js'),
  hu: () => import('./hu.js'),
  ro: () => import('./ro.js'),
  ar: () => import('./ar.js'),
  he: () => import('./he.js'),
  fa: () => import('./fa.js'),
  hi: () => import('./hi.js'),
  id: () => import('./id.js'),
  vi: () => import('./vi.js'),
  th: () => import('./th.js'),
  ja: () => import('./ja.js'),
  ko: () => import('./ko.js'),
  'zh-Hans': () => import('./zh-hans.js'),
  'zh-Hant': () => import('./zh-hant.js'),
};
