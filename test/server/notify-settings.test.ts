/** The settings of notifications (#16): what they accept, and the clear refusals. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../server/config.js';

const mem = { DATABASE_URL: ':memory:', SECRET: 'a-secret-of-enough-length' };
const refusal = (env: Record<string, string>) => {
  try {
    loadConfig({ ...mem, ...env });
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.message;
  }
  assert.fail('the settings were accepted');
};

describe('notification settings', () => {
  it('reads every variable', () => {
    const c = loadConfig({
      ...mem,
      SMTP_URL: 'smtp://user:pass@mail.example.com:587',
      MAIL_FROM: 'Comments <comments@news.example>',
      MODERATOR_EMAILS: 'a@news.example, b@news.example',
      MODERATOR_NOTIFY: 'all',
      PUBLIC_URL: 'https://comments.news.example/',
      WEBHOOK_URLS: 'https://hooks.example.com/a, https://hooks.slack.com/services/x',
      WEBHOOK_FORMAT: 'standard,slack',
      WEBHOOK_SECRET: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      WEBHOOK_INCLUDE_EMAIL: 'true',
      NOTIFY_POLL_MS: '250',
      NOTIFY_RETRY_BASE_MS: '1000',
      NOTIFY_RETRY_HOURS: '48',
      NOTIFY_LEASE_MS: '90000',
    });
    assert.equal(c.smtpUrl, 'smtp://user:pass@mail.example.com:587');
    assert.equal(c.mailFrom, 'Comments <comments@news.example>');
    assert.deepEqual(c.moderatorEmails, ['a@news.example', 'b@news.example']);
    assert.equal(c.moderatorNotify, 'all');
    assert.equal(c.publicUrl, 'https://comments.news.example');
    assert.deepEqual(c.webhooks, [
      { url: 'https://hooks.example.com/a', format: 'standard' },
      { url: 'https://hooks.slack.com/services/x', format: 'slack' },
    ]);
    assert.equal(c.webhookIncludeEmail, true);
    assert.deepEqual(
      [c.notifyPollMs, c.notifyRetryBaseMs, c.notifyRetryHours, c.notifyLeaseMs],
      [250, 1000, 48, 90000],
    );
    // One format for every URL.
    const one = loadConfig({
      ...mem,
      WEBHOOK_URLS: 'https://a.example/x,https://b.example/y',
      WEBHOOK_FORMAT: 'discord',
    });
    assert.deepEqual(
      one.webhooks.map((w) => w.format),
      ['discord', 'discord'],
    );
  });

  it('refuses what cannot work, naming the setting', () => {
    assert.match(refusal({ SMTP_URL: 'smtp://mail.example.com' }), /^MAIL_FROM: is required with SMTP_URL/);
    assert.match(refusal({ SMTP_URL: 'http://mail.example.com' }), /^SMTP_URL: must be an smtp/);
    assert.match(refusal({ WEBHOOK_URLS: 'https://a.example/x' }), /^WEBHOOK_SECRET: is required/);
    assert.match(refusal({ WEBHOOK_URLS: 'ftp://a.example/x' }), /^WEBHOOK_URLS: each entry must be an http\(s\) URL/);
    assert.match(
      refusal({ WEBHOOK_URLS: 'https://a.example/x,https://b.example', WEBHOOK_FORMAT: 'slack,discord,standard' }),
      /^WEBHOOK_FORMAT: must be one format for all URLs or one per URL/,
    );
    assert.match(
      refusal({ WEBHOOK_FORMAT: 'teams' }),
      /^WEBHOOK_FORMAT: each entry must be one of standard, slack, discord/,
    );
    assert.match(
      refusal({ WEBHOOK_SECRET: 'whsec_not base64!' }),
      /^WEBHOOK_SECRET: after whsec_ must come a base64 key/,
    );
    assert.match(refusal({ MODERATOR_NOTIFY: 'sometimes' }), /^MODERATOR_NOTIFY: must be one of pending, all, off/);
    assert.match(
      refusal({ MODERATOR_EMAILS: 'not-an-address' }),
      /^MODERATOR_EMAILS: each entry must be an email address/,
    );
    assert.match(refusal({ NOTIFY_POLL_MS: '0' }), /^NOTIFY_POLL_MS: must be between 10 and 3600000/);
    // Slack and Discord alone need no secret.
    assert.equal(
      loadConfig({ ...mem, WEBHOOK_URLS: 'https://hooks.slack.com/x', WEBHOOK_FORMAT: 'slack' }).webhooks.length,
      1,
    );
  });
});
