import { expect } from '@open-wc/testing';
import { en } from '../../../src/i18n/en.js';
import { loadCatalogue, SUPPORTED_LOCALES, Translator } from '../../../src/i18n/index.js';
import type { Catalogue, Entry, Locale, MessageKey } from '../../../src/i18n/index.js';
import { FIELD_ERROR_KEYS } from '../../../src/contract/keys.js';

const englishKeys = Object.keys(en).sort() as MessageKey[];
const pluralKeys = englishKeys.filter((k) => typeof en[k] === 'function');
const translated = SUPPORTED_LOCALES.filter((l): l is Exclude<Locale, 'en'> => l !== 'en');
const placeholders = (s: string) => [...new Set(s.match(/\{\w+\}/g) ?? [])].sort();

/** The plural categories `Intl.PluralRules` can return for a language (what CLDR defines for it). */
const categoriesOf = (lang: string) => new Intl.PluralRules(lang).resolvedOptions().pluralCategories;

/**
 * The whole numbers 0…1,000,000 that fall in each category, sampled: 0–1100 and a million. A
 * category that holds exactly one of them (Arabic `zero`, `one`, `two`; Hebrew `one`, `two`)
 * may spell the number out ("تعليقان", two comments), so its template may leave out `{n}`.
 */
function integersByCategory(lang: string): Map<Intl.LDMLPluralRule, number[]> {
  const rules = new Intl.PluralRules(lang);
  const found = new Map<Intl.LDMLPluralRule, number[]>();
  for (const n of [...Array.from({ length: 1101 }, (_, i) => i), 1e6]) {
    const c = rules.select(n);
    found.set(c, [...(found.get(c) ?? []), n]);
  }
  return found;
}

/** The categories a plural entry's code names: `(c) => (c === 'one' ? … : c === 'few' ? … : …)`. */
const categoriesNamedBy = (entry: Entry) =>
  (['zero', 'one', 'two', 'few', 'many'] as const).filter((c) => new RegExp(`['"\`]${c}['"\`]`).test(String(entry)));

describe('catalogues', () => {
  it('there are the thirty languages of issue 21', () => {
    expect(SUPPORTED_LOCALES).to.have.length(31);
  });

  it('English has plural entries to check', () => {
    expect(pluralKeys).to.include.members(['list.count', 'form.charsLeft', 'rating.summary']);
  });

  it('every contract field-error key has an English message', () => {
    for (const key of FIELD_ERROR_KEYS) {
      expect(en, `en lacks ${key}`).to.have.property(key);
    }
  });

  it('the category check reads plural entries as written', () => {
    const polishLike = (c: Intl.LDMLPluralRule) => (c === 'one' ? 'a' : c === 'few' ? 'b' : 'c');
    expect(categoriesNamedBy(polishLike)).to.deep.equal(['one', 'few']);
    expect(categoriesNamedBy(() => 'x')).to.deep.equal([]);
  });

  for (const lang of translated) {
    describe(lang, () => {
      let cat: Catalogue;
      before(async () => {
        cat = (await loadCatalogue(lang)) as Catalogue;
      });

      it('is its own chunk, fetched by loadCatalogue() and kept', async () => {
        expect(cat).not.to.equal(await loadCatalogue('en'));
        expect(await loadCatalogue(lang)).to.equal(cat);
      });

      it('has exactly the keys of the English catalogue', () => {
        const keys = Object.keys(cat).sort();
        expect(
          englishKeys.filter((k) => !keys.includes(k)),
          `${lang} is missing keys`,
        ).to.deep.equal([]);
        expect(
          keys.filter((k) => !(englishKeys as string[]).includes(k)),
          `${lang} has keys English does not`,
        ).to.deep.equal([]);
      });

      it('has no empty message and the same kind of entry as English', () => {
        for (const key of englishKeys) {
          const entry = cat[key];
          expect(typeof entry, `${lang} ${key}`).to.equal(typeof en[key]);
          if (typeof entry === 'string') expect(entry.trim(), `${lang} ${key} is empty`).not.to.equal('');
        }
      });

      it('keeps every placeholder of the English message, and adds none', () => {
        for (const key of englishKeys) {
          const entry = cat[key];
          if (typeof entry === 'string') {
            expect(placeholders(entry), `${lang} ${key}: "${entry}"`).to.deep.equal(placeholders(en[key] as string));
          }
        }
      });

      it('each plural entry names every CLDR category of the language (or one text for all), and no other', () => {
        const own = categoriesOf(lang);
        for (const key of pluralKeys) {
          const entry = cat[key];
          if (typeof entry !== 'function') throw new Error(`${lang} ${key} is not a plural entry`);
          // No parameter: deliberately the same words for every count (German "Zeichen", Japanese).
          if (entry.length === 0 && own.length > 1) continue;
          const named = categoriesNamedBy(entry);
          const wanted = own.filter((c) => c !== 'other');
          expect(named, `${lang} ${key} lacks a category of ${own.join(', ')}`).to.include.members(wanted);
          expect(named, `${lang} ${key} names a category ${lang} does not have`).to.satisfy((n: string[]) =>
            n.every((c) => (own as string[]).includes(c)),
          );
        }
      });

      it('each plural form keeps the English placeholders (a form for one single number may spell it out)', () => {
        const byCategory = integersByCategory(lang);
        for (const key of pluralKeys) {
          const entry = cat[key] as (c: Intl.LDMLPluralRule) => string;
          const english = en[key] as (c: Intl.LDMLPluralRule) => string;
          const want = placeholders(english('other'));
          for (const c of categoriesOf(lang)) {
            const form = entry(c);
            expect(form, `${lang} ${key} (${c})`).to.be.a('string');
            const spelledOut = byCategory.get(c)?.length === 1;
            const expected = spelledOut ? want.filter((p) => p !== '{n}') : want;
            expect(
              placeholders(form).filter((p) => !spelledOut || p !== '{n}'),
              `${lang} ${key} (${c}): "${form}"`,
            ).to.deep.equal(expected);
          }
        }
      });

      it('differs from English (it is really translated)', () => {
        const same = englishKeys.filter((k) => typeof cat[k] === 'string' && cat[k] === en[k]);
        // A few words are the same in several languages ("Name", "Email"…).
        expect(same.length, `${lang} untranslated: ${same.join(', ')}`).to.be.below(4);
      });

      it('a translator for it writes the count in the language and its digits', () => {
        const tr = new Translator(lang, cat);
        const text = tr.plural('list.count', 37);
        expect(text).to.include(new Intl.NumberFormat(lang).format(37));
        expect(text).not.to.equal(new Translator('en').plural('list.count', 37));
      });
    });
  }
});
