// "Email me when someone replies" (#16, SPEC §6.7): offered only when GET /config says the
// server sends email, unticked by default; the post then carries `notify` and `lang`.
import '../../../src/components/comment-form/define.js';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CommentForm } from '../../../src/components/comment-form/comment-form.js';
import { answerConfig, configCalls, json, restoreFetch, stubFetch } from '../helpers/fetch-stub.js';
import { clearStorage, comment, fill, root, submit, until } from './helpers.js';

const checkbox = (el: CommentForm) => root(el).querySelector<HTMLInputElement>('input[name="notify"]');

describe('<comment-form> reply emails', () => {
  beforeEach(() => clearStorage());
  afterEach(() => restoreFetch());

  it('offers an unticked checkbox when the server sends email, and sends notify and lang', async () => {
    answerConfig({ mail: true });
    const calls = stubFetch(json(201, { comment: comment() }));
    const wrapper = document.createElement('div');
    wrapper.lang = 'fr';
    document.body.append(wrapper);
    try {
      wrapper.innerHTML = '<comment-form endpoint="https://api.test/api" thread="t-1" captcha="none"></comment-form>';
      const el = wrapper.querySelector('comment-form')!;
      await el.updateComplete;
      expect(checkbox(el), 'nothing before the first touch').to.equal(null);
      await fill(el);
      await until(() => !!checkbox(el));
      expect(configCalls).to.deep.equal(['https://api.test/api/config']);
      const box = checkbox(el)!;
      expect(box.checked).to.equal(false);
      expect(box.closest('label')!.textContent!.trim()).to.equal("M'envoyer un e-mail quand quelqu'un répond");
      await expect(el).to.be.accessible();
      // By keyboard: Tab from the message to the checkbox, Space ticks it.
      box.focus();
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(box.checked).to.equal(true);
      await submit(el);
      expect(calls).to.have.length(1);
      expect(calls[0]!.body).to.include({ notify: true, lang: 'fr' });
      // The next comment starts unticked again.
      expect(checkbox(el)!.checked).to.equal(false);
    } finally {
      wrapper.remove();
    }
  });

  it('shows no checkbox when mail is off, and sends no notify', async () => {
    const calls = stubFetch(json(201, { comment: comment() }));
    // Its own endpoint: the answer of GET /config is kept per endpoint for the page's life.
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    wrapper.innerHTML = '<comment-form endpoint="https://no-mail.test/api" thread="t-1" captcha="none"></comment-form>';
    const el = wrapper.querySelector('comment-form')!;
    await el.updateComplete;
    await fill(el);
    await until(() => configCalls.includes('https://no-mail.test/api/config'));
    await new Promise((r) => setTimeout(r, 50));
    expect(checkbox(el)).to.equal(null);
    await submit(el);
    expect(calls[0]!.body).to.not.have.property('notify');
    expect(calls[0]!.body!.lang).to.equal('en');
  });
});
