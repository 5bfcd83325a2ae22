/**
 * The reference server's throughput and p99 latency (autocannon), each figure next to a bare
 * `node:http` server answering the same bytes from memory (bench/ceiling-server.mjs) measured in
 * the same run, on SQLite and on PostgreSQL (skipped with one line when it cannot be reached).
 *
 * Figures: GET a page of 20 comments, the same with `If-None-Match` (304), GET the rating, GET
 * /api/counts (when the server has that route), POST a comment (each one durable before its
 * answer). On PostgreSQL also GET and POST with two instances sharing the database.
 *
 *   node --import tsx bench/server.ts                 # alone
 *   npm run bench                                     # as part of every figure (bench/run.ts)
 *
 * Settings: BENCH_DURATION seconds per autocannon run (default 5), BENCH_CONNECTIONS (default
 * 50), BENCH_SKIP=sqlite,postgres,pg-two to leave parts out, BENCH_PROFILE=<dir> to write a
 * `--cpu-prof` profile of each server process there, BENCH_ONLY=<regular expression> to measure
 * only the figures whose label matches (e.g. `304|POST`), BENCH_ROUNDS to measure every figure
 * in that many rounds (default: POST in 3, the reads in 1; see `both` in measureAll).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { startServerProcess, type ServerProcess } from '../test/helpers/server-process.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SKIP = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
const PROFILE_DIR = process.env.BENCH_PROFILE ? resolve(process.env.BENCH_PROFILE) : null;
/** BENCH_ONLY=<regular expression>: only the figures whose label matches (e.g. `304|POST`). */
const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, 'i') : null;
/** Rounds of (ours, ceiling) per figure: BENCH_ROUNDS for all, else 3 for POST and 1 for the reads. */
const roundsFor = (label: string) => Number(process.env.BENCH_ROUNDS ?? (label.startsWith('POST') ? 3 : 1));

export type Row = [label: string, value: string, note?: string];
export interface Section {
  title: string;
  rows: Row[];
  raw: unknown;
}

export interface Cannon {
  rps: number;
  p99: number;
  p50: number;
  non2xx: number;
  errors: number;
  statuses: Record<string, number>;
  /** Server CPU (µs) per answered request, when the process could be watched. */
  cpuPerRequestUs: number | null;
}

/**
 * CPU time (user + system, ms) a process has used so far, from /proc (Linux); null elsewhere.
 * On a machine shared with other work the req/s figures swing with the load, while the CPU a
 * request costs the server stays put: CPU per request is the steadier figure to compare.
 */
function cpuMs(pid: number | undefined): number | null {
  const file = `/proc/${pid}/stat`;
  if (pid === undefined || !existsSync(file)) return null;
  // Fields after the command name (which is in parentheses and may hold spaces): utime is the
  // 14th field, stime the 15th, in clock ticks (100 per second on Linux).
  const fields = readFileSync(file, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

export async function cannon(opts: autocannon.Options, pid?: number): Promise<Cannon> {
  const cpuBefore = cpuMs(pid);
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION, ...opts });
  const cpuAfter = cpuMs(pid);
  const statuses: Record<string, number> = {};
  for (const [code, n] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = (n as { count: number }).count;
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    p50: result.latency.p50,
    non2xx: result.non2xx,
    errors: result.errors,
    statuses,
    cpuPerRequestUs:
      cpuBefore !== null && cpuAfter !== null && result.requests.total > 0
        ? ((cpuAfter - cpuBefore) * 1000) / result.requests.total
        : null,
  };
}

/** Distinct comments, each with its own Idempotency-Key, as the widget sends them. */
export function postRequest(path: string): autocannon.Request {
  let n = 0;
  const tag = Math.random().toString(36).slice(2, 8);
  return {
    method: 'POST',
    path,
    headers: { 'content-type': 'application/json' },
    setupRequest: (req: autocannon.Request) => {
      n++;
      return {
        ...req,
        headers: { ...req.headers, 'idempotency-key': `bench-${tag}-${n}` },
        body: JSON.stringify({
          name: `Bench ${n}`,
          email: `bench${n}@example.com`,
          message: `Load test comment ${n}.`,
        }),
      };
    },
  };
}

async function startCeiling(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(root, 'bench/ceiling-server.mjs')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`ceiling server exited (${code})`)));
  });
  return { url, child };
}

const LIST_PATH = '/api/threads/bench/comments?limit=20';
const RATING_PATH = '/api/threads/bench/rating';
const COUNTS_PATH = `/api/counts?${Array.from({ length: 10 }, (_, i) => `thread=bench${i ? `-${i}` : ''}`).join('&')}`;
// The thread id as the widget sends it by default: the page's path, its `/` escaped.
const POST_PATH = `/api/threads/${encodeURIComponent('/2026/12/bench-post')}/comments`;

/** 200 comments and 50 votes in the thread `bench`: the page of 20 is a full one with a next cursor. */
async function seed(apiUrl: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const res = await fetch(`${apiUrl}/threads/bench/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `seed-comment-${i}` },
      body: JSON.stringify({
        name: `Reader ${i}`,
        email: `reader${i}@example.com`,
        message: `Seed comment ${i}: a few words about the article.`,
      }),
    });
    if (res.status !== 201) throw new Error(`seeding: POST answered ${res.status}: ${await res.text()}`);
  }
  for (let i = 0; i < 50; i++) {
    const res = await fetch(`${apiUrl}/threads/bench/rating`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ voter: `bench-voter-${String(i).padStart(4, '0')}`, value: 1 + (i % 5) }),
    });
    if (res.status !== 200) throw new Error(`seeding: PUT rating answered ${res.status}: ${await res.text()}`);
  }
}

interface Measured {
  label: string;
  /** The round whose share of the ceiling is the median of the rounds' (the only one, with one round). */
  ours: Cannon;
  ceiling: Cannon;
  /** Each round's share of the ceiling, in the order measured. */
  ratios: number[];
}

const percent = (ratio: number) => `${(ratio * 100).toFixed(0)}%`;

function rowOf({ label, ours, ceiling, ratios }: Measured): Row {
  const codes = Object.entries(ours.statuses)
    .map(([c, n]) => `${c}×${n}`)
    .join(' ');
  const cpu =
    ours.cpuPerRequestUs !== null && ceiling.cpuPerRequestUs !== null
      ? ` · CPU ${Math.round(ours.cpuPerRequestUs)} µs/req (ceiling ${Math.round(ceiling.cpuPerRequestUs)})`
      : '';
  return [
    label,
    `${Math.round(ours.rps)} req/s`,
    `p99 ${ours.p99} ms · ${percent(ours.rps / ceiling.rps)} of ceiling (${Math.round(ceiling.rps)} req/s, p99 ${ceiling.p99} ms)${ratios.length > 1 ? `, median of ${ratios.length} rounds: ${ratios.map(percent).join(' · ')}` : ''}${cpu} · ${codes}${ours.errors ? ` · ${ours.errors} errors` : ''}`,
  ];
}

/** `--cpu-prof` for the server process when BENCH_PROFILE names a folder. */
function profiled(name: string): { nodeArgs?: string[] } {
  return PROFILE_DIR
    ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${join(PROFILE_DIR, name)}`] } // one file per thread
    : {};
}

/** Every figure against one running server (and a ceiling serving the bytes it answered). */
async function measureAll(server: ServerProcess): Promise<{ measured: Measured[]; notes: Row[] }> {
  await seed(server.apiUrl);
  const notes: Row[] = [];
  const gets: { label: string; path: string; etag?: string }[] = [];
  const routes: Record<string, { body: string; etag: string }> = {};
  const remember = async (label: string, path: string) => {
    const res = await fetch(`${server.url}${path}`);
    if (res.status !== 200) return false;
    const body = await res.text();
    const etag = res.headers.get('etag') ?? '';
    routes[path] = { body, etag: etag || '"x"' };
    gets.push({ label, path });
    if (label.startsWith('GET 20 comments')) {
      if (etag) gets.push({ label: 'GET 20 comments with If-None-Match (304)', path, etag });
      else notes.push(['GET with If-None-Match', 'n/a', 'the server sent no ETag']);
    }
    return true;
  };
  await remember('GET 20 comments', LIST_PATH);
  await remember('GET rating', RATING_PATH);
  if (!(await remember('GET counts of 10 threads', COUNTS_PATH)))
    notes.push(['GET /api/counts', 'n/a', 'this server has no GET /api/counts route yet: not measured']);
  const created = await fetch(`${server.apiUrl}/threads/bench-sample/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': 'ceiling-sample-1' },
    body: JSON.stringify({ name: 'Sample', email: 'sample@example.com', message: 'Sample comment.' }),
  });
  const ceiling = await startCeiling({
    CEILING_ROUTES: JSON.stringify(routes),
    CEILING_CREATED_BODY: await created.text(),
  });
  const measured: Measured[] = [];
  try {
    // The machine's speed drifts from one run to the next (the ceiling itself by a quarter on a
    // shared 2-core machine), so a figure near its target is measured in rounds, ours and the
    // ceiling alternately (ours first in odd rounds, the ceiling first in even ones), and the round
    // with the median share is the one printed, with every round's share beside it.
    const both = async (label: string, make: (base: string) => autocannon.Options) => {
      if (ONLY && !ONLY.test(label)) return;
      await cannon({ ...make(server.url), duration: 1 }); // warm-up
      await cannon({ ...make(ceiling.url), duration: 1 });
      const rounds: { ours: Cannon; ceiling: Cannon; ratio: number }[] = [];
      for (let round = 0; round < roundsFor(label); round++) {
        const measureOurs = () => cannon(make(server.url), server.process.pid);
        const measureCeiling = () => cannon(make(ceiling.url), ceiling.child.pid);
        let ours: Cannon, top: Cannon;
        if (round % 2 === 0) {
          ours = await measureOurs();
          top = await measureCeiling();
        } else {
          top = await measureCeiling();
          ours = await measureOurs();
        }
        rounds.push({ ours, ceiling: top, ratio: ours.rps / top.rps });
      }
      const middle = [...rounds].sort((a, b) => a.ratio - b.ratio)[Math.floor((rounds.length - 1) / 2)]!;
      const m = { label, ours: middle.ours, ceiling: middle.ceiling, ratios: rounds.map((r) => r.ratio) };
      measured.push(m);
      const [l, v, n] = rowOf(m);
      console.log(`  ${l}: ${v} · ${n}`);
    };
    for (const { label, path, etag } of gets)
      await both(label, (base) => ({ url: `${base}${path}`, ...(etag ? { headers: { 'if-none-match': etag } } : {}) }));
    await both('POST a comment', (base) => ({ url: base, requests: [postRequest(POST_PATH)] }));
  } finally {
    ceiling.child.kill('SIGTERM');
  }
  return { measured, notes };
}

const BENCH_ENV = { MODERATION: 'off', CAPTCHA: 'none', RATE_LIMIT_WRITES: '0', NODE_ENV: 'production' };

export async function benchSqlite(): Promise<Section> {
  const title = `Reference server on SQLite vs bare node:http from memory (autocannon, ${CONNECTIONS} connections × ${DURATION} s, ${cpus().length} CPUs shared with the load generator)`;
  console.log(`\n${title}`);
  const server = await startServerProcess({ env: BENCH_ENV, ...profiled('sqlite') });
  try {
    const { measured, notes } = await measureAll(server);
    return {
      title,
      rows: [...measured.map(rowOf), ...notes],
      raw: { connections: CONNECTIONS, duration: DURATION, measured },
    };
  } finally {
    await server.stop();
  }
}

export async function benchPostgres(): Promise<Section> {
  const { createTestDatabase, unreachableReason } = await import('../test/helpers/postgres.js');
  const title = `Reference server on PostgreSQL vs bare node:http from memory (autocannon, ${CONNECTIONS} connections × ${DURATION} s, the database, the server and the load generator on the same ${cpus().length} CPUs)`;
  console.log(`\n${title}`);
  const reason = await unreachableReason();
  if (reason)
    return {
      title,
      rows: [['skipped', 'n/a', `PostgreSQL not reachable (${reason}); set TEST_DATABASE_URL to include it`]],
      raw: { skipped: reason },
    };
  const database = await createTestDatabase();
  const env = { ...BENCH_ENV, DATABASE_URL: database.url, SECRET: 'bench-secret-0123456789abcdef' };
  const instances = [await startServerProcess({ env, ...profiled('postgres') })];
  try {
    const { measured, notes } = await measureAll(instances[0]!);
    const rows = [...measured.map(rowOf), ...notes];
    const raw: Record<string, unknown> = { connections: CONNECTIONS, duration: DURATION, measured };
    if (!SKIP.has('pg-two')) {
      // Two instances: autocannon deals its connections out round-robin, as a proxy would.
      instances.push(await startServerProcess({ env }));
      const bases = instances.map((s) => s.url);
      await cannon({ url: bases.map((b) => `${b}${LIST_PATH}`), duration: 1 });
      const get = await cannon({ url: bases.map((b) => `${b}${LIST_PATH}`) });
      const post = await cannon({ url: bases, requests: [postRequest(POST_PATH)] });
      raw.twoInstances = { get, post };
      const ceilingOf = (label: string) => measured.find((m) => m.label === label)?.ceiling;
      for (const [label, r, base] of [
        ['GET 20 comments, two instances (connections round-robin)', get, 'GET 20 comments'],
        ['POST a comment, two instances (connections round-robin)', post, 'POST a comment'],
      ] as const) {
        const top = ceilingOf(base);
        rows.push([
          label,
          `${Math.round(r.rps)} req/s`,
          `p99 ${r.p99} ms${top ? ` · ${((r.rps / top.rps) * 100).toFixed(0)}% of the ceiling above` : ''}`,
        ]);
        console.log(`  ${label}: ${Math.round(r.rps)} req/s · p99 ${r.p99} ms`);
      }
    }
    return { title, rows, raw };
  } finally {
    await Promise.all(instances.map((s) => s.stop()));
    await database.drop();
  }
}

/** Both stores, as `npm run bench` prints them. */
export async function benchServerSections(): Promise<Section[]> {
  const sections: Section[] = [];
  if (!SKIP.has('sqlite') && !SKIP.has('server')) sections.push(await benchSqlite());
  if (!SKIP.has('postgres')) sections.push(await benchPostgres());
  return sections;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(`server benchmarks · ${new Date().toISOString()} · Node ${process.version} · ${cpus().length} CPUs`);
  for (const { title, rows } of await benchServerSections()) {
    console.log(`\n${title}`);
    for (const [label, value, note] of rows) console.log(`${label.padEnd(60)} ${value.padStart(12)}  ${note ?? ''}`);
  }
}
