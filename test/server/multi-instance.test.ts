/**
 * Several stateless instances on one PostgreSQL database, as real processes (server/cli.ts):
 * what a reader sees must not depend on which instance answers.
 *
 * Pair 1 (no captcha, no limit) carries the listing, idempotency and crash cases; pair 2
 * (proof-of-work captcha, RATE_LIMIT_WRITES=5, TRUST_PROXY so each case is its own client)
 * the captcha and rate-limit cases. All four share one database.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { PowChallenge } from '../../src/contract/schemas.js';
import { encodePowPayload } from '../../server/captcha/pow.js';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../helpers/postgres.js';
import { solvePow } from '../helpers/pow.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';

const SECRET = 'multi-instance-secret-0123456789';
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** node:http with a keep-alive agent (Node 20's fetch stalls under this much concurrency). */
function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      new URL(path, base),
      {
        method,
        agent,
        headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...headers },
        timeout: 30_000,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(payload);
  });
}

const json = <T>(answer: Answer): T => JSON.parse(answer.body) as T;
const commentsPath = (thread: string) => `/api/threads/${encodeURIComponent(thread)}/comments`;

async function listAll(base: string, thread: string): Promise<{ id: string; message: string }[]> {
  const all: { id: string; message: string }[] = [];
  let cursor: string | null = null;
  do {
    const page: { comments: { id: string; message: string }[]; nextCursor: string | null } = json(
      await call(base, 'GET', `${commentsPath(thread)}?limit=100&sort=oldest${cursor ? `&cursor=${cursor}` : ''}`),
    );
    all.push(...page.comments);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

const reader = (n: number | string) => ({
  name: `Reader ${n}`,
  email: `reader${n}@example.com`,
  message: `Comment ${n} from a reader`,
});

const postgres = await postgresAvailable();

describe('two instances on one PostgreSQL database', { skip: !postgres }, () => {
  let database: TestDatabase;
  let a: ServerProcess;
  let b: ServerProcess;
  let powA: ServerProcess;
  let powB: ServerProcess;

  before(async () => {
    database = await createTestDatabase();
    const shared = { DATABASE_URL: database.url, SECRET, MODERATION: 'off', PG_POOL_MAX: '10' };
    const plain = { ...shared, CAPTCHA: 'none', RATE_LIMIT_WRITES: '0' };
    const limited = {
      ...shared,
      CAPTCHA: 'pow',
      POW_MAX_NUMBER: '1000',
      RATE_LIMIT_WRITES: '5',
      TRUST_PROXY: 'true',
    };
    // Four processes compiling TypeScript at once on a busy 2-core machine: allow them time.
    const timeout = 180_000;
    const started = await Promise.allSettled([
      startServerProcess({ env: plain, timeout }),
      startServerProcess({ env: plain, timeout }),
      startServerProcess({ env: limited, timeout }),
      startServerProcess({ env: limited, timeout }),
    ]);
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) {
      // Stop the ones that did start, then report why the other did not.
      await Promise.all(started.map((s) => (s.status === 'fulfilled' ? s.value.stop() : undefined)));
      throw failed.reason;
    }
    [a, b, powA, powB] = started.map((s) => (s as PromiseFulfilledResult<ServerProcess>).value) as [
      ServerProcess,
      ServerProcess,
      ServerProcess,
      ServerProcess,
    ];
  });

  after(async () => {
    await Promise.all([a, b, powA, powB].map((s) => s?.stop()));
    agent.destroy();
    await database?.drop();
  });

  it('a comment posted through A is listed through B, and a retry through B with the same key replays it', async () => {
    const thread = 'multi/listing';
    const body = reader('listed');
    const posted = await call(a.url, 'POST', commentsPath(thread), body, { 'Idempotency-Key': 'multi-key-0001' });
    assert.equal(posted.status, 201, posted.body);
    const { comment } = json<{ comment: { id: string } }>(posted);

    assert.deepEqual(
      (await listAll(b.url, thread)).map((c) => [c.id, c.message]),
      [[comment.id, body.message]],
    );

    const retried = await call(b.url, 'POST', commentsPath(thread), body, { 'Idempotency-Key': 'multi-key-0001' });
    assert.equal(retried.status, 201);
    assert.equal(retried.headers['idempotent-replayed'], 'true');
    assert.equal(retried.body, posted.body);
    assert.equal((await listAll(a.url, thread)).length, 1);
  });

  it('the same key sent to A and B at the same moment stores one comment; both answer with it', async () => {
    const thread = 'multi/race';
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const key = `race-key-${String(Math.floor(i / 2)).padStart(4, '0')}`;
        const body = reader(`race-${Math.floor(i / 2)}`);
        return call(i % 2 ? b.url : a.url, 'POST', commentsPath(thread), body, { 'Idempotency-Key': key });
      }),
    );
    assert.deepEqual(
      answers.map((r) => r.status),
      Array.from({ length: 20 }, () => 201),
      answers.map((r) => r.body).join('\n'),
    );
    for (let pair = 0; pair < 10; pair++)
      assert.equal(answers[2 * pair]!.body, answers[2 * pair + 1]!.body, `pair ${pair}: same comment`);
    assert.equal((await listAll(a.url, thread)).length, 10);
  });

  it('writes split across A and B reach 429 at RATE_LIMIT_WRITES', async () => {
    const thread = 'multi/limit';
    const client = { 'X-Forwarded-For': '203.0.113.50' };
    const statuses: number[] = [];
    let refusal: Answer | undefined;
    for (let i = 0; i < 7; i++) {
      const answer = await call(
        i % 2 ? powB.url : powA.url,
        'PUT',
        `/api/threads/${encodeURIComponent(thread)}/rating`,
        { value: 4, voter: `voter-limit-${i}` },
        client,
      );
      statuses.push(answer.status);
      if (answer.status === 429) refusal ??= answer;
    }
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429, 429]);
    const retryAfter = Number(refusal!.headers['retry-after']);
    assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
    assert.equal(json<{ error: string }>(refusal!).error, 'rate_limited');
    // Another client is not affected.
    const other = await call(powB.url, 'PUT', `/api/threads/${encodeURIComponent(thread)}/rating`, {
      value: 4,
      voter: 'voter-limit-other',
    });
    assert.equal(other.status, 200);
  });

  it('a captcha challenge from A is solved and accepted by B, and refused when replayed on A', async () => {
    const thread = 'multi/captcha';
    const described = json<{ provider: string; challenge: PowChallenge }>(await call(powA.url, 'GET', '/api/captcha'));
    assert.equal(described.provider, 'pow');
    const token = encodePowPayload(described.challenge, solvePow(described.challenge));

    const accepted = await call(
      powB.url,
      'POST',
      commentsPath(thread),
      { ...reader('captcha-1'), captcha: token },
      { 'X-Forwarded-For': '203.0.113.60' },
    );
    assert.equal(accepted.status, 201, accepted.body);

    const replayed = await call(
      powA.url,
      'POST',
      commentsPath(thread),
      { ...reader('captcha-2'), captcha: token },
      { 'X-Forwarded-For': '203.0.113.61' },
    );
    assert.equal(replayed.status, 403, replayed.body);
    assert.deepEqual(json<{ error: string; fields: unknown }>(replayed).fields, { captcha: 'captcha.invalid' });
    assert.deepEqual(
      (await listAll(powB.url, thread)).map((c) => c.message),
      [reader('captcha-1').message],
    );
  });

  it('kill -9 of one instance during 1,000 posts at concurrency 50 over both loses no acknowledged comment and stores none twice', async () => {
    const thread = 'multi/crash';
    const total = 1000;
    const acknowledged = new Map<number, string>(); // post number → comment id
    let answeredByB = 0;
    let next = 0;
    let aAlive = true;
    let killing: Promise<void> | undefined;

    const post = (base: string, i: number) =>
      call(base, 'POST', commentsPath(thread), reader(`crash-${i}`), {
        'Idempotency-Key': `crash-key-${String(i).padStart(5, '0')}`,
      });
    const worker = async () => {
      while (next < total) {
        const i = next++;
        // Spread over both; once A is gone (or a request to it failed) the client retries on B
        // with the same key, as a load balancer or the widget would.
        let answer: Answer | undefined;
        if (i % 2 === 0 && aAlive) {
          try {
            answer = await post(a.url, i);
          } catch {
            answer = undefined;
          }
        }
        if (!answer || answer.status >= 500) {
          answer = await post(b.url, i);
          answeredByB++;
        }
        assert.equal(answer.status, 201, answer.body);
        acknowledged.set(i, json<{ comment: { id: string } }>(answer).comment.id);
        if (acknowledged.size >= 300 && !killing) {
          aAlive = false;
          killing = a.kill();
        }
      }
    };
    await Promise.all(Array.from({ length: 50 }, worker));
    await killing;
    assert.equal(acknowledged.size, total);
    assert.ok(answeredByB > total / 2, 'B took over after the kill');

    const listed = await listAll(b.url, thread);
    const ids = new Set(listed.map((c) => c.id));
    const lost = [...acknowledged.values()].filter((id) => !ids.has(id));
    assert.deepEqual(lost, [], `${lost.length} acknowledged comments lost`);
    const perMessage = new Map<string, number>();
    for (const c of listed) perMessage.set(c.message, (perMessage.get(c.message) ?? 0) + 1);
    const twice = [...perMessage].filter(([, n]) => n > 1);
    assert.deepEqual(twice, [], 'no post stored twice');
    assert.equal(listed.length, total);
    console.log(`# multi-instance crash: ${total} acknowledged, ${answeredByB} answered by B, ${listed.length} stored`);
  });
});
