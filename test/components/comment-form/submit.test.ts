import '../../../src/components/comment-form/define.js';
import { expect, oneEvent } from '@open-wc/testing';
import type {
  CommentSubmitDetail,
  CommentErrorDetail,
  CommentSubmittedDetail,
} from '../../../src/components/shared/events.js';
import { pendingComments } from '../../../src/client/pending.js';
import { en } from '../../../src/i18n/en.js';
import { json, restoreFetch, stubFetch } from '../helpers/fetch-stub.js';
import {
  alertText,
  announcer,
  clearStorage,
  comment,
  field,
  fill,
  hintOf,
  makeForm,
  root,
  statusText,
  submit,
  submitButton,
  until,
} from './helpers.js';

describe('<comment-form> sending', () => {
  beforeEach(() => clearStorage());
  afterEach(() => restoreFetch());

  it('keeps the author token of an answer and sends it with the next post from the same email only', async () => {
    const calls = stubFetch(
      json(202, { comment: comment({ status: 'pending' }), authorToken: 'c1.token-for-ada' }),
      json(201, { comment: comment() }),
    );
    const el = await makeForm();
    await fill(el, { email: 'Ada@Example.com', name: 'Ada', message: 'First' });
    await submit(el);
    await until(() => calls.length === 1 && !!statusText(el));
    expect(calls[0]!.body).to.not.have.property('authorToken');

    await fill(el, { email: 'ada@example.com', name: 'Ada', message: 'Second' });
    await submit(el);
    await until(() => calls.length === 2);
    expect(calls[1]!.body!.authorToken).to.equal('c1.token-for-ada');

    await fill(el, { email: 'someone@example.com', name: 'Ada', message: 'Third' });
    await submit(el);
    await until(() => calls.length === 3);
    expect(calls[2]!.body).to.not.have.property('authorToken');
  });

  it('posts the payload with an Idempotency-Key; 201 says published, clears the message, keeps name and email', async () => {
    const calls = stubFetch(json(201, { comment: comment() }));
    const el = await makeForm();
    await fill(el, { email: 'ada@example.com', name: ' Ada ', message: 'Hello there\n' });
    const submitted = oneEvent(el, 'comment-submitted');
    await submit(el);
    const event = (await submitted) as CustomEvent<CommentSubmittedDetail>;

    expect(calls).to.have.length(1);
    const call = calls[0]!;
    expect(call.method).to.equal('POST');
    expect(call.url).to.equal('https://api.test/api/threads/t-1/comments');
    expect(call.headers.get('Content-Type')).to.equal('application/json');
    expect(call.headers.get('Idempotency-Key')).to.match(/^[A-Za-z0-9_.:-]{8,128}$/);
    expect(call.body).to.deep.equal({
      name: 'Ada',
      email: 'ada@example.com',
      message: 'Hello there',
      website: '',
      lang: 'en',
    });

    expect(statusText(el)).to.equal('Thank you! Your comment is published.');
    expect(root(el).querySelector('.status.success')!.getAttribute('role')).to.equal('status');
    expect(field(el, 'message').value).to.equal('');
    expect(field(el, 'name').value).to.equal(' Ada ');
    expect(field(el, 'email').value).to.equal('ada@example.com');
    expect(root(el).querySelectorAll('.feedback:not([hidden])')).to.have.length(0);
    expect(event.detail).to.deep.equal({ comment: comment(), status: 'published' });
    expect(event.bubbles && event.composed).to.equal(true);
    expect(localStorage.getItem('article-feedback:draft:t-1')).to.equal(null);
    expect(JSON.parse(localStorage.getItem('article-feedback:identity')!)).to.deep.equal({
      name: 'Ada',
      email: 'ada@example.com',
    });
    await expect(el).to.be.accessible();
  });

  it('shows progress and is disabled while sending', async () => {
    let answer!: (r: Response) => void;
    stubFetch(() => new Promise<Response>((r) => (answer = r)));
    const el = await makeForm();
    await fill(el);
    submitButton(el).click();
    await el.updateComplete;
    const button = submitButton(el);
    expect(button.disabled).to.equal(true);
    expect(button.getAttribute('aria-busy')).to.equal('true');
    expect(button.textContent!.trim()).to.equal('Sending…');
    await until(() => answer !== undefined);
    answer(json(201, { comment: comment() }));
    await until(() => !submitButton(el).disabled);
    expect(submitButton(el).textContent!.trim()).to.equal('Post comment');
    expect(submitButton(el).getAttribute('aria-busy')).to.equal('false');
  });

  it('202 says awaiting moderation and keeps the comment for its author', async () => {
    const pending = comment({ id: 'p1', status: 'pending' });
    stubFetch(json(202, { comment: pending }));
    const el = await makeForm();
    await fill(el);
    const submitted = oneEvent(el, 'comment-submitted');
    await submit(el);
    const event = (await submitted) as CustomEvent<CommentSubmittedDetail>;
    expect(statusText(el)).to.equal('Thank you! Your comment is awaiting moderation.');
    expect(event.detail.status).to.equal('pending');
    expect(field(el, 'message').value).to.equal('');
    expect(pendingComments.list('t-1').map((c) => c.id)).to.deep.equal(['p1']);
  });

  it('422 shows the server field errors inline, in the catalogue wording', async () => {
    stubFetch(
      json(422, {
        error: 'validation',
        message: 'Some fields are not valid.',
        fields: { email: 'email.invalid', name: 'name.control', message: 'something.unknown' },
      }),
    );
    const el = await makeForm();
    await fill(el);
    const failed = oneEvent(el, 'comment-error');
    await submit(el);
    const event = (await failed) as CustomEvent<CommentErrorDetail>;
    expect(event.detail.status).to.equal(422);
    expect(hintOf(el, 'email')!.textContent!.trim()).to.equal('Please enter a valid email address.');
    expect(hintOf(el, 'name')!.textContent!.trim()).to.equal(
      'Please remove invisible control characters from your name.',
    );
    expect(hintOf(el, 'message')!.textContent!.trim()).to.equal('This value is not valid.');
    expect(field(el, 'email').getAttribute('aria-invalid')).to.equal('true');
    expect(root(el).activeElement).to.equal(field(el, 'email'));
    await until(() => announcer(el).textContent!.trim() === '3 fields need your attention.');
    // Editing a field hands it back to the client-side check.
    const input = field(el, 'name');
    input.value = 'Ada Lovelace';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(hintOf(el, 'name')!.textContent!.trim()).to.equal('Looks good!');
    // Nothing typed is lost.
    expect(field(el, 'message').value).to.equal('Hello there');
  });

  it('422 in another language shows the same keys in that language', async () => {
    stubFetch(json(422, { error: 'validation', message: 'x', fields: { name: 'name.required' } }));
    const el = await makeForm();
    el.messages = { 'name.required': 'Bitte Namen eingeben.' };
    await fill(el);
    await submit(el);
    expect(hintOf(el, 'name')!.textContent!.trim()).to.equal('Bitte Namen eingeben.');
  });

  it('403 with a captcha verdict shows the captcha hint inline', async () => {
    stubFetch(
      json(403, { error: 'captcha_failed', message: 'Captcha failed.', fields: { captcha: 'captcha.invalid' } }),
    );
    const el = await makeForm();
    await fill(el);
    const failed = oneEvent(el, 'comment-error');
    await submit(el);
    expect(((await failed) as CustomEvent<CommentErrorDetail>).detail.status).to.equal(403);
    const hints = [...root(el).querySelectorAll('.captcha-field .feedback.invalid')].map((n) => n.textContent!.trim());
    expect(hints).to.deep.equal(['The captcha could not be verified. Please try again.']);
    expect(field(el, 'message').value).to.equal('Hello there');
  });

  it('429 says how many seconds to wait, from Retry-After', async () => {
    stubFetch(json(429, { error: 'rate_limited', message: 'Too many requests.' }, { 'Retry-After': '42' }));
    const el = await makeForm();
    await fill(el);
    const failed = oneEvent(el, 'comment-error');
    await submit(el);
    const event = (await failed) as CustomEvent<CommentErrorDetail>;
    expect(alertText(el)).to.equal('You are commenting too fast. Please try again in 42 seconds.');
    expect(event.detail).to.deep.equal({
      status: 429,
      message: 'You are commenting too fast. Please try again in 42 seconds.',
    });
    expect(field(el, 'message').value).to.equal('Hello there');
  });

  it('429 with one second left uses the singular', async () => {
    stubFetch(json(429, { error: 'rate_limited', message: 'Too many requests.' }, { 'Retry-After': '1' }));
    const el = await makeForm();
    await fill(el);
    await submit(el);
    expect(alertText(el)).to.equal('You are commenting too fast. Please try again in 1 second.');
  });

  it('500 keeps everything and offers a retry that reuses the same Idempotency-Key', async () => {
    const calls = stubFetch(
      json(500, { error: 'internal', message: 'Internal error.' }),
      json(201, { comment: comment() }),
    );
    const el = await makeForm();
    await fill(el);
    const failed = oneEvent(el, 'comment-error');
    await submit(el);
    const event = (await failed) as CustomEvent<CommentErrorDetail>;
    expect(event.detail).to.deep.equal({
      status: 500,
      message: 'Your comment could not be sent. It is saved here — try again.',
    });
    expect(alertText(el)).to.equal('Your comment could not be sent. It is saved here — try again.');
    expect(field(el, 'message').value).to.equal('Hello there');
    expect(JSON.parse(localStorage.getItem('article-feedback:draft:t-1')!).message).to.equal('Hello there');

    const retry = root(el).querySelector<HTMLButtonElement>('button.retry')!;
    expect(retry.textContent!.trim()).to.equal('Try again');
    const submitted = oneEvent(el, 'comment-submitted');
    retry.click();
    await submitted;
    expect(calls).to.have.length(2);
    const first = calls[0]!.headers.get('Idempotency-Key');
    expect(first).to.be.a('string').and.not.equal('');
    expect(calls[1]!.headers.get('Idempotency-Key')).to.equal(first);
    expect(calls[1]!.body).to.deep.equal(calls[0]!.body);
    expect(statusText(el)).to.equal('Thank you! Your comment is published.');
    expect(root(el).querySelector('button.retry')).to.equal(null);
  });

  it('a network failure says so (status 0), and the retry carries the same key', async () => {
    const calls = stubFetch(new TypeError('Failed to fetch'), json(201, { comment: comment() }));
    const el = await makeForm();
    await fill(el);
    const failed = oneEvent(el, 'comment-error');
    await submit(el);
    const event = (await failed) as CustomEvent<CommentErrorDetail>;
    expect(event.detail).to.deep.equal({
      status: 0,
      message: 'Your comment could not be sent. It is saved here — try again.',
    });
    expect(alertText(el)).to.equal('Your comment could not be sent. It is saved here — try again.');
    root(el).querySelector<HTMLButtonElement>('button.retry')!.click();
    await until(() => calls.length === 2);
    expect(calls[1]!.headers.get('Idempotency-Key')).to.equal(calls[0]!.headers.get('Idempotency-Key'));
  });

  it('a changed text after a failure gets a new Idempotency-Key', async () => {
    const calls = stubFetch(json(503, { error: 'internal', message: 'x' }), json(201, { comment: comment() }));
    const el = await makeForm();
    await fill(el);
    await submit(el);
    await fill(el, { message: 'Hello there, edited' });
    await submit(el);
    expect(calls).to.have.length(2);
    expect(calls[1]!.headers.get('Idempotency-Key')).to.not.equal(calls[0]!.headers.get('Idempotency-Key'));
  });

  it('each new text gets a key that sorts after the earlier ones (the server indexes keys in that order)', async () => {
    const calls = stubFetch(...Array.from({ length: 8 }, () => json(503, { error: 'internal', message: 'x' })));
    const el = await makeForm();
    for (let n = 1; n <= 8; n++) {
      await fill(el, { message: `Hello there, take ${n}` });
      await submit(el);
      await until(() => calls.length === n);
      await new Promise((resolve) => setTimeout(resolve, 2)); // the next key in a later millisecond
    }
    const keys = calls.map((call) => call.headers.get('Idempotency-Key')!);
    expect(new Set(keys).size).to.equal(8);
    expect([...keys].sort()).to.deep.equal(keys);
  });

  it('comment-submit is cancelable: a canceled submit sends nothing', async () => {
    const calls = stubFetch(json(201, { comment: comment() }));
    const el = await makeForm('parent="c7"');
    await fill(el);
    let detail: CommentSubmitDetail | undefined;
    el.addEventListener('comment-submit', (e) => {
      detail = e.detail;
      e.preventDefault();
    });
    await submit(el);
    expect(calls).to.have.length(0);
    expect(detail).to.deep.equal({
      name: 'Ada',
      email: 'ada@example.com',
      message: 'Hello there',
      parent: 'c7',
      website: '',
      lang: 'en',
      thread: 't-1',
    });
    expect(submitButton(el).disabled).to.equal(false);
    expect(field(el, 'message').value).to.equal('Hello there');
  });

  it('with the real <af-captcha> and captcha="auto", asks GET /captcha and sends without a captcha when it says none', async () => {
    const calls = stubFetch(() =>
      Promise.resolve(
        calls.at(-1)!.method === 'GET' ? json(200, { provider: 'none' }) : json(201, { comment: comment() }),
      ),
    );
    // Every form before this one had captcha="none": none of them loaded the captcha's code.
    expect(customElements.get('af-captcha')).to.equal(undefined);
    const el = await makeForm('captcha="auto"');
    expect(root(el).querySelector('af-captcha')).to.not.equal(null);
    expect(customElements.get('af-captcha')).to.equal(undefined);
    await fill(el);
    // The first input loaded and registered it.
    await customElements.whenDefined('af-captcha');
    await submit(el);
    expect(calls.map((c) => `${c.method} ${c.url}`)).to.deep.equal([
      'GET https://api.test/api/captcha',
      'POST https://api.test/api/threads/t-1/comments',
    ]);
    expect(calls[1]!.body).to.not.have.property('captcha');
    expect(statusText(el)).to.equal('Thank you! Your comment is published.');
  });

  it('with captcha="auto", a failed GET /captcha says the comment could not be sent (not "complete the captcha") and keeps the text', async () => {
    const calls = stubFetch(json(503, { error: 'unavailable', message: 'down' }));
    const el = await makeForm('captcha="auto"');
    await fill(el);
    await submit(el);
    expect(calls.every((c) => c.method === 'GET' && c.url === 'https://api.test/api/captcha')).to.equal(true);
    expect(alertText(el)).to.equal(en['form.failed']);
    expect(root(el).querySelector('button.retry')!.textContent!.trim()).to.equal(en['form.retry']);
    expect(root(el).querySelector('.captcha-field .feedback:not([hidden])')).to.equal(null);
    expect(root(el).textContent).to.not.contain(en['captcha.requiredOther']);
    expect(field(el, 'message').value).to.equal('Hello there');
    await expect(el).to.be.accessible();

    // Try again asks for the captcha again; once the server answers, the comment goes out.
    stubFetch(
      (() => {
        let n = 0;
        return () => (n++ === 0 ? json(200, { provider: 'none' }) : json(201, { comment: comment() }));
      })(),
    );
    root(el).querySelector<HTMLButtonElement>('button.retry')!.click();
    await until(() => root(el).querySelector('.status.success')!.textContent!.trim() !== '');
    expect(statusText(el)).to.equal('Thank you! Your comment is published.');
  });

  it('a reply carries its parent', async () => {
    const calls = stubFetch(json(201, { comment: comment({ parent: 'c7' }) }));
    const el = await makeForm('parent="c7"');
    await fill(el);
    await submit(el);
    expect(calls[0]!.body!.parent).to.equal('c7');
  });

  it('sends what a bot put into the honeypot as website', async () => {
    const calls = stubFetch(json(201, { comment: comment() }));
    const el = await makeForm();
    await fill(el);
    root(el).querySelector<HTMLInputElement>('input[name="website"]')!.value = 'https://spam.example';
    await submit(el);
    expect(calls[0]!.body!.website).to.equal('https://spam.example');
  });
});
