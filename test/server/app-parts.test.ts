/**
 * The seams of the app: error codes typed by the contract's list, and the rate limiter that
 * `createApp` accepts in place of its in-memory one (a shared one, for several instances).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ERROR_CODES } from '../../src/contract/keys.js';
import { errors, HttpError } from '../../server/errors.js';
import type { RateLimiter } from '../../server/rate-limit.js';
import { commentBody, startTestServer } from './helpers.js';

describe('error codes', () => {
  it('every error the server builds carries a code from the contract list', () => {
    const built = [
      errors.badRequest('x'),
      errors.malformedJson(),
      errors.unsupportedMediaType(),
      errors.payloadTooLarge(),
      errors.originNotAllowed(),
      errors.unauthorized(),
      errors.notFound(),
      errors.methodNotAllowed('GET'),
      errors.idempotencyConflict(),
      errors.captchaMissing(),
      errors.captchaFailed(),
      errors.captchaUnavailable(),
      errors.notBuilt(),
      errors.internal(),
    ];
    for (const error of built) assert.ok(ERROR_CODES.includes(error.code), error.code);
    // A code outside the list does not compile (npm run typecheck fails without this directive).
    // @ts-expect-error 'teapot' is not one of the contract's ERROR_CODES
    assert.equal(new HttpError(418, 'teapot', 'x').body().error, 'teapot');
  });
});

describe('createApp({ rateLimiter })', () => {
  it('asks the given limiter, keyed by a hash of the address, and answers its verdict', async () => {
    const asked: { client: string; now: number }[] = [];
    const sharedLimiter: RateLimiter = {
      hit: (client, now) => {
        asked.push({ client, now });
        return Promise.resolve(asked.length === 1 ? { ok: true, retryAfter: 0 } : { ok: false, retryAfter: 42 });
      },
    };
    const s = await startTestServer({ rateLimitWrites: 1000 }, { rateLimiter: sharedLimiter, now: () => 1234 });
    try {
      const first = await s.send('POST', '/api/threads/t/comments', commentBody());
      assert.equal(first.status, 201);
      const second = await s.send('PUT', '/api/threads/t/rating', { value: 3, voter: 'voter-0001' });
      assert.equal(second.status, 429);
      assert.equal(second.headers.get('Retry-After'), '42');
      assert.equal(((await second.json()) as { error: string }).error, 'rate_limited');
      assert.equal(asked.length, 2);
      assert.equal(asked[0]!.now, 1234);
      assert.match(asked[0]!.client, /^[A-Za-z0-9_-]{32}$/);
    } finally {
      await s.close();
    }
  });
});
