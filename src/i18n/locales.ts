import { SUPPORTED_LOCALES, type Locale } from './types.js';

/** Old or sibling codes browsers still send, mapped to the catalogue that serves them. */
const ALIASES: Record<string, Locale> = { no: 'nb', nn: 'nb', iw: 'he', in: 'id' };

/**
 * `pt-BR` → `pt`; `zh-TW`, `zh-HK`, `zh-MO` and `zh-Hant-*` → `zh-Hant`, other Chinese → `zh-Hans`
 * (an explicit script wins over the region); `no`/`nn` → `nb`; `iw` → `he`; `in` → `id`;
 * anything we have no catalogue for → `en`. Not in the script-tag bundle: it travels with the
 * on-demand loader table (lazy/loaders.ts), which only pages in another language fetch.
 */
export function normalizeLocale(tag: string | null | undefined): Locale {
  const [base = '', next = ''] = (tag ?? '').trim().toLowerCase().split(/[-_]/);
  if (base === 'zh') return next === 'hant' || /^(tw|hk|mo)$/.test(next) ? 'zh-Hant' : 'zh-Hans';
  return (SUPPORTED_LOCALES as readonly string[]).includes(base) ? (base as Locale) : (ALIASES[base] ?? 'en');
}
