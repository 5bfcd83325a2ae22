/**
 * The textarea on screen (#24, item 3), A/B: two builds of the bundle and the bare Lit element
 * with five stars (issue #24's comparison, `bareLit(true)` in bench/pages.ts),
 * loaded in turn (cold, a fresh browser context each time; the order alternates every round),
 * each load traced. Prints, per page, the medians of:
 *
 *   - `at`: the textarea's frame after navigation (the probe of bench/run.ts: the first animation
 *     frame in which it has a layout box) — the figure of record, and the noisiest on a busy machine;
 *   - `main`: main-thread time from the task that evaluates the script to that frame (wall);
 *   - `cpu`: the same tasks' thread time (what the main thread itself spent, without the waits of
 *     synchronous round trips to the browser process and without being descheduled);
 *   - the parts: evaluation, Lit's rendering (microtasks), style, layout, font look-ups, and
 *     Chromium's own DOMContentLoaded work (a forced layout, form extraction).
 *
 *   npm run build && cp -r dist /tmp/before     # on the tree to compare with
 *   npm run build                               # on this tree
 *   node --import tsx bench/textarea-ab.ts /tmp/before dist [RUNS=31] [--untraced]
 *
 * Main-thread time is steadier than `at` on a shared machine: when other work runs, compare
 * `main` and `cpu`, and repeat. No assertion: it prints figures.
 */
import { existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../test/helpers/launch-chromium.js';
import {
  ARTICLE,
  bareLit,
  gzipped,
  mainThreadTaskTime,
  median,
  PAGE_HEAD,
  PROBE,
  settle,
  type TraceEvent,
} from './pages.js';

const args = process.argv.slice(2).filter((a) => a !== '--untraced');
/** `--untraced`: the probe alone, no trace (tracing costs the page a little): prints `at` only. */
const TRACED = !process.argv.includes('--untraced');
const [dirA, dirB, runsArg] = args;
if (!dirA || !dirB) {
  console.error('usage: node --import tsx bench/textarea-ab.ts DIST_A DIST_B [RUNS] [--untraced]');
  process.exit(2);
}
const RUNS = Number(runsArg ?? 31);
const builds: Record<string, string> = { a: resolve(dirA), b: resolve(dirB) };

const API = 'http://127.0.0.1:9/api'; // nothing answers, as in bench/run.ts (a closed port)

const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const page = /^\/page\/(a|b|lit)$/.exec(path);
  if (page) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(
      page[1] === 'lit'
        ? `${PAGE_HEAD}<script type="module" src="/bare-lit.js"></script></head><body>${ARTICLE}<bare-lit></bare-lit></body></html>`
        : `${PAGE_HEAD}<script type="module" src="/${page[1]}/article-feedback.js"></script></head><body>${ARTICLE}<article-feedback endpoint="${API}" thread="bench"></article-feedback></body></html>`,
    );
    return;
  }
  if (path === '/bare-lit.js') {
    res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
    res.end(bareLit(true));
    return;
  }
  const file = /^\/(a|b)\/([\w./-]+)$/.exec(path);
  const name = file && !file[2]!.includes('..') ? join(builds[file[1]!]!, file[2]!) : '';
  if (!name || !existsSync(name) || !statSync(name).isFile()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store', 'content-encoding': 'gzip' });
  res.end(gzipped(name));
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink.user_timing',
  'toplevel',
  'loading',
  'navigation',
  'fonts',
];
/** Trace events summed between the script's task and the textarea's frame, by the name printed. */
const PARTS: Record<string, string> = {
  'v8.evaluateModule': 'evaluate',
  RunMicrotasks: 'render',
  UpdateLayoutTree: 'style',
  Layout: 'layout',
  'FontCache::GetFontPlatformData': 'fonts',
  'RenderFrameImpl::DidDispatchDOMContentLoadedEvent': 'DCL',
};

type Figures = Record<string, number>;

async function load(browser: Browser, url: string): Promise<Figures> {
  const context = await browser.newContext(); // cold HTTP cache
  try {
    const page = await context.newPage();
    await page.addInitScript(PROBE);
    await settle(browser);
    if (TRACED) await browser.startTracing(page, { categories: CATEGORIES });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => '__textareaAt' in window, undefined, { timeout: 20000 });
    const at = await page.evaluate(() => (window as unknown as { __textareaAt: number }).__textareaAt);
    if (!TRACED) return { at };
    const { traceEvents } = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
    const nav = traceEvents.filter((e) => e.name === 'navigationStart').at(-1)!;
    const end = traceEvents.find((e) => e.name === 'textarea')?.ts ?? nav.ts + at * 1000;
    const onMain = traceEvents
      .filter((e) => e.pid === nav.pid && e.tid === nav.tid && e.ph === 'X' && e.ts >= nav.ts && e.ts < end)
      .sort((x, y) => x.ts - y.ts);
    const evaluation = onMain.find((e) => e.name === 'v8.evaluateModule');
    const tasks = onMain.filter((e) => e.name === 'RunTask');
    const first = evaluation && tasks.findLast((e) => e.ts <= evaluation.ts);
    if (!first) return { at, main: 0, cpu: 0 };
    const time = mainThreadTaskTime(onMain, () => true, first.ts, end);
    const figures: Figures = { at, main: time.wall, cpu: time.cpu };
    for (const e of onMain) {
      const part = PARTS[e.name];
      if (part && e.ts >= first.ts) figures[part] = (figures[part] ?? 0) + Math.min(e.dur!, end - e.ts) / 1000;
    }
    return figures;
  } finally {
    await context.close();
  }
}

const browser = await launchChromium();
const kinds = ['a', 'b', 'lit'] as const;
const results: Record<string, Figures[]> = { a: [], b: [], lit: [] };
try {
  for (const kind of kinds) await load(browser, `${origin}/page/${kind}`); // warm-up
  for (let i = 0; i < RUNS; i++)
    for (const kind of i % 2 ? [...kinds].reverse() : kinds)
      results[kind]!.push(await load(browser, `${origin}/page/${kind}`));
} finally {
  await browser.close();
  server.close();
}
const names = TRACED ? ['at', 'main', 'cpu', ...Object.values(PARTS)] : ['at'];
const label = { a: `A ${dirA}`, b: `B ${dirB}`, lit: 'bare Lit, five stars' };
console.log(`median of ${RUNS} cold loads each, ms (A, B and bare Lit in turn${TRACED ? ', traced' : ', untraced'})`);
console.log(['page'.padEnd(28), ...names.map((n) => n.padStart(9))].join(''));
for (const kind of kinds)
  console.log(
    [
      label[kind].slice(0, 27).padEnd(28),
      ...names.map((n) =>
        median(results[kind]!.map((r) => r[n] ?? 0))
          .toFixed(1)
          .padStart(9),
      ),
    ].join(''),
  );
