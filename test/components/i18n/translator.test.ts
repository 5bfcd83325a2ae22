import { expect, fixture, html } from '@open-wc/testing';
import { en } from '../../../src/i18n/en.js';
import { fr } from '../../../src/i18n/lazy/fr.js';
import { de } from '../../../src/i18n/lazy/de.js';
import { es } from '../../../src/i18n/lazy/es.js';
import { pt } from '../../../src/i18n/lazy/pt.js';
import { enFirst } from '../../../src/i18n/en-first.js';
import { enLater } from '../../../src/i18n/en-later.js';
import { enCount } from '../../../src/i18n/en-count.js';
import { enCountRated } from '../../../src/i18n/en-count-rated.js';
import { addEnglish, closestComposed, resolveLang, Translator } from '../../../src/i18n/index.js';
import { normalizeLocale } from '../../../src/i18n/locales.js';

// Runs first (mocha keeps the order): nothing in this file has loaded an on-demand chunk yet.
describe('English in two parts', () => {
  it('knows the first part at once, and the later part once a chunk adds it', () => {
    const tr = new Translator('en');
    expect(tr.t('list.empty')).to.equal('Leave the first review');
    // Before any chunk that shows field checks or server answers has loaded: only the key.
    expect(tr.t('form.valid')).to.equal('form.valid');
    expect(tr.has('email.invalid')).to.equal(false);
    addEnglish(enLater);
    expect(tr.t('form.valid')).to.equal('Looks good!');
    expect(tr.plural('form.invalidCount', 3)).to.equal('3 fields need your attention.');
    expect(tr.has('email.invalid')).to.equal(true);
  });

  it('together the parts (and <comment-count>’s own, #18) are the whole English catalogue, with no key in two', () => {
    const first = Object.keys(enFirst);
    const later = Object.keys(enLater);
    const count = [...Object.keys(enCount), ...Object.keys(enCountRated)];
    expect(first.filter((k) => later.includes(k) || count.includes(k))).to.deep.equal([]);
    expect(later.filter((k) => count.includes(k))).to.deep.equal([]);
    expect([...first, ...later, ...count].sort()).to.deep.equal(Object.keys(en).sort());
  });
});

describe('normalizeLocale', () => {
  it('keeps the languages we have', () => {
    for (const tag of ['en', 'es', 'pt', 'fr', 'de']) expect(normalizeLocale(tag)).to.equal(tag);
  });
  it('reduces a regional tag to its language, whatever the case or separator', () => {
    expect(normalizeLocale('pt-BR')).to.equal('pt');
    expect(normalizeLocale('pt_PT')).to.equal('pt');
    expect(normalizeLocale('DE-at')).to.equal('de');
    expect(normalizeLocale('es-419')).to.equal('es');
    expect(normalizeLocale('fr-CA')).to.equal('fr');
  });
  it('falls back to English for an unknown, empty or missing tag', () => {
    expect(normalizeLocale('sw')).to.equal('en');
    expect(normalizeLocale('xx-YY')).to.equal('en');
    expect(normalizeLocale('')).to.equal('en');
    expect(normalizeLocale(null)).to.equal('en');
    expect(normalizeLocale(undefined)).to.equal('en');
  });
});

describe('resolveLang', () => {
  it("uses the element's own lang first", async () => {
    const el = await fixture(html`<div lang="de"><span lang="fr"></span></div>`);
    expect(resolveLang(el.querySelector('span')!)).to.equal('fr');
  });

  it("uses the nearest ancestor's lang", async () => {
    const el = await fixture(
      html`<section lang="es">
        <div lang="pt-BR">
          <p><span></span></p>
        </div>
      </section>`,
    );
    expect(resolveLang(el.querySelector('span')!)).to.equal('pt-BR');
    expect(normalizeLocale(resolveLang(el.querySelector('span')!))).to.equal('pt');
  });

  it('skips an empty lang and keeps looking up', async () => {
    const el = await fixture(html`<div lang="de"><span lang=""></span></div>`);
    expect(resolveLang(el.querySelector('span')!)).to.equal('de');
  });

  it("crosses shadow roots to the host's ancestors", async () => {
    const outer = await fixture(html`<div lang="fr"><div class="host"></div></div>`);
    const host = outer.querySelector('.host')!;
    const root = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('span');
    const wrapper = document.createElement('div');
    wrapper.append(inner);
    root.append(wrapper);
    expect(resolveLang(inner)).to.equal('fr');
    expect(closestComposed(inner, '.host')).to.equal(host);
    wrapper.setAttribute('lang', 'de');
    expect(resolveLang(inner)).to.equal('de');
  });

  it('falls back to en when nothing carries a lang', async () => {
    const saved = document.documentElement.getAttribute('lang');
    document.documentElement.removeAttribute('lang');
    try {
      const el = await fixture(html`<div><span></span></div>`);
      expect(resolveLang(el.querySelector('span')!)).to.equal('en');
    } finally {
      if (saved !== null) document.documentElement.setAttribute('lang', saved);
    }
  });

  it('an unknown lang resolves to English text', async () => {
    const el = await fixture(html`<div lang="sw"></div>`);
    const tr = new Translator(resolveLang(el));
    expect(tr.locale).to.equal('en');
    expect(tr.t('list.empty')).to.equal('Leave the first review');
  });
});

describe('Translator', () => {
  it('fills placeholders', () => {
    const tr = new Translator('en');
    expect(tr.t('rating.star', { n: 3, max: 5 })).to.equal('3 of 5 stars');
    expect(tr.t('list.replyTo', { name: 'Ana' })).to.equal('Reply to Ana');
  });

  it('leaves an unknown placeholder visible rather than dropping text', () => {
    expect(new Translator('en').t('list.replyTo')).to.equal('Reply to {name}');
  });

  it('the messages override replaces a string, and other keys still come from the catalogue', () => {
    const tr = new Translator('de', de, { 'form.submit': 'Abschicken', 'list.empty': 'Noch still hier.' });
    expect(tr.t('form.submit')).to.equal('Abschicken');
    expect(tr.t('list.empty')).to.equal('Noch still hier.');
    expect(tr.t('form.name')).to.equal('Name');
    expect(tr.t('email.required')).to.equal('Bitte geben Sie Ihre E-Mail-Adresse ein.');
  });

  it('an override can be a plural function or a plain string for a plural key', () => {
    const fn = new Translator('en', en, { 'list.count': (c) => (c === 'one' ? 'one reply ({n})' : '{n} replies') });
    expect(fn.plural('list.count', 1)).to.equal('one reply (1)');
    expect(fn.plural('list.count', 7)).to.equal('7 replies');
    const plain = new Translator('en', en, { 'list.count': 'Comments: {n}' });
    expect(plain.plural('list.count', 7)).to.equal('Comments: 7');
  });

  it('English plurals: 1 comment, 2 comments, 0 comments', () => {
    const tr = new Translator('en');
    expect(tr.plural('list.count', 1)).to.equal('1 comment');
    expect(tr.plural('list.count', 2)).to.equal('2 comments');
    expect(tr.plural('list.count', 0)).to.equal('0 comments');
    expect(tr.plural('form.charsLeft', 1)).to.equal('1 character left');
    expect(tr.plural('form.invalidCount', 3)).to.equal('3 fields need your attention.');
  });

  it('French plurals: 0 and 1 are singular, a million takes "de" (CLDR `many`)', () => {
    const tr = new Translator('fr', fr);
    expect(tr.plural('list.count', 0)).to.equal('0 commentaire');
    expect(tr.plural('list.count', 1)).to.equal('1 commentaire');
    expect(tr.plural('list.count', 2)).to.equal('2 commentaires');
    expect(tr.plural('list.count', 1_000_000)).to.equal('1\u202f000\u202f000 de commentaires');
  });

  it('German plurals', () => {
    const tr = new Translator('de', de);
    expect(tr.plural('list.count', 1)).to.equal('1 Kommentar');
    expect(tr.plural('list.count', 2)).to.equal('2 Kommentare');
    expect(tr.plural('list.count', 0)).to.equal('0 Kommentare');
    expect(tr.plural('form.invalidCount', 1)).to.equal('1 Feld braucht Ihre Aufmerksamkeit.');
    expect(tr.plural('form.rateLimited', 30)).to.equal(
      'Sie kommentieren zu schnell. Bitte versuchen Sie es in 30 Sekunden erneut.',
    );
  });

  it('Spanish and Portuguese plurals, with `many` (a million) taking "de"', () => {
    const es1 = new Translator('es', es);
    expect(es1.plural('list.count', 1)).to.equal('1 comentario');
    expect(es1.plural('list.count', 5)).to.equal('5 comentarios');
    expect(es1.plural('list.count', 1_000_000)).to.equal('1.000.000 de comentarios');
    const pt1 = new Translator('pt-BR', pt);
    expect(pt1.plural('list.count', 1)).to.equal('1 comentário');
    expect(pt1.plural('list.count', 2)).to.equal('2 comentários');
    expect(pt1.plural('list.count', 1_000_000)).to.equal('1.000.000 de comentários');
  });

  it('formats numbers for the language', () => {
    expect(new Translator('de', de).t('rating.summary', { n: 12, average: 4.3 })).to.equal('4,3 · 12 Bewertungen');
    expect(new Translator('en').t('rating.summary', { n: 1, average: 4.5 })).to.equal('4.5 · 1 rating');
    expect(new Translator('fr', fr).t('rating.star', { n: 3, max: 5 })).to.equal('3 étoiles sur 5');
    expect(new Translator('de', de).formatNumber(4.25, { maximumFractionDigits: 1 })).to.equal('4,3');
    expect(new Translator('en').formatNumber(1234)).to.equal('1,234');
    expect(new Translator('de', de).formatNumber(1234)).to.equal('1.234');
  });

  it('a malformed lang tag does not throw and reads English', () => {
    const tr = new Translator('not a tag!!');
    expect(tr.locale).to.equal('en');
    expect(tr.plural('list.count', 2)).to.equal('2 comments');
  });

  it('has() tells message keys from other strings', () => {
    const tr = new Translator('en');
    expect(tr.has('email.invalid')).to.equal(true);
    expect(tr.has('nope.nothing')).to.equal(false);
  });
});

describe('resolveLang and the lang property', () => {
  it('reads the lang property of an element even when it is not reflected', async () => {
    const wrap = await fixture(html`<div lang="de"><p></p></div>`);
    const p = wrap.querySelector('p')!;
    expect(resolveLang(p)).to.equal('de');
    p.lang = 'fr';
    expect(resolveLang(p)).to.equal('fr');
  });
});
