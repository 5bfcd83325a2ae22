import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/components/af-captcha/define.js';
import type { CaptchaField } from '../../../src/components/af-captcha/af-captcha.js';
import { json, restoreFetch, stubFetch } from '../helpers/fetch-stub.js';
import { delay, fakeProviderApi, interceptScripts, makeChallenge, sha256Hex } from './helpers.js';

const globals = window as unknown as Record<string, unknown>;

function statusText(el: CaptchaField): string {
  return el.shadowRoot!.querySelector('.status')!.textContent!.replace(/\s+/g, ' ').trim();
}

async function make(attrs: Partial<CaptchaField> = {}): Promise<CaptchaField> {
  const el = await fixture<CaptchaField>(html`<af-captcha></af-captcha>`);
  Object.assign(el, { endpoint: 'https://api.test/api', ...attrs });
  await el.updateComplete;
  return el;
}

describe('<af-captcha> proof-of-work', () => {
  afterEach(() => restoreFetch());

  it('is accessible, and says "Verifying…" then "Verified" with a solution the server would accept', async () => {
    const challenge = await makeChallenge(3210);
    const calls = stubFetch(async () => {
      await delay(150);
      return json(200, { provider: 'pow', challenge });
    });
    const el = await make({ provider: 'auto' });
    await expect(el).to.be.accessible();
    expect(statusText(el)).to.equal('');

    const seen: string[] = [];
    el.addEventListener('captcha-state', async () => {
      await el.updateComplete;
      seen.push(statusText(el));
    });
    el.start();
    el.start(); // idempotent
    await el.updateComplete;
    expect(statusText(el)).to.equal('Verifying…');
    const status = el.shadowRoot!.querySelector('.status')!;
    expect(status.getAttribute('role')).to.equal('status');
    await expect(el).to.be.accessible();

    const token = await el.token();
    await el.updateComplete;
    expect(statusText(el)).to.equal('✓Verified');
    expect(seen).to.include('Verifying…');
    expect(seen.at(-1)).to.equal('✓Verified');
    expect(calls.map((c) => c.url)).to.deep.equal(['https://api.test/api/captcha']);
    await expect(el).to.be.accessible();

    const payload = JSON.parse(atob(token!)) as Record<string, unknown>;
    expect(payload).to.deep.equal({
      algorithm: 'SHA-256',
      challenge: challenge.challenge,
      number: 3210,
      salt: challenge.salt,
      signature: challenge.signature,
    });
    expect(await sha256Hex(challenge.salt + String(payload.number))).to.equal(challenge.challenge);
    expect(el.active).to.equal(true);
    expect(el.requiredKey).to.equal('captcha.requiredOther');
  });

  it('token() starts the work when nobody called start() and loads no third-party script', async () => {
    const challenge = await makeChallenge(42);
    stubFetch(() => json(200, { provider: 'pow', challenge }));
    const spy = interceptScripts();
    try {
      const el = await make({ provider: 'pow' });
      const token = await el.token();
      expect(JSON.parse(atob(token!)).number).to.equal(42);
      expect(spy.scripts).to.have.length(0);
    } finally {
      spy.restore();
    }
  });

  it('reset() fetches a new challenge and solves it', async () => {
    const first = await makeChallenge(7);
    const second = await makeChallenge(99);
    const calls = stubFetch(
      () => json(200, { provider: 'pow', challenge: first }),
      () => json(200, { provider: 'pow', challenge: second }),
    );
    const el = await make({ provider: 'pow' });
    el.start();
    expect(JSON.parse(atob((await el.token())!)).number).to.equal(7);
    el.reset();
    expect(JSON.parse(atob((await el.token())!)).number).to.equal(99);
    expect(calls).to.have.length(2);
  });

  it('fetches a fresh challenge when the solved one is about to expire', async () => {
    const stale = await makeChallenge(5, 5000, 30);
    const fresh = await makeChallenge(6);
    stubFetch(
      () => json(200, { provider: 'pow', challenge: stale }),
      () => json(200, { provider: 'pow', challenge: fresh }),
    );
    const el = await make({ provider: 'pow' });
    el.start();
    expect(JSON.parse(atob((await el.token())!)).number).to.equal(6);
  });

  it('shows "Verification failed" when no number solves the challenge, and retries on token()', async () => {
    const broken = { ...(await makeChallenge(10)), challenge: '0'.repeat(64), maxnumber: 100 };
    const good = await makeChallenge(11);
    stubFetch(
      () => json(200, { provider: 'pow', challenge: broken }),
      () => json(200, { provider: 'pow', challenge: good }),
    );
    const el = await make({ provider: 'pow' });
    el.start();
    await waitUntil(() => el.captchaState === 'error');
    await el.updateComplete;
    expect(statusText(el)).to.equal('Verification failed. Please try again.');
    await expect(el).to.be.accessible();
    expect(JSON.parse(atob((await el.token())!)).number).to.equal(11);
  });

  it('says the captcha could not be loaded when the server is unreachable', async () => {
    stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const el = await make({ provider: 'auto' });
    el.start();
    await waitUntil(() => el.captchaState === 'unavailable');
    await el.updateComplete;
    expect(statusText(el)).to.equal('The captcha could not be loaded. Please try again later.');
    expect(await el.token()).to.equal(null);
  });

  it('is inactive and renders nothing for provider none (from the server or the attribute)', async () => {
    stubFetch(() => json(200, { provider: 'none' }));
    const el = await make({ provider: 'auto' });
    el.start();
    await waitUntil(() => el.captchaState === 'off');
    await el.updateComplete;
    expect(el.active).to.equal(false);
    expect(el.shadowRoot!.querySelector('.captcha')).to.equal(null);
    expect(await el.token()).to.equal(null);

    const calls = stubFetch(() => json(200, { provider: 'none' }));
    const off = await make({ provider: 'none' });
    off.start();
    expect(off.active).to.equal(false);
    expect(calls).to.have.length(0);
  });

  it('treats a backend without GET /captcha (404) as no captcha in auto mode', async () => {
    stubFetch(() => json(404, { error: 'not_found', message: 'Not found' }));
    const el = await make({ provider: 'auto' });
    expect(await el.token()).to.equal(null);
    expect(el.active).to.equal(false);
  });

  it('speaks the reader language from the catalogue overrides', async () => {
    const challenge = await makeChallenge(1);
    stubFetch(() => json(200, { provider: 'pow', challenge }));
    const el = await make({ provider: 'pow', messages: { 'captcha.verified': 'Checked' } });
    await el.token();
    await el.updateComplete;
    expect(statusText(el)).to.equal('✓Checked');
  });
});

describe('<af-captcha> provider checkboxes', () => {
  afterEach(() => {
    restoreFetch();
    delete globals.turnstile;
    delete globals.grecaptcha;
    delete globals.hcaptcha;
  });

  it('renders Turnstile into a light-DOM slot with a label, and returns its token', async () => {
    const fake = fakeProviderApi();
    globals.turnstile = fake.api;
    const calls = stubFetch(() => json(500, {}));
    const el = await make({ provider: 'turnstile', siteKey: 'site-t', theme: 'dark' });
    el.start();
    await waitUntil(() => el.captchaState === 'waiting');
    await el.updateComplete;
    expect(calls).to.have.length(0); // the site key came from the attribute
    const widget = fake.widgets[0]!;
    expect(widget.options.sitekey).to.equal('site-t');
    expect(widget.options.theme).to.equal('dark');
    expect(widget.container.parentElement).to.equal(el);
    expect(widget.container.slot).to.equal('widget');
    const group = el.shadowRoot!.querySelector('[role="group"]')!;
    expect(el.shadowRoot!.getElementById(group.getAttribute('aria-labelledby')!)!.textContent).to.equal(
      'Spam protection',
    );
    expect(el.requiredKey).to.equal('captcha.requiredOther');
    await expect(el).to.be.accessible();

    expect(await el.token()).to.equal(null);
    widget.options.callback('turnstile-token');
    expect(await el.token()).to.equal('turnstile-token');
    expect(el.captchaState).to.equal('done');

    el.reset();
    expect(widget.resets).to.equal(1);
    expect(await el.token()).to.equal(null);
  });

  it('loads only the reCAPTCHA script, with explicit render, and asks "Please check re-captcha."', async () => {
    stubFetch(() => json(200, { provider: 'recaptcha', siteKey: 'server-key' }));
    const spy = interceptScripts();
    try {
      const el = await make({ provider: 'auto' });
      el.start();
      await waitUntil(() => spy.scripts.length > 0);
      expect(spy.scripts).to.have.length(1);
      const src = new URL(spy.scripts[0]!.src);
      expect(src.origin + src.pathname).to.equal('https://www.google.com/recaptcha/api.js');
      expect(src.searchParams.get('render')).to.equal('explicit');
      expect(el.requiredKey).to.equal('captcha.required');

      // The script arrives and calls its onload callback.
      const fake = fakeProviderApi();
      globals.grecaptcha = fake.api;
      (globals[src.searchParams.get('onload')!] as () => void)();
      await waitUntil(() => el.captchaState === 'waiting');
      expect(fake.widgets[0]!.options.sitekey).to.equal('server-key');
      await el.updateComplete;
      await expect(el).to.be.accessible();
      fake.widgets[0]!.response = 'g-token';
      expect(await el.token()).to.equal('g-token');
    } finally {
      spy.restore();
    }
  });

  it('loads the hCaptcha script for hcaptcha and nothing else', async () => {
    const spy = interceptScripts();
    try {
      const el = await make({ provider: 'hcaptcha', siteKey: 'h-key' });
      el.start();
      await waitUntil(() => spy.scripts.length > 0);
      await delay(20);
      expect(spy.scripts.map((s) => new URL(s.src).origin + new URL(s.src).pathname)).to.deep.equal([
        'https://js.hcaptcha.com/1/api.js',
      ]);
      expect(new URL(spy.scripts[0]!.src).searchParams.get('render')).to.equal('explicit');
      const fake = fakeProviderApi();
      globals.hcaptcha = fake.api;
      (globals[new URL(spy.scripts[0]!.src).searchParams.get('onload')!] as () => void)();
      await waitUntil(() => el.captchaState === 'waiting');
      await el.updateComplete;
      await expect(el).to.be.accessible();
    } finally {
      spy.restore();
    }
  });

  it('says the captcha could not be loaded when the provider script fails', async () => {
    const spy = interceptScripts();
    try {
      const el = await make({ provider: 'turnstile', siteKey: 'k' });
      el.start();
      await waitUntil(() => spy.scripts.length > 0);
      spy.scripts[0]!.dispatchEvent(new Event('error'));
      await waitUntil(() => el.captchaState === 'unavailable');
      await el.updateComplete;
      expect(statusText(el)).to.equal('The captcha could not be loaded. Please try again later.');
      expect(await el.token()).to.equal(null);
      await expect(el).to.be.accessible();
    } finally {
      spy.restore();
    }
  });
});
