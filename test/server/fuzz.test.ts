/**
 * Property-based fuzzing of every API endpoint (fast-check) against the real app on a temporary
 * SQLite file. Whatever arrives — arbitrary JSON, raw bytes, deep nesting, huge strings, odd
 * headers, hostile thread ids and paths — the server must answer:
 *   - a 4xx with the contract's JSON error `{ error, message }`, or a valid 2xx for valid input;
 *   - never a 5xx, never a hang (each request races a timeout);
 *   - and a rejected request leaves the database exactly as it was.
 * The total number of cases is printed at the end.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { commentInputSchema } from '../../src/contract/schemas.js';
import { LIMITS, THREAD_PATTERN } from '../../src/contract/limits.js';
import { startTestServer, type TestServer } from './helpers.js';

const ADMIN_TOKEN = 'fuzz-admin-token-0123456789abcdef';
const REQUEST_TIMEOUT_MS = 5000;
/** Runs per property; FUZZ_RUNS=… raises it for a longer local session. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 250);

let casesRun = 0;

interface Answer {
  status: number;
  text: string;
  json: unknown;
  headers: Headers;
}

function snapshot(db: Database.Database): string {
  const comments = db.prepare('SELECT status, count(*) AS n FROM comments GROUP BY status ORDER BY status').all();
  const votes = db.prepare('SELECT count(*) AS n, total(value) AS sum FROM votes').get();
  const idem = db.prepare('SELECT count(*) AS n FROM idempotency').get();
  const solutions = db.prepare('SELECT count(*) AS n FROM captcha_solutions').get();
  return JSON.stringify({ comments, votes, idem, solutions });
}

async function call(s: TestServer, path: string, init: RequestInit): Promise<Answer> {
  casesRun += 1;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms: ${init.method ?? 'GET'} ${path}`)),
      REQUEST_TIMEOUT_MS,
    );
  });
  try {
    const res = await Promise.race([s.request(path, init), timeout]);
    const text = await Promise.race([res.text(), timeout]);
    let json: unknown = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      /* checked by the caller */
    }
    return { status: res.status, text, json, headers: res.headers };
  } finally {
    clearTimeout(timer);
  }
}

/** The invariants every answer must hold. */
function checkAnswer(a: Answer, what: string, head = false): void {
  assert.ok(a.status < 500, `${what}: ${a.status} ${a.text.slice(0, 300)}`);
  if (a.status >= 400 && !head) {
    const body = a.json as { error?: unknown; message?: unknown } | undefined;
    assert.ok(body && typeof body === 'object', `${what}: ${a.status} is not JSON: ${a.text.slice(0, 200)}`);
    assert.equal(typeof body.error, 'string', `${what}: error`);
    assert.equal(typeof body.message, 'string', `${what}: message`);
    assert.match(a.headers.get('Content-Type') ?? '', /^application\/json/, what);
    // Nothing internal leaks into an error.
    assert.doesNotMatch(a.text, /SQLITE|sqlite|stack|at [\w.]+ \(|node:internal|\/work\//, what);
  }
}

// ---- generators -------------------------------------------------------------------------------

/** A JSON text nested `depth` levels deep, as arrays or objects. */
const deepJson = fc
  .record({ depth: fc.integer({ min: 1, max: 20_000 }), kind: fc.constantFrom('array', 'object', 'field') })
  .map(({ depth, kind }) => {
    if (kind === 'array') return '['.repeat(depth) + ']'.repeat(depth);
    if (kind === 'object') return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
    // Nesting inside a real field.
    return `{"name":"n","email":"a@b.co","message":${'['.repeat(depth)}${']'.repeat(depth)}}`;
  });

/** A raw body: arbitrary JSON, JSON-looking junk, raw text, bytes, sizes around the limit. */
const rawBody = fc.oneof(
  fc.json(),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ maxLength: 50 }),
  deepJson,
  fc
    .integer({ min: LIMITS.bodyMaxBytes - 64, max: LIMITS.bodyMaxBytes * 3 })
    .map((n) => JSON.stringify({ name: 'n', email: 'a@b.co', message: 'x'.repeat(n) })),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
  fc.constantFrom(
    '{"__proto__":{"polluted":1},"name":"n","email":"a@b.co","message":"m"}',
    '{"constructor":{"prototype":{"polluted":1}},"name":"n","email":"a@b.co","message":"m"}',
    '{"name":"n","name":"m","email":"a@b.co","message":"m"}',
    '\uFEFF{"name":"n","email":"a@b.co","message":"m"}',
    '{"value":1e309,"voter":"abcdefgh"}',
    '{"value":-0,"voter":"abcdefgh"}',
    '{"rating":NaN}',
    'null',
    '',
  ),
);

/** Any string as a field value: printable, full Unicode, control characters, long. */
const anyText = fc.oneof(
  fc.string({ maxLength: 100 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.string({ unit: 'binary', maxLength: 100 }),
  fc.string({ minLength: 75, maxLength: 90 }),
  fc.integer({ min: 4990, max: 5010 }).map((n) => 'm'.repeat(n)),
);

const junk = fc.oneof(fc.jsonValue({ maxDepth: 3 }), anyText);

const validName = fc.string({ minLength: 1, maxLength: 80 });
const validEmail = fc.oneof(fc.emailAddress(), fc.constant('reader@example.com'));
const validMessage = fc.oneof(
  fc.string({ minLength: 1, maxLength: 300 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 100 }),
);
const voter = fc.stringMatching(/^[A-Za-z0-9_-]{8,20}$/);

/** A comment body field by field: mostly plausible values, with junk mixed in. */
const commentFields = fc.record(
  {
    name: fc.oneof(validName, junk),
    email: fc.oneof(validEmail, junk),
    message: fc.oneof(validMessage, junk),
    rating: fc.oneof(fc.integer({ min: -2, max: 12 }), fc.constant(null), fc.double(), junk),
    voter: fc.oneof(voter, junk),
    parent: fc.oneof(fc.constant(null), fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/), junk),
    captcha: fc.oneof(fc.string({ maxLength: 50 }), junk),
    website: fc.oneof(fc.constant(''), fc.constant(' '), fc.string({ maxLength: 20 }), junk),
    extra: junk,
  },
  { requiredKeys: [] },
);

/** Thread ids: valid ones, and anything at all (percent-encoded into the path). */
const threadId = fc.oneof(
  { weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z0-9._~:/-]{1,30}$/) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 0, maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 195, max: 400 }).map((n) => 'a'.repeat(n)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '..',
      '../../etc/passwd',
      '%00',
      '%2e%2e',
      ' ',
      '\u202Eevil',
      "'; DROP TABLE comments;--",
    ),
  },
);

const encodeThread = (t: string) => encodeURIComponent(t);

const contentType = fc.oneof(
  { weight: 4, arbitrary: fc.constant('application/json') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'text/plain',
      'application/json; charset=latin1',
      'application/x-www-form-urlencoded',
      'application/merge-patch+json',
      'APPLICATION/JSON',
      '',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);

const idempotencyKey = fc.oneof(
  fc.constant(undefined),
  fc.stringMatching(/^[A-Za-z0-9_.:-]{8,40}$/),
  fc.string({ maxLength: 200 }).filter((s) => /^[\x20-\x7e]*$/.test(s)),
);

/** Header values must be ByteStrings without CR/LF for `Request` to accept them. */
const headerValue = fc.string({ maxLength: 80 }).filter((s) => /^[\x20-\x7e]*$/.test(s));

const queryString = fc
  .dictionary(
    fc.oneof(fc.constantFrom('limit', 'cursor', 'sort', 'status'), fc.string({ maxLength: 10 })),
    fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.integer().map(String),
      fc.constantFrom('newest', 'oldest', '0', '101', '-1', '1e3', 'published', 'spam', 'pending'),
    ),
  )
  .map((d) => new URLSearchParams(d).toString());

// ---- the tests --------------------------------------------------------------------------------

after(() => {
  console.log(`# fuzz: ${casesRun} requests sent, no 5xx, no hang, no change from a rejected request`);
});

describe('API fuzzing (fast-check)', { timeout: 120_000 }, () => {
  let s: TestServer;
  let db: Database.Database;
  before(async () => {
    s = await startTestServer({ moderation: 'off', adminToken: ADMIN_TOKEN, rateLimitWrites: 0 });
    db = new Database(s.dbPath, { readonly: true, fileMustExist: true });
    // A few comments so admin and listing paths have something to chew on.
    for (let i = 0; i < 3; i++) {
      const res = await s.send('POST', '/api/threads/seed/comments', {
        name: `Seed ${i}`,
        email: `seed${i}@example.com`,
        message: `seed ${i}`,
      });
      assert.equal(res.status, 201);
    }
  });
  after(async () => {
    db.close();
    await s.close();
  });

  /** Sends one request; a 4xx must leave the database untouched. Returns the answer. */
  async function probe(path: string, init: RequestInit, what: string): Promise<Answer> {
    const before = snapshot(db);
    const a = await call(s, path, init);
    checkAnswer(a, what, init.method === 'HEAD');
    if (a.status >= 400 || a.status === 304)
      assert.equal(snapshot(db), before, `${what}: a rejected request changed the database`);
    return a;
  }

  it('POST comments: raw bodies of any shape and size, any content type, any thread', async () => {
    await fc.assert(
      fc.asyncProperty(threadId, rawBody, contentType, idempotencyKey, async (thread, body, type, key) => {
        const headers: Record<string, string> = {};
        if (type) headers['Content-Type'] = type;
        if (key !== undefined) headers['Idempotency-Key'] = key;
        const a = await probe(
          `/api/threads/${encodeThread(thread)}/comments`,
          { method: 'POST', headers, body },
          `POST raw ${JSON.stringify(body).slice(0, 80)}`,
        );
        assert.ok([201, 202, 400, 403, 404, 409, 413, 415, 422].includes(a.status), `unexpected ${a.status}`);
        const routed = thread !== '' && thread !== '.' && thread !== '..';
        if (routed && Buffer.byteLength(body) > LIMITS.bodyMaxBytes && /^application\/json/i.test(type))
          assert.equal(a.status, 413, `${Buffer.byteLength(body)} bytes`);
      }),
      { numRuns: RUNS },
    );
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype was polluted');
  });

  it('POST comments: field-by-field bodies get exactly the answer the contract schema predicts', async () => {
    await fc.assert(
      fc.asyncProperty(commentFields, async (fields) => {
        const thread = 'fuzz-fields';
        const before = snapshot(db);
        const a = await call(s, `/api/threads/${thread}/comments`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(fields),
        });
        checkAnswer(a, `POST ${JSON.stringify(fields).slice(0, 120)}`);
        const parsed = z.safeParse(commentInputSchema, fields);
        const input = parsed.success ? parsed.data : null;
        const spam = input ? (input.website ?? '').trim() !== '' : false;
        const accepted =
          input !== null && (input.rating == null || input.rating <= 5) && (spam || input.parent == null);
        assert.equal(
          a.status,
          accepted ? 201 : 422,
          `${JSON.stringify(fields).slice(0, 200)} → ${a.text.slice(0, 200)}`,
        );
        if (accepted) {
          const { comment } = a.json as { comment: Record<string, unknown> };
          assert.equal(comment.name, input!.name);
          assert.equal(comment.message, input!.message);
          assert.equal('email' in comment, false);
          assert.notEqual(snapshot(db), before);
        } else {
          assert.equal(snapshot(db), before, 'a 422 changed the database');
          const body = a.json as { error: string; fields?: Record<string, string> };
          assert.equal(body.error, 'validation');
        }
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('PUT rating: any body, any thread; valid votes answer 200 with the aggregate', async () => {
    const ratingBody = fc.oneof(
      rawBody,
      fc
        .record(
          { value: fc.oneof(fc.integer({ min: -3, max: 12 }), junk), voter: fc.oneof(voter, junk) },
          { requiredKeys: [] },
        )
        .map((v) => JSON.stringify(v)),
    );
    await fc.assert(
      fc.asyncProperty(threadId, ratingBody, contentType, async (thread, body, type) => {
        const a = await probe(
          `/api/threads/${encodeThread(thread)}/rating`,
          { method: 'PUT', headers: type ? { 'Content-Type': type } : {}, body },
          `PUT rating ${body.slice(0, 80)}`,
        );
        assert.ok([200, 400, 404, 413, 415, 422].includes(a.status), `unexpected ${a.status}`);
        if (a.status === 200) {
          const agg = a.json as { average: number; count: number; max: number; histogram: number[]; yours: number };
          assert.equal(agg.max, 5);
          assert.equal(agg.histogram.length, 5);
          assert.ok(Number.isInteger(agg.yours) && agg.yours >= 1 && agg.yours <= 5);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('GET comments and rating: any thread, any query string, any If-None-Match', async () => {
    await fc.assert(
      fc.asyncProperty(threadId, queryString, fc.option(headerValue), async (thread, query, etag) => {
        const headers: Record<string, string> = etag ? { 'If-None-Match': etag } : {};
        const list = await probe(
          `/api/threads/${encodeThread(thread)}/comments?${query}`,
          { headers },
          `GET comments ?${query}`,
        );
        assert.ok([200, 304, 400, 404].includes(list.status), `unexpected ${list.status}`);
        if (list.status === 200) {
          const page = list.json as { comments: unknown[]; total: number; nextCursor: string | null };
          assert.ok(Array.isArray(page.comments) && Number.isInteger(page.total));
          assert.doesNotMatch(list.text, /"email"/);
        }
        // An empty or dot-segment thread changes the path itself (404); any other bad id is a 400.
        if (!THREAD_PATTERN.test(thread))
          assert.ok([400, 404].includes(list.status), `thread ${JSON.stringify(thread)}: ${list.status}`);
        const rating = await probe(`/api/threads/${encodeThread(thread)}/rating?${query}`, { headers }, 'GET rating');
        assert.ok([200, 304, 400, 404].includes(rating.status), `unexpected ${rating.status}`);
      }),
      { numRuns: RUNS },
    );
  });

  it('admin endpoints: without or with a wrong token always 401 and nothing changes; with the token, any input is 2xx or 4xx', async () => {
    const authHeader = fc.oneof(
      fc.constant(undefined),
      fc.constant(''),
      fc.constant('Bearer'),
      fc.constant(`Bearer ${ADMIN_TOKEN}x`),
      fc.constant(`Basic ${Buffer.from(`admin:${ADMIN_TOKEN}`).toString('base64')}`),
      fc.constant(`Bearer ${ADMIN_TOKEN.slice(0, -1)}`),
      headerValue.map((v) => `Bearer ${v}`),
      headerValue,
    );
    const method = fc.constantFrom('GET', 'PATCH', 'DELETE', 'POST', 'PUT');
    const id = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/), fc.string({ unit: 'grapheme', maxLength: 80 }));
    await fc.assert(
      fc.asyncProperty(authHeader, method, id, queryString, rawBody, async (auth, m, commentId, query, body) => {
        const headers: Record<string, string> = { 'Content-Type': 'application/json' };
        if (auth !== undefined) headers.Authorization = auth;
        const hasBody = m !== 'GET';
        const list = await probe(
          `/api/admin/comments?${query}`,
          { method: m, headers, ...(hasBody ? { body } : {}) },
          `${m} admin list`,
        );
        const one = await probe(
          `/api/admin/comments/${encodeURIComponent(commentId)}`,
          { method: m, headers, ...(hasBody ? { body } : {}) },
          `${m} admin one`,
        );
        const correct =
          auth !== undefined && /^Bearer\s+/i.test(auth) && auth.replace(/^Bearer\s+/i, '').trim() === ADMIN_TOKEN;
        if (!correct) {
          // A wrong method is refused before authentication (405); everything else is 401 or an unknown-path 404.
          if (m === 'GET') assert.equal(list.status, 401, `list with ${JSON.stringify(auth)}`);
          if (m === 'PATCH' || m === 'DELETE')
            assert.ok([401, 404].includes(one.status), `one ${m} with ${JSON.stringify(auth)}: ${one.status}`);
          for (const a of [list, one]) assert.doesNotMatch(a.text, /@example\.com/);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('admin endpoints with the token: arbitrary ids and bodies never 5xx; an unknown id is 404', async () => {
    const headers = { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' };
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
          fc.string({ unit: 'grapheme', maxLength: 80 }),
          fc.integer({ min: 65, max: 300 }).map((n) => 'i'.repeat(n)),
        ),
        fc.oneof(
          rawBody,
          fc
            .record({ status: fc.oneof(fc.constantFrom('published', 'spam', 'pending', 'deleted', ''), junk) })
            .map((v) => JSON.stringify(v)),
        ),
        fc.constantFrom('PATCH', 'DELETE'),
        async (commentId, body, m) => {
          const a = await probe(
            `/api/admin/comments/${encodeURIComponent(commentId)}`,
            { method: m, headers, ...(m === 'PATCH' ? { body } : {}) },
            `${m} admin ${commentId}`,
          );
          // Random ids never name one of the stored comments (12 random characters).
          assert.ok([400, 404, 413, 415, 422].includes(a.status), `${m} ${commentId}: ${a.status}`);
        },
      ),
      { numRuns: RUNS },
    );
    const list = await call(s, '/api/admin/comments?limit=100', { headers });
    assert.equal(list.status, 200);
  });

  it('arbitrary paths and methods under /api and at the root never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.webPath(),
          fc.string({ maxLength: 60 }).map((p) => '/api/' + encodeURI(p).replace(/[?#]/g, '')),
          fc.webPath().map((p) => '/api' + p),
        ),
        fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'),
        fc.option(headerValue),
        async (path, m, origin) => {
          let url: URL;
          try {
            url = new URL(path.startsWith('/') ? path : `/${path}`, 'http://127.0.0.1:8787');
          } catch {
            return; // not a path a client can send
          }
          const headers: Record<string, string> = { 'Content-Type': 'application/json' };
          if (origin) headers.Origin = origin;
          const body = m === 'GET' || m === 'HEAD' ? undefined : '{}';
          const a = await probe(
            url.pathname + url.search,
            { method: m, headers, ...(body ? { body } : {}) },
            `${m} ${url.pathname}`,
          );
          assert.ok(a.status < 500);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('API fuzzing with the proof-of-work captcha on', { timeout: 60_000 }, () => {
  let s: TestServer;
  let db: Database.Database;
  before(async () => {
    s = await startTestServer({ moderation: 'off', captcha: 'pow', rateLimitWrites: 0 });
    db = new Database(s.dbPath, { readonly: true, fileMustExist: true });
  });
  after(async () => {
    db.close();
    await s.close();
  });

  it('forged, malformed and random captcha solutions are refused (403/422) and store nothing', async () => {
    const forged = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.base64String({ maxLength: 400 }),
      fc.jsonValue({ maxDepth: 3 }).map((v) => Buffer.from(JSON.stringify(v)).toString('base64')),
      fc
        .record({
          algorithm: fc.constantFrom('SHA-256', 'SHA-1', 'MD5', ''),
          challenge: fc.stringMatching(/^[0-9a-f]{0,64}$/),
          number: fc.integer(),
          salt: fc.string(),
          signature: fc.stringMatching(/^[0-9a-f]{0,64}$/),
        })
        .map((v) => Buffer.from(JSON.stringify(v)).toString('base64')),
      fc.constant(undefined),
    );
    await fc.assert(
      fc.asyncProperty(forged, async (captcha) => {
        const before = snapshot(db);
        const a = await call(s, '/api/threads/pow-fuzz/comments', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            name: 'Bot',
            email: 'bot@example.com',
            message: 'buy now',
            ...(captcha === undefined ? {} : { captcha }),
          }),
        });
        checkAnswer(a, `captcha ${String(captcha).slice(0, 60)}`);
        assert.ok([403, 422].includes(a.status), `captcha ${String(captcha).slice(0, 60)} → ${a.status}`);
        assert.equal(snapshot(db), before);
      }),
      { numRuns: RUNS },
    );
  });
});
