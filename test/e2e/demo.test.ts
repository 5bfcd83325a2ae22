/**
 * The demo pages the server itself serves at `/` (same origin, the server's own headers): the
 * sample article with the whole block, and the comment list on its own. They load without a
 * console error, a CSP violation or a third-party request, and a comment posted on the article
 * shows on the list page (both share the article's canonical thread).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startStack, type Stack } from './harness.js';

let stack: Stack;
before(async () => {
  stack = await startStack({ env: { MODERATION: 'off', CAPTCHA: 'none' } });
});
after(async () => {
  await stack?.close();
});

test('the sample article ends with the whole block; the list page shows its comments', async () => {
  const page = await stack.newPage();
  const res = await page.goto(`${stack.serverOrigin}/`);
  assert.equal(res?.status(), 200);
  await page.getByRole('heading', { level: 1, name: /last ferry of the night/ }).waitFor();
  const feedback = page.locator('article-feedback');
  await feedback.getByRole('heading', { name: 'Leave a Comment' }).waitFor();
  await feedback.getByText('Leave the first review').waitFor();

  const form = feedback.locator('comment-form').first();
  await form.getByLabel('Email', { exact: true }).fill('demo@example.com');
  await form.getByLabel('Name', { exact: true }).fill('Demo Reader');
  await form.getByLabel('Message', { exact: true }).fill('Posted on the demo article.');
  await form.getByRole('button', { name: 'Post comment' }).click();
  await feedback.locator('comment-list').getByText('Posted on the demo article.').waitFor();

  const api = await stack.getJson(`/threads/${encodeURIComponent('/demo/harbour-night-ferry')}/comments`);
  assert.equal(api.body.total, 1);

  await page.getByRole('link', { name: 'Comment list' }).click();
  await page.waitForURL(/\/list\.html$/);
  await page.locator('comment-list').getByText('Posted on the demo article.').waitFor();
  await page.locator('comment-list').getByText('1 comment', { exact: true }).waitFor();

  assert.deepEqual(stack.cspViolations, []);
  assert.deepEqual(stack.consoleErrors, []);
  assert.deepEqual(stack.foreignRequests, []);
  await page.context().close();
});
