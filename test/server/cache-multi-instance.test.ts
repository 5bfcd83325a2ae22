/**
 * Answers kept by thread version (issue #24) with real server processes on one PostgreSQL
 * database. With READ_STALE_MS=0 each instance reads the thread's version from the database on
 * every request, so a write through A is visible through B at once, and B's ETags from before
 * the write stop matching. With the PostgreSQL default (READ_STALE_MS=1000) B may use a version
 * it read up to 1 s earlier: a write through A is visible through B within that bound even when
 * B's LISTEN connection is cut, and usually at once through the NOTIFY it hears.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { LISTEN_APPLICATION_NAME } from '../../server/store/pg-listen.js';
import { writeDisqusFile } from '../helpers/disqus-file.js';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../helpers/postgres.js';
import { runCli, startServerProcess, type ServerProcess } from '../helpers/server-process.js';

const TOKEN = 'admin-token-for-cache-tests-0123';
const postgres = await postgresAvailable();

describe('two instances, READ_STALE_MS=0, on one PostgreSQL database keep no stale answer', { skip: !postgres }, () => {
  let database: TestDatabase;
  let a: ServerProcess;
  let b: ServerProcess;

  before(async () => {
    database = await createTestDatabase();
    const env = {
      DATABASE_URL: database.url,
      SECRET: 'cache-multi-secret-0123456789abc',
      MODERATION: 'off',
      CAPTCHA: 'none',
      RATE_LIMIT_WRITES: '0',
      ADMIN_TOKEN: TOKEN,
      READ_STALE_MS: '0',
    };
    const started = await Promise.allSettled([
      startServerProcess({ env, timeout: 180_000 }),
      startServerProcess({ env, timeout: 180_000 }),
    ]);
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) {
      await Promise.all(started.map((s) => (s.status === 'fulfilled' ? s.value.stop() : undefined)));
      throw failed.reason;
    }
    [a, b] = started.map((s) => (s as PromiseFulfilledResult<ServerProcess>).value) as [ServerProcess, ServerProcess];
  });

  after(async () => {
    await Promise.all([a, b].map((s) => s?.stop()));
    await database?.drop();
  });

  const list = (server: ServerProcess, thread: string) =>
    `${server.apiUrl}/threads/${encodeURIComponent(thread)}/comments`;
  const post = async (server: ServerProcess, thread: string, n: number) => {
    const res = await fetch(list(server, thread), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: `Reader ${n}`, email: `r${n}@example.com`, message: `Comment ${n}` }),
    });
    assert.equal(res.status, 201);
    return ((await res.json()) as { comment: { id: string } }).comment.id;
  };
  /** B's answer, read twice so that the second comes from B's memory; its ETag. */
  const warm = async (url: string) => {
    await (await fetch(url)).text();
    const res = await fetch(url);
    assert.equal(res.status, 200);
    await res.text();
    return res.headers.get('ETag')!;
  };

  it('a comment posted through A is listed by B on the very next request, and B’s old ETag no longer matches', async () => {
    const thread = 'multi-cache/post';
    await post(a, thread, 1);
    const etag = await warm(list(b, thread));
    for (let n = 2; n <= 6; n++) {
      const id = await post(a, thread, n);
      const res = await fetch(list(b, thread), { headers: { 'If-None-Match': etag } });
      assert.equal(res.status, 200);
      const page = (await res.json()) as { comments: { id: string }[]; total: number };
      assert.equal(page.total, n);
      assert.equal(page.comments[0]!.id, id, 'the newest comment is there at once');
    }
  });

  it('a vote through A, a moderation change and a delete through A are seen by B at once', async () => {
    const thread = 'multi-cache/moderation';
    const id = await post(a, thread, 1);
    await post(a, thread, 2);
    const rating = `${b.apiUrl}/threads/${encodeURIComponent(thread)}/rating`;
    const ratingTag = await warm(rating);
    const vote = await fetch(`${a.apiUrl}/threads/${encodeURIComponent(thread)}/rating`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ voter: 'voter-multi-0001', value: 4 }),
    });
    assert.equal(vote.status, 200);
    const rated = await fetch(rating, { headers: { 'If-None-Match': ratingTag } });
    assert.equal(rated.status, 200);
    assert.equal(((await rated.json()) as { count: number }).count, 1);

    const headers = { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' };
    let etag = await warm(list(b, thread));
    const patched = await fetch(`${a.apiUrl}/admin/comments/${id}`, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ status: 'spam' }),
    });
    assert.equal(patched.status, 200);
    let res = await fetch(list(b, thread), { headers: { 'If-None-Match': etag } });
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { total: number }).total, 1);

    etag = await warm(list(b, thread));
    const deleted = await fetch(`${a.apiUrl}/admin/comments/${id}`, { method: 'DELETE', headers });
    assert.equal(deleted.status, 204);
    res = await fetch(list(b, thread), { headers: { 'If-None-Match': etag } });
    // The deleted comment was already hidden, so the page reads the same, but the thread was
    // written: B must read it again rather than trust its old answer.
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { total: number }).total, 1);
  });

  it('GET /api/counts through B shows a comment posted through A at once', async () => {
    const counts = (server: ServerProcess) =>
      `${server.apiUrl}/counts?thread=${encodeURIComponent('multi-cache/counts-1')}&thread=${encodeURIComponent('multi-cache/counts-2')}`;
    await post(a, 'multi-cache/counts-1', 1);
    const etag = await warm(counts(b));
    await post(a, 'multi-cache/counts-2', 2);
    const res = await fetch(counts(b), { headers: { 'If-None-Match': etag } });
    assert.equal(res.status, 200);
    const body = (await res.json()) as { counts: Record<string, { comments: number }> };
    assert.equal(body.counts['multi-cache/counts-2']!.comments, 1);
    assert.equal(body.counts['multi-cache/counts-1']!.comments, 1);
  });

  it('B answers 304 to its own ETag while nothing was written, even after writes to other threads', async () => {
    const thread = 'multi-cache/quiet';
    await post(a, thread, 1);
    const etag = await warm(list(b, thread));
    await post(a, 'multi-cache/elsewhere', 2);
    assert.equal((await fetch(list(b, thread), { headers: { 'If-None-Match': etag } })).status, 304);
    // The same version means the same answer on both instances: A honours B's ETag.
    assert.equal((await fetch(list(a, thread), { headers: { 'If-None-Match': etag } })).status, 304);
  });
});

describe('instances keeping thread versions (READ_STALE_MS) on one PostgreSQL database', { skip: !postgres }, () => {
  let database: TestDatabase;
  /** A writes; B keeps versions 1 s (the PostgreSQL default); C keeps them 60 s. */
  let a: ServerProcess;
  let b: ServerProcess;
  let c: ServerProcess;
  const BOUND_MS = 1000;

  before(async () => {
    database = await createTestDatabase();
    const env = {
      DATABASE_URL: database.url,
      SECRET: 'cache-multi-secret-0123456789abc',
      MODERATION: 'off',
      CAPTCHA: 'none',
      RATE_LIMIT_WRITES: '0',
    };
    const started = await Promise.allSettled([
      startServerProcess({ env, timeout: 180_000 }),
      startServerProcess({ env, timeout: 180_000 }),
      startServerProcess({ env: { ...env, READ_STALE_MS: '60000' }, timeout: 180_000 }),
    ]);
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) {
      await Promise.all(started.map((s) => (s.status === 'fulfilled' ? s.value.stop() : undefined)));
      throw failed.reason;
    }
    [a, b, c] = started.map((s) => (s as PromiseFulfilledResult<ServerProcess>).value) as [
      ServerProcess,
      ServerProcess,
      ServerProcess,
    ];
  });

  after(async () => {
    await Promise.all([a, b, c].map((s) => s?.stop()));
    await database?.drop();
  });

  const list = (server: ServerProcess, thread: string) =>
    `${server.apiUrl}/threads/${encodeURIComponent(thread)}/comments`;
  const post = async (server: ServerProcess, thread: string, n: number) => {
    const res = await fetch(list(server, thread), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: `Reader ${n}`, email: `r${n}@example.com`, message: `Comment ${n}` }),
    });
    assert.equal(res.status, 201);
    return ((await res.json()) as { comment: { id: string } }).comment.id;
  };
  /** The server's answer, read twice so that the second comes from its memory; its ETag. */
  const warm = async (url: string) => {
    await (await fetch(url)).text();
    const res = await fetch(url);
    assert.equal(res.status, 200);
    await res.text();
    return res.headers.get('ETag')!;
  };
  const total = async (url: string, init?: RequestInit) => {
    const res = await fetch(url, init);
    return { status: res.status, total: res.status === 200 ? ((await res.json()) as { total: number }).total : null };
  };

  it('a write through A is visible through B within READ_STALE_MS, even with B’s LISTEN connection cut', async () => {
    // Cut B's LISTEN connection (and A's and C's: all "listen" connections of this database).
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    try {
      const thread = 'stale-bound/1';
      await post(a, thread, 1);
      const cut = await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1 and datname = current_database()',
        [LISTEN_APPLICATION_NAME],
      );
      assert.ok(cut.rowCount! >= 2, 'each instance keeping versions has a LISTEN connection');
      // B forgets everything when it notices the loss; what it keeps from now on, no NOTIFY can
      // drop until it listens again (3 s later): only the bound makes it read again.
      await sleep(200);
      const etag = await warm(list(b, thread));
      await post(a, thread, 2);
      // The write is acknowledged: one bound later, B shows it and B's old ETag no longer matches.
      await sleep(BOUND_MS + 20);
      assert.deepEqual(await total(list(b, thread), { headers: { 'If-None-Match': etag } }), {
        status: 200,
        total: 2,
      });
    } finally {
      await admin.end();
    }
  });

  it('a write through A is heard by C (NOTIFY) long before C’s 60 s bound; a write through C itself at once', async () => {
    const thread = 'stale-notify/1';
    await post(a, thread, 1);
    // The previous case cut C's LISTEN connection too; it comes back 3 s later (and then forgets
    // everything once): wait for that, so that only a NOTIFY can tell C of the next write.
    await sleep(3500);
    const etag = await warm(list(c, thread));
    await post(a, thread, 2);
    let seen = false;
    for (const deadline = Date.now() + 10_000; !seen && Date.now() < deadline; await sleep(20)) {
      const res = await total(list(c, thread), { headers: { 'If-None-Match': etag } });
      seen = res.status === 200 && res.total === 2;
    }
    assert.ok(seen, 'C heard the write well within its 60 s bound');

    // C's own write drops what C kept before its answer leaves.
    const id = await post(c, thread, 3);
    const page = (await (await fetch(list(c, thread))).json()) as { comments: { id: string }[]; total: number };
    assert.equal(page.comments[0]!.id, id);
    assert.equal(page.total, 3);
  });
});

/**
 * SQLite: a running server and the operator's `import` command writing to the same file from
 * another process. With READ_STALE_MS=0 the next answer shows the import; with the default
 * bound of 1 s it shows within that bound. Either way the old ETag stops matching.
 */
for (const { staleMs, within } of [
  { staleMs: '0', within: 0 },
  { staleMs: undefined, within: 1000 },
]) {
  describe(`a running server on SQLite (READ_STALE_MS=${staleMs ?? 'default'}) and the CLI importing into its file`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'af-cache-import-'));
    let server: ServerProcess;
    before(async () => {
      server = await startServerProcess({
        dbPath: join(dir, 'comments.db'),
        env: { MODERATION: 'off', READ_STALE_MS: staleMs },
      });
    });
    after(async () => {
      await server?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it(`GET /api/counts shows the imported comments ${within ? `within ${within} ms` : 'on the next request'}; the old ETag no longer matches`, async () => {
      const threads = ['/articles/0/', '/articles/1/', '/articles/2/'];
      const url = `${server.apiUrl}/counts?${threads.map((t) => `thread=${encodeURIComponent(t)}`).join('&')}`;
      type Counts = { counts: Record<string, { comments: number }> };
      // Twice, so that the second answer comes from what the server kept; then its 304.
      await (await fetch(url)).text();
      const before = await fetch(url);
      const etag = before.headers.get('ETag')!;
      const empty = ((await before.json()) as Counts).counts;
      assert.deepEqual(
        threads.map((t) => empty[t]?.comments ?? 0),
        [0, 0, 0],
      );
      assert.equal((await fetch(url, { headers: { 'If-None-Match': etag } })).status, 304);

      // 25 posts: ten each on articles 0 and 1, five on article 2; every 50th is spam (post 0).
      const file = join(dir, 'disqus.xml');
      await writeDisqusFile(file, 25);
      const run = await runCli(['import', '--from', 'disqus', file], { DATABASE_URL: server.dbPath });
      assert.equal(run.code, 0, run.stderr);
      const imported = performance.now();

      // Asked until the answer changes; it must change within the bound (and at once with 0).
      let after: Response;
      for (;;) {
        const sent = performance.now();
        after = await fetch(url, { headers: { 'If-None-Match': etag } });
        if (after.status !== 304) break;
        assert.ok(within > 0, 'the ETag from before the import must not match');
        assert.ok(sent - imported <= within, `the old answer to a request sent ${within} ms after the import`);
        await sleep(50);
      }
      assert.equal(after.status, 200);
      const { counts } = (await after.json()) as Counts;
      assert.deepEqual(
        threads.map((t) => counts[t]?.comments),
        [9, 10, 5],
      );
    });
  });
}
