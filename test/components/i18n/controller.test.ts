import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement, html as litHtml, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { LocaleController } from '../../../src/i18n/controller.js';
import type { Messages } from '../../../src/i18n/index.js';

/** The smallest element that uses the controller the way the real ones do. */
class L10nProbe extends LitElement {
  @property() override lang = '';
  @property({ type: Number }) count = 2;
  @property({ attribute: false }) messages: Messages | undefined;
  renders = 0;
  readonly l10n = new LocaleController(this);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('lang') || changed.has('messages')) this.l10n.refresh();
  }

  protected override render() {
    this.renders++;
    const tr = this.l10n.tr;
    return litHtml`<h2>${tr.t('feedback.heading')}</h2><p>${tr.plural('list.count', this.count)}</p>`;
  }
}
customElements.define('l10n-probe', L10nProbe);

const text = (el: L10nProbe) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();

describe('LocaleController', () => {
  it('renders English at once', async () => {
    const el = await fixture<L10nProbe>(html`<l10n-probe lang="en"></l10n-probe>`);
    expect(text(el)).to.equal('Leave a Comment2 comments');
  });

  it('loads a catalogue on demand and re-renders in that language', async () => {
    const el = await fixture<L10nProbe>(html`<l10n-probe lang="de"></l10n-probe>`);
    await waitUntil(() => text(el).startsWith('Kommentar schreiben'), 'German never arrived');
    expect(text(el)).to.equal('Kommentar schreiben2 Kommentare');
    expect(el.l10n.tr.locale).to.equal('de');
  });

  it("follows an ancestor's lang, regional tags included", async () => {
    const wrap = await fixture(html`<div lang="pt-BR"><l10n-probe .count=${1}></l10n-probe></div>`);
    const el = wrap.querySelector<L10nProbe>('l10n-probe')!;
    await waitUntil(() => text(el).startsWith('Deixe'), 'Portuguese never arrived');
    expect(text(el)).to.equal('Deixe um comentário1 comentário');
  });

  it('switches language when lang changes', async () => {
    const el = await fixture<L10nProbe>(html`<l10n-probe lang="en" .count=${0}></l10n-probe>`);
    el.lang = 'fr';
    await waitUntil(() => text(el).startsWith('Laisser'), 'French never arrived');
    expect(text(el)).to.equal('Laisser un commentaire0 commentaire');
    el.lang = 'es';
    await waitUntil(() => text(el).startsWith('Deja'), 'Spanish never arrived');
    expect(text(el)).to.equal('Deja un comentario0 comentarios');
  });

  it('a late catalogue does not overwrite a newer language', async () => {
    const el = await fixture<L10nProbe>(html`<l10n-probe lang="en"></l10n-probe>`);
    el.lang = 'es';
    el.lang = 'en';
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 100));
    expect(text(el)).to.equal('Leave a Comment2 comments');
  });

  it('an unknown language shows English', async () => {
    const el = await fixture<L10nProbe>(html`<l10n-probe lang="sw"></l10n-probe>`);
    await new Promise((r) => setTimeout(r, 50));
    expect(text(el)).to.equal('Leave a Comment2 comments');
  });

  it('applies messages overrides, also on top of a loaded catalogue', async () => {
    const el = await fixture<L10nProbe>(
      html`<l10n-probe lang="de" .messages=${{ 'feedback.heading': 'Ihre Meinung' }}></l10n-probe>`,
    );
    await waitUntil(() => text(el).includes('Kommentare'), 'German never arrived');
    expect(text(el)).to.equal('Ihre Meinung2 Kommentare');
    el.messages = { 'list.count': (c) => (c === 'one' ? '{n} Beitrag' : '{n} Beiträge') };
    await el.updateComplete;
    expect(text(el)).to.equal('Kommentar schreiben2 Beiträge');
  });
});
