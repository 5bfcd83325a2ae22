/**
 * Proof-of-work captcha end to end (SPEC §4): the real server with CAPTCHA=pow, the article on
 * a second origin under a strict CSP, headless Chromium. The reader writes a comment; the
 * widget solves the challenge in a Blob Web Worker; the server verifies and stores the comment.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { startStack, strictCsp, type Stack } from './harness.js';

async function writeComment(page: Page, message: string): Promise<void> {
  const form = page.locator('comment-form').first();
  await form.getByRole('textbox', { name: 'Email' }).fill('reader@example.com');
  await form.getByRole('textbox', { name: 'Name' }).fill('Careful Reader');
  await form.getByRole('textbox', { name: 'Message' }).fill(message);
}

async function storedMessages(stack: Stack, thread: string): Promise<string[]> {
  const res = await stack.getJson(`/threads/${encodeURIComponent(thread)}/comments`);
  assert.equal(res.status, 200);
  return (res.body.comments as { message: string }[]).map((c) => c.message);
}

describe('proof-of-work captcha under the strict CSP of a cross-origin page', () => {
  let stack: Stack;

  before(async () => {
    stack = await startStack({ env: { CAPTCHA: 'pow', MODERATION: 'off' } });
  });
  after(async () => {
    await stack?.close();
  });

  test('the worker solves in the background, the comment is stored, no CSP violation', async () => {
    stack.clearLogs();
    const page = await stack.newPage();
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await page.goto(stack.urlFor('/articles/pow-one'));

    const form = page.locator('comment-form').first();
    const status = form.locator('af-captcha [role="status"]');
    await form.getByRole('textbox', { name: 'Email' }).waitFor();
    // Nothing before the reader touches the form: the captcha's code is not even loaded yet
    // (the form imports it on the first focus/input), so there is no status line at all.
    assert.equal(await status.count(), 0, 'nothing before the reader touches the form');
    assert.equal(
      await page.evaluate(() => customElements.get('af-captcha') === undefined),
      true,
      'captcha code not loaded before the touch',
    );

    await form.getByRole('textbox', { name: 'Email' }).focus();
    await page.waitForFunction(
      () => {
        const form = document.querySelector('article-feedback')?.shadowRoot?.querySelector('comment-form');
        const text =
          form?.shadowRoot?.querySelector('af-captcha')?.shadowRoot?.querySelector('[role="status"]')?.textContent ??
          '';
        return /Verified/.test(text);
      },
      undefined,
      { timeout: 30_000 },
    );
    assert.match((await status.textContent()) ?? '', /Verified/);
    assert.ok(
      workers.some((url) => url.startsWith('blob:')),
      `a blob: worker ran (workers: ${workers.join(', ')})`,
    );

    await writeComment(page, 'Solved by a worker under a strict CSP.');
    await form.getByRole('button', { name: 'Post comment' }).click();
    await form.getByText('Thank you! Your comment is published.').waitFor({ timeout: 15_000 });

    assert.deepEqual(await storedMessages(stack, '/articles/pow-one'), ['Solved by a worker under a strict CSP.']);
    // After the post the widget fetched a new challenge for the next comment.
    await page.waitForFunction(() => {
      const form = document.querySelector('article-feedback')?.shadowRoot?.querySelector('comment-form');
      return /Verified/.test(
        form?.shadowRoot?.querySelector('af-captcha')?.shadowRoot?.querySelector('[role="status"]')?.textContent ?? '',
      );
    });
    assert.deepEqual(stack.cspViolations, []);
    assert.deepEqual(stack.foreignRequests, [], 'the proof-of-work makes no third-party request');
    assert.deepEqual(stack.consoleErrors, []);
  });

  test('submitting at once waits for the solve and posts', async () => {
    stack.clearLogs();
    const page = await stack.newPage();
    await page.goto(stack.urlFor('/articles/pow-two'));
    await writeComment(page, 'Sent before the captcha had finished.');
    const form = page.locator('comment-form').first();
    await form.getByRole('button', { name: 'Post comment' }).click();
    await form.getByText('Thank you! Your comment is published.').waitFor({ timeout: 30_000 });
    assert.deepEqual(await storedMessages(stack, '/articles/pow-two'), ['Sent before the captcha had finished.']);
    assert.deepEqual(stack.cspViolations, []);
  });

  test('a bot posting to the API without a solution is refused', async () => {
    const res = await stack.postComment('/articles/pow-bot', {
      name: 'Bot',
      email: 'bot@example.com',
      message: 'spam',
    });
    assert.equal(res.status, 422);
    assert.equal(res.body.fields.captcha, 'captcha.required');
    const forged = Buffer.from(
      JSON.stringify({
        algorithm: 'SHA-256',
        challenge: 'a'.repeat(64),
        number: 1,
        salt: 'x?expires=9999999999&',
        signature: 'b'.repeat(64),
      }),
    ).toString('base64');
    const res2 = await stack.postComment('/articles/pow-bot', {
      name: 'Bot',
      email: 'bot@example.com',
      message: 'spam',
      captcha: forged,
    });
    assert.equal(res2.status, 403);
    assert.deepEqual(await storedMessages(stack, '/articles/pow-bot'), []);
  });
});

describe('proof-of-work when the page CSP refuses blob: workers', () => {
  let stack: Stack;

  before(async () => {
    stack = await startStack({
      env: { CAPTCHA: 'pow', MODERATION: 'off' },
      // The strict policy minus `blob:` in worker-src: the worker is refused.
      csp: ({ serverOrigin }) =>
        strictCsp(serverOrigin).replace(`worker-src 'self' blob: ${serverOrigin}`, "worker-src 'self'"),
    });
  });
  after(async () => {
    await stack?.close();
  });

  test('the main-thread fallback solves and the comment is stored', async () => {
    stack.clearLogs();
    const page = await stack.newPage();
    await page.goto(stack.urlFor('/articles/pow-fallback'));
    await writeComment(page, 'Solved on the main thread.');
    const form = page.locator('comment-form').first();
    await form.getByRole('button', { name: 'Post comment' }).click();
    await form.getByText('Thank you! Your comment is published.').waitFor({ timeout: 30_000 });
    assert.deepEqual(await storedMessages(stack, '/articles/pow-fallback'), ['Solved on the main thread.']);
    // The only violation is the refused worker itself.
    assert.ok(stack.cspViolations.length > 0, 'the policy did refuse the worker');
    for (const v of stack.cspViolations) {
      assert.match(v, /worker-src/);
      assert.match(v, /blob/);
    }
  });
});
