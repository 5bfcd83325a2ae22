import { enFirst } from './en-first.js';
import type { Catalogue, Entry, Locale, MessageKey, Messages, PluralKey } from './types.js';
import { SUPPORTED_LOCALES } from './types.js';

export type { Catalogue, Entry, Locale, MessageKey, Messages, PluralKey } from './types.js';
export { SUPPORTED_LOCALES } from './types.js';

/**
 * The English every translator falls back to: what the script-tag bundle carries
 * (`en-first.ts`), plus what the on-demand chunks add when they load (`addEnglish(enLater)`).
 */
const english: Partial<Catalogue> = { ...enFirst };

/** Adds English entries; the chunks that show field checks, server answers, captcha or vote results call it with `enLater`. */
export function addEnglish(entries: Partial<Catalogue>): void {
  Object.assign(english, entries);
}

/**
 * Catalogues other than English load on demand, so they cost an English page nothing. Each is
 * its own chunk; the table of their (hashed) file names is one more small chunk, so the
 * script-tag bundle does not grow with every language added.
 */
const loadFromTable = (locale: Exclude<Locale, 'en'>): Promise<Catalogue> =>
  import('./lazy/loaders.js').then(({ loaders }) => loaders[locale]()).then((m) => m.default);

const cache = new Map<Locale, Partial<Catalogue>>([['en', english]]);

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

/** Old or sibling codes browsers still send, mapped to the catalogue that serves them. */
const ALIASES: Record<string, Locale> = { no: 'nb', nn: 'nb', iw: 'he', in: 'id' };

/**
 * `pt-BR` → `pt`; `zh-TW`, `zh-HK`, `zh-MO` and `zh-Hant-*` → `zh-Hant`, other Chinese → `zh-Hans`
 * (an explicit script wins over the region); `no`/`nn` → `nb`; `iw` → `he`; `in` → `id`;
 * anything we have no catalogue for → `en`.
 */
export function normalizeLocale(tag: string | null | undefined): Locale {
  const [base = '', next = ''] = (tag ?? '').trim().toLowerCase().split(/[-_]/);
  if (base === 'zh') return next === 'hant' || /^(tw|hk|mo)$/.test(next) ? 'zh-Hant' : 'zh-Hans';
  return (SUPPORTED_LOCALES as readonly string[]).includes(base) ? (base as Locale) : (ALIASES[base] ?? 'en');
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

export function catalogueIfLoaded(locale: Locale): Partial<Catalogue> | undefined {
  return cache.get(locale);
}

export async function loadCatalogue(locale: Locale): Promise<Partial<Catalogue>> {
  const hit = cache.get(locale);
  if (hit) return hit;
  if (locale === 'en') return english;
  try {
    const cat = await loadFromTable(locale);
    cache.set(locale, cat);
    return cat;
  } catch {
    return english;
  }
}

export type Params = Record<string, string | number>;

/**
 * Looks up and formats messages for one language tag. `{n}` and other numeric params are
 * formatted with `Intl.NumberFormat`; plural entries pick their form with `Intl.PluralRules`.
 */
export class Translator {
  readonly locale: Locale;
  /** @internal Small integers print the same in every catalogue's locale; skip Intl for them. */
  private readonly _plainDigits: boolean;
  /** @internal */
  private _intl: IntlSet | undefined;

  /** @internal The language's catalogue (English until another one is loaded). */
  private readonly _catalogue: Partial<Catalogue>;
  /** @internal The publisher's `messages`, over the catalogue. */
  private readonly _overrides: Messages;

  constructor(
    readonly lang: string,
    catalogue: Partial<Catalogue> = english,
    overrides: Messages = {},
  ) {
    this._catalogue = catalogue;
    this._overrides = overrides;
    this.locale = normalizeLocale(lang);
    this._plainDigits = /^(en|es|pt|fr|de)(-[A-Za-z]{2})?$/i.test(lang);
  }

  // Created on first use: the first Intl object of a page costs tens of milliseconds (ICU data),
  // and nothing the form shows first needs one.
  /** @internal */
  private get _intlSet(): IntlSet {
    return (this._intl ??= intlFor(this.lang, this.locale));
  }

  /** A message by key, with `{placeholders}` filled in (numbers formatted for the language). */
  t(key: MessageKey, params: Params = {}): string {
    // The key itself when a chunk forgot `addEnglish`: visible in tests, never a crash.
    let entry: Entry = this._overrides[key] ?? this._catalogue[key] ?? english[key] ?? key;
    if (typeof entry === 'function') entry = entry(this._intlSet.plurals.select(Number(params.n) || 0));
    return entry.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const v = params[name];
      return v === undefined
        ? whole
        : typeof v === 'string'
          ? v
          : this._plainDigits && Number.isInteger(v) && v >= 0 && v < 1000
            ? String(v)
            : this._intlSet.numbers.format(v);
    });
  }

  /** Same as `t`, for a plural entry with count `n`. */
  plural(key: PluralKey, n: number, params: Params = {}): string {
    return this.t(key, { ...params, n });
  }

  /** A key we have a message for (to tell a server's known message key from an unknown one). */
  has(key: string): key is MessageKey {
    return key in english;
  }

  formatNumber(n: number, options?: Intl.NumberFormatOptions): string {
    const { numbers } = this._intlSet;
    return (options ? new Intl.NumberFormat(numbers.resolvedOptions().locale, options) : numbers).format(n);
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
    let tag = fallback;
    try {
      tag = Intl.getCanonicalLocales(lang)[0] ?? fallback;
    } catch {
      /* an invalid tag: the catalogue's locale */
    }
    hit = { plurals: new Intl.PluralRules(tag), numbers: new Intl.NumberFormat(tag) };
    intlCache.set(key, hit);
  }
  return hit;
}
