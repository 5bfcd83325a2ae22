/**
 * Load with retries against the real server process (its CLI, a socket, SQLite in WAL mode
 * with synchronous=FULL): N distinct comments at concurrency C, each with its own
 * Idempotency-Key, plus R repeats of earlier keys — half queued right behind their original
 * (so they race it), half sent after the burst (plain retries). It checks that exactly N
 * comments exist and that every repeat answered with its original's comment, and prints
 * throughput and latency.
 *
 *   node --import tsx bench/load.ts                    # or as part of `npm run bench`
 *   BENCH_LOAD_POSTS=20000 BENCH_LOAD_REPEATS=2000 BENCH_LOAD_CONCURRENCY=100 node --import tsx bench/load.ts
 *   BENCH_LOAD_TMPFS=1 …                               # database on /dev/shm: no disk flush cost
 *
 * The client is node:http with a keep-alive agent. (Node 20's built-in fetch left single
 * requests waiting 15 s and more at concurrency 50 against this server while node:http, and
 * the same server, answered all of them within a few seconds; the stall is on the client side.)
 *
 * `test/server/hardening-load.test.ts` runs the 2,000 + 200 variant in `npm test`.
 */
import { rmSync, mkdtempSync, existsSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { startServerProcess } from '../test/helpers/server-process.js';

export interface LoadPlan {
  /** Distinct comments. */
  posts: number;
  /** Repeats of earlier keys (same body, same key). */
  repeats: number;
  concurrency: number;
  thread: string;
}

export interface LoadResult {
  /** Requests sent: posts + repeats. */
  sent: number;
  /** HTTP status → count; `0` = no answer (connection error or timeout). */
  statuses: Record<number, number>;
  /** Idempotency key → the comment id it created. */
  ids: Map<string, string>;
  /** Repeats whose answer named another comment than their original's. */
  mismatchedRepeats: number;
  /** Answers carrying `Idempotent-Replayed: true`. */
  replayed: number;
  ms: number;
  /** Sorted, milliseconds. */
  latencies: number[];
}

interface Job {
  index: number;
  key: string;
  repeat: boolean;
}

function plan(p: LoadPlan): Job[] {
  const jobs: Job[] = [];
  const deferred: Job[] = [];
  const every = Math.max(1, Math.floor(p.posts / Math.max(1, p.repeats)));
  let repeats = 0;
  for (let i = 0; i < p.posts; i++) {
    const key = `load-${i.toString().padStart(7, '0')}`;
    jobs.push({ index: i, key, repeat: false });
    if (i % every === 0 && repeats < p.repeats) {
      repeats++;
      const job = { index: i, key, repeat: true };
      if (repeats % 2 === 0) jobs.push(job);
      else deferred.push(job);
    }
  }
  return [...jobs, ...deferred];
}

export function loadBody(index: number): string {
  return JSON.stringify({
    name: `Reader ${index}`,
    email: `reader${index}@example.com`,
    message: `Load comment number ${index}. Still here after the retries?`,
  });
}

interface Answer {
  status: number;
  body: string;
  replayed: boolean;
}

function post(agent: http.Agent, url: URL, key: string, body: string, timeout: number): Promise<Answer> {
  return new Promise((resolve) => {
    const req = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        timeout,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
          'Idempotency-Key': key,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            replayed: res.headers['idempotent-replayed'] === 'true',
          }),
        );
        res.on('error', () => resolve({ status: 0, body: '', replayed: false }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve({ status: 0, body: '', replayed: false }));
    req.end(body);
  });
}

/** Sends the plan to `apiUrl` (…/api) and collects what came back. */
export async function runLoad(apiUrl: string, p: LoadPlan, requestTimeout = 60_000): Promise<LoadResult> {
  const jobs = plan(p);
  const url = new URL(`${apiUrl}/threads/${encodeURIComponent(p.thread)}/comments`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: p.concurrency });
  const statuses: Record<number, number> = {};
  const ids = new Map<string, string>();
  const later: { key: string; id: string }[] = [];
  const latencies: number[] = [];
  let replayed = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (;;) {
      const job = jobs[next++];
      if (!job) return;
      const t0 = performance.now();
      const answer = await post(agent, url, job.key, loadBody(job.index), requestTimeout);
      latencies.push(performance.now() - t0);
      statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
      if (answer.replayed) replayed++;
      let id: string | undefined;
      try {
        id = (JSON.parse(answer.body) as { comment?: { id?: string } }).comment?.id;
      } catch {
        /* no JSON: counted by its status */
      }
      if (!id) continue;
      if (!job.repeat && !ids.has(job.key)) ids.set(job.key, id);
      else later.push({ key: job.key, id });
    }
  };
  try {
    await Promise.all(Array.from({ length: p.concurrency }, worker));
  } finally {
    agent.destroy();
  }
  const ms = performance.now() - started;
  // When a repeat won the race, its original got the replay: either way both must agree.
  let mismatchedRepeats = 0;
  for (const r of later) {
    const first = ids.get(r.key);
    if (first === undefined) ids.set(r.key, r.id);
    else if (first !== r.id) mismatchedRepeats++;
  }
  latencies.sort((a, b) => a - b);
  return { sent: jobs.length, statuses, ids, mismatchedRepeats, replayed, ms, latencies };
}

/** Every published comment id of a thread, through the public API. */
export async function listAllIds(apiUrl: string, thread: string): Promise<{ ids: string[]; total: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let total: number;
  do {
    const res = await fetch(
      `${apiUrl}/threads/${encodeURIComponent(thread)}/comments?limit=100&sort=oldest${cursor ? `&cursor=${cursor}` : ''}`,
    );
    const page = (await res.json()) as { comments: { id: string }[]; nextCursor: string | null; total: number };
    ids.push(...page.comments.map((c) => c.id));
    total = page.total;
    cursor = page.nextCursor;
  } while (cursor);
  return { ids, total };
}

/** Rows of a thread straight from the SQLite file, any status. */
export function storedRows(dbPath: string, thread: string): { rows: number; distinctMessages: number } {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const row = db
      .prepare('SELECT count(*) AS n, count(DISTINCT message) AS d FROM comments WHERE thread = ?')
      .get(thread) as { n: number; d: number };
    return { rows: row.n, distinctMessages: row.d };
  } finally {
    db.close();
  }
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;

/** The long variant for `npm run bench`. Returns the figures it printed. */
export async function benchLoad(): Promise<Record<string, string | number>> {
  const env = process.env;
  const p: LoadPlan = {
    posts: Number(env.BENCH_LOAD_POSTS ?? 10_000),
    repeats: Number(env.BENCH_LOAD_REPEATS ?? 1_000),
    concurrency: Number(env.BENCH_LOAD_CONCURRENCY ?? 50),
    thread: 'bench/load',
  };
  const tmpfs = env.BENCH_LOAD_TMPFS === '1' && existsSync('/dev/shm');
  const dir = mkdtempSync(join(tmpfs ? '/dev/shm' : tmpdir(), 'af-bench-load-'));
  const dbPath = join(dir, 'comments.db');
  const server = await startServerProcess({
    dbPath,
    env: { RATE_LIMIT_WRITES: '0', CAPTCHA: 'none', MODERATION: 'off' },
    timeout: 60_000,
  });
  try {
    console.log(
      `load: ${p.posts} posts + ${p.repeats} repeated keys at concurrency ${p.concurrency} (database on ${tmpfs ? 'tmpfs' : 'disk'})…`,
    );
    const r = await runLoad(server.apiUrl, p);
    const listed = await listAllIds(server.apiUrl, p.thread);
    const stored = storedRows(dbPath, p.thread);
    const figures = {
      'posts sent': r.sent,
      'distinct keys': p.posts,
      'answered 201': r.statuses[201] ?? 0,
      'other answers': r.sent - (r.statuses[201] ?? 0),
      'replayed answers': r.replayed,
      'comments stored': stored.rows,
      'comments listed': listed.total,
      'repeats naming another comment': r.mismatchedRepeats,
      seconds: Number((r.ms / 1000).toFixed(1)),
      'posts per second': Math.round(r.sent / (r.ms / 1000)),
      'latency p50 ms': Math.round(pct(r.latencies, 50)),
      'latency p99 ms': Math.round(pct(r.latencies, 99)),
      'latency max ms': Math.round(r.latencies[r.latencies.length - 1] ?? 0),
      database: tmpfs ? 'tmpfs' : 'disk',
    };
    console.table(figures);
    const ok =
      stored.rows === p.posts &&
      listed.total === p.posts &&
      r.mismatchedRepeats === 0 &&
      (r.statuses[201] ?? 0) === r.sent;
    console.log(
      ok ? `load: OK — exactly ${p.posts} comments for ${r.sent} posts` : 'load: FAILED — see the figures above',
    );
    if (!ok) process.exitCode = 1;
    return figures;
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await benchLoad();
}
