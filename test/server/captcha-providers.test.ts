/**
 * reCAPTCHA, hCaptcha and Turnstile (SPEC §4): the server verifies the widget's token with
 * the provider's "siteverify" endpoint. Here that endpoint is a local stand-in that answers
 * like the provider; CAPTCHA_VERIFY_URL points the server at it.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import {
  createProviderCaptcha,
  PROVIDER_VERIFY_URLS,
  type CaptchaProviderName,
} from '../../server/captcha/providers.js';
import { startTestServer, type TestServer } from './helpers.js';

type Mode = 'up' | 'down' | 'error-page' | 'hang' | 'not-json';

interface StandIn {
  url: string;
  mode: Mode;
  requests: { contentType: string | undefined; form: URLSearchParams }[];
  close(): Promise<void>;
}

const VALID = 'token-from-the-widget';

async function startStandIn(): Promise<StandIn> {
  const requests: StandIn['requests'] = [];
  const hanging = new Set<import('node:http').ServerResponse>();
  const standIn = { mode: 'up' as Mode, requests } as StandIn;
  const server: Server = createServer(async (req: IncomingMessage, res) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    requests.push({ contentType: req.headers['content-type'], form: new URLSearchParams(raw) });
    const form = new URLSearchParams(raw);
    switch (standIn.mode) {
      case 'down':
        req.socket.destroy();
        return;
      case 'error-page':
        res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>');
        return;
      case 'hang':
        hanging.add(res);
        return;
      case 'not-json':
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
        return;
      default: {
        // Like the providers: 200 either way, `success` says whether the token is good.
        const ok = form.get('secret') === 'the-secret' && form.get('response') === VALID;
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(
            JSON.stringify(
              ok
                ? { success: true, hostname: 'news.example' }
                : { success: false, 'error-codes': ['invalid-input-response'] },
            ),
          );
      }
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  standIn.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/siteverify`;
  standIn.close = async () => {
    for (const res of hanging) res.destroy();
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  };
  return standIn;
}

const PROVIDERS: CaptchaProviderName[] = ['recaptcha', 'hcaptcha', 'turnstile'];

let counter = 0;
function comment(captcha?: string): Record<string, unknown> {
  counter++;
  return {
    name: 'Ada',
    email: 'ada@example.com',
    message: `Provider comment ${counter}`,
    ...(captcha === undefined ? {} : { captcha }),
  };
}

async function verdict(res: Response): Promise<[number, string | undefined, string | undefined]> {
  const body = (await res.json()) as { error?: string; fields?: Record<string, string> };
  return [res.status, body.error, body.fields?.captcha];
}

for (const provider of PROVIDERS) {
  describe(`CAPTCHA=${provider} against a stand-in of its siteverify`, () => {
    let standIn: StandIn;
    let srv: TestServer;
    const post = (thread: string, body: Record<string, unknown>, key?: string) =>
      srv.send('POST', `/api/threads/${encodeURIComponent(thread)}/comments`, body, {
        'X-Forwarded-For': '203.0.113.7',
        ...(key ? { 'Idempotency-Key': key } : {}),
      });
    const listed = async (thread: string) =>
      (
        (await (await srv.request(`/api/threads/${encodeURIComponent(thread)}/comments`)).json()) as {
          comments: { message: string }[];
        }
      ).comments.map((c) => c.message);

    before(async () => {
      standIn = await startStandIn();
      srv = await startTestServer({
        captcha: provider,
        captchaSiteKey: `site-key-${provider}`,
        captchaSecret: 'the-secret',
        captchaVerifyUrl: standIn.url,
        trustProxy: true,
      });
    });
    after(async () => {
      await srv.close();
      await standIn.close();
    });

    it('tells the widget which provider and site key to use', async () => {
      const res = await srv.request('/api/captcha');
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { provider, siteKey: `site-key-${provider}` });
    });

    it('a valid token → 201; the provider got secret, response and remoteip, form-encoded', async () => {
      standIn.mode = 'up';
      standIn.requests.length = 0;
      const body = comment(VALID);
      const res = await post(`/${provider}/valid`, body);
      assert.equal(res.status, 201);
      assert.equal(standIn.requests.length, 1);
      const sent = standIn.requests[0]!;
      assert.equal(sent.contentType, 'application/x-www-form-urlencoded');
      assert.equal(sent.form.get('secret'), 'the-secret');
      assert.equal(sent.form.get('response'), VALID);
      assert.equal(sent.form.get('remoteip'), '203.0.113.7');
      assert.deepEqual(await listed(`/${provider}/valid`), [body.message]);
    });

    it('an invalid token → 403 captcha.invalid, nothing stored', async () => {
      standIn.mode = 'up';
      assert.deepEqual(await verdict(await post(`/${provider}/invalid`, comment('forged-token'))), [
        403,
        'captcha_failed',
        'captcha.invalid',
      ]);
      assert.deepEqual(await listed(`/${provider}/invalid`), []);
    });

    it("no token → 422 captcha.required without asking the provider, in the provider's words", async () => {
      standIn.mode = 'up';
      standIn.requests.length = 0;
      const res = await post(`/${provider}/missing`, comment());
      const { message } = (await res.clone().json()) as { message: string };
      assert.deepEqual(await verdict(res), [422, 'validation', 'captcha.required']);
      // "Re-captcha" only for reCAPTCHA (#20.7).
      assert.equal(message, provider === 'recaptcha' ? 'Please check re-captcha.' : 'Please complete the captcha.');
      assert.equal(standIn.requests.length, 0);
    });

    it('provider down → 503 captcha.unavailable; the same text posts once the provider is back', async () => {
      const body = comment(VALID);
      const key = `retry-${provider}-0001`;
      for (const mode of ['down', 'error-page', 'not-json'] as const) {
        standIn.mode = mode;
        assert.deepEqual(
          await verdict(await post(`/${provider}/down`, body, key)),
          [503, 'captcha_unavailable', 'captcha.unavailable'],
          mode,
        );
      }
      assert.deepEqual(await listed(`/${provider}/down`), []);
      standIn.mode = 'up';
      assert.equal((await post(`/${provider}/down`, body, key)).status, 201);
      assert.deepEqual(await listed(`/${provider}/down`), [body.message]);
    });
  });
}

describe('createProviderCaptcha', () => {
  it("posts to each provider's own siteverify URL by default", async () => {
    for (const provider of PROVIDERS) {
      const urls: string[] = [];
      const fakeFetch = (async (url: string | URL | Request) => {
        urls.push(String(url));
        return new Response(JSON.stringify({ success: true }), { status: 200 });
      }) as typeof fetch;
      const captcha = createProviderCaptcha({ captcha: provider, captchaSiteKey: 'k', captchaSecret: 's' }, fakeFetch);
      assert.equal(await captcha.verify('t', 'unknown'), 'ok');
      assert.deepEqual(urls, [PROVIDER_VERIFY_URLS[provider]]);
    }
    assert.equal(PROVIDER_VERIFY_URLS.recaptcha, 'https://www.google.com/recaptcha/api/siteverify');
    assert.equal(PROVIDER_VERIFY_URLS.hcaptcha, 'https://api.hcaptcha.com/siteverify');
    assert.equal(PROVIDER_VERIFY_URLS.turnstile, 'https://challenges.cloudflare.com/turnstile/v0/siteverify');
  });

  it('a provider that does not answer in time is unavailable', async () => {
    const standIn = await startStandIn();
    try {
      standIn.mode = 'hang';
      const captcha = createProviderCaptcha(
        { captcha: 'turnstile', captchaSiteKey: 'k', captchaSecret: 'the-secret', captchaVerifyUrl: standIn.url },
        undefined,
        200,
      );
      const started = Date.now();
      assert.equal(await captcha.verify(VALID, '198.51.100.1'), 'unavailable');
      assert.ok(Date.now() - started < 3000);
    } finally {
      await standIn.close();
    }
  });

  it('needs a site key and a secret', () => {
    assert.throws(() => createProviderCaptcha({ captcha: 'hcaptcha', captchaSecret: 's' }), /CAPTCHA_SITE_KEY/);
    assert.throws(() => createProviderCaptcha({ captcha: 'hcaptcha', captchaSiteKey: 'k' }), /CAPTCHA_SECRET/);
  });
});
