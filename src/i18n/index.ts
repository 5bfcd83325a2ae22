import { en } from './en.js';
import type { Catalogue, Entry, Locale, MessageKey, Messages, PluralKey } from './types.js';
import { SUPPORTED_LOCALES } from './types.js';

export type { Catalogue, Entry, Locale, MessageKey, Messages, PluralKey } from './types.js';
export { SUPPORTED_LOCALES } from './types.js';
export { en } from './en.js';

/**
 * Catalogues other than English load on demand, so they cost an English page nothing.
 * Each is its own chunk in the library and CDN builds.
 */
const loaders: Partial<Record<Locale, () => Promise<Catalogue>>> = {
  es: () => import('./es.js').then((m) => m.es),
  pt: () => import('./pt.js').then((m) => m.pt),
  fr: () => import('./fr.js').then((m) => m.fr),
  de: () => import('./de.js').then((m) => m.de),
};

const cache = new Map<Locale, Catalogue>([['en', en]]);

/** Walks up through shadow roots too, so an inner element finds its host's `lang`. */
export function closestComposed(start: Element, selector: string): Element | null {
  let node: Element | null = start;
  while (node) {
    const found: Element | null = node.closest(selector);
    if (found) return found;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}

/** `pt-BR` → `pt`; anything we have no catalogue for → `en`. */
export function normalizeLocale(tag: string | null | undefined): Locale {
  const base = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (SUPPORTED_LOCALES as readonly string[]).includes(base) ? (base as Locale) : 'en';
}

/**
 * The element's own `lang` (property or attribute), else the nearest ancestor's (across shadow roots), else `en`.
 * An empty `lang=""` says nothing, so the search goes on past it.
 */
export function resolveLang(el: Element): string {
  // The `lang` property first: elements declare it as a Lit property that is not reflected,
  // so `el.lang = 'fr'` changes the property but not the attribute.
  const prop: unknown = (el as Partial<HTMLElement>).lang;
  const own = (typeof prop === 'string' ? prop : el.getAttribute('lang'))?.trim();
  if (own) return own;
  const holder = closestComposed(el, '[lang]:not([lang=""])');
  return holder?.getAttribute('lang')?.trim() || 'en';
}

export function catalogueIfLoaded(locale: Locale): Catalogue | undefined {
  return cache.get(locale);
}

export async function loadCatalogue(locale: Locale): Promise<Catalogue> {
  const hit = cache.get(locale);
  if (hit) return hit;
  const load = loaders[locale];
  if (!load) return en;
  try {
    const cat = await load();
    cache.set(locale, cat);
    return cat;
  } catch {
    return en;
  }
}

export type Params = Record<string, string | number>;

/**
 * Looks up and formats messages for one language tag. `{n}` and other numeric params are
 * formatted with `Intl.NumberFormat`; plural entries pick their form with `Intl.PluralRules`.
 */
export class Translator {
  readonly lang: string;
  readonly locale: Locale;
  private readonly catalogue: Catalogue;
  private readonly overrides: Messages;
  /** Small integers print the same in every catalogue's locale; skip Intl for them. */
  private readonly plainDigits: boolean;

  constructor(lang: string, catalogue: Catalogue = en, overrides: Messages = {}) {
    this.lang = lang;
    this.locale = normalizeLocale(lang);
    this.catalogue = catalogue;
    this.overrides = overrides;
    this.plainDigits = /^(en|es|pt|fr|de)(-[A-Za-z]{2})?$/i.test(lang);
  }

  private intl: IntlSet | undefined;

  // Created on first use: the first Intl object of a page costs tens of milliseconds (ICU data),
  // and nothing the form shows first needs one.
  private get plurals(): Intl.PluralRules {
    return (this.intl ??= intlFor(this.lang, this.locale)).plurals;
  }

  private get numbers(): Intl.NumberFormat {
    return (this.intl ??= intlFor(this.lang, this.locale)).numbers;
  }

  private formatParam(n: number): string {
    return this.plainDigits && Number.isInteger(n) && n >= 0 && n < 1000 ? String(n) : this.numbers.format(n);
  }

  private entry(key: MessageKey): Entry {
    return this.overrides[key] ?? this.catalogue[key] ?? en[key];
  }

  /** A message by key, with `{placeholders}` filled in. */
  t(key: MessageKey, params: Params = {}): string {
    let entry = this.entry(key);
    if (typeof entry === 'function') {
      const n = typeof params.n === 'number' ? params.n : 0;
      entry = entry(this.plurals.select(n));
    }
    return this.fill(entry, params);
  }

  /** Same as `t`, for a plural entry with count `n`. */
  plural(key: PluralKey, n: number, params: Params = {}): string {
    return this.t(key, { ...params, n });
  }

  has(key: string): key is MessageKey {
    return key in en;
  }

  formatNumber(n: number, options?: Intl.NumberFormatOptions): string {
    return options ? new Intl.NumberFormat(this.numbers.resolvedOptions().locale, options).format(n) : this.numbers.format(n);
  }

  private fill(template: string, params: Params): string {
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? this.formatParam(value) : value;
    });
  }
}

/**
 * Intl objects are costly to build (the page-load profile showed the Translator constructor on
 * top); every element of a page shares one set per language tag.
 */
interface IntlSet {
  plurals: Intl.PluralRules;
  numbers: Intl.NumberFormat;
}
const intlCache = new Map<string, IntlSet>();
function intlFor(lang: string, fallback: string): IntlSet {
  const key = `${lang}|${fallback}`;
  let hit = intlCache.get(key);
  if (!hit) {
    const tag = safeIntlLocale(lang, fallback);
    hit = { plurals: new Intl.PluralRules(tag), numbers: new Intl.NumberFormat(tag) };
    intlCache.set(key, hit);
  }
  return hit;
}

function safeIntlLocale(lang: string, fallback: string): string {
  try {
    return Intl.getCanonicalLocales(lang)[0] ?? fallback;
  } catch {
    return fallback;
  }
}
