/**
 * <comment-count> end to end (#18): the real reference server (temporary SQLite) serves
 * /comment-count.js and GET /api/counts; a front page on a second origin, under the strict CSP,
 * shows thirty counts with one request.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page, Request } from 'playwright-core';
import { startStack, type PageContext, type Stack } from './harness.js';

const STORIES = 30;
/** Stories 0–9 have comments (1–4 each), stories 0–4 ratings too; the other twenty are empty. */
const commentsOf = (i: number) => (i < 10 ? (i % 4) + 1 : 0);
const votesOf = (i: number) => (i < 5 ? [5, 4, 4].slice(0, (i % 3) + 1) : []);

function frontPage(ctx: PageContext): string {
  const lang = ctx.query.get('lang') ?? 'en';
  // `?rating=off`: counts without their rating.
  const rating = ctx.query.get('rating') === 'off' ? '' : ' rating';
  const stories = Array.from(
    { length: STORIES },
    (_, i) => `<li><h2>Story ${i}</h2>
  <a href="/stories/${i}#comments"><comment-count endpoint="${ctx.apiUrl}" thread="/stories/${i}"${rating}></comment-count></a></li>`,
  ).join('\n');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>Front page</title>
<link rel="stylesheet" href="/page.css">
<script src="/csp-watch.js"></script>
<script type="module" src="${ctx.serverOrigin}/comment-count.js"></script>
</head>
<body>
<ul>
${stories}
</ul>
</body>
</html>`;
}

let stack: Stack;

before(async () => {
  stack = await startStack({ pageHtml: frontPage });
  for (let i = 0; i < STORIES; i++) {
    for (let c = 0; c < commentsOf(i); c++) {
      const { status, body } = await stack.postComment(`/stories/${i}`, {
        name: `Reader ${c}`,
        email: `reader${c}@example.com`,
        message: `Comment ${c} on story ${i}`,
      });
      assert.equal(status, 201, JSON.stringify(body));
    }
    for (const [v, value] of votesOf(i).entries()) {
      const res = await fetch(`${stack.apiUrl}/threads/${encodeURIComponent(`/stories/${i}`)}/rating`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', Origin: stack.pageOrigin },
        body: JSON.stringify({ value, voter: `voter-${i}-${v}-abcdef` }),
      });
      assert.equal(res.status, 200, await res.text());
    }
  }
});

after(async () => {
  await stack?.close();
});

/** The page's `/api/counts` requests, recorded from the start. */
function countsRequests(page: Page): Request[] {
  const seen: Request[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('/api/counts')) seen.push(request);
  });
  return seen;
}

/** The page's requests for the count's on-demand chunks (`/count/…`: the rating, other languages). */
function chunkRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/count/')) seen.push(pathname);
  });
  return seen;
}

/** Every count's shown text, once none is loading any more. */
async function shownCounts(page: Page): Promise<string[]> {
  await page.waitForFunction(
    (n) => {
      const els = [...document.querySelectorAll('comment-count')];
      return els.length === n && els.every((el) => el.shadowRoot && el.shadowRoot.textContent !== '…');
    },
    STORIES,
    { timeout: 10_000 },
  );
  return page
    .locator('comment-count')
    .evaluateAll((els) => els.map((el) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim()));
}

/**
 * The front page at `path`, loaded in a new page with the logs cleared, its `/api/counts`
 * requests and chunk requests recorded from the start (`prepare` runs before the navigation:
 * routes, say), once no count is loading any more.
 */
async function openFront(path: string, prepare?: (page: Page) => Promise<void>) {
  stack.clearLogs();
  const page = await stack.newPage();
  const requests = countsRequests(page);
  const chunks = chunkRequests(page);
  await prepare?.(page);
  await page.goto(stack.urlFor(path));
  return { page, requests, chunks, texts: await shownCounts(page) };
}

/** Story i's "N comments" in English. */
function commentsText(i: number): string {
  const n = commentsOf(i);
  return `${n} ${n === 1 ? 'comment' : 'comments'}`;
}

function expectedEnglish(i: number): string {
  const votes = votesOf(i);
  const comments = commentsText(i);
  if (!votes.length) return comments;
  return `${comments} · ★ ${(votes.reduce((a, b) => a + b, 0) / votes.length).toFixed(1)}`;
}

test('thirty counts on a front page: one request, the right numbers, names a screen reader can say', async () => {
  const { page, requests, chunks, texts } = await openFront('/front');
  assert.deepEqual(
    texts,
    Array.from({ length: STORIES }, (_, i) => expectedEnglish(i)),
  );
  // The rating's part is its own chunk, fetched once for the thirty; English needs no other.
  assert.equal(chunks.length, 1, chunks.join('\n'));
  assert.match(chunks[0]!, /^\/count\/rating-[\w-]+\.js$/);
  assert.equal(texts[0], '1 comment · ★ 5.0');
  assert.equal(texts[1], '2 comments · ★ 4.5');
  assert.equal(texts[29], '0 comments');

  assert.equal(requests.length, 1, requests.map((r) => r.url()).join('\n'));
  const asked = new URL(requests[0]!.url()).searchParams.getAll('thread');
  assert.deepEqual(
    asked,
    Array.from({ length: STORIES }, (_, i) => `/stories/${i}`),
  );

  // The link's accessible name: the count, then the rating as a sentence; never a bare star.
  await page.getByRole('link', { name: '2 comments Rated 4.5 out of 5 by 2 readers', exact: true }).waitFor();
  await page.getByRole('link', { name: '1 comment Rated 5.0 out of 5 by 1 reader', exact: true }).waitFor();
  await page.getByRole('link', { name: '0 comments', exact: true }).first().waitFor();
  const tree = await page.locator('ul').ariaSnapshot();
  assert.doesNotMatch(tree, /★/);

  // Counts added later (an infinite scroll) come in one more request.
  await page.evaluate((api) => {
    const list = document.querySelector('ul')!;
    for (const thread of ['/stories/3', '/later/a', '/later/b']) {
      const el = document.createElement('comment-count');
      el.setAttribute('endpoint', api);
      el.setAttribute('thread', thread);
      list.append(el);
    }
  }, stack.apiUrl);
  await page.waitForFunction(() => {
    const last = [...document.querySelectorAll('comment-count')].slice(-3);
    return last.every((el) => el.shadowRoot && el.shadowRoot.textContent !== '…');
  });
  const later = await page
    .locator('comment-count')
    .evaluateAll((els) => els.slice(-3).map((el) => el.shadowRoot?.textContent ?? ''));
  assert.deepEqual(later, ['4 comments', '0 comments', '0 comments']);
  assert.equal(requests.length, 2);
  assert.deepEqual(new URL(requests[1]!.url()).searchParams.getAll('thread'), ['/stories/3', '/later/a', '/later/b']);

  assert.deepEqual(stack.cspViolations, []);
  assert.deepEqual(stack.consoleErrors, []);
  assert.deepEqual(stack.foreignRequests, []);
});

test('counts without `rating` load the entry alone: no chunk, the same numbers', async () => {
  const { chunks, texts } = await openFront('/front?rating=off');
  assert.deepEqual(
    texts,
    Array.from({ length: STORIES }, (_, i) => commentsText(i)),
  );
  assert.deepEqual(chunks, []);
  assert.deepEqual(stack.consoleErrors, []);
});

test('a German front page fetches the German catalogue from the server, under the CSP', async () => {
  const { page, requests, texts } = await openFront('/front?lang=de');
  assert.equal(texts[0], '1 Kommentar · ★ 5,0');
  assert.equal(texts[1], '2 Kommentare · ★ 4,5');
  assert.equal(texts[29], '0 Kommentare');
  await page
    .getByRole('link', { name: '2 Kommentare Durchschnittlich 4,5 von 5 Sternen bei 2 Bewertungen', exact: true })
    .waitFor();
  assert.equal(requests.length, 1);
  assert.deepEqual(stack.cspViolations, []);
  assert.deepEqual(stack.consoleErrors, []);
});

test('counts and the rating chunk both unreachable: every count shows nothing, and nothing is left uncaught', async () => {
  const { page, texts } = await openFront('/front', async (unreachable) => {
    await unreachable.route(/\/api\/counts\?/, (route) => route.abort());
    await unreachable.route(/\/count\/rating-[^/]*\.js$/, (route) => route.abort());
  });
  assert.deepEqual(texts, Array(STORIES).fill(''));
  // Failed loads are logged by the browser itself; an unhandled rejection would be ours.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
  assert.deepEqual(
    stack.consoleErrors.filter((line) => /uncaught/i.test(line)),
    [],
  );
});
