/**
 * 500 comments in `<comment-list>` (#24, item 5), A/B: two builds of the bundle loaded in turn
 * (a fresh browser context each time; which build goes first alternates every round), the list
 * answered with the long thread of bench/run.ts after LATENCY ms (0: at once, as bench/run.ts
 * answers it; a real page waits a round trip). Prints, per build, the medians of:
 *
 *   - `first`: from `createElement` to the frame that paints the first comments;
 *   - `all`: the same, to the frame that paints the 500th;
 *   - `task`: CDP's TaskDuration over that time (the main thread's tasks, wall time), the figure
 *     bench/run.ts judges against the target;
 *   - `tick`: then the list's minute tick (its clock moved on a minute, to the update's end).
 *
 *   npm run build && cp -r dist /tmp/before     # on the tree to compare with
 *   npm run build                               # on this tree
 *   node --import tsx bench/list-ab.ts /tmp/before dist [RUNS=12] [LATENCY=0]
 *
 * No assertion: it prints figures. On a shared 2-core machine single loads vary by half: repeat,
 * and swap the builds' order on the command line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { bundleMappings } from '../scripts/bundle-mappings.mjs';
import { launchChromium } from '../test/helpers/launch-chromium.js';
import { fakeComments, median, renderListScript, taskTime } from './pages.js';

const [dirA, dirB, runsArg, latencyArg] = process.argv.slice(2);
if (!dirA || !dirB) {
  console.error('usage: node --import tsx bench/list-ab.ts DIST_A DIST_B [RUNS] [LATENCY_MS]');
  process.exit(2);
}
const RUNS = Number(runsArg ?? 12);
const LATENCY = Number(latencyArg ?? 0);
const builds = [resolve(dirA), resolve(dirB)];
/**
 * The list's clock field (`_now`) in each build. The script-tag build shortens private names
 * (scripts/build-mangle-private.mjs); its source map keeps each renamed property's original name,
 * so the short one is read at a mapping named `_now`. A build without a map has kept the name.
 */
function clockField(dir: string): string {
  const bundle = join(dir, 'article-feedback.js');
  if (!existsSync(`${bundle}.map`)) return '_now';
  const { code, mappings } = bundleMappings(bundle);
  const at = mappings.find((m) => m.name === '_now')?.at;
  const name = at === undefined ? undefined : /^[\w$]+/.exec(code.slice(at))?.[0];
  if (!name) throw new Error(`${dir}: no mapping names the list's clock \`_now\` (renamed in the sources?)`);
  return name;
}
const clockFields = builds.map(clockField);

// Build i's files under /i/…, and a blank page to add them to.
const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (path === '/') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html lang="en"><body></body></html>');
    return;
  }
  const match = /^\/([01])\/([\w./-]+)$/.exec(path);
  const file = match && !match[2]!.includes('..') ? join(builds[Number(match[1])]!, match[2]!) : '';
  if (!file || !existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'text/javascript' });
  res.end(readFileSync(file));
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const body = JSON.stringify({ comments: fakeComments(500), nextCursor: null, total: 500 });

const browser = await launchChromium();
const figures = builds.map(() => ({
  first: [] as number[],
  all: [] as number[],
  task: [] as number[],
  tick: [] as number[],
}));
try {
  for (let round = 0; round < RUNS; round++) {
    for (const build of round % 2 ? [1, 0] : [0, 1]) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.route('**/api/threads/bench/comments**', (route) =>
        setTimeout(() => void route.fulfill({ status: 200, contentType: 'application/json', body }), LATENCY),
      );
      await page.goto(origin);
      await page.addScriptTag({ url: `/${build}/article-feedback.js`, type: 'module' });
      await page.waitForFunction(() => customElements.get('comment-list') !== undefined);
      let first = 0;
      let all = 0;
      const task = await taskTime(page, async () => {
        ({ first, wall: all } = (await page.evaluate(renderListScript('http://127.0.0.1:9/api'))) as {
          first: number;
          wall: number;
        });
      });
      const tick = (await page.evaluate(`(async () => {
        const el = document.querySelector('comment-list');
        const t0 = performance.now();
        el.${clockFields[build]} += 60000;
        await el.updateComplete;
        return performance.now() - t0;
      })()`)) as number;
      Object.entries({ first, all, task, tick }).forEach(([k, v]) => figures[build]![k as 'first'].push(v));
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`500 comments, answered after ${LATENCY} ms: medians of ${RUNS} loads each, ms`);
console.log(`${'build'.padEnd(32)} ${['first', 'all', 'task', 'tick'].map((h) => h.padStart(8)).join(' ')}`);
builds.forEach((dir, i) => {
  const f = figures[i]!;
  console.log(
    `${`${'AB'[i]} ${dir}`.slice(0, 32).padEnd(32)} ${[f.first, f.all, f.task, f.tick].map((xs) => median(xs).toFixed(1).padStart(8)).join(' ')}`,
  );
});
