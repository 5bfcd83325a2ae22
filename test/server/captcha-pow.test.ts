/**
 * Proof-of-work captcha (SPEC §4): a solved challenge is accepted once; a wrong, expired,
 * forged or replayed solution is refused, also after a restart on the same SQLite file.
 */
import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../server/app.js';
import { createCaptcha } from '../../server/captcha/index.js';
import { createPowCaptcha, encodePowPayload, POW_CHALLENGE_TTL_MS } from '../../server/captcha/pow.js';
import { testConfig, type Config } from '../../server/config.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import type { Store } from '../../server/store/types.js';
import { solvePow } from '../helpers/pow.js';
import { captchaConfigSchema, type PowChallenge } from '../../src/contract/schemas.js';

const BASE = 'http://127.0.0.1:8787';
const SECRET = 'pow-test-secret-0123456789';

interface Running {
  config: Config;
  store: Store;
  request(path: string, init?: RequestInit): Promise<Response>;
  post(thread: string, body: Record<string, unknown>, key?: string): Promise<Response>;
  challenge(): Promise<PowChallenge>;
}

async function boot(dbPath: string): Promise<Running> {
  const config = testConfig({ databaseUrl: dbPath, captcha: 'pow', powMaxNumber: 2000, secret: SECRET });
  const store = await openSqliteStore(dbPath);
  const app = createApp({ config, store, captcha: createCaptcha(config, store) });
  const request = async (path: string, init?: RequestInit) => app.request(new Request(BASE + path, init));
  return {
    config,
    store,
    request,
    post: (thread, body, key) =>
      request(`/api/threads/${encodeURIComponent(thread)}/comments`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(key ? { 'Idempotency-Key': key } : {}) },
        body: JSON.stringify(body),
      }),
    challenge: async () => {
      const res = await request('/api/captcha');
      assert.equal(res.status, 200);
      const body = captchaConfigSchema.parse(await res.json());
      assert.equal(body.provider, 'pow');
      return (body as { challenge: PowChallenge }).challenge;
    },
  };
}

let counter = 0;
function comment(captcha?: string): Record<string, unknown> {
  counter++;
  return {
    name: 'Grace Hopper',
    email: 'grace@example.com',
    message: `Proof-of-work comment ${counter}`,
    ...(captcha === undefined ? {} : { captcha }),
  };
}

async function listed(srv: Running, thread: string): Promise<string[]> {
  const res = await srv.request(`/api/threads/${encodeURIComponent(thread)}/comments`);
  const body = (await res.json()) as { comments: { message: string }[] };
  return body.comments.map((c) => c.message);
}

async function refusal(res: Response): Promise<{ status: number; error: string; field: string | undefined }> {
  const body = (await res.json()) as { error: string; fields?: Record<string, string> };
  return { status: res.status, error: body.error, field: body.fields?.captcha };
}

describe('proof-of-work captcha over HTTP', () => {
  let dir: string;
  let dbPath: string;
  let srv: Running;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'af-pow-'));
    dbPath = join(dir, 'comments.db');
    srv = await boot(dbPath);
  });
  after(async () => {
    await srv.store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('GET /api/captcha gives a signed challenge that expires', async () => {
    const c = await srv.challenge();
    assert.equal(c.algorithm, 'SHA-256');
    assert.equal(c.maxnumber, 2000);
    assert.match(c.challenge, /^[0-9a-f]{64}$/);
    assert.equal(c.signature, createHmac('sha256', SECRET).update(c.challenge).digest('hex'));
    const expires = Number(/\?expires=(\d+)&$/.exec(c.salt)?.[1]) * 1000;
    assert.ok(Math.abs(expires - (Date.now() + POW_CHALLENGE_TTL_MS)) < 5000, 'expires in 20 minutes');
    const res = await srv.request('/api/captcha');
    assert.equal(res.headers.get('Cache-Control'), 'no-store');
    assert.notEqual(
      ((await res.json()) as { challenge: PowChallenge }).challenge.challenge,
      c.challenge,
      'each request gets its own',
    );
  });

  it('accepts a solved challenge: 201 and the comment is listed', async () => {
    const c = await srv.challenge();
    const body = comment(encodePowPayload(c, solvePow(c)));
    const res = await srv.post('/pow/solved', body);
    assert.equal(res.status, 201);
    assert.deepEqual(await listed(srv, '/pow/solved'), [body.message]);
  });

  it('answers 422 captcha.required when the solution is missing', async () => {
    assert.deepEqual(await refusal(await srv.post('/pow/missing', comment())), {
      status: 422,
      error: 'validation',
      field: 'captcha.required',
    });
    assert.deepEqual(await refusal(await srv.post('/pow/missing', comment(''))), {
      status: 422,
      error: 'validation',
      field: 'captcha.required',
    });
    assert.deepEqual(await listed(srv, '/pow/missing'), []);
    // The proof-of-work never asks to "check re-captcha" (#20.7).
    const res = await srv.post('/pow/missing', comment());
    assert.equal(((await res.json()) as { message: string }).message, 'Please complete the captcha.');
  });

  it('refuses a wrong number with 403 captcha.invalid and stores nothing', async () => {
    const c = await srv.challenge();
    const wrong = (solvePow(c) + 1) % (c.maxnumber + 1);
    const res = await srv.post('/pow/wrong', comment(encodePowPayload(c, wrong)));
    assert.deepEqual(await refusal(res), { status: 403, error: 'captcha_failed', field: 'captcha.invalid' });
    assert.deepEqual(await listed(srv, '/pow/wrong'), []);
  });

  it('refuses an expired challenge even when solved', async () => {
    // Signed with the server's secret, but made 21 minutes ago.
    const past = createPowCaptcha({ secret: SECRET, powMaxNumber: 2000 }, srv.store, {
      now: () => Date.now() - POW_CHALLENGE_TTL_MS - 60_000,
    });
    const old = await past.describe();
    assert.equal(old.provider, 'pow');
    const c = (old as { challenge: PowChallenge }).challenge;
    const res = await srv.post('/pow/expired', comment(encodePowPayload(c, solvePow(c))));
    assert.deepEqual(await refusal(res), { status: 403, error: 'captcha_failed', field: 'captcha.invalid' });
  });

  it('refuses a forged challenge (signed with another key, or re-signed salt)', async () => {
    const forger = createPowCaptcha({ secret: 'not-the-server-secret-at-all', powMaxNumber: 10 }, srv.store);
    const forged = ((await forger.describe()) as { challenge: PowChallenge }).challenge;
    const res = await srv.post('/pow/forged', comment(encodePowPayload(forged, solvePow(forged))));
    assert.deepEqual(await refusal(res), { status: 403, error: 'captcha_failed', field: 'captcha.invalid' });

    // A real signature on a challenge whose salt was changed to expire later.
    const real = await srv.challenge();
    const salt = real.salt.replace(/expires=\d+/, `expires=${Math.floor(Date.now() / 1000) + 86400 * 365}`);
    const number = 5;
    const tampered = {
      ...real,
      salt,
      challenge: createHash('sha256')
        .update(salt + number)
        .digest('hex'),
    };
    const res2 = await srv.post('/pow/forged', comment(encodePowPayload(tampered, number)));
    assert.equal(res2.status, 403);
    assert.deepEqual(await listed(srv, '/pow/forged'), []);
  });

  it('refuses garbage in the captcha field with 403', async () => {
    for (const token of [
      'not base64 json',
      Buffer.from('{"algorithm":"SHA-256"}').toString('base64'),
      Buffer.from('[1,2]').toString('base64'),
    ]) {
      assert.equal((await srv.post('/pow/garbage', comment(token))).status, 403, token);
    }
  });

  it('accepts a solution once: a replay is refused, also when sent concurrently', async () => {
    const c = await srv.challenge();
    const token = encodePowPayload(c, solvePow(c));
    assert.equal((await srv.post('/pow/replay', comment(token))).status, 201);
    assert.deepEqual(await refusal(await srv.post('/pow/replay', comment(token))), {
      status: 403,
      error: 'captcha_failed',
      field: 'captcha.invalid',
    });

    const c2 = await srv.challenge();
    const token2 = encodePowPayload(c2, solvePow(c2));
    const statuses = (await Promise.all([1, 2, 3, 4].map(() => srv.post('/pow/race', comment(token2)))))
      .map((r) => r.status)
      .sort();
    assert.deepEqual(statuses, [201, 403, 403, 403]);
    assert.equal((await listed(srv, '/pow/race')).length, 1);
  });

  it('refuses a replay after a restart on the same SQLite file', async () => {
    const c = await srv.challenge();
    const token = encodePowPayload(c, solvePow(c));
    assert.equal((await srv.post('/pow/restart', comment(token))).status, 201);

    await srv.store.close();
    srv = await boot(dbPath);
    const res = await srv.post('/pow/restart', comment(token));
    assert.deepEqual(await refusal(res), { status: 403, error: 'captcha_failed', field: 'captcha.invalid' });
    assert.equal((await listed(srv, '/pow/restart')).length, 1);

    // The restarted server still accepts fresh solutions.
    const fresh = await srv.challenge();
    assert.equal((await srv.post('/pow/restart', comment(encodePowPayload(fresh, solvePow(fresh))))).status, 201);
  });

  it('a retry that carries the solution its first attempt used gets the first answer again', async () => {
    // The first answer was lost on the way (the reader's connection dropped): the widget sends
    // the same request with the same key, and the solution it holds was used by that first attempt.
    const c = await srv.challenge();
    const body = comment(encodePowPayload(c, solvePow(c)));
    const first = await srv.post('/pow/lost-answer', body, 'lost-answer-0001');
    assert.equal(first.status, 201);
    const text = await first.text();
    const retry = await srv.post('/pow/lost-answer', body, 'lost-answer-0001');
    assert.equal(retry.status, 201);
    assert.equal(retry.headers.get('Idempotent-Replayed'), 'true');
    assert.equal(await retry.text(), text);
    // Another text with that key and that used solution is still a conflict, not a new comment.
    const other = await srv.post('/pow/lost-answer', { ...body, message: 'Something else' }, 'lost-answer-0001');
    assert.equal(other.status, 409);
    // Without the key the used solution is refused, as always.
    assert.equal((await srv.post('/pow/lost-answer', body)).status, 403);
    assert.deepEqual(await listed(srv, '/pow/lost-answer'), [body.message]);
  });

  it('keeps the Idempotency-Key usable after a refused solution (the reader retries the same text)', async () => {
    const body = comment('bogus');
    const key = 'retry-key-0001';
    assert.equal((await srv.post('/pow/retry', body, key)).status, 403);
    const c = await srv.challenge();
    const res = await srv.post('/pow/retry', { ...body, captcha: encodePowPayload(c, solvePow(c)) }, key);
    assert.equal(res.status, 201);
    assert.deepEqual(await listed(srv, '/pow/retry'), [body.message]);
  });
});

describe('createPowCaptcha', () => {
  const memoryStore = () => {
    const used = new Map<string, number>();
    return {
      used,
      useCaptchaSolution: (id: string, expiresAt: number) =>
        Promise.resolve(used.has(id) ? false : (used.set(id, expiresAt), true)),
    };
  };

  it('records the solution until the challenge expires (ms)', async () => {
    let clock = Date.UTC(2030, 0, 1);
    const store = memoryStore();
    const captcha = createPowCaptcha({ secret: SECRET, powMaxNumber: 500 }, store, { now: () => clock });
    const c = ((await captcha.describe()) as { challenge: PowChallenge }).challenge;
    const token = encodePowPayload(c, solvePow(c));
    assert.equal(await captcha.verify(token, undefined), 'ok');
    assert.deepEqual([...store.used.values()], [Math.floor((clock + POW_CHALLENGE_TTL_MS) / 1000) * 1000]);
    clock += POW_CHALLENGE_TTL_MS + 1000;
    const c2 = ((await captcha.describe()) as { challenge: PowChallenge }).challenge;
    assert.equal(await captcha.verify(token, undefined), 'invalid', 'expired (and used)');
    clock += POW_CHALLENGE_TTL_MS + 1000;
    assert.equal(await captcha.verify(encodePowPayload(c2, solvePow(c2)), undefined), 'invalid', 'expired, never used');
  });

  it('uses the default difficulty without POW_MAX_NUMBER and refuses a bad setting', async () => {
    const captcha = createPowCaptcha({ secret: SECRET }, memoryStore());
    const c = ((await captcha.describe()) as { challenge: PowChallenge }).challenge;
    assert.equal(c.maxnumber, 50_000);
    assert.throws(() => createPowCaptcha({ secret: SECRET, powMaxNumber: 0 }, memoryStore()));
    assert.throws(() => createPowCaptcha({ secret: '' }, memoryStore()));
  });
});
