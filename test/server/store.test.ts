/**
 * One store suite, run against SQLite (a temporary file) and PostgreSQL (a fresh database): the
 * same cases, the same expectations, through the Store interface the routes use.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { FileMigrationProvider, Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { promises as fs } from 'node:fs';
import pg from 'pg';
import { IDEMPOTENCY_TTL_MS } from '../../server/store/kysely-store.js';
import { DatabaseRateLimiter } from '../../server/store/rate-limit.js';
import { openPostgresStore } from '../../server/store/postgres.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import type { Store, StoredComment } from '../../server/store/types.js';
import { MIGRATION_NAMES } from '../helpers/migrations.js';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../helpers/postgres.js';
import { storedComments } from '../helpers/stored-comment.js';

/** A clock the tests move; every store opened here reads it. */
const clock = { now: 1_764_000_000_000 };
const now = () => clock.now;

interface Backend {
  /** Opens a store on the database. */
  open(): Promise<Store>;
  /**
   * Opens a second store for the concurrency case: a second pool on PostgreSQL, as a second
   * instance would. SQLite has one writer process; two synchronous connections in one process
   * would wait on each other's locks with the event loop blocked, so SQLite shares the first.
   */
  second(first: Store): Promise<Store | null>;
  /** Deletes every row, so each test starts from an empty database. */
  empty(): Promise<void>;
  dispose(): Promise<void>;
}

const comment = storedComments('c', () => ({
  thread: 'articles/one',
  createdAt: clock.now,
  clientHash: 'client-hash',
}));

const record = (key: string, fingerprint = 'fp-1') => ({
  key,
  fingerprint,
  status: 201,
  body: `{"key":"${key}"}`,
  createdAt: clock.now,
});

function storeSuite(name: string, makeBackend: () => Promise<Backend>): void {
  describe(`store on ${name}`, () => {
    let backend: Backend;
    let store: Store;
    before(async () => {
      backend = await makeBackend();
      store = await backend.open();
    });
    after(async () => {
      await store?.close();
      await backend?.dispose();
    });
    beforeEach(async () => {
      clock.now = 1_764_000_000_000;
      await backend.empty();
    });

    it('stores a comment and reads every field back, timestamps as numbers', async () => {
      const written = comment({ parent: 'p1', rating: 4, voter: 'voter-0001', createdAt: 1_764_000_000_123 });
      assert.deepEqual(await store.createComment(written), { kind: 'created' });
      const read = await store.getComment(written.id);
      assert.deepEqual(read, written);
      assert.equal(typeof read!.createdAt, 'number');
      assert.equal(await store.getComment('nope'), null);
    });

    it('lists published comments with a cursor, newest and oldest first, without gaps or repeats', async () => {
      // Seven comments, several sharing a millisecond: the id breaks ties.
      const times = [5, 1, 3, 3, 3, 9, 7];
      const written = times.map((t) => comment({ createdAt: 1_764_000_000_000 + t }));
      for (const c of written) await store.createComment(c);
      await store.createComment(comment({ status: 'pending' }));
      await store.createComment(comment({ status: 'spam' }));
      await store.createComment(comment({ thread: 'articles/other' }));

      const byKey = (a: StoredComment, b: StoredComment) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);
      const oldest = [...written].sort(byKey).map((c) => c.id);
      for (const sort of ['newest', 'oldest'] as const) {
        const seen: string[] = [];
        let after = null;
        let pages = 0;
        do {
          const page = await store.listPublished('articles/one', { limit: 3, after, sort });
          seen.push(...page.items.map((c) => c.id));
          after = page.next;
          pages += 1;
        } while (after);
        assert.deepEqual(seen, sort === 'oldest' ? oldest : [...oldest].reverse(), sort);
        assert.equal(pages, 3);
      }
      assert.equal(await store.countPublished('articles/one'), 7);
      assert.equal(await store.countPublished('articles/other'), 1);
      assert.equal(await store.countPublished('articles/none'), 0);
    });

    it('lists by status for moderation, newest first, with a cursor', async () => {
      const pending = [1, 2, 3].map((t) => comment({ status: 'pending', createdAt: clock.now + t }));
      for (const c of pending) await store.createComment(c);
      await store.createComment(comment({ status: 'published' }));
      const first = await store.admin.listQueue({
        search: null,
        thread: null,
        status: 'pending',
        limit: 2,
        after: null,
      });
      assert.deepEqual(
        first.items.map((c) => c.id),
        [pending[2]!.id, pending[1]!.id],
      );
      const second = await store.admin.listQueue({
        search: null,
        thread: null,
        status: 'pending',
        limit: 2,
        after: first.next,
      });
      assert.deepEqual(
        second.items.map((c) => c.id),
        [pending[0]!.id],
      );
      assert.equal(second.next, null);
      assert.equal(
        (await store.admin.listQueue({ search: null, thread: null, status: null, limit: 10, after: null })).items
          .length,
        4,
      );
    });

    it('changes a status and deletes', async () => {
      const c = comment({ status: 'pending' });
      await store.createComment(c);
      assert.equal((await store.setStatus(c.id, 'published'))?.status, 'published');
      assert.equal(await store.setStatus('missing', 'spam'), null);
      assert.equal(await store.deleteComment(c.id), true);
      assert.equal(await store.deleteComment(c.id), false);
      assert.equal(await store.getComment(c.id), null);
    });

    it('counts one vote per voter, replaced on a second vote, within the scale', async () => {
      await store.putVote({ thread: 't', voter: 'voter-0001', value: 5 });
      await store.putVote({ thread: 't', voter: 'voter-0002', value: 3 });
      await store.putVote({ thread: 't', voter: 'voter-0001', value: 4 });
      await store.putVote({ thread: 'u', voter: 'voter-0001', value: 1 });
      assert.deepEqual(await store.ratingTotals('t', 5), { count: 2, sum: 7, histogram: [0, 0, 1, 1, 0] });
      // A scale shrunk after the fact: votes above it are left out.
      assert.deepEqual(await store.ratingTotals('t', 3), { count: 1, sum: 3, histogram: [0, 0, 1] });
      assert.deepEqual(await store.ratingTotals('none', 5), { count: 0, sum: 0, histogram: [0, 0, 0, 0, 0] });
    });

    it("counts a comment's rating only while the comment is published", async () => {
      const vote = { thread: 't', voter: 'voter-0001', value: 2 };
      await store.putVote({ thread: 't', voter: 'voter-0002', value: 5 });
      const waiting = comment({ thread: 't', rating: 2, voter: vote.voter, status: 'pending' });
      await store.createComment(waiting, { vote });
      const totals = async () => (await store.ratingTotals('t', 5)).count;
      assert.equal(await totals(), 1, 'pending: not counted');
      await store.setStatus(waiting.id, 'published');
      assert.deepEqual(await store.ratingTotals('t', 5), { count: 2, sum: 7, histogram: [0, 1, 0, 0, 1] });
      await store.setStatus(waiting.id, 'spam');
      assert.equal(await totals(), 1, 'spam: removed');
      await store.setStatus(waiting.id, 'pending');
      assert.equal(await totals(), 1, 'pending again: still out');
      await store.setStatus(waiting.id, 'published');
      assert.equal(await totals(), 2, 'approved: restored');
      await store.deleteComment(waiting.id);
      assert.equal(await totals(), 1, 'deleted: removed');

      // A later standalone vote of the same voter replaces the comment's vote and counts on its own.
      const other = comment({ thread: 't', rating: 1, voter: 'voter-0003', status: 'pending' });
      await store.createComment(other, { vote: { thread: 't', voter: 'voter-0003', value: 1 } });
      await store.putVote({ thread: 't', voter: 'voter-0003', value: 4 });
      assert.deepEqual(await store.ratingTotals('t', 5), { count: 2, sum: 9, histogram: [0, 0, 0, 1, 1] });
      await store.setStatus(other.id, 'spam');
      assert.equal(await totals(), 2, 'the standalone vote does not follow the comment');
    });

    it('replays an idempotency key with the same request, refuses it with another, stores once', async () => {
      const first = comment();
      assert.deepEqual(await store.createComment(first, { idempotency: record('key-00001') }), { kind: 'created' });
      const again = await store.createComment(comment(), { idempotency: record('key-00001') });
      assert.equal(again.kind, 'replay');
      assert.deepEqual(again.kind === 'replay' && again.record, record('key-00001'));
      assert.deepEqual(await store.createComment(comment(), { idempotency: record('key-00001', 'fp-2') }), {
        kind: 'conflict',
      });
      assert.equal(await store.countPublished('articles/one'), 1);
      assert.deepEqual(await store.findIdempotency('key-00001'), record('key-00001'));
      assert.equal(await store.findIdempotency('key-00002'), null);
    });

    it('treats an idempotency record past 24 hours as absent, before and after the prune', async () => {
      await store.createComment(comment(), { idempotency: record('key-old01') });
      clock.now += IDEMPOTENCY_TTL_MS + 1;
      assert.equal(await store.findIdempotency('key-old01'), null);
      // Not pruned yet, and a different request under the old key: a new comment, not a conflict.
      assert.deepEqual(await store.createComment(comment(), { idempotency: record('key-old01', 'fp-new') }), {
        kind: 'created',
      });
      assert.equal((await store.findIdempotency('key-old01'))?.fingerprint, 'fp-new');
      assert.equal(await store.countPublished('articles/one'), 2);

      await store.createComment(comment(), { idempotency: record('key-old02') });
      clock.now += IDEMPOTENCY_TTL_MS + 1;
      await store.prune();
      clock.now -= IDEMPOTENCY_TTL_MS; // back within 24 h of the record: it is gone all the same
      assert.equal(await store.findIdempotency('key-old02'), null);
    });

    it('accepts a captcha solution once, and forgets it after its expiry', async () => {
      assert.equal(await store.useCaptchaSolution('pow:a', clock.now + 1000), true);
      assert.equal(await store.useCaptchaSolution('pow:a', clock.now + 1000), false);
      clock.now += 2000;
      await store.prune();
      assert.equal(await store.useCaptchaSolution('pow:a', clock.now + 1000), true);
    });

    it('counts writes per client in a window that starts at its first write', async () => {
      const start = clock.now;
      assert.deepEqual(await store.countWrite('client-a', start, 60_000), { hits: 1, windowStart: start });
      assert.deepEqual(await store.countWrite('client-a', start + 59_999, 60_000), { hits: 2, windowStart: start });
      assert.deepEqual(await store.countWrite('client-b', start + 10, 60_000), { hits: 1, windowStart: start + 10 });
      assert.deepEqual(await store.countWrite('client-a', start + 60_000, 60_000), {
        hits: 1,
        windowStart: start + 60_000,
      });
    });

    it('limits writes through the database: RATE_LIMIT_WRITES per client per minute, with Retry-After', async () => {
      const limiter = new DatabaseRateLimiter(store, 3);
      const start = clock.now;
      const verdicts = [];
      for (let i = 0; i < 4; i++) verdicts.push(await limiter.hit('client-x', start + i * 1000));
      assert.deepEqual(verdicts, [
        { ok: true, retryAfter: 0 },
        { ok: true, retryAfter: 0 },
        { ok: true, retryAfter: 0 },
        { ok: false, retryAfter: 57 },
      ]);
      assert.deepEqual(await limiter.hit('client-y', start + 3000), { ok: true, retryAfter: 0 });
      assert.deepEqual(await limiter.hit('client-x', start + 59_500), { ok: false, retryAfter: 1 });
      assert.deepEqual(await limiter.hit('client-x', start + 60_000), { ok: true, retryAfter: 0 });
      assert.deepEqual(await new DatabaseRateLimiter(store, 0).hit('client-x', start + 60_001), {
        ok: true,
        retryAfter: 0,
      });
    });

    it('counts the writes of one moment in one statement, each as if counted alone', async () => {
      const limiter = new DatabaseRateLimiter(store, 3);
      const start = clock.now + 120_000;
      const verdicts = await Promise.all(
        ['client-p', 'client-p', 'client-q', 'client-p', 'client-p'].map((client, i) => limiter.hit(client, start + i)),
      );
      assert.deepEqual(verdicts, [
        { ok: true, retryAfter: 0 },
        { ok: true, retryAfter: 0 },
        { ok: true, retryAfter: 0 },
        { ok: true, retryAfter: 0 },
        { ok: false, retryAfter: 60 },
      ]);
      assert.deepEqual(
        await store.countWrites(
          [
            { client: 'client-p', now: start + 10 },
            { client: 'client-r', now: start + 11 },
            { client: 'client-p', now: start + 12 },
          ],
          60_000,
        ),
        [
          { hits: 5, windowStart: start },
          { hits: 1, windowStart: start + 11 },
          { hits: 6, windowStart: start },
        ],
      );
      // A window that has passed starts again at the first write of the next moment.
      assert.deepEqual(
        await store.countWrites(
          [
            { client: 'client-p', now: start + 60_001 },
            { client: 'client-p', now: start + 60_002 },
          ],
          60_000,
        ),
        [
          { hits: 1, windowStart: start + 60_001 },
          { hits: 2, windowStart: start + 60_001 },
        ],
      );
    });

    it('under concurrency, on two stores sharing the database: one comment per key, one use per solution, every write counted', async () => {
      const second = await backend.second(store);
      const other = second ?? store;
      try {
        const stores = [store, other];
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            stores[i % 2]!.createComment(comment(), { idempotency: record('key-race1') }),
          ),
        );
        assert.deepEqual(results.map((r) => r.kind).sort(), ['created', ...Array.from({ length: 19 }, () => 'replay')]);
        assert.equal(await store.countPublished('articles/one'), 1);

        const uses = await Promise.all(
          Array.from({ length: 20 }, (_, i) => stores[i % 2]!.useCaptchaSolution('pow:race', clock.now + 60_000)),
        );
        assert.equal(uses.filter(Boolean).length, 1);

        const counts = await Promise.all(
          Array.from({ length: 30 }, (_, i) => stores[i % 2]!.countWrite('client-race', clock.now, 60_000)),
        );
        assert.deepEqual(
          counts.map((c) => c.hits).sort((a, b) => a - b),
          Array.from({ length: 30 }, (_, i) => i + 1),
        );
        // Ten writes allowed, spread over both: exactly ten pass.
        const limiters = stores.map((s) => new DatabaseRateLimiter(s, 10));
        const verdicts = await Promise.all(
          Array.from({ length: 25 }, (_, i) => limiters[i % 2]!.hit('client-limited', clock.now)),
        );
        assert.equal(verdicts.filter((v) => v.ok).length, 10);

        // Pruning from both at once is harmless.
        clock.now += IDEMPOTENCY_TTL_MS + 1;
        await Promise.all([store.prune(), other.prune(), store.prune()]);
        assert.equal(await store.findIdempotency('key-race1'), null);
      } finally {
        await second?.close();
      }
    });
  });
}

/**
 * A database made by the first release (migration 001 only) with a pending comment that carries
 * a vote, a published one, and a standalone vote: after the upgrade the pending comment's vote
 * waits for its comment like a new one would.
 */
async function upgradeFromFirstRelease(db: Kysely<unknown>, reopen: () => Promise<Store>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: new FileMigrationProvider({
      fs,
      path: { join },
      migrationFolder: join(import.meta.dirname, '../../server/store/migrations'),
    }),
  });
  const { error } = await migrator.migrateTo('001_initial');
  assert.equal(error, undefined);
  const t = 1_764_000_000_000;
  await sql`insert into comments (id, thread, parent, name, email, email_norm, message, rating, voter, status, created_at, client_hash)
    values ('old-pending', 'up', null, 'A', 'a@x.org', 'a@x.org', 'waiting', 5, 'voter-0001', 'pending', ${t}, null),
           ('old-public', 'up', null, 'B', 'b@x.org', 'b@x.org', 'shown', 3, 'voter-0002', 'published', ${t}, null)`.execute(
    db,
  );
  await sql`insert into votes (thread, voter, value, updated_at)
    values ('up', 'voter-0001', 5, ${t + 2}), ('up', 'voter-0002', 3, ${t + 2}), ('up', 'voter-0003', 1, ${t})`.execute(
    db,
  );
  await db.destroy();
  const store = await reopen();
  try {
    assert.deepEqual(await store.ratingTotals('up', 5), { count: 2, sum: 4, histogram: [1, 0, 1, 0, 0] });
    await store.setStatus('old-pending', 'published');
    assert.deepEqual(await store.ratingTotals('up', 5), { count: 3, sum: 9, histogram: [1, 0, 1, 0, 1] });
    await store.deleteComment('old-public');
    assert.equal((await store.ratingTotals('up', 5)).count, 2);
  } finally {
    await store.close();
  }
}

describe('upgrading a SQLite database of the first release', () => {
  it("links earlier votes to their comments, so a pending comment's vote waits", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'af-upgrade-'));
    try {
      const file = join(dir, 'comments.db');
      const Database = (await import('better-sqlite3')).default;
      const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new Database(file) }) });
      await upgradeFromFirstRelease(db, () => openSqliteStore(file, { now }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const TABLES = ['comments', 'votes', 'idempotency', 'captcha_solutions', 'rate_limits'];

storeSuite('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'af-store-'));
  const file = join(dir, 'comments.db');
  const opened: Store[] = [];
  const open = async () => {
    const s = await openSqliteStore(file, { now });
    opened.push(s);
    return s;
  };
  const Database = (await import('better-sqlite3')).default;
  return {
    open,
    second: () => Promise.resolve(null),
    empty: async () => {
      const db = new Database(file);
      for (const table of TABLES) db.prepare(`delete from ${table}`).run();
      db.close();
    },
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

const postgres = await postgresAvailable();
describe('PostgreSQL', { skip: !postgres }, () => {
  let database: TestDatabase;
  storeSuite('PostgreSQL', async () => {
    database = await createTestDatabase();
    const open = () => openPostgresStore(database.url, { now, poolMax: 10 });
    return {
      open,
      second: () => open(),
      empty: async () => {
        const client = new pg.Client({ connectionString: database.url });
        await client.connect();
        await client.query(`truncate ${TABLES.join(', ')}`);
        await client.end();
      },
      dispose: () => database.drop(),
    };
  });

  it('upgrading a database of the first release links earlier votes to their comments', async () => {
    const fresh = await createTestDatabase();
    try {
      const db = new Kysely<unknown>({
        dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: fresh.url, max: 1 }) }),
      });
      await upgradeFromFirstRelease(db, () => openPostgresStore(fresh.url, { now, poolMax: 2 }));
    } finally {
      await fresh.drop();
    }
  });

  it('ten stores opening a fresh database at once migrate it once, to bigint millisecond timestamps', async () => {
    const fresh = await createTestDatabase();
    try {
      const stores = await Promise.all(
        Array.from({ length: 10 }, () => openPostgresStore(fresh.url, { now, poolMax: 2 })),
      );
      await Promise.all(stores.map((s) => s.close()));
      const client = new pg.Client({ connectionString: fresh.url });
      await client.connect();
      const { rows } = await client.query<{ name: string }>('select name from kysely_migration order by name');
      const columns = await client.query<{ name: string; data_type: string }>(
        `select table_name || '.' || column_name as name, data_type from information_schema.columns
         where column_name in ('created_at', 'updated_at', 'expires_at', 'window_start') and table_schema = 'public'
         order by 1`,
      );
      await client.end();
      assert.ok(MIGRATION_NAMES.includes('001_initial'));
      assert.deepEqual(
        rows.map((r) => r.name),
        MIGRATION_NAMES,
      );
      // Every millisecond timestamp is bigint, those of later migrations (own tables) too.
      const timestamps = columns.rows.map((r) => `${r.name} ${r.data_type}`);
      assert.deepEqual(
        timestamps.filter((column) => !column.endsWith(' bigint')),
        [],
      );
      for (const column of [
        'captcha_solutions.expires_at',
        'comments.created_at',
        'idempotency.created_at',
        'rate_limits.window_start',
        'votes.updated_at',
      ])
        assert.ok(timestamps.includes(`${column} bigint`), column);
    } finally {
      await fresh.drop();
    }
  });
});

describe('SQLite files', () => {
  it('are created in a 0700 folder as 0600 files (they hold emails)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'af-modes-'));
    try {
      const file = join(dir, 'data', 'nested', 'comments.db');
      const store = await openSqliteStore(file, { now });
      await store.createComment(comment());
      const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);
      assert.equal(mode(join(dir, 'data')), '700');
      assert.equal(mode(join(dir, 'data', 'nested')), '700');
      assert.equal(mode(file), '600');
      assert.equal(mode(`${file}-wal`), '600');
      assert.equal(mode(`${file}-shm`), '600');
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
