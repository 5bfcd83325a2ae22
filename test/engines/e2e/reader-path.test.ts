/**
 * The reader's path in Firefox ESR and WebKit, end to end: the real server (its own process, a
 * temporary SQLite file) serves the script-tag bundle; the article page comes from a second origin
 * under the strict Content-Security-Policy of test/e2e/harness.ts. Per engine: hints on an empty
 * submit, "Looks good!" once fixed, a vote, a post, a reply, a reload that shows them all again.
 * The same path runs in Chromium in test/e2e/reader.test.ts and rating.test.ts.
 *
 * One engine alone: AF_ENGINE=firefox (or webkit) node --import tsx --test test/engines/e2e/reader-path.test.ts
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { defaultArticle, strictCsp } from '../../e2e/harness.js';
import {
  chosenEngines,
  openEngine,
  waitFor,
  type ElementPath,
  type EnginePage,
  type EngineSession,
} from '../../helpers/engine-pages.js';
import { startServerProcess, type ServerProcess } from '../../helpers/server-process.js';

const FORM = ['article-feedback', 'comment-form'] as const;
const LIST = ['article-feedback', 'comment-list'] as const;
const RATING = ['article-feedback', 'article-rating'] as const;
const field = (name: string): ElementPath => [...FORM, `[name="${name}"]`];

/** Page-side: what a reader sees inside the element at `args[0]` (its shadow root), whitespace folded. */
const TEXT_IN = `const el = find(args[0]); if (!el) return null;
  return (el.shadowRoot || el).textContent.replace(/\\s+/g, ' ').trim();`;

/** Page-side: does the element at `args[0]` (its shadow root) show the text `args[1]`? */
const SHOWS = `const el = find(args[0]);
  return !!el && (el.shadowRoot || el).textContent.replace(/\\s+/g, ' ').includes(args[1]);`;

/**
 * Page-side: the comments the list shows, `[name, level, message]`, in document order; the level
 * is the indentation a reader sees, how many list items hold the comment (at most 3).
 */
const LISTED = `const list = find(args[0]);
  return [...list.shadowRoot.querySelectorAll('article[part="comment"]')].map((a) => [
    a.querySelector('.name').textContent.trim(),
    (function depth(el) { return el ? 1 + depth(el.parentElement && el.parentElement.closest('li')) : 0; })(a.closest('li')),
    a.querySelector('.message').textContent.trim(),
  ]);`;

/** Page-side: has the list finished loading? */
const LIST_LOADED = `const list = find(args[0]);
  return !!list && !!list.shadowRoot && !!list.shadowRoot.querySelector('section[aria-busy="false"]');`;

/** Page-side: the `name` of the focused control, through shadow roots. */
const FOCUSED_NAME = `let active = document.activeElement;
  while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
  return active ? active.getAttribute('name') : null;`;

/** Page-side: CSP violations and uncaught errors the watch script below recorded. */
const PAGE_PROBLEMS = `return window.__afProblems || [];`;

/** Loaded first by the page (an external file: the CSP allows no inline script). */
const WATCH_SCRIPT = `window.__afProblems = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__afProblems.push('CSP ' + e.violatedDirective + ' ' + (e.blockedURI || '(inline)'));
}, true);
window.addEventListener('error', (e) => window.__afProblems.push('uncaught ' + e.message));
window.addEventListener('unhandledrejection', (e) => window.__afProblems.push('unhandled ' + String(e.reason)));
`;

interface Stack {
  server: ServerProcess;
  pageOrigin: string;
  /** Violation reports the engines POSTed to the CSP's report-uri (also for what no script saw). */
  cspReports: string[];
  close(): Promise<void>;
}

/** The server process and the article page on a second origin, under the strict CSP plus a report-uri. */
async function startStack(): Promise<Stack> {
  let pageOrigin = '';
  let serverOrigin = '';
  let apiUrl = '';
  const cspReports: string[] = [];
  const pages: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', pageOrigin);
    if (url.pathname === '/csp-report') {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        cspReports.push(body);
        res.writeHead(204).end();
      });
      return;
    }
    const headers = {
      'Content-Security-Policy': `${strictCsp(serverOrigin)}; report-uri ${pageOrigin}/csp-report`,
      'Cache-Control': 'no-store',
    };
    if (url.pathname === '/watch.js') {
      res.writeHead(200, { ...headers, 'Content-Type': 'text/javascript' }).end(WATCH_SCRIPT);
      return;
    }
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204, headers).end();
      return;
    }
    const ctx = { serverOrigin, apiUrl, pageOrigin, path: url.pathname, query: url.searchParams };
    res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' }).end(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Engines article</title>
<script src="/watch.js"></script>
<script type="module" src="${serverOrigin}/article-feedback.js"></script>
</head>
<body>
${defaultArticle(ctx)}
</body>
</html>`);
  });
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
  pageOrigin = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
  const server = await startServerProcess({
    env: { MODERATION: 'off', CAPTCHA: 'none', RATE_LIMIT_WRITES: '0', ALLOWED_ORIGINS: pageOrigin },
  });
  serverOrigin = new URL(server.url).origin;
  apiUrl = server.apiUrl.replace(/\/+$/, '');
  return {
    server,
    pageOrigin,
    cspReports,
    async close() {
      const closed = new Promise<void>((resolve) => pages.close(() => resolve()));
      pages.closeAllConnections();
      await closed;
      await server.stop();
    },
  };
}

async function apiGet(stack: Stack, path: string): Promise<any> {
  const res = await fetch(stack.server.apiUrl + path, {
    headers: { Accept: 'application/json', Origin: stack.pageOrigin },
  });
  assert.equal(res.status, 200, `GET ${path}`);
  return res.json();
}

function textIn(page: EnginePage, path: ElementPath): Promise<string | null> {
  return page.run<string | null>(TEXT_IN, path);
}

async function waitForText(page: EnginePage, path: ElementPath, text: string): Promise<void> {
  await waitFor(page, `"${text}" in ${path.join(' » ')}`, SHOWS, path, text);
}

for (const engine of chosenEngines()) {
  describe(`reader path in ${engine}`, () => {
    let stack: Stack;
    let session: EngineSession;
    before(async () => {
      [stack, session] = await Promise.all([startStack(), openEngine(engine)]);
    });
    after(async () => {
      await session?.close();
      await stack?.close();
    });

    test('hints, "Looks good!", a vote, a post, a reply, and all of it again after a reload', async () => {
      const thread = `/articles/${engine}`;
      const page = await session.newPage();
      await page.goto(stack.pageOrigin + thread);
      await waitFor(page, 'the comment list', LIST_LOADED, LIST);
      await waitForText(page, LIST, 'Leave the first review');
      assert.match((await textIn(page, ['article-feedback'])) ?? '', /Leave a Comment/);

      // Touch and leave the name: its hint shows, the untouched email stays quiet.
      await page.click(field('name'));
      await page.press('Tab');
      await waitForText(page, FORM, 'Please enter your name.');
      assert.doesNotMatch((await textIn(page, FORM)) ?? '', /Please enter email address\./);
      assert.equal(await page.run(`return find(args[0]).getAttribute('aria-invalid');`, field('name')), 'true');

      // Submit empty: every error, and the focus on the first invalid field.
      await page.click([...FORM, 'button[type="submit"]']);
      await waitForText(page, FORM, 'Please enter email address.');
      await waitForText(page, FORM, 'Please enter a message.');
      assert.equal(await page.run(FOCUSED_NAME), 'email');

      // Fix them: a hint turns into "Looks good!" for each of the three.
      await page.fill(field('email'), 'ana.ferry@example.com');
      await page.fill(field('name'), 'Ana Ferry');
      await page.fill(field('message'), 'Keep the late boat!');
      await page.press('Tab');
      await waitFor(
        page,
        'three "Looks good!"',
        `return (find(args[0]).shadowRoot.textContent.match(/Looks good!/g) || []).length === 3;`,
        FORM,
      );

      // A vote on the article: four stars.
      await page.click([...RATING, '[role="radio"][aria-label="4 of 5 stars"]']);
      await waitForText(page, RATING, 'Thanks for rating!');
      await waitForText(page, RATING, '4.0 · 1 rating');

      // The post, listed at once.
      await page.click([...FORM, 'button[type="submit"]']);
      await waitForText(page, FORM, 'Thank you! Your comment is published.');
      await waitForText(page, LIST, '1 comment');
      assert.deepEqual(await page.run(LISTED, LIST), [['Ana Ferry', 1, 'Keep the late boat!']]);

      // A reply in the inline form under the comment.
      await page.click([...LIST, 'button[aria-controls^="reply-"]']);
      await waitFor(page, 'the reply form', `return !!find(args[0]);`, [...LIST, 'comment-form', '[name="message"]']);
      const reply = (name: string): ElementPath => [...LIST, 'comment-form', `[name="${name}"]`];
      await page.fill(reply('email'), 'mara@example.com');
      await page.fill(reply('name'), 'Mara');
      await page.fill(reply('message'), 'The parking surcharge, in summer.');
      await page.click([...LIST, 'comment-form', 'button[type="submit"]']);
      await waitForText(page, LIST, 'The parking surcharge, in summer.');
      assert.deepEqual(await page.run(LISTED, LIST), [
        ['Ana Ferry', 1, 'Keep the late boat!'],
        ['Mara', 2, 'The parking surcharge, in summer.'],
      ]);

      // Stored for real: after a reload the server lists both, and the reader's own vote is checked.
      await page.reload();
      await waitFor(page, 'the comment list after the reload', LIST_LOADED, LIST);
      await waitForText(page, LIST, '2 comments');
      assert.deepEqual(await page.run(LISTED, LIST), [
        ['Ana Ferry', 1, 'Keep the late boat!'],
        ['Mara', 2, 'The parking surcharge, in summer.'],
      ]);
      await waitForText(page, RATING, '4.0 · 1 rating');
      assert.equal(
        await page.run(`return find(args[0]).getAttribute('aria-checked');`, [
          ...RATING,
          '[role="radio"][aria-label="4 of 5 stars"]',
        ]),
        'true',
      );

      const comments = await apiGet(stack, `/threads/${encodeURIComponent(thread)}/comments`);
      assert.deepEqual(
        comments.comments.map((c: { name: string; parent: string | null }) => [c.name, c.parent === null]).sort(),
        [
          ['Ana Ferry', true],
          ['Mara', false],
        ],
      );
      const rating = await apiGet(stack, `/threads/${encodeURIComponent(thread)}/rating`);
      assert.deepEqual([rating.count, rating.average], [1, 4]);

      assert.deepEqual(await page.run(PAGE_PROBLEMS), [], 'no CSP violation or uncaught error in the page');
      assert.deepEqual(stack.cspReports, [], 'no CSP violation reported');
    });
  });
}
