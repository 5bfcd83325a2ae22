/**
 * Group commit of new comments (issue #24, server/store/group-commit.ts), on SQLite and
 * PostgreSQL: comments that arrive together share one transaction, every caller is answered
 * after the commit, one comment that fails does not fail the others, and `kill -9` during a
 * burst loses no acknowledged comment.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { KyselyStore } from '../../server/store/kysely-store.js';
import { openPostgresStore } from '../../server/store/postgres.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import type { IdempotencyRecord, Store, StoredComment } from '../../server/store/types.js';
import { createTestDatabase, postgresAvailable } from '../helpers/postgres.js';
import { startServerProcess } from '../helpers/server-process.js';
import { storedComments } from '../helpers/stored-comment.js';

const postgres = await postgresAvailable();
/** What PostgreSQL's store told of batches its one statement failed (`onSlowBatch`). */
const slowBatches: { error: unknown; comments: number }[] = [];
const numbered = storedComments('gc', (n) => ({
  name: `Writer ${n}`,
  email: `w${n}@example.com`,
  message: `Batched comment ${n}`,
  createdAt: Date.now() + n,
  clientHash: null,
}));
const comment = (thread: string, overrides: Partial<StoredComment> = {}) => numbered({ thread, ...overrides });

const record = (key: string, fingerprint = 'same'): IdempotencyRecord => ({
  key,
  fingerprint,
  status: 201,
  body: `{"for":"${key}"}`,
  createdAt: Date.now(),
});

async function allIds(store: Store, thread: string): Promise<Set<string>> {
  const page = await store.listPublished(thread, { limit: 1000, after: null, sort: 'oldest' });
  return new Set(page.items.map((c) => c.id));
}

const stores: { name: string; skip: boolean; open(): Promise<{ store: Store; close(): Promise<void> }> }[] = [
  {
    name: 'SQLite',
    skip: false,
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'af-group-'));
      const store = await openSqliteStore(join(dir, 'comments.db'));
      return {
        store,
        close: async () => {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'PostgreSQL',
    skip: !postgres,
    async open() {
      const database = await createTestDatabase();
      const store = await openPostgresStore(database.url, {
        poolMax: 6,
        onSlowBatch: (error, comments) => slowBatches.push({ error, comments }),
      });
      return {
        store,
        close: async () => {
          await store.close();
          await database.drop();
        },
      };
    },
  },
];

for (const kind of stores) {
  describe(`group commit, ${kind.name}`, { skip: kind.skip }, () => {
    let store: Store;
    let close: () => Promise<void>;
    before(async () => {
      ({ store, close } = await kind.open());
    });
    after(async () => {
      await close?.();
    });
    const stats = () => (store as KyselyStore).groupCommitStats()!;

    it('200 comments sent at once are all acknowledged and all stored, in far fewer transactions', async () => {
      const thread = 'group/many';
      const versionBefore = await store.threadVersion(thread);
      const before = stats();
      const sent = Array.from({ length: 200 }, () => comment(thread));
      const results = await Promise.all(
        sent.map((c) => store.createComment(c, { idempotency: record(`many-${c.id}`) })),
      );
      assert.deepEqual(new Set(results.map((r) => r.kind)), new Set(['created']));
      const stored = await allIds(store, thread);
      assert.equal(stored.size, 200);
      for (const c of sent) assert.ok(stored.has(c.id));
      const used = stats().batches - before.batches;
      assert.ok(used <= 200 / 10, `200 comments took ${used} transactions`);
      assert.ok((await store.threadVersion(thread)) > versionBefore);
    });

    it('a comment that fails in a batch fails alone: the others of its batch are stored', async () => {
      const thread = 'group/one-bad';
      const existing = comment(thread);
      assert.equal((await store.createComment(existing)).kind, 'created');
      const before = stats();
      const good = Array.from({ length: 19 }, () => comment(thread));
      // Same id as a stored comment: the database refuses it (primary key) inside the batch.
      const bad = comment(thread, { id: existing.id, message: 'a duplicate id' });
      const sent = [...good.slice(0, 10), bad, ...good.slice(10)];
      const settled = await Promise.allSettled(sent.map((c) => store.createComment(c)));
      assert.equal(stats().batches - before.batches, 1, 'all twenty went in one transaction');
      settled.forEach((s, i) => {
        if (sent[i] === bad) assert.equal(s.status, 'rejected', 'the duplicate is refused');
        else assert.deepEqual(s, { status: 'fulfilled', value: { kind: 'created' } });
      });
      const stored = await allIds(store, thread);
      assert.equal(stored.size, 20);
      for (const c of good) assert.ok(stored.has(c.id));
      const kept = await store.getComment(existing.id);
      assert.equal(kept?.message, existing.message, 'the stored comment is untouched');
      if (kind.name === 'PostgreSQL') {
        // The batch fit one statement, which the duplicate failed: the transaction stored the rest.
        assert.equal(stats().oneStatementFailed - before.oneStatementFailed, 1);
        const told = slowBatches.at(-1);
        assert.equal(told?.comments, 20);
        assert.match(String((told?.error as Error).message), /duplicate key/);
      }
    });

    it('one batch of everything a new comment brings: its vote, email choices and deliveries, and retries of stored requests', async () => {
      const thread = 'group/everything';
      const first = comment(thread);
      const second = comment(thread);
      await store.createComment(first, { idempotency: record('everything-0001') });
      await store.createComment(second, { idempotency: record('everything-0002') });
      const versionBefore = await store.threadVersion(thread);
      const before = stats();
      const rated = Array.from({ length: 6 }, (_, i) =>
        comment(thread, { rating: 1 + (i % 5), voter: `everything-voter-${i}` }),
      );
      const results = await Promise.all([
        ...rated.map((c, i) =>
          store.createComment(c, {
            vote: { thread, voter: c.voter!, value: c.rating! },
            idempotency: record(`everything-rated-${i}`),
            outbox: {
              commentNotify: {
                commentId: c.id,
                thread,
                email: c.email,
                lang: 'de',
                replyEmails: i % 2 === 0,
                articleUrl: `https://news.example/everything`,
              },
              deliveries: [
                { kind: 'webhook', event: 'comment.created', target: 'http://127.0.0.1:9/hook', payload: { id: c.id } },
              ],
            },
          }),
        ),
        // A retry of the first request, and another request with the second one's key.
        store.createComment(comment(thread), { idempotency: record('everything-0001') }),
        store.createComment(comment(thread), { idempotency: record('everything-0002', 'different') }),
      ]);
      assert.deepEqual(
        results.map((r) => r.kind),
        [...rated.map(() => 'created'), 'replay', 'conflict'],
      );
      const replayed = results[rated.length]!;
      assert.equal(replayed.kind === 'replay' && replayed.record.body, '{"for":"everything-0001"}');
      assert.equal(stats().batches - before.batches, 1, 'all eight went in one batch');
      if (kind.name === 'PostgreSQL')
        assert.equal(stats().oneStatement - before.oneStatement, 1, 'the batch was one statement');

      assert.deepEqual(await allIds(store, thread), new Set([first.id, second.id, ...rated.map((c) => c.id)]));
      assert.deepEqual(await store.ratingTotals(thread, 5), {
        count: 6,
        sum: 16,
        histogram: [2, 1, 1, 1, 1],
      });
      for (const [i, c] of rated.entries())
        assert.deepEqual(await store.outbox.commentNotify(c.id), {
          commentId: c.id,
          thread,
          email: c.email,
          lang: 'de',
          replyEmails: i % 2 === 0,
          articleUrl: 'https://news.example/everything',
        });
      const queued = (await store.outbox.list({ limit: 1000 })).filter((d) => d.target === 'http://127.0.0.1:9/hook');
      assert.deepEqual(
        queued.map((d) => (JSON.parse(d.payload) as { id: string }).id).sort(),
        rated.map((c) => c.id).sort(),
        'one delivery for each new comment, none for the retries',
      );
      assert.ok((await store.threadVersion(thread)) > versionBefore);
    });

    it('the same idempotency key twice in one batch stores one comment; a different request with it conflicts', async () => {
      const thread = 'group/same-key';
      const first = comment(thread);
      const retry = comment(thread);
      const other = comment(thread);
      const results = await Promise.all([
        store.createComment(first, { idempotency: record('same-key-0001') }),
        store.createComment(retry, { idempotency: record('same-key-0001') }),
        store.createComment(other, { idempotency: record('same-key-0001', 'different') }),
      ]);
      assert.deepEqual(
        results.map((r) => r.kind),
        ['created', 'replay', 'conflict'],
      );
      assert.deepEqual([...(await allIds(store, thread))], [first.id]);
    });
  });
}

describe('a batch that its one statement could not store (PostgreSQL)', { skip: !postgres }, () => {
  it('the server says why, once a minute at most, and stores the rest through the transaction', async () => {
    const database = await createTestDatabase();
    const server = await startServerProcess({
      env: {
        DATABASE_URL: database.url,
        SECRET: 'slow-batch-secret-0123456789',
        MODERATION: 'off',
        RATE_LIMIT_WRITES: '0',
      },
    });
    const admin = new pg.Client({ connectionString: database.url });
    try {
      await admin.connect();
      // A rule the statement does not know of: a message the database itself refuses.
      await admin.query(
        `alter table comments add constraint slow_batch_test check (message <> 'Refused by the database')`,
      );
      const post = (message: string, i: number) =>
        fetch(`${server.apiUrl}/threads/slow-batch/comments`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `slow-batch-${i}` },
          body: JSON.stringify({ name: 'Reader', email: 'reader@example.com', message }),
        });
      const sent = await Promise.all([
        post('Refused by the database', 0),
        ...Array.from({ length: 5 }, (_, i) => post(`Accepted ${i}`, i + 1)),
      ]);
      assert.equal(sent[0]!.status, 500);
      assert.deepEqual(
        sent.slice(1).map((r) => r.status),
        [201, 201, 201, 201, 201],
      );
      await post('Refused by the database', 10);
      const said = server
        .output()
        .split('\n')
        .filter((line) => line.includes('went through the slower transaction'));
      assert.equal(said.length, 1, server.output());
      assert.match(said[0]!, /slow_batch_test/);
    } finally {
      await admin.end();
      await server.stop();
      await database.drop();
    }
  });
});

describe('group commit and kill -9', () => {
  it('SIGKILL during a burst of 50 concurrent writers loses no acknowledged comment', async () => {
    const env = { MODERATION: 'off', RATE_LIMIT_WRITES: '0' };
    const first = await startServerProcess({ env });
    const thread = 'group%2Fcrash';
    const acknowledged = new Map<string, string>();
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (!killed) {
        const i = next++;
        const key = `group-crash-${String(i).padStart(6, '0')}`;
        try {
          const res = await fetch(`${first.apiUrl}/threads/${thread}/comments`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
            body: JSON.stringify({ name: `W ${i}`, email: `w${i}@example.com`, message: `Burst ${i}` }),
          });
          const body = (await res.json()) as { comment?: { id: string } };
          if (res.status === 201 && body.comment) acknowledged.set(key, body.comment.id);
        } catch {
          // The connection died with the process: never acknowledged.
        }
      }
    };
    const workers = Array.from({ length: 50 }, worker);
    const deadline = Date.now() + 60_000;
    while (acknowledged.size < 150 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    await first.kill();
    killed = true;
    await Promise.all(workers);
    assert.ok(acknowledged.size >= 150);

    const second = await startServerProcess({ dbPath: first.dbPath, env });
    try {
      const ids = new Set<string>();
      let cursor: string | null = null;
      do {
        const url: string = `${second.apiUrl}/threads/${thread}/comments?limit=100&sort=oldest${cursor ? `&cursor=${cursor}` : ''}`;
        const page = (await (await fetch(url)).json()) as { comments: { id: string }[]; nextCursor: string | null };
        for (const c of page.comments) ids.add(c.id);
        cursor = page.nextCursor;
      } while (cursor);
      const lost = [...acknowledged.values()].filter((id) => !ids.has(id));
      console.log(`# group commit crash: ${acknowledged.size} acknowledged, ${ids.size} stored, ${lost.length} lost`);
      assert.deepEqual(lost, []);
    } finally {
      await second.stop();
      rmSync(dirname(first.dbPath), { recursive: true, force: true });
    }
  });
});
