// This page registers <comment-form> from its class only, with a stand-in <af-captcha> that
// follows the documented interface, and no <article-rating>: the form must work without it.
import { expect, oneEvent } from '@open-wc/testing';
import { CommentForm } from '../../../src/components/comment-form/comment-form.js';
import { json, restoreFetch, stubFetch } from '../helpers/fetch-stub.js';
import { clearStorage, comment, fill, makeForm, root, submit, until } from './helpers.js';

class FakeCaptcha extends HTMLElement {
  starts = 0;
  resets = 0;
  next: string | null = 'solution-1';
  active = true;
  requiredKey = 'captcha.required';
  start(): void {
    this.starts++;
  }
  token(): Promise<string | null> {
    return Promise.resolve(this.next);
  }
  reset(): void {
    this.resets++;
  }
}
customElements.define('af-captcha', FakeCaptcha);
customElements.define('comment-form', CommentForm);

function captchaOf(el: CommentForm): FakeCaptcha {
  return root(el).querySelector('af-captcha') as unknown as FakeCaptcha;
}

function captchaHint(el: CommentForm): string | null {
  const hint = root(el).querySelector('.captcha-field .feedback:not([hidden])');
  return hint ? hint.textContent!.trim() : null;
}

describe('<comment-form> with a captcha', () => {
  beforeEach(() => clearStorage());
  afterEach(() => restoreFetch());

  it('renders <af-captcha> with its settings and starts it on the first touch only', async () => {
    const el = await makeForm('captcha="recaptcha" captcha-site-key="site-123"');
    const captcha = captchaOf(el) as FakeCaptcha & { provider: string; siteKey: string; endpoint: string };
    expect(captcha.provider).to.equal('recaptcha');
    expect(captcha.siteKey).to.equal('site-123');
    expect(captcha.endpoint).to.equal('https://api.test/api');
    expect(captcha.starts).to.equal(0);
    // A page in a background tab (the full run opens several at once) gets no focus events
    // from focus(); there, fire the focusin the browser would fire for the reader.
    const touch = (name: string) => {
      const input = root(el).querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
      input.focus();
      if (!document.hasFocus()) input.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    };
    touch('email');
    touch('name');
    // Started once the captcha's code has loaded (a dynamic import on the first touch).
    await until(() => captcha.starts > 0, 10_000);
    touch('email');
    await new Promise((r) => setTimeout(r, 50));
    expect(captcha.starts).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('sends the token in the captcha field and resets the captcha after a 2xx', async () => {
    const calls = stubFetch(json(201, { comment: comment() }));
    const el = await makeForm('captcha="pow"');
    await fill(el);
    await submit(el);
    expect(calls[0]!.body!.captcha).to.equal('solution-1');
    expect(captchaOf(el).resets).to.equal(1);
  });

  it('a missing token shows the provider hint and sends nothing; it clears when the captcha is done', async () => {
    const calls = stubFetch(json(201, { comment: comment() }));
    const el = await makeForm('captcha="recaptcha"');
    const captcha = captchaOf(el);
    captcha.next = null;
    await fill(el);
    await submit(el);
    expect(calls).to.have.length(0);
    expect(captchaHint(el)).to.equal('Please check re-captcha.');
    expect(captcha.getAttribute('aria-describedby')).to.not.equal(null);
    await expect(el).to.be.accessible();

    captcha.next = 'solution-2';
    captcha.dispatchEvent(new Event('captcha-state', { bubbles: true }));
    await until(() => captchaHint(el) === null);
    await submit(el);
    expect(calls).to.have.length(1);
    expect(calls[0]!.body!.captcha).to.equal('solution-2');
  });

  it('other providers say "Please complete the captcha."', async () => {
    stubFetch();
    const el = await makeForm('captcha="turnstile"');
    captchaOf(el).requiredKey = 'captcha.requiredOther';
    captchaOf(el).next = null;
    await fill(el);
    await submit(el);
    expect(captchaHint(el)).to.equal('Please complete the captcha.');
  });

  it('an unticked captcha is flagged together with the other fields on a failed submit', async () => {
    stubFetch();
    const el = await makeForm('captcha="recaptcha"');
    captchaOf(el).next = null;
    await fill(el, { name: '' });
    await submit(el);
    expect(captchaHint(el)).to.equal('Please check re-captcha.');
    await until(
      () => root(el).querySelector('[data-announcer]')!.textContent!.trim() === '2 fields need your attention.',
    );
  });

  it('the server\'s captcha.required under proof-of-work says "Please complete the captcha.", never re-captcha', async () => {
    stubFetch(json(422, { error: 'validation', message: 'x', fields: { captcha: 'captcha.required' } }));
    const el = await makeForm('captcha="pow"');
    captchaOf(el).requiredKey = 'captcha.requiredOther';
    await fill(el);
    await submit(el);
    expect(captchaHint(el)).to.equal('Please complete the captcha.');
  });

  it('a 403 captcha verdict shows the hint and resets the captcha', async () => {
    stubFetch(json(403, { error: 'captcha_failed', message: 'x', fields: { captcha: 'captcha.invalid' } }));
    const el = await makeForm('captcha="pow"');
    await fill(el);
    await submit(el);
    expect(captchaHint(el)).to.equal('The captcha could not be verified. Please try again.');
    expect(captchaOf(el).resets).to.equal(1);
  });

  it('a retry after a new captcha solution still carries the same Idempotency-Key', async () => {
    const calls = stubFetch(new TypeError('offline'), json(201, { comment: comment() }));
    const el = await makeForm('captcha="pow"');
    await fill(el);
    await submit(el);
    captchaOf(el).next = 'solution-fresh';
    const done = oneEvent(el, 'comment-submitted');
    root(el).querySelector<HTMLButtonElement>('button.retry')!.click();
    await done;
    expect(calls[1]!.body!.captcha).to.equal('solution-fresh');
    expect(calls[1]!.headers.get('Idempotency-Key')).to.equal(calls[0]!.headers.get('Idempotency-Key'));
  });

  it('when the server says there is no captcha (auto), the comment goes without one', async () => {
    const calls = stubFetch(json(201, { comment: comment() }));
    const el = await makeForm('captcha="auto"');
    const captcha = captchaOf(el);
    captcha.next = null;
    captcha.token = () => {
      captcha.active = false;
      return Promise.resolve(null);
    };
    await fill(el);
    await submit(el);
    expect(captchaHint(el)).to.equal(null);
    expect(calls).to.have.length(1);
    expect(calls[0]!.body).to.not.have.property('captcha');
  });

  it('captcha="none" renders no captcha and sends no token', async () => {
    const calls = stubFetch(json(201, { comment: comment() }));
    const el = await makeForm('captcha="none"');
    expect(captchaOf(el)).to.equal(null);
    await fill(el);
    await submit(el);
    expect(calls[0]!.body).to.not.have.property('captcha');
  });
});

describe('<comment-form> without <article-rating> defined', () => {
  beforeEach(() => clearStorage());
  afterEach(() => restoreFetch());

  it('with-rating rating-required still sends the comment', async () => {
    expect(customElements.get('article-rating')).to.equal(undefined);
    const calls = stubFetch(json(201, { comment: comment() }));
    const el = await makeForm('with-rating rating-required');
    await fill(el);
    await submit(el);
    expect(calls).to.have.length(1);
    expect(calls[0]!.body).to.not.have.property('rating');
  });
});
