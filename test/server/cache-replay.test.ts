/**
 * The replay (issue #24, server/http/replay.ts): a versioned GET answered again by the node:http
 * listener without going through Hono while its thread's version holds. Run on a real socket
 * (the listener the server uses, `createAppListener`), on SQLite and PostgreSQL. Every request
 * that reaches Hono is counted, so each case shows which answers were replayed and which were not.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createAppListener } from '../../server/app.js';
import { createCaptcha } from '../../server/captcha/index.js';
import { testConfig, type Config } from '../../server/config.js';
import { openPostgresStore } from '../../server/store/postgres.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import type { Store } from '../../server/store/types.js';
import { createTestDatabase, postgresAvailable } from '../helpers/postgres.js';
import { commentBody, voterId } from './helpers.js';

const ALLOWED = 'https://news.example.com';
const OTHER = 'https://blog.example.com';
const TOKEN = 'admin-token-for-replay-tests-012';

interface Harness {
  url: string;
  /** Requests that reached Hono so far. */
  honoCalls(): number;
  close(): Promise<void>;
}

async function listen(store: Store, config: Config, cleanup: () => Promise<void>): Promise<Harness> {
  let calls = 0;
  const { listener } = createAppListener(
    { config, store, captcha: createCaptcha(config, store) },
    {
      wrapFetch: (fetch) => (request, env, ctx) => {
        calls++;
        return fetch(request, env, ctx);
      },
    },
  );
  const server: Server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    honoCalls: () => calls,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await store.close();
      await cleanup();
    },
  };
}

const configFor = (databaseUrl: string, overrides: Partial<Config> = {}) =>
  testConfig({ databaseUrl, allowedOrigins: [ALLOWED], adminToken: TOKEN, moderation: 'off', ...overrides });

const postgres = await postgresAvailable();

const kinds: { name: string; skip: boolean; open(): Promise<Harness> }[] = [
  {
    name: 'SQLite',
    skip: false,
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'af-replay-'));
      const dbPath = join(dir, 'comments.db');
      return listen(await openSqliteStore(dbPath), configFor(dbPath), async () =>
        rmSync(dir, { recursive: true, force: true }),
      );
    },
  },
  {
    // READ_STALE_MS as on SQLite above (the default there, from testConfig): a write through
    // this instance is seen at once anyway.
    name: 'PostgreSQL (READ_STALE_MS=1000)',
    skip: !postgres,
    async open() {
      const database = await createTestDatabase();
      return listen(
        await openPostgresStore(database.url, { poolMax: 4 }),
        configFor(database.url, { readStaleMs: 1000 }),
        () => database.drop(),
      );
    },
  },
];

/** Status, every header but Date (lower-cased names, in order), and the body's bytes. */
async function seen(res: Response) {
  const headers = [...res.headers].filter(([name]) => name !== 'date');
  return { status: res.status, headers, body: Buffer.from(await res.arrayBuffer()).toString('base64') };
}

for (const kind of kinds) {
  describe(`the replay in front of Hono, ${kind.name}`, { skip: kind.skip }, () => {
    let h: Harness;
    before(async () => {
      h = await kind.open();
    });
    after(async () => {
      await h?.close();
    });
    let calls = 0;
    beforeEach(() => {
      calls = h.honoCalls();
    });
    /** How many requests reached Hono since the last call (or the test's start). */
    const reachedHono = () => {
      const now = h.honoCalls();
      const n = now - calls;
      calls = now;
      return n;
    };

    const list = (thread: string) => `${h.url}/api/threads/${encodeURIComponent(thread)}/comments`;
    const rating = (thread: string) => `${h.url}/api/threads/${encodeURIComponent(thread)}/rating`;
    const post = async (thread: string) => {
      const res = await fetch(list(thread), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(commentBody()),
      });
      assert.equal(res.status, 201);
      return ((await res.json()) as { comment: { id: string } }).comment.id;
    };

    it('answers the same status, headers and bytes as Hono did, without reaching Hono', async () => {
      await post('replay/same');
      reachedHono();
      for (const url of [
        list('replay/same'),
        `${list('replay/same')}?limit=1&sort=oldest`,
        rating('replay/same'),
        `${h.url}/api/counts?thread=replay%2Fsame&thread=replay%2Fnone`,
      ]) {
        const headers = { Origin: ALLOWED };
        const first = await seen(await fetch(url, { headers }));
        assert.equal(first.status, 200);
        assert.equal(reachedHono(), 1, `${url}: the first answer is Hono's`);
        const again = await seen(await fetch(url, { headers }));
        const third = await seen(await fetch(url, { headers }));
        assert.equal(reachedHono(), 0, `${url}: the next ones are replayed`);
        assert.deepEqual(again, first);
        assert.deepEqual(third, first);
        assert.ok(first.headers.some(([name, value]) => name === 'access-control-allow-origin' && value === ALLOWED));
        assert.ok(first.headers.some(([name]) => name === 'content-security-policy'));
      }
    });

    it('answers If-None-Match with the 304 Hono gave, and a 200 to an ETag that does not match', async () => {
      await post('replay/304');
      const url = list('replay/304');
      const ok = await fetch(url);
      const etag = ok.headers.get('ETag')!;
      const body = await ok.text();
      reachedHono();
      const first = await seen(await fetch(url, { headers: { 'If-None-Match': etag } }));
      assert.equal(first.status, 304);
      const again = await seen(await fetch(url, { headers: { 'If-None-Match': `"other", W/${etag}` } }));
      assert.deepEqual(again, first, 'a weak match in a list is a match');
      assert.equal(reachedHono(), 1, 'only the first 304 reached Hono');
      const other = await fetch(url, { headers: { 'If-None-Match': '"something-else"' } });
      assert.equal(other.status, 200);
      assert.equal(await other.text(), body);
      assert.equal(reachedHono(), 0);
    });

    it('after a write the next request goes to Hono and shows it; the old ETag no longer matches', async () => {
      const thread = 'replay/write';
      await post(thread);
      const url = list(thread);
      const etag = (await fetch(url)).headers.get('ETag')!;
      await fetch(url, { headers: { 'If-None-Match': etag } });
      await fetch(url);
      reachedHono();
      assert.equal((await fetch(url, { headers: { 'If-None-Match': etag } })).status, 304);
      assert.equal(reachedHono(), 0, 'replayed while nothing was written');

      const id = await post(thread);
      reachedHono();
      const res = await fetch(url, { headers: { 'If-None-Match': etag } });
      assert.equal(res.status, 200, 'the ETag from before the write must not match');
      assert.notEqual(res.headers.get('ETag'), etag);
      const page = (await res.json()) as { comments: { id: string }[]; total: number };
      assert.equal(page.total, 2);
      assert.equal(page.comments[0]!.id, id);
      assert.equal(reachedHono(), 1, 'the version moved: Hono answered');

      // A vote on the thread's rating moves the rating's replay on too.
      const before = (await (await fetch(rating(thread))).json()) as { count: number };
      await fetch(rating(thread));
      const vote = await fetch(rating(thread), {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ voter: voterId(7), value: 4 }),
      });
      assert.equal(vote.status, 200);
      const afterVote = (await (await fetch(rating(thread))).json()) as { count: number };
      assert.equal(afterVote.count, before.count + 1);
    });

    it('never replays an answer made for another Origin, nor to a request with credentials', async () => {
      const thread = 'replay/origin';
      await post(thread);
      const url = list(thread);
      await fetch(url, { headers: { Origin: ALLOWED } });
      await fetch(url, { headers: { Origin: ALLOWED } });
      reachedHono();

      const other = await fetch(url, { headers: { Origin: OTHER } });
      assert.equal(other.status, 200);
      assert.equal(other.headers.get('Access-Control-Allow-Origin'), null, 'no CORS for an origin not allowed');
      const none = await fetch(url);
      assert.equal(none.headers.get('Access-Control-Allow-Origin'), null);
      assert.equal(reachedHono(), 2, 'each new Origin (or none) is answered by Hono first');

      for (const headers of [
        { Origin: ALLOWED, Authorization: `Bearer ${TOKEN}` } as Record<string, string>,
        { Origin: ALLOWED, Cookie: 'af_admin=whatever' },
      ]) {
        for (let i = 0; i < 2; i++) {
          const res = await fetch(url, { headers });
          assert.equal(res.status, 200);
          await res.text();
        }
        assert.equal(reachedHono(), 2, `${Object.keys(headers).join(', ')}: always Hono`);
      }

      // The Host the request names is part of the key too (the server's own origin depends on it).
      const ownOrigin = new URL(h.url).origin;
      const own = await fetch(url, { headers: { Origin: ownOrigin } });
      assert.equal(own.headers.get('Access-Control-Allow-Origin'), ownOrigin);
      assert.equal(reachedHono(), 1);
    });

    it('a moderator’s change through this instance shows at once in the list and the counts, within READ_STALE_MS', async () => {
      // Both kinds run with the default bound of 1 s: what this instance writes it forgets at once.
      const thread = 'replay/moderated';
      const keep = await post(thread);
      const hide = await post(thread);
      const url = list(thread);
      const counts = `${h.url}/api/counts?thread=${encodeURIComponent(thread)}`;
      for (let i = 0; i < 2; i++) {
        await (await fetch(url)).text();
        await (await fetch(counts)).text();
      }
      const patched = await fetch(`${h.url}/api/admin/comments/${hide}`, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ status: 'spam' }),
      });
      assert.equal(patched.status, 200);
      const page = (await (await fetch(url)).json()) as { comments: { id: string }[]; total: number };
      assert.deepEqual(
        page.comments.map((c) => c.id),
        [keep],
      );
      const { counts: after } = (await (await fetch(counts)).json()) as {
        counts: Record<string, { comments: number }>;
      };
      assert.equal(after[thread]!.comments, 1);
    });

    it('leaves HEAD and errors to Hono', async () => {
      const url = list('replay/head');
      await fetch(url);
      reachedHono();
      for (let i = 0; i < 2; i++) assert.equal((await fetch(url, { method: 'HEAD' })).status, 200);
      assert.equal(reachedHono(), 2);
      for (let i = 0; i < 2; i++) assert.equal((await fetch(`${list('replay/head')}?limit=0`)).status, 400);
      assert.equal(reachedHono(), 2);
    });
  });
}
