/**
 * What bench/run.ts, bench/textarea-ab.ts, bench/list-ab.ts and bench/list-prototype.ts serve
 * and read: the article page around the widget, the bare Lit element it is compared with, the
 * textarea probe, the long thread of comments and the script that renders it, the list's style
 * sheets and a shadow root made from them, gzipped files, the trace events they sum, and the
 * browser's settling and a page's task time around a run. No side effects: the scripts import it.
 */
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildSync } from 'esbuild';
import type { Browser, CDPSession, Page } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The same article above every widget. */
export const ARTICLE = `<article><h1>A news article</h1>${'<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.</p>'.repeat(6)}</article>`;

/** Every page's start, up to the place for its `<head>` additions. */
export const PAGE_HEAD =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>bench</title>';

const bareLitCode = new Map<boolean, string>();
/**
 * A bare Lit element with a textarea in its shadow root, bundled and minified like ours
 * (esbuild). With `stars`, the comparison of issue #24 ("a bare Lit element with a textarea and
 * five stars"): a radio group of five stars above the textarea, as ours has, written out in the
 * one template and as lean as it gets (spans with a text star: no template per star, no SVG, no
 * styles, no button, whose own font would be one more font to look up before the first frame).
 */
export function bareLit(stars = false): string {
  let code = bareLitCode.get(stars);
  if (code === undefined) {
    const starMarkup = stars
      ? `<div role="radiogroup" aria-label="Rating">${[1, 2, 3, 4, 5]
          .map(
            (n) =>
              `<span role="radio" aria-checked="false" tabindex="${n === 1 ? 0 : -1}" aria-label="${n} of 5 stars">★</span>`,
          )
          .join('')}</div>`
      : '';
    code = buildSync({
      stdin: {
        contents: `import { LitElement, html } from 'lit';
          customElements.define('bare-lit', class extends LitElement {
            render() { return html\`<form>${starMarkup}<textarea aria-label="Message"></textarea></form>\`; }
          });`,
        resolveDir: root,
      },
      bundle: true,
      format: 'esm',
      minify: true,
      write: false,
      conditions: ['production'],
    }).outputFiles[0]!.text;
    bareLitCode.set(stars, code);
  }
  return code;
}

const gzippedFiles = new Map<string, Buffer>();
/** `file` gzipped at level 9, kept until the file changes (compressing costs no time per request). */
export function gzipped(file: string): Buffer {
  const key = `${file} ${statSync(file).mtimeMs}`;
  let body = gzippedFiles.get(key);
  if (!body) gzippedFiles.set(key, (body = gzipSync(readFileSync(file), { level: 9 })));
  return body;
}

/**
 * Runs in the page before anything else: on every animation frame, looks for a textarea with
 * a size (through open shadow roots) and records `performance.now()` of the first frame that
 * has one, the frame in which it is painted, as `window.__textareaAt` and as a user-timing mark
 * `textarea` (for traces). Same probe for every page.
 */
export const PROBE = `(() => {
  const find = (root) => {
    for (const t of root.querySelectorAll('textarea')) { const r = t.getBoundingClientRect(); if (r.width > 0 && r.height > 0) return t; }
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) { const t = find(el.shadowRoot); if (t) return t; }
    return null;
  };
  const tick = () => {
    if (document.documentElement && find(document)) { window.__textareaAt = performance.now(); performance.mark('textarea'); return; }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

/** One browser-level CDP session per browser, for `settle`. */
const browserSessions = new WeakMap<Browser, CDPSession>();

/**
 * Waits until the browser has stopped working on its own, before a measured load.
 *
 * Every new context opens a window, and Chromium (156, headless) loads that window's omnibox
 * popups, two WebUI pages in a renderer of their own: about a second at 1.5–1.8 cores
 * (`SystemInfo.getProcessInfo`). On a 2-core machine a page loaded in that second shares the CPU
 * with them: 500 comments took a third longer, and every page's textarea came later. A reader's
 * browser loaded its own UI long before the article, so each bench waits until all of the
 * browser's processes together spend less than `QUIET_MS` of CPU in `STEP_MS`, twice in a row
 * (at most `MAX_MS`). Every page compared is loaded the same way.
 */
export async function settle(browser: Browser): Promise<void> {
  const QUIET_MS = 15;
  const STEP_MS = 100;
  const MAX_MS = 5000;
  let cdp = browserSessions.get(browser);
  if (!cdp) browserSessions.set(browser, (cdp = await browser.newBrowserCDPSession()));
  const session = cdp;
  const cpuSeconds = async () => {
    const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as { processInfo: { cpuTime: number }[] };
    return processInfo.reduce((sum, process) => sum + process.cpuTime, 0);
  };
  let last = await cpuSeconds();
  for (let waited = 0, quiet = 0; quiet < 2 && waited < MAX_MS; waited += STEP_MS) {
    await new Promise((resolve) => setTimeout(resolve, STEP_MS));
    const now = await cpuSeconds();
    quiet = (now - last) * 1000 < QUIET_MS ? quiet + 1 : 0;
    last = now;
  }
}

/**
 * CDP's `TaskDuration` of `page`'s main thread over `run`, in ms: the wall time of its tasks
 * (script, style, layout, paint), the figure #24's list target is judged by. The browser is
 * settled first (`settle`); the page's metrics are read right before and right after `run`.
 * What `run` itself finds out, it hands back through its own closure.
 */
export async function taskTime(page: Page, run: () => Promise<unknown>): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async () =>
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')!.value * 1000;
  try {
    await settle(page.context().browser()!);
    const before = await read();
    await run();
    return (await read()) - before;
  } finally {
    await cdp.detach();
  }
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** A Chromium trace event, as much of it as the benches read. */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/**
 * The time of a renderer main thread's tasks in a trace, in ms: its outermost `RunTask` events
 * (a task inside another is counted with it) that start in [from, to), a task that runs past
 * `to` in proportion. `wall` is their duration; `cpu` their thread time, without the waits for
 * the CPU (on two cores Chromium's other processes and the bench's own Node take it in turns).
 */
export function mainThreadTaskTime(
  events: readonly TraceEvent[],
  onThread: (e: TraceEvent) => boolean,
  from = -Infinity,
  to = Infinity,
): { wall: number; cpu: number } {
  const tasks = events
    .filter((e) => e.ph === 'X' && /RunTask$/.test(e.name) && onThread(e) && e.ts >= from && e.ts < to)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  let wall = 0;
  let cpu = 0;
  let end = -Infinity; // of the last outermost task
  for (const task of tasks) {
    if (task.ts < end) continue;
    const dur = task.dur ?? 0;
    end = task.ts + dur;
    const share = dur > 0 ? Math.min(1, (to - task.ts) / dur) : 1;
    wall += dur * share;
    cpu += (task.tdur ?? 0) * share;
  }
  return { wall: wall / 1000, cpu: cpu / 1000 };
}

/**
 * `n` published comments of the thread `bench`, newest first as the server lists them: every
 * fifth replies to the thread before it, a third are rated, messages of one to four sentences.
 */
export function fakeComments(n: number): unknown[] {
  const out: {
    id: string;
    thread: string;
    parent: string | null;
    name: string;
    message: string;
    rating: number | null;
    createdAt: string;
    status: string;
  }[] = [];
  const start = Date.parse('2026-01-01T00:00:00Z');
  let lastTop = '';
  for (let i = 0; i < n; i++) {
    const id = `c${String(i).padStart(5, '0')}`;
    const parent = i % 5 === 4 && lastTop ? lastTop : null; // every fifth is a reply
    if (!parent) lastTop = id;
    out.push({
      id,
      thread: 'bench',
      parent,
      name: `Reader ${i}`,
      message: `Comment number ${i}. ${'A sentence of a thoughtful, medium-length reply about the article. '.repeat(1 + (i % 4))}`,
      rating: i % 3 === 0 ? 1 + (i % 5) : null,
      createdAt: new Date(start + i * 60_000).toISOString(),
      status: 'published',
    });
  }
  return out.reverse();
}

/**
 * The page-side script of the 500-comment figures (bench/run.ts, bench/list-ab.ts): appends a
 * `<comment-list>` of the thread `bench` on `endpoint`, and resolves, once all 500 are painted,
 * with the times from `createElement` to the frame that paints the first comments (`first`) and
 * the last (`wall`), and the longest task on the way (`longest`: PerformanceObserver 'longtask',
 * over 50 ms only). A string, not a function: tsx would wrap named helpers in a `__name` the
 * page lacks.
 */
export function renderListScript(endpoint: string): string {
  return `(async () => {
    const count = (el) => el.shadowRoot?.querySelectorAll('[part~="comment"]').length ?? 0;
    let longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longest = Math.max(longest, e.duration);
    }).observe({ type: 'longtask' });
    const t0 = performance.now();
    const el = document.createElement('comment-list');
    el.setAttribute('endpoint', ${JSON.stringify(endpoint)});
    el.setAttribute('thread', 'bench');
    el.setAttribute('page-size', '100');
    document.body.append(el);
    let first = 0;
    while (count(el) < 500) {
      await new Promise((r) => requestAnimationFrame(r));
      if (!first && count(el) > 0) {
        await new Promise((r) => requestAnimationFrame(r)); // the frame that paints them
        first = performance.now() - t0;
      }
    }
    await new Promise((r) => requestAnimationFrame(r)); // the frame that paints it
    await new Promise((r) => setTimeout(r, 0)); // the observer's last entries
    return { wall: performance.now() - t0, first, longest };
  })()`;
}

/**
 * The text of each style sheet `<comment-list>` has adopted (its own, the tokens, the reader
 * module's), from a page where it has rendered: what the list's floor (bench/run.ts) and
 * bench/list-prototype.ts style their copies with.
 */
export function listStyleSheets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    document
      .querySelector('comment-list')!
      .shadowRoot!.adoptedStyleSheets.map((sheet) => [...sheet.cssRules].map((rule) => rule.cssText).join('\n')),
  );
}

/**
 * Page-side source of a function `(sheets) => shadowRoot`: a new `<div>` appended to the body,
 * with an open shadow root that has adopted `sheets` (the texts of `listStyleSheets`), as
 * constructed style sheets. For the page scripts that stand in for the list (a string, as
 * `renderListScript`).
 */
export const NEW_SHADOW_ROOT = `(sheets) => {
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = sheets.map((text) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    return sheet;
  });
  return root;
}`;
