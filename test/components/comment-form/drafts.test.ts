import '../../../src/components/comment-form/define.js';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { CommentForm } from '../../../src/components/comment-form/comment-form.js';
import { json, restoreFetch, stubFetch } from '../helpers/fetch-stub.js';
import {
  clearStorage,
  comment,
  field,
  fill,
  makeForm,
  root,
  statusText,
  submit,
  submitButton,
  type,
  until,
} from './helpers.js';

describe('<comment-form> drafts', () => {
  beforeEach(() => clearStorage());
  afterEach(() => restoreFetch());

  it('keeps what the reader typed when the element is re-created (or the page reloads)', async () => {
    const first = await makeForm();
    await fill(first, { email: 'ada@example.com', name: 'Ada', message: 'A long thought\nwith two lines' });
    const host = first.parentElement!;
    first.remove();

    host.innerHTML = '<comment-form endpoint="https://api.test/api" thread="t-1" captcha="none"></comment-form>';
    const second = host.querySelector('comment-form')!;
    await second.updateComplete;
    expect(field(second, 'email').value).to.equal('ada@example.com');
    expect(field(second, 'name').value).to.equal('Ada');
    expect(field(second, 'message').value).to.equal('A long thought\nwith two lines');
    expect(root(second).querySelector('.note')!.textContent!.trim()).to.equal('Your unsent comment was restored.');
    // A restored draft is not "touched": no hints until the reader leaves a field or submits.
    expect(root(second).querySelectorAll('.feedback:not([hidden])')).to.have.length(0);
  });

  it('keeps drafts per thread and per reply parent', async () => {
    const a = await makeForm();
    await type(a, 'message', 'On the article');
    const b = await makeForm('parent="c3"');
    expect(field(b, 'message').value).to.equal('');
    await type(b, 'message', 'A reply');
    const c = await fixture<CommentForm>(
      html`<comment-form endpoint="https://api.test/api" thread="other" captcha="none"></comment-form>`,
    );
    expect(field(c, 'message').value).to.equal('');
    const again = await makeForm();
    expect(field(again, 'message').value).to.equal('On the article');
    const replyAgain = await makeForm('parent="c3"');
    expect(field(replyAgain, 'message').value).to.equal('A reply');
  });

  it('is not cleared by a failure, and is cleared after a 2xx; name and email are then pre-filled everywhere', async () => {
    stubFetch(json(500, { error: 'internal', message: 'x' }), json(201, { comment: comment() }));
    const el = await makeForm();
    await fill(el);
    await submit(el);
    expect(localStorage.getItem('article-feedback:draft:t-1')).to.not.equal(null);
    const again = await makeForm();
    expect(field(again, 'message').value).to.equal('Hello there');

    await submit(again);
    expect(statusText(again)).to.equal('Thank you! Your comment is published.');
    expect(localStorage.getItem('article-feedback:draft:t-1')).to.equal(null);

    const elsewhere = await fixture<CommentForm>(
      html`<comment-form endpoint="https://api.test/api" thread="t-2" captcha="none"></comment-form>`,
    );
    expect(field(elsewhere, 'name').value).to.equal('Ada');
    expect(field(elsewhere, 'email').value).to.equal('ada@example.com');
    expect(field(elsewhere, 'message').value).to.equal('');
  });
});

describe('<comment-form> keyboard', () => {
  beforeEach(() => clearStorage());
  afterEach(() => restoreFetch());

  it('can be filled with Tab and sent with Enter in an input', async () => {
    const calls = stubFetch(json(201, { comment: comment() }));
    const el = await makeForm();
    field(el, 'email').focus();
    await sendKeys({ type: 'kb@example.com' });
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal(field(el, 'name'));
    await sendKeys({ type: 'Key Board' });
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal(field(el, 'message'));
    await sendKeys({ type: 'Typed without a mouse' });
    // Then Preview and Formatting help (#18), offered since the first touch.
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.textContent?.trim()).to.equal('Preview');
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.localName).to.equal('summary');
    // The honeypot is skipped: the next Tab stop is the submit button.
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal(root(el).querySelector('button[type="submit"]'));
    field(el, 'name').focus();
    await sendKeys({ press: 'Enter' });
    await until(() => calls.length === 1);
    expect(calls[0]!.body).to.deep.include({
      name: 'Key Board',
      email: 'kb@example.com',
      message: 'Typed without a mouse',
    });
    await until(() => statusText(el) !== '');
    expect(statusText(el)).to.equal('Thank you! Your comment is published.');
  });

  it('a mouse click on the button sends, although leaving the message shows its hint and moves the button', async () => {
    const calls = stubFetch(json(201, { comment: comment() }));
    const el = await makeForm();
    await fill(el);
    field(el, 'message').focus();
    const box = submitButton(el).getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
    });
    await until(() => calls.length === 1);
    await until(() => statusText(el) === 'Thank you! Your comment is published.');
    await new Promise((r) => setTimeout(r, 50));
    expect(root(el).querySelectorAll('.feedback:not([hidden])')).to.have.length(0);
  });

  it('with the mouse on an invalid form, the hints show after the click', async () => {
    const calls = stubFetch();
    const el = await makeForm();
    field(el, 'email').focus();
    // What the first touch adds above the button (Preview and the formatting help, #18) is in place.
    await until(() => !!root(el).querySelector('button[aria-pressed]'));
    await el.updateComplete;
    const box = submitButton(el).getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
    });
    await until(() => root(el).querySelectorAll('.feedback.invalid').length === 3);
    expect(calls).to.have.length(0);
    expect(root(el).activeElement).to.equal(field(el, 'email'));
  });

  it('Enter in the message adds a line; Ctrl+Enter sends', async () => {
    const calls = stubFetch(json(201, { comment: comment() }));
    const el = await makeForm();
    await type(el, 'email', 'kb@example.com');
    await type(el, 'name', 'Kb');
    field(el, 'message').focus();
    await sendKeys({ type: 'one' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: 'two' });
    expect(field(el, 'message').value).to.equal('one\ntwo');
    expect(calls).to.have.length(0);
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Control' });
    await until(() => calls.length === 1);
    expect(calls[0]!.body!.message).to.equal('one\ntwo');
  });

  it('Enter on an invalid form moves focus to the first invalid field', async () => {
    const calls = stubFetch();
    const el = await makeForm();
    field(el, 'name').focus();
    await sendKeys({ type: 'Only a name' });
    await sendKeys({ press: 'Enter' });
    await until(() => root(el).activeElement === field(el, 'email'));
    expect(calls).to.have.length(0);
    await expect(el).to.be.accessible();
  });
});
