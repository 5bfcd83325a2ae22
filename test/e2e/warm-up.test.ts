/**
 * The form's first-touch modules are fetched once the form is on screen and the page is idle
 * (#24 "first touch without a wait"): the first hint then needs no network. A form the reader
 * has not scrolled to costs nothing more until it comes into view.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { defaultArticle, startStack, type PageContext, type Stack } from './harness.js';

const TIMEOUT = 15_000;
const FIRST_TOUCH = /\/chunks\/(checks)-[^/]+\.js$/;

/** An article whose block starts three screens down (the spacer's height is in /tall.css). */
function longArticle(ctx: PageContext): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>A long article</title>
<link rel="stylesheet" href="/tall.css">
<script src="/csp-watch.js"></script>
<script type="module" src="${ctx.serverOrigin}/article-feedback.js"></script>
</head>
<body>
<div class="spacer">The article's long text.</div>
${defaultArticle(ctx)}
</body>
</html>`;
}

let stack: Stack;

before(async () => {
  stack = await startStack({
    pageHtml: (ctx) => (ctx.path.startsWith('/long/') ? longArticle(ctx) : defaultArticle(ctx)),
    files: { '/tall.css': { type: 'text/css', body: '.spacer { height: 300vh; }\n' } },
  });
});
after(() => stack.close());

/** The first-touch chunks the page has requested so far, by name (`checks`). */
function watchFirstTouch(page: Page): Set<string> {
  const seen = new Set<string>();
  page.on('request', (request) => {
    const name = FIRST_TOUCH.exec(new URL(request.url()).pathname)?.[1];
    if (name) seen.add(name);
  });
  return seen;
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (const start = Date.now(); !check(); await new Promise((resolve) => setTimeout(resolve, 50)))
    if (Date.now() - start > TIMEOUT) throw new Error(`timed out: ${what}`);
}

test('a form on screen fetches its checks before the first touch, and the first hint needs no request', async () => {
  const page = await stack.newPage();
  const seen = watchFirstTouch(page);
  await page.goto(stack.urlFor('/articles/warm'));
  await until(() => seen.has('checks'), 'the first-touch chunks, without a touch');

  const afterLoad = seen.size;
  const requestsAtTouch: string[] = [];
  page.on('request', (request) => requestsAtTouch.push(new URL(request.url()).pathname));
  const email = page.locator('comment-form input[name="email"]');
  await email.focus();
  await email.pressSequentially('not an address');
  await page.keyboard.press('Tab');
  await page.getByText('Please enter a valid email address.').waitFor({ timeout: TIMEOUT });
  assert.equal(seen.size, afterLoad);
  assert.deepEqual(
    requestsAtTouch.filter((path) => FIRST_TOUCH.test(path)),
    [],
    'no first-touch chunk is requested at the touch',
  );
  assert.deepEqual(stack.consoleErrors, []);
  await page.close();
});

test('a form below the fold fetches nothing more until it is scrolled into view', async () => {
  const page = await stack.newPage();
  const seen = watchFirstTouch(page);
  await page.goto(stack.urlFor('/long/warm'));
  await page.locator('comment-form textarea').waitFor({ state: 'attached', timeout: TIMEOUT });
  // Idle for a while with the form three screens down: nothing is fetched for it.
  await page.waitForTimeout(1_500);
  assert.deepEqual([...seen], []);

  await page.locator('comment-form textarea').scrollIntoViewIfNeeded();
  await until(() => seen.has('checks'), 'the first-touch chunks once the form is seen');
  assert.deepEqual(stack.consoleErrors, []);
  assert.deepEqual(stack.cspViolations, []);
  await page.close();
});
