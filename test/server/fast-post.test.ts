/**
 * The fast path of a new comment (issue #24, server/http/fast-post.ts): `POST
 * /api/threads/:thread/comments` answered by the node:http listener without Hono. Two servers on
 * real sockets and their own databases (SQLite files, and PostgreSQL databases when it is
 * reachable), one with the fast path and one without it
 * (`createAppListener(…, { fastPost: false })`), are sent the same requests in the same order:
 * every answer must be the same (status, every header but `Date`, the body with its ids, times
 * and tokens set aside), and the requests that reach Hono on the fast server are counted, so each
 * case also shows which path answered.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createAppListener } from '../../server/app.js';
import { createCaptcha } from '../../server/captcha/index.js';
import { testConfig, type Config } from '../../server/config.js';
import { openPostgresStore } from '../../server/store/postgres.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import type { Store } from '../../server/store/types.js';
import { createTestDatabase, postgresAvailable } from '../helpers/postgres.js';

const ALLOWED = 'https://news.example.com';
const OTHER = 'https://blog.example.com';

interface Server_ {
  port: number;
  honoCalls: number;
  close(): Promise<void>;
}

/** A new, empty store of one kind, and how to remove it once closed. */
interface StoreKind {
  name: string;
  skip: boolean;
  open(): Promise<{ databaseUrl: string; store: Store; remove(): Promise<void> }>;
}

const postgres = await postgresAvailable();

const STORES: StoreKind[] = [
  {
    name: 'SQLite',
    skip: false,
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'af-fast-post-'));
      const databaseUrl = join(dir, 'comments.db');
      const remove = async () => rmSync(dir, { recursive: true, force: true });
      return { databaseUrl, store: await openSqliteStore(databaseUrl), remove };
    },
  },
  {
    name: 'PostgreSQL',
    skip: !postgres,
    async open() {
      const database = await createTestDatabase();
      return {
        databaseUrl: database.url,
        store: await openPostgresStore(database.url, { poolMax: 4 }),
        remove: database.drop,
      };
    },
  },
];

async function start(kind: StoreKind, fastPost: boolean, overrides: Partial<Config> = {}): Promise<Server_> {
  const { databaseUrl, store, remove } = await kind.open();
  const config = testConfig({
    databaseUrl,
    allowedOrigins: [ALLOWED],
    moderation: 'off',
    rateLimitWrites: 1000,
    ...overrides,
  });
  const harness = { port: 0, honoCalls: 0, close: async () => {} };
  const { listener } = createAppListener(
    { config, store, captcha: createCaptcha(config, store) },
    {
      fastPost,
      wrapFetch: (fetch) => (request, env, ctx) => {
        harness.honoCalls++;
        return fetch(request, env, ctx);
      },
    },
  );
  const server: Server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  harness.port = (server.address() as AddressInfo).port;
  harness.close = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await store.close();
    await remove();
  };
  return harness;
}

interface Sent {
  path?: string;
  /** Header pairs, sent as given (a name may come twice). */
  headers?: [string, string][];
  body?: string | Buffer;
  /** Sent in chunks, without a Content-Length. */
  chunked?: boolean;
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function send(port: number, sent: Sent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = Buffer.from(sent.body ?? '');
    const headers: [string, string][] = [['Host', `127.0.0.1:${port}`], ...(sent.headers ?? [])];
    if (!sent.chunked) headers.push(['Content-Length', String(body.length)]);
    const req = httpRequest(
      {
        port,
        host: '127.0.0.1',
        method: 'POST',
        path: sent.path ?? '/api/threads/article-1/comments',
        headers: headers.flat(),
        setHost: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const seen: Record<string, string> = {};
          for (const [name, value] of Object.entries(res.headers)) seen[name] = String(value);
          resolve({ status: res.statusCode!, headers: seen, body: Buffer.concat(chunks).toString() });
        });
      },
    );
    req.on('error', reject);
    if (sent.chunked) {
      req.write(body.subarray(0, 5));
      req.end(body.subarray(5));
    } else req.end(body);
  });
}

/** What two answers to the same request may differ in: the date, and what names the new comment. */
function comparable(answer: Answer): Answer {
  const { date: _date, 'content-length': _length, ...headers } = answer.headers;
  return {
    status: answer.status,
    headers,
    body: answer.body.replace(/"(id|createdAt|authorToken|editToken)":"[^"]*"/g, '"$1":"…"'),
  };
}

/** Sends `sent` to both servers; asserts the same answer and which path the fast server took. */
async function sameAnswer(fast: Server_, hono: Server_, sent: Sent, path: 'fast' | 'hono'): Promise<Answer> {
  const calls = fast.honoCalls;
  const a = await send(fast.port, sent);
  const b = await send(hono.port, sent);
  assert.deepEqual(comparable(a), comparable(b));
  assert.equal(fast.honoCalls - calls, path === 'hono' ? 1 : 0, `expected the ${path} path`);
  return a;
}

/**
 * A server with the fast path and one without, on the same settings, started before the
 * suite's tests and closed after them; `both` sends a request to each (`sameAnswer`).
 */
function serverPair(kind: StoreKind, overrides: Partial<Config> = {}) {
  let fast: Server_ | undefined;
  let hono: Server_ | undefined;
  before(async () => {
    [fast, hono] = await Promise.all([start(kind, true, overrides), start(kind, false, overrides)]);
  });
  after(async () => {
    await Promise.all([fast?.close(), hono?.close()]);
  });
  return {
    fastPort: () => fast!.port,
    both: (sent: Sent, path: 'fast' | 'hono') => sameAnswer(fast!, hono!, sent, path),
  };
}

const JSON_HEADERS: [string, string][] = [['Content-Type', 'application/json']];
const comment = (n: number, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ name: `Reader ${n}`, email: `reader${n}@example.com`, message: `Comment number ${n}.`, ...extra });

for (const kind of STORES) {
  describe(`a new comment answered in front of Hono, ${kind.name}`, { skip: kind.skip }, () => {
    const { both, fastPort } = serverPair(kind);

    it('a new comment, its retry and a reused key with another text: the same answers, without Hono', async () => {
      const headers: [string, string][] = [
        ...JSON_HEADERS,
        ['Origin', ALLOWED],
        ['Idempotency-Key', 'fast-post-key-1'],
      ];
      const created = await both({ headers, body: comment(1) }, 'fast');
      assert.equal(created.status, 201);
      assert.equal(created.headers['access-control-allow-origin'], ALLOWED);
      assert.equal(created.headers['cache-control'], 'no-store');
      assert.equal(created.headers['x-content-type-options'], 'nosniff');
      assert.ok(created.headers['content-security-policy']);
      assert.equal(created.headers['content-length'], String(Buffer.byteLength(created.body)));
      const { comment: stored } = JSON.parse(created.body) as { comment: { message: string; thread: string } };
      assert.equal(stored.message, 'Comment number 1.');

      const retried = await both({ headers, body: comment(1) }, 'fast');
      assert.equal(retried.headers['idempotent-replayed'], 'true');
      assert.equal(retried.body, created.body);

      const reused = await both({ headers, body: comment(2) }, 'fast');
      assert.equal(reused.status, 409);
      assert.equal(reused.headers['cache-control'], 'no-store');
      assert.equal(reused.headers['access-control-allow-origin'], ALLOWED);
    });

    it('a thread id that is a page path, as the widget sends it (/ and : encoded), takes the fast path too', async () => {
      const path = `/api/threads/${encodeURIComponent('/news/2026/a:b')}/comments`;
      const created = await both({ path, headers: JSON_HEADERS, body: comment(30) }, 'fast');
      assert.equal(created.status, 201);
      assert.equal((JSON.parse(created.body) as { comment: { thread: string } }).comment.thread, '/news/2026/a:b');
      // Lower-case escapes are the same id; any other escape goes to Hono.
      const lower = await both({ path: path.replace(/%2F/g, '%2f'), headers: JSON_HEADERS, body: comment(31) }, 'fast');
      assert.equal((JSON.parse(lower.body) as { comment: { thread: string } }).comment.thread, '/news/2026/a:b');
      const other = await both(
        { path: '/api/threads/news%2D1/comments', headers: JSON_HEADERS, body: comment(32) },
        'hono',
      );
      assert.equal((JSON.parse(other.body) as { comment: { thread: string } }).comment.thread, 'news-1');
    });

    it('a client that goes away before its body arrived leaves the server answering the next one', async () => {
      const socket = connect(fastPort(), '127.0.0.1');
      await new Promise((resolve) => socket.once('connect', resolve));
      socket.write(
        'POST /api/threads/article-1/comments HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
          'Content-Type: application/json\r\nContent-Length: 500\r\n\r\n{"name":"Half',
      );
      await new Promise((resolve) => setTimeout(resolve, 50));
      socket.destroy();
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.equal((await send(fastPort(), { headers: JSON_HEADERS, body: comment(40) })).status, 201);
    });

    it('the comment is stored: the list shows it', async () => {
      const listed = (await (await fetch(`http://127.0.0.1:${fastPort()}/api/threads/article-1/comments`)).json()) as {
        comments: { message: string }[];
      };
      assert.ok(listed.comments.some((c) => c.message === 'Comment number 1.'));
    });

    it('a reply to a comment that does not exist: the error answered by the fast path as by Hono', async () => {
      const answer = await both({ headers: JSON_HEADERS, body: comment(3, { parent: 'AAAAAAAAAAAAAAAA' }) }, 'fast');
      assert.equal(answer.status, 422);
    });

    it('a body that fails its schema, or is not JSON, is handed to Hono with its bytes', async () => {
      const invalid = await both({ headers: JSON_HEADERS, body: JSON.stringify({ name: 'No message' }) }, 'hono');
      assert.equal(invalid.status, 422);
      assert.match(invalid.body, /"fields":\{[^}]*"message":"message\.required"/);
      const broken = await both({ headers: JSON_HEADERS, body: '{"name": "Half' }, 'hono');
      assert.equal(broken.status, 400);
      // Bytes that are not UTF-8 are read as Hono reads them (U+FFFD), through either path.
      const latin1 = Buffer.from(comment(4).replace('Comment', 'Kommentär'), 'latin1');
      const answer = await both({ headers: JSON_HEADERS, body: latin1 }, 'fast');
      assert.equal(answer.status, 201);
      assert.match(answer.body, /Komment\uFFFDr number 4\./);
    });

    it('requests the fast path does not read as Hono does go to Hono untouched', async () => {
      // A foreign Origin, no JSON type, a Content-Type sent twice, a chunked body, an invalid key, a query.
      assert.equal(
        (await both({ headers: [...JSON_HEADERS, ['Origin', OTHER]], body: comment(5) }, 'hono')).status,
        403,
      );
      assert.equal((await both({ headers: [['Content-Type', 'text/plain']], body: comment(6) }, 'hono')).status, 415);
      const twice: [string, string][] = [...JSON_HEADERS, ['Content-Type', 'application/json']];
      assert.equal((await both({ headers: twice, body: comment(7) }, 'hono')).status, 415);
      assert.equal((await both({ headers: JSON_HEADERS, body: comment(8), chunked: true }, 'hono')).status, 201);
      const badKey: [string, string][] = [...JSON_HEADERS, ['Idempotency-Key', 'short']];
      assert.equal((await both({ headers: badKey, body: comment(9) }, 'hono')).status, 400);
      const query = { path: '/api/threads/article-1/comments?x=1', headers: JSON_HEADERS, body: comment(10) };
      assert.equal((await both(query, 'hono')).status, 201);
      // A dot segment: Hono's path is the URL's, where "/threads/../comments" is "/comments".
      const dots = { path: '/api/threads/../comments', headers: JSON_HEADERS, body: comment(13) };
      assert.equal((await both(dots, 'hono')).status, 404);
    });
  });

  describe(`the write limit in front of Hono, ${kind.name}`, { skip: kind.skip }, () => {
    // Two writes a minute per client.
    const { both } = serverPair(kind, { rateLimitWrites: 2 });

    it('counts each request once, whichever path answers it, and its 429 is the same', async () => {
      const statuses: number[] = [];
      // Handed to Hono after its body was read: counted there, once.
      statuses.push((await both({ headers: JSON_HEADERS, body: JSON.stringify({}) }, 'hono')).status);
      statuses.push((await both({ headers: JSON_HEADERS, body: comment(11) }, 'fast')).status);
      const limited = await both({ headers: [...JSON_HEADERS, ['Origin', ALLOWED]], body: comment(12) }, 'fast');
      statuses.push(limited.status);
      assert.match(limited.headers['retry-after'] ?? '', /^\d+$/);
      assert.equal(limited.headers['access-control-allow-origin'], ALLOWED);
      assert.equal(limited.headers['cache-control'], 'no-store');
      assert.deepEqual(statuses, [422, 201, 429]);
    });
  });

  describe(`behind a proxy (TRUST_PROXY), in front of Hono, ${kind.name}`, { skip: kind.skip }, () => {
    // One write a minute per client.
    const { both } = serverPair(kind, { rateLimitWrites: 1, trustProxy: true });

    it("the client is the proxy's last X-Forwarded-For entry, and the server's own origin the forwarded one", async () => {
      const from = (client: string): [string, string][] => [
        ...JSON_HEADERS,
        ['X-Forwarded-For', `203.0.113.9, ${client}`],
        ['X-Forwarded-Proto', 'https'],
        ['X-Forwarded-Host', 'comments.example.org'],
        // Not in ALLOWED_ORIGINS: allowed as the server's own origin, as the proxy tells it.
        ['Origin', 'https://comments.example.org'],
      ];
      const first = await both({ headers: from('198.51.100.1'), body: comment(20) }, 'fast');
      assert.equal(first.status, 201);
      assert.equal(first.headers['access-control-allow-origin'], 'https://comments.example.org');
      // The same client again: its minute's write is spent. Another client behind the same proxy is not.
      assert.equal((await both({ headers: from('198.51.100.1'), body: comment(21) }, 'fast')).status, 429);
      assert.equal((await both({ headers: from('198.51.100.2'), body: comment(22) }, 'fast')).status, 201);
    });
  });

  describe(
    `with the proof-of-work captcha and first-time moderation (the defaults), in front of Hono, ${kind.name}`,
    { skip: kind.skip },
    () => {
      const { both } = serverPair(kind, { captcha: 'pow', moderation: 'first-time' });

      it('a post without a solution, or with a forged one, gets the captcha error; a bot filling the honeypot looks accepted', async () => {
        const missing = await both({ headers: JSON_HEADERS, body: comment(50) }, 'fast');
        assert.equal(missing.status, 422);
        assert.match(missing.body, /"captcha":"captcha\.required"/);
        const forged = await both({ headers: JSON_HEADERS, body: comment(51, { captcha: 'forged.solution' }) }, 'fast');
        assert.equal(forged.status, 403);
        const bot = await both(
          { headers: JSON_HEADERS, body: comment(52, { website: 'https://spam.example' }) },
          'fast',
        );
        assert.equal(bot.status, 201);
      });
    },
  );
}
