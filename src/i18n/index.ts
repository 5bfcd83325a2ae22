import { enFirst } from './en-first.js';
import type { Catalogue, Entry, Locale, MessageKey, Messages, PluralKey } from './types.js';

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
const loadTable = () => import('./lazy/loaders.js');
const loadFromTable = (locale: Exclude<Locale, 'en'>): Promise<Catalogue> =>
  loadTable()
    .then(({ loaders }) => loaders[locale]())
    .then((m) => m.default);

const cache = new Map<Locale, Partial<Catalogue>>([['en', english]]);

/** Walks up through shadow roots too, so an inner element finds its host's `lang`. */
export function closestComposed(start: Element, selector: string): Element | null {
  let node: Element | null | undefined = start;
  while (node) {
    const found: Element | null = node.closest(selector);
    if (found) return found;
    // A shadow root's host; a document has none (nor has the server renderer's root, #19).
    node = (node.getRootNode() as Partial<ShadowRoot>).host;
  }
  return null;
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

/** A language tag's catalogue and the locale it was matched to (`pt-BR` → `pt`). */
export interface Language {
  locale: Locale;
  catalogue: Partial<Catalogue>;
}

/** Any `en` tag (`en`, `en-GB`, `EN_us`), and no tag at all. */
const isEnglish = (lang: string) => /^(en([-_]|$)|$)/i.test(lang.trim());
/** Tags matched so far, as written: a second element in the same language renders it at once. */
const languages = new Map<string, Language>();

/** The language of a tag if it needs no loading (English, or a tag already matched and loaded). */
export function languageIfLoaded(lang: string): Language | undefined {
  return isEnglish(lang) ? { locale: 'en', catalogue: english } : languages.get(lang);
}

/**
 * Matches a tag to a catalogue and loads it. Only English is known to the script-tag bundle:
 * the table of the other languages and of their aliases (`locales.ts`) comes with the on-demand
 * loader table, which a page in another language fetches anyway; a tag we have no catalogue
 * for gives English.
 */
export async function loadLanguage(lang: string): Promise<Language> {
  const known = languageIfLoaded(lang);
  if (known) return known;
  let locale: Locale = 'en';
  try {
    locale = (await loadTable()).normalizeLocale(lang);
  } catch {
    /* the table did not load: English */
  }
  const language = { locale, catalogue: await loadCatalogue(locale) };
  languages.set(lang, language);
  return language;
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
  /**
   * @internal Integers from 0 to 999 print the same in these languages (en, es, pt, fr, de) as
   * with Intl: `t` writes them without it (no Intl.NumberFormat, whose first use loads ICU's
   * number data, for "12 comments"). `formatNumber` always asks Intl (the check there cost bytes
   * the bundle does not have).
   */
  private readonly _plainDigits: boolean;
  /** @internal */
  private _intl: IntlSet | undefined;

  /** @internal The language's catalogue (English until another one is loaded). */
  private readonly _catalogue: Partial<Catalogue>;
  /** @internal The publisher's `messages`, over the catalogue. */
  private readonly _overrides: Messages;

  /**
   * `locale` is the catalogue's (what `loadLanguage` matched the tag to); numbers and plural
   * forms follow `lang` itself when Intl knows it.
   */
  constructor(
    readonly lang: string,
    catalogue: Partial<Catalogue> = english,
    overrides: Messages = {},
    locale: Locale = 'en',
  ) {
    this._catalogue = catalogue;
    this._overrides = overrides;
    this.locale = locale;
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

  /** `n` for the language: with `options`, or as the language writes numbers by default. */
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
