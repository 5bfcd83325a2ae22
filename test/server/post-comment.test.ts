/**
 * `postComment`, the use case behind `POST /api/threads/:thread/comments`, called directly
 * (no HTTP) against a real SQLite store: what it stores and what it answers.
 */
import { ReplayCache } from '../../server/http/replay.js';
import { ThreadVersions } from '../../server/http/versions.js';
import { AnswerCache } from '../../server/http/versioned.js';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { noCaptcha } from '../../server/captcha/index.js';
import type { Captcha } from '../../server/captcha/types.js';
import { testConfig, type Config } from '../../server/config.js';
import type { AppDeps } from '../../server/deps.js';
import { HttpError } from '../../server/errors.js';
import { MemoryRateLimiter } from '../../server/rate-limit.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import type { Store } from '../../server/store/types.js';
import { postComment } from '../../server/use-cases/post-comment.js';
import { ID_PATTERN } from '../../src/contract/limits.js';

const NOW = Date.UTC(2026, 0, 2, 3, 4, 5);
const input = (overrides: Record<string, unknown> = {}) => ({
  name: 'Grace Hopper',
  email: 'grace@example.com',
  message: 'A ship in port is safe.',
  ...overrides,
});

describe('postComment (the use case, without HTTP)', () => {
  let dir: string;
  let store: Store;
  const deps = (config: Partial<Config> = {}, captcha: Captcha = noCaptcha): AppDeps => ({
    config: testConfig(config),
    store,
    captcha,
    now: () => NOW,
    rateLimiter: new MemoryRateLimiter(0),
    answers: new AnswerCache(0),
    replays: new ReplayCache(0),
    versions: new ThreadVersions(store, 0),
  });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'af-post-'));
    // The store reads the same clock as the use case (an idempotency record is dated by it).
    store = await openSqliteStore(join(dir, 'comments.db'), { now: () => NOW });
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('publishes a comment, stores it with its vote and the clock time, and answers 201 with its JSON', async () => {
    const result = await postComment(deps(), {
      thread: 'use-case/1',
      input: input({ rating: 4, voter: 'voter-0001' }),
      idempotencyKey: null,
      clientAddress: '192.0.2.7',
    });
    assert.equal(result.status, 201);
    assert.equal(result.replayed, false);
    const { comment } = JSON.parse(result.body) as { comment: Record<string, unknown> };
    assert.deepEqual(
      { ...comment, id: 'x' },
      {
        id: 'x',
        thread: 'use-case/1',
        parent: null,
        name: 'Grace Hopper',
        message: 'A ship in port is safe.',
        rating: 4,
        createdAt: new Date(NOW).toISOString(),
        status: 'published',
        votes: { up: 0, down: 0 }, // #18
      },
    );
    const stored = await store.getComment(String(comment.id));
    assert.equal(stored?.email, 'grace@example.com');
    assert.equal(stored?.createdAt, NOW);
    assert.notEqual(stored?.clientHash, '192.0.2.7');
    assert.deepEqual(await store.ratingTotals('use-case/1', 5), { count: 1, sum: 4, histogram: [0, 0, 0, 1, 0] });
  });

  it('holds a first-time author for moderation (202) and replays a retry with the same key byte for byte', async () => {
    const request = {
      thread: 'use-case/2',
      input: input({ email: 'newcomer@example.com' }),
      idempotencyKey: 'key-0123456789',
      clientAddress: '192.0.2.8',
    };
    const first = await postComment(deps({ moderation: 'first-time' }), request);
    assert.equal(first.status, 202);
    assert.equal((JSON.parse(first.body) as { comment: { status: string } }).comment.status, 'pending');
    const again = await postComment(deps({ moderation: 'first-time' }), request);
    assert.deepEqual(again, { ...first, replayed: true });
    const listed = await store.admin.listQueue({
      search: null,
      thread: null,
      status: 'pending',
      limit: 10,
      after: null,
    });
    assert.equal(listed.items.filter((c) => c.thread === 'use-case/2').length, 1);
  });

  it('gives comments ids that sort in the order they were posted (#24: neighbours in the id indexes)', async () => {
    // Across the 64 ms and 4 s steps of the id's time digits, and ten years on.
    const times = [
      ...Array.from({ length: 40 }, (_, i) => NOW + i * 7),
      NOW + 4_095,
      NOW + 4_096,
      NOW + 262_144,
      NOW + 10 * 365 * 86_400_000,
    ];
    const ids: string[] = [];
    for (const [i, time] of times.entries()) {
      const result = await postComment(
        { ...deps(), now: () => time },
        {
          thread: 'use-case/ids',
          input: input({ message: `Comment ${i}.` }),
          idempotencyKey: null,
          clientAddress: '192.0.2.8',
        },
      );
      ids.push((JSON.parse(result.body) as { comment: { id: string } }).comment.id);
    }
    for (const id of ids) assert.match(id, ID_PATTERN);
    assert.deepEqual([...ids].sort(), ids, 'string order is posting order');
    // Two comments in the same millisecond still get ids of their own.
    const same = await Promise.all(
      [1, 2].map((n) =>
        postComment(deps(), {
          thread: 'use-case/ids',
          input: input({ message: `Same time ${n}.` }),
          idempotencyKey: null,
          clientAddress: '192.0.2.8',
        }),
      ),
    );
    const [a, b] = same.map((r) => (JSON.parse(r.body) as { comment: { id: string } }).comment.id);
    assert.notEqual(a, b);
    assert.equal((await store.getComment(a!))?.message, 'Same time 1.');
    assert.equal((await store.getComment(b!))?.message, 'Same time 2.');
  });

  it('refuses a failed captcha with 403 captcha_failed and stores nothing', async () => {
    const refusing: Captcha = { describe: noCaptcha.describe, verify: () => Promise.resolve('invalid') };
    await assert.rejects(
      postComment(deps({}, refusing), {
        thread: 'use-case/3',
        input: input(),
        idempotencyKey: null,
        clientAddress: '192.0.2.9',
      }),
      (err: unknown) => err instanceof HttpError && err.status === 403 && err.code === 'captcha_failed',
    );
    assert.equal(await store.countPublished('use-case/3'), 0);
  });
});
