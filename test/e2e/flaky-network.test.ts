/**
 * The reader's side of a bad network, end to end: the real server, the built widget on a
 * second origin under the strict CSP, and Playwright standing between them on the comment POST.
 * The first attempt is dropped, the second gets a 500, the third reaches the server (which
 * stores the comment) but its answer is held past the client's timeout (15 s in
 * src/client/api.ts). Through all of it the reader's words stay in the form and in
 * localStorage, also across a reload, and every attempt carries the same Idempotency-Key — so
 * the final retry, with the network healthy again, stores exactly ONE copy.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page, Route } from 'playwright-core';
import { startStack, type Stack } from './harness.js';

const THREAD = '/articles/flaky-network';
const FAILED = 'Your comment could not be sent. It is saved here — try again.';
const CLIENT_TIMEOUT_MS = 15_000;
const MESSAGE = 'Written on a train.\n\nThe tunnel comes right after this sentence — please keep it.';

type Mode = 'abort' | 'error500' | 'hold' | 'pass';

describe('flaky network: the reader keeps their words, the server keeps one copy', { timeout: 120_000 }, () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack();
  });
  after(async () => {
    await stack?.close();
  });

  const form = (page: Page): Locator => page.locator('comment-form').first();
  const field = (page: Page, name: 'Email' | 'Name' | 'Message') => form(page).getByRole('textbox', { name });

  async function expectWordsKept(page: Page): Promise<void> {
    assert.equal(await field(page, 'Email').inputValue(), 'commuter@example.com');
    assert.equal(await field(page, 'Name').inputValue(), 'Kai Commuter');
    assert.equal(await field(page, 'Message').inputValue(), MESSAGE);
    const stored = await page.evaluate((thread) => localStorage.getItem(`article-feedback:draft:${thread}`), THREAD);
    assert.ok(stored, 'no draft in localStorage');
    const draft = JSON.parse(stored) as { name: string; email: string; message: string };
    assert.deepEqual(
      { name: draft.name, email: draft.email, message: draft.message },
      { name: 'Kai Commuter', email: 'commuter@example.com', message: MESSAGE },
    );
  }

  async function storedCount(): Promise<{ total: number; messages: string[] }> {
    const res = await stack.getJson(`/threads/${encodeURIComponent(THREAD)}/comments`);
    assert.equal(res.status, 200);
    return {
      total: res.body.total as number,
      messages: (res.body.comments as { message: string }[]).map((c) => c.message),
    };
  }

  it('dropped, 500, answer held past the timeout, reload, retry → exactly one comment', async () => {
    const context = await stack.newContext();
    const page = await context.newPage();
    let mode: Mode = 'abort';
    const keys: string[] = [];
    const seen: Mode[] = [];
    const routeHandler = async (route: Route) => {
      const request = route.request();
      if (request.method() !== 'POST') return route.fallback();
      keys.push(request.headers()['idempotency-key'] ?? '');
      seen.push(mode);
      if (mode === 'abort') return route.abort('connectionreset');
      if (mode === 'error500') {
        return route.fulfill({
          status: 500,
          contentType: 'application/json',
          headers: { 'Access-Control-Allow-Origin': stack.pageOrigin },
          body: JSON.stringify({
            error: 'internal',
            message: 'Something went wrong on the server. Please try again later.',
          }),
        });
      }
      if (mode === 'hold') {
        // The server gets the request and stores the comment; the reader never hears back.
        const response = await route.fetch();
        await new Promise((r) => setTimeout(r, CLIENT_TIMEOUT_MS + 2_000));
        return route.fulfill({ response }).catch(() => {});
      }
      return route.fallback();
    };
    await context.route(`${stack.apiUrl}/threads/**`, routeHandler);

    await page.goto(stack.urlFor(THREAD));
    await field(page, 'Email').fill('commuter@example.com');
    await field(page, 'Name').fill('Kai Commuter');
    await field(page, 'Message').fill(MESSAGE);

    // 1. The request is dropped.
    await form(page).getByRole('button', { name: 'Post comment' }).click();
    await form(page).getByRole('alert').filter({ hasText: FAILED }).waitFor({ timeout: 10_000 });
    await expectWordsKept(page);
    assert.equal((await storedCount()).total, 0);

    // 2. A reload (the reader closes the tab and comes back): the words are restored.
    await page.reload();
    await field(page, 'Message').waitFor();
    await expectWordsKept(page);

    // 3. The server answers 500.
    mode = 'error500';
    await form(page).getByRole('button', { name: 'Post comment' }).click();
    await form(page).getByRole('alert').filter({ hasText: FAILED }).waitFor({ timeout: 10_000 });
    await expectWordsKept(page);
    assert.equal((await storedCount()).total, 0);

    // 4. The comment reaches the server, the answer does not reach the reader in time.
    mode = 'hold';
    const t0 = Date.now();
    await form(page).getByRole('button', { name: 'Try again' }).click();
    await form(page)
      .getByRole('alert')
      .filter({ hasText: FAILED })
      .waitFor({ timeout: CLIENT_TIMEOUT_MS + 15_000 });
    assert.ok(Date.now() - t0 >= CLIENT_TIMEOUT_MS - 500, `gave up after ${Date.now() - t0} ms`);
    await expectWordsKept(page);
    assert.equal((await storedCount()).total, 1, 'the held request was stored by the server');

    // 5. The network is fine again; the reader retries once more.
    mode = 'pass';
    await form(page).getByRole('button', { name: 'Try again' }).click();
    await form(page)
      .getByRole('status')
      .filter({ hasText: 'Thank you! Your comment is published.' })
      .waitFor({ timeout: 10_000 });

    assert.deepEqual(seen, ['abort', 'error500', 'hold', 'pass']);
    assert.equal(new Set(keys).size, 1, `different Idempotency-Keys: ${keys.join(', ')}`);
    assert.match(keys[0]!, /^[A-Za-z0-9_.:-]{8,128}$/);

    const after = await storedCount();
    assert.equal(after.total, 1, 'the retry stored a second copy');
    assert.deepEqual(after.messages, [MESSAGE]);
    // Shown once in the list, and the draft is gone now that the server has the words.
    await page.waitForFunction(
      () => {
        const list = document.querySelector('article-feedback')?.shadowRoot?.querySelector('comment-list');
        return (list?.shadowRoot?.querySelectorAll('article[part~="comment"]').length ?? 0) === 1;
      },
      undefined,
      { timeout: 10_000 },
    );
    assert.equal(
      await page.evaluate((thread) => localStorage.getItem(`article-feedback:draft:${thread}`), THREAD),
      null,
    );
    assert.equal(await field(page, 'Message').inputValue(), '');
    console.log(
      `# flaky network: 4 attempts (dropped, 500, held ${CLIENT_TIMEOUT_MS / 1000}+ s, ok) with one Idempotency-Key → ${after.total} comment stored`,
    );
    await context.unroute(`${stack.apiUrl}/threads/**`, routeHandler);
  });
});
