/**
 * Provider captchas check where the token was solved (#20.7): the `hostname` of the
 * provider's answer against CAPTCHA_HOSTNAMES, and its `action` (reCAPTCHA v3, Turnstile)
 * against CAPTCHA_ACTION. The provider is a stand-in `fetch` answering like siteverify.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createProviderCaptcha } from '../../server/captcha/providers.js';
import { loadConfig } from '../../server/config.js';

function providerAnswering(answer: Record<string, unknown>): typeof fetch {
  return () => Promise.resolve(Response.json(answer));
}

const verify = (answer: Record<string, unknown>, settings: { hostnames?: string[]; action?: string } = {}) =>
  createProviderCaptcha(
    {
      captcha: 'turnstile',
      captchaSiteKey: 'site',
      captchaSecret: 'secret',
      captchaHostnames: settings.hostnames,
      captchaAction: settings.action,
    },
    providerAnswering(answer),
  ).verify('token', '203.0.113.7');

describe('provider captcha: hostname and action', () => {
  it('with CAPTCHA_HOSTNAMES, a token solved on another host is invalid', async () => {
    const hostnames = ['news.example', 'blog.example'];
    assert.equal(await verify({ success: true, hostname: 'news.example' }, { hostnames }), 'ok');
    assert.equal(await verify({ success: true, hostname: 'Blog.Example' }, { hostnames }), 'ok');
    assert.equal(await verify({ success: true, hostname: 'evil.example' }, { hostnames }), 'invalid');
    assert.equal(await verify({ success: true }, { hostnames }), 'invalid');
    assert.equal(await verify({ success: false, hostname: 'news.example' }, { hostnames }), 'invalid');
    // Unset: the provider's word is taken as before.
    assert.equal(await verify({ success: true, hostname: 'evil.example' }), 'ok');
  });

  it('with CAPTCHA_ACTION, an action the provider reports must match', async () => {
    const action = 'comment';
    assert.equal(await verify({ success: true, action: 'comment' }, { action }), 'ok');
    assert.equal(await verify({ success: true, action: 'login' }, { action }), 'invalid');
    assert.equal(await verify({ success: true, action: '' }, { action }), 'ok');
    assert.equal(await verify({ success: true }, { action }), 'ok');
  });

  it('reads CAPTCHA_HOSTNAMES (host names, lower case) and CAPTCHA_ACTION, and refuses bad values', () => {
    const mem = { DATABASE_URL: ':memory:' };
    const c = loadConfig({ ...mem, CAPTCHA_HOSTNAMES: 'News.Example, blog.example', CAPTCHA_ACTION: 'comment' });
    assert.deepEqual(c.captchaHostnames, ['news.example', 'blog.example']);
    assert.equal(c.captchaAction, 'comment');
    assert.deepEqual(loadConfig(mem).captchaHostnames, []);
    assert.throws(() => loadConfig({ ...mem, CAPTCHA_HOSTNAMES: 'https://news.example' }), /CAPTCHA_HOSTNAMES/);
    assert.throws(() => loadConfig({ ...mem, CAPTCHA_ACTION: 'two words' }), /CAPTCHA_ACTION/);
  });
});
