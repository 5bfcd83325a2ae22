import { expect } from '@open-wc/testing';
import { en } from '../../../src/i18n/en.js';
import { es } from '../../../src/i18n/lazy/es.js';
import { pt } from '../../../src/i18n/lazy/pt.js';
import { fr } from '../../../src/i18n/lazy/fr.js';
import { de } from '../../../src/i18n/lazy/de.js';
import { loadCatalogue, SUPPORTED_LOCALES, Translator } from '../../../src/i18n/index.js';
import type { Catalogue, Locale } from '../../../src/i18n/index.js';
import { FIELD_ERROR_KEYS } from '../../../src/contract/keys.js';

const catalogues: Record<Exclude<Locale, 'en'>, Catalogue> = { es, pt, fr, de };
const englishKeys = Object.keys(en).sort();
const pluralKeys = englishKeys.filter((k) => typeof en[k as keyof Catalogue] === 'function');
const categories: Intl.LDMLPluralRule[] = ['zero', 'one', 'two', 'few', 'many', 'other'];

describe('catalogues', () => {
  it('every supported locale other than English has a catalogue under test', () => {
    expect(Object.keys(catalogues).sort()).to.deep.equal(SUPPORTED_LOCALES.filter((l) => l !== 'en').sort());
  });

  it('English has plural entries to check', () => {
    expect(pluralKeys).to.include.members(['list.count', 'form.charsLeft', 'rating.summary']);
  });

  it('every contract field-error key has an English message', () => {
    for (const key of FIELD_ERROR_KEYS) {
      expect(en, `en lacks ${key}`).to.have.property(key);
    }
  });

  for (const [lang, cat] of Object.entries(catalogues)) {
    describe(lang, () => {
      it('has exactly the keys of the English catalogue', () => {
        const keys = Object.keys(cat).sort();
        const missing = englishKeys.filter((k) => !keys.includes(k));
        const extra = keys.filter((k) => !englishKeys.includes(k));
        expect(missing, `${lang} is missing keys`).to.deep.equal([]);
        expect(extra, `${lang} has keys English does not`).to.deep.equal([]);
      });

      it('has no empty message and the same kind of entry as English', () => {
        for (const key of englishKeys) {
          const entry = cat[key as keyof Catalogue];
          const english = en[key as keyof Catalogue];
          expect(typeof entry, `${lang} ${key}`).to.equal(typeof english);
          if (typeof entry === 'string') expect(entry.trim(), `${lang} ${key} is empty`).not.to.equal('');
        }
      });

      it('keeps every placeholder of the English message', () => {
        const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
        for (const key of englishKeys) {
          const entry = cat[key as keyof Catalogue];
          const english = en[key as keyof Catalogue];
          const forms = (e: typeof entry | undefined) => (typeof e === 'function' ? [e('one'), e('other')] : [e ?? '']);
          const want = [...new Set(forms(english).flatMap(placeholders))].sort();
          for (const form of forms(entry)) {
            expect(placeholders(form), `${lang} ${key}: "${form}"`).to.have.members(want);
          }
        }
      });

      it('each plural entry returns a non-empty template with {n} for every CLDR category', () => {
        for (const key of pluralKeys) {
          const entry = cat[key as keyof Catalogue];
          if (typeof entry !== 'function') throw new Error(`${lang} ${key} is not a plural entry`);
          for (const c of categories) {
            const text = entry(c);
            expect(text, `${lang} ${key} (${c})`).to.be.a('string').and.to.include('{n}');
          }
        }
      });

      it('differs from English (it is really translated)', () => {
        const same = englishKeys.filter((k) => {
          const a = cat[k as keyof Catalogue];
          const b = en[k as keyof Catalogue];
          return typeof a === 'string' && a === b;
        });
        // A few words are the same in several languages ("Name", "Message", "E-Mail"…).
        expect(same.length, `${lang} untranslated: ${same.join(', ')}`).to.be.below(4);
      });

      it('is the catalogue loadCatalogue() fetches on demand', async () => {
        expect(await loadCatalogue(lang as Locale)).to.equal(cat);
      });

      it('a translator for it formats a real sentence', () => {
        const tr = new Translator(lang, cat);
        const text = tr.plural('list.count', 3);
        expect(text).to.include('3');
        expect(text).not.to.equal(new Translator('en').plural('list.count', 3));
      });
    });
  }
});
