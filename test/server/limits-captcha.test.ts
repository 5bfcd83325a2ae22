import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Captcha, CaptchaVerdict } from '../../server/captcha/types.js';
import { commentBody, startTestServer, voterId } from './helpers.js';

describe('rate limiting', () => {
  it('429 with Retry-After once a client used RATE_LIMIT_WRITES writes in a minute; other clients unaffected', async () => {
    let now = Date.parse('2025-03-01T12:00:00Z');
    const s = await startTestServer({ rateLimitWrites: 3, trustProxy: true, moderation: 'off' }, { now: () => now });
    try {
      const a = { 'X-Forwarded-For': '203.0.113.7' };
      const b = { 'X-Forwarded-For': '198.51.100.9' };
      assert.equal((await s.send('POST', '/api/threads/rl/comments', commentBody(), a)).status, 201);
      now += 10_000;
      assert.equal((await s.send('PUT', '/api/threads/rl/rating', { value: 4, voter: voterId(1) }, a)).status, 200);
      assert.equal((await s.send('POST', '/api/threads/rl/comments', commentBody(), a)).status, 201);
      now += 5_000;
      const limited = await s.send('POST', '/api/threads/rl/comments', commentBody(), a);
      assert.equal(limited.status, 429);
      assert.equal(limited.headers.get('Retry-After'), '45');
      assert.deepEqual(await limited.json(), {
        error: 'rate_limited',
        message: 'You are commenting too fast. Please try again in 45 seconds.',
      });
      const vote = await s.send('PUT', '/api/threads/rl/rating', { value: 4, voter: voterId(1) }, a);
      assert.equal(vote.status, 429);
      assert.equal(
        ((await vote.json()) as { message: string }).message,
        'Too many votes. Please try again in 45 seconds.',
      );
      // Reads are never limited; another client writes freely.
      assert.equal((await s.request('/api/threads/rl/comments', { headers: a })).status, 200);
      assert.equal((await s.send('POST', '/api/threads/rl/comments', commentBody(), b)).status, 201);
      // After the window the first write is forgotten.
      now += 45_001;
      assert.equal((await s.send('POST', '/api/threads/rl/comments', commentBody(), a)).status, 201);
      // Only the stored hash, never the address.
      const list = await s.store.admin.listQueue({ search: null, thread: null, status: null, limit: 10, after: null });
      for (const c of list.items) {
        assert.ok(c.clientHash);
        assert.doesNotMatch(c.clientHash, /203|198/);
      }
    } finally {
      await s.close();
    }
  });

  it('RATE_LIMIT_WRITES=0 turns it off', async () => {
    const s = await startTestServer({ rateLimitWrites: 0, moderation: 'off' });
    try {
      const statuses = [];
      for (let i = 0; i < 15; i++)
        statuses.push((await s.send('POST', '/api/threads/rl/comments', commentBody())).status);
      assert.deepEqual(new Set(statuses), new Set([201]));
    } finally {
      await s.close();
    }
  });
});

describe('captcha verdicts', () => {
  function stub(verdict: CaptchaVerdict, seen: (string | undefined)[]): Captcha {
    return {
      describe: () => Promise.resolve({ provider: 'turnstile', siteKey: 'site-key-1' }),
      verify: (token) => {
        seen.push(token);
        return Promise.resolve(verdict);
      },
    };
  }

  it('maps missing → 422, invalid → 403, unavailable → 503, ok → stored; honeypot skips the check', async () => {
    const expectations: [CaptchaVerdict, number, Record<string, unknown> | null][] = [
      [
        'missing',
        422,
        { error: 'validation', message: 'Please complete the captcha.', fields: { captcha: 'captcha.required' } },
      ],
      [
        'invalid',
        403,
        {
          error: 'captcha_failed',
          message: 'The captcha could not be verified. Please try again.',
          fields: { captcha: 'captcha.invalid' },
        },
      ],
      [
        'unavailable',
        503,
        {
          error: 'captcha_unavailable',
          message: 'The captcha could not be loaded. Please try again later.',
          fields: { captcha: 'captcha.unavailable' },
        },
      ],
      ['ok', 201, null],
    ];
    for (const [verdict, status, body] of expectations) {
      const seen: (string | undefined)[] = [];
      const s = await startTestServer({ moderation: 'off' }, { captcha: stub(verdict, seen) });
      try {
        const res = await s.send('POST', '/api/threads/cap/comments', commentBody({ captcha: 'tok-123' }));
        assert.equal(res.status, status, verdict);
        if (body) assert.deepEqual(await res.json(), body);
        assert.deepEqual(seen, ['tok-123']);
        const total = ((await (await s.request('/api/threads/cap/comments')).json()) as { total: number }).total;
        assert.equal(total, verdict === 'ok' ? 1 : 0);
        assert.deepEqual(await (await s.request('/api/captcha')).json(), {
          provider: 'turnstile',
          siteKey: 'site-key-1',
        });

        const bot = await s.send('POST', '/api/threads/cap/comments', commentBody({ website: 'x' }));
        assert.equal(bot.status, 201);
        assert.equal(seen.length, 1);
      } finally {
        await s.close();
      }
    }
  });

  it('CAPTCHA=pow (the default) is wired: GET /api/captcha hands out a signed challenge; a bogus solution is 403', async () => {
    const s = await startTestServer({ captcha: 'pow', moderation: 'off' });
    try {
      const cfg = (await (await s.request('/api/captcha')).json()) as {
        provider: string;
        challenge: Record<string, unknown>;
      };
      assert.equal(cfg.provider, 'pow');
      assert.equal(cfg.challenge.algorithm, 'SHA-256');
      assert.equal(typeof cfg.challenge.signature, 'string');
      const missing = await s.send('POST', '/api/threads/pow/comments', commentBody());
      assert.equal(missing.status, 422);
      const bogus = await s.send(
        'POST',
        '/api/threads/pow/comments',
        commentBody({ captcha: Buffer.from('{"x":1}').toString('base64') }),
      );
      assert.equal(bogus.status, 403);
    } finally {
      await s.close();
    }
  });
});
