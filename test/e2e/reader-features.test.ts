/**
 * #18 end to end: formatting, votes on comments, and fixing one's own comment, with the real
 * server (its own process, a temporary SQLite file) and the built widget on a second origin
 * under the strict CSP, in headless Chromium. Nothing of our server is mocked.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { startStack, type Stack } from './harness.js';

const TIMEOUT = 15_000;

function assertClean(stack: Stack): void {
  assert.deepEqual(stack.cspViolations, [], 'no CSP violations');
  assert.deepEqual(stack.consoleErrors, [], 'no console errors');
  assert.deepEqual(stack.foreignRequests, [], 'no third-party requests');
}

/** The first (top) comment form of the block, and its fields. */
function topForm(page: Page) {
  const form = page.locator('article-feedback comment-form').first();
  return {
    form,
    email: form.getByLabel('Email', { exact: true }),
    name: form.getByLabel('Name', { exact: true }),
    message: form.getByLabel('Message', { exact: true }),
    submit: form.getByRole('button', { name: 'Post comment' }),
  };
}

/** A comment of the list by its id. */
const commentById = (page: Page, id: string): Locator => page.locator(`comment-list article[data-id="${id}"]`);

async function waitForListLoaded(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document
        .querySelector('article-feedback')
        ?.shadowRoot?.querySelector('comment-list')
        ?.shadowRoot?.querySelector('section[aria-busy="false"]'),
    undefined,
    { timeout: TIMEOUT },
  );
}

/** Posts through the form and answers the new comment's id (read from the list). */
async function postThroughForm(page: Page, message: string): Promise<string> {
  const { email, name, message: field, submit } = topForm(page);
  await email.fill('ada@example.com');
  await name.fill('Ada');
  await field.fill(message);
  await submit.click();
  await topForm(page).form.getByText('Thank you! Your comment is published.').waitFor({ timeout: TIMEOUT });
  // Newest first: the one just posted leads the list.
  const article = page.locator('comment-list article[part~="comment"]').first();
  await article.waitFor({ timeout: TIMEOUT });
  return (await article.getAttribute('data-id'))!;
}

interface Shown {
  tags: string[];
  links: { href: string; rel: string | null }[];
  text: string;
}

/** What a comment's message holds: its element names, its links, its text. */
function shown(article: Locator): Promise<Shown> {
  return article.locator('.message').evaluate((message) => ({
    tags: [...message.querySelectorAll('*')].map((e) => e.localName),
    links: [...message.querySelectorAll('a')].map((a) => ({ href: a.href, rel: a.getAttribute('rel') })),
    text: message.textContent ?? '',
  }));
}

const FORMATTED = [
  '**Bold** and *emphasis*, `code`',
  '',
  '> quoted',
  '',
  '- one',
  '- two',
  '',
  '```',
  'if (a < b) return;',
  '```',
  '',
  '[a site](https://example.com/page) and https://example.org',
].join('\n');

const HOSTILE = [
  '[x](javascript:window.__xss=1)',
  '[y](JaVaScRiPt:window.__xss=1)',
  '[z](data:text/html,<script>window.__xss=1</script>)',
  '[v](vbscript:msgbox)',
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=1</script>',
  '**<svg onload="window.__xss=1"></svg>**',
].join('\n\n');

describe('formatting, votes and editing (#18)', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ env: { MODERATION: 'off', CAPTCHA: 'none', EDIT_WINDOW_MINUTES: '15' } });
  });
  after(async () => {
    await stack?.close();
  });
  afterEach(() => {
    assertClean(stack);
  });

  test('a formatted comment: previewed, posted, rendered for every reader; the XSS corpus stays inert', async () => {
    const page = await stack.newPage();
    await page.goto(stack.urlFor('/articles/formatting'));
    await waitForListLoaded(page);
    const { form, message } = topForm(page);
    await message.fill(FORMATTED);
    const preview = form.getByRole('button', { name: 'Preview' });
    await preview.press('Enter');
    assert.equal(await preview.getAttribute('aria-pressed'), 'true');
    const region = form.getByRole('region', { name: 'Preview' });
    await region.locator('strong').waitFor({ timeout: TIMEOUT });
    assert.equal(await region.locator('blockquote').textContent(), 'quoted');

    const id = await postThroughForm(page, FORMATTED);
    const mine = commentById(page, id);
    await mine.locator('.message strong').waitFor({ timeout: TIMEOUT });
    const rendered = await shown(mine);
    for (const tag of ['strong', 'em', 'code', 'blockquote', 'ul', 'li', 'pre', 'a'])
      assert.ok(rendered.tags.includes(tag), `${tag} in ${rendered.tags.join(',')}`);
    assert.deepEqual(rendered.links, [
      { href: 'https://example.com/page', rel: 'nofollow ugc noopener' },
      { href: 'https://example.org/', rel: 'nofollow ugc noopener' },
    ]);
    assert.equal(await mine.locator('pre code').textContent(), 'if (a < b) return;');

    // Another reader gets the body from the server.
    const hostile = await stack.postComment('/articles/formatting', {
      name: 'Mallory',
      email: 'm@example.com',
      message: HOSTILE,
    });
    assert.equal(hostile.status, 201);
    const other = await stack.newPage();
    await other.goto(stack.urlFor('/articles/formatting'));
    await waitForListLoaded(other);
    await commentById(other, id).locator('.message blockquote').waitFor({ timeout: TIMEOUT });
    const evil = commentById(other, hostile.body.comment.id);
    await evil.waitFor({ timeout: TIMEOUT });
    await other.waitForTimeout(300);
    const inert = await shown(evil);
    assert.deepEqual(inert.links, [], 'no link to a refused scheme');
    assert.ok(
      inert.tags.every((t) => ['p', 'strong', 'br'].includes(t)),
      `only formatting elements: ${inert.tags.join(',')}`,
    );
    for (const words of ['[x](javascript:window.__xss=1)', '<script>window.__xss=1</script>', '<img src=x'])
      assert.ok(inert.text.includes(words), `"${words}" shown as text`);
    assert.equal(await other.evaluate(() => (window as { __xss?: unknown }).__xss), undefined);
    assert.equal(await page.evaluate(() => (window as { __xss?: unknown }).__xss), undefined);
  });

  test('votes on a comment by keyboard, counted by the server, changed and taken back', async () => {
    const thread = '/articles/votes';
    const seeded = await stack.postComment(thread, { name: 'Bo', email: 'bo@example.com', message: 'Vote on me' });
    const id = seeded.body.comment.id as string;
    const page = await stack.newPage();
    await page.goto(stack.urlFor(thread));
    await waitForListLoaded(page);
    const up = commentById(page, id).getByRole('button', { name: 'Upvote, 0 votes' });
    await up.focus();
    await page.keyboard.press('Enter');
    const pressed = commentById(page, id).getByRole('button', { name: 'Upvote, 1 vote' });
    await pressed.waitFor({ timeout: TIMEOUT });
    assert.equal(await pressed.getAttribute('aria-pressed'), 'true');
    const votesOnServer = async () => {
      const list = await stack.getJson(`/threads/${encodeURIComponent(thread)}/comments`);
      return list.body.comments.find((c: { id: string }) => c.id === id).votes;
    };
    await page.waitForTimeout(200);
    assert.deepEqual(await votesOnServer(), { up: 1, down: 0 });

    // Down with Space: the vote moves.
    await commentById(page, id).getByRole('button', { name: 'Downvote, 0 votes' }).focus();
    await page.keyboard.press('Space');
    await commentById(page, id).getByRole('button', { name: 'Downvote, 1 vote' }).waitFor({ timeout: TIMEOUT });
    await page.waitForTimeout(200);
    assert.deepEqual(await votesOnServer(), { up: 0, down: 1 });
    assert.equal(await commentById(page, id).locator('.score').textContent(), '-1');

    // Space again takes it back.
    await page.keyboard.press('Space');
    await commentById(page, id).getByRole('button', { name: 'Downvote, 0 votes' }).waitFor({ timeout: TIMEOUT });
    await page.waitForTimeout(200);
    assert.deepEqual(await votesOnServer(), { up: 0, down: 0 });

    // Best first asks the server for its order.
    const sort = page.locator('comment-list select');
    await sort.selectOption('best');
    await page.waitForFunction(
      () =>
        document
          .querySelector('article-feedback')
          ?.shadowRoot?.querySelector('comment-list')
          ?.shadowRoot?.querySelector('section[aria-busy="false"] article'),
      undefined,
      { timeout: TIMEOUT },
    );
    assert.equal(await sort.inputValue(), 'best');
  });

  test('the author edits within the window and deletes; nobody else is offered either', async () => {
    const thread = '/articles/own';
    const page = await stack.newPage();
    await page.goto(stack.urlFor(thread));
    await waitForListLoaded(page);
    const id = await postThroughForm(page, 'Helo wrld');
    const mine = commentById(page, id);
    const edit = mine.getByRole('button', { name: 'Edit', exact: true });
    await edit.waitFor({ timeout: TIMEOUT });

    await edit.click();
    const box = mine.getByRole('textbox', { name: 'Message' });
    await box.waitFor({ timeout: TIMEOUT });
    assert.equal(await box.inputValue(), 'Helo wrld');
    await box.fill('Hello **world**');
    await mine.getByRole('button', { name: 'Save' }).click();
    await mine.locator('.message strong').waitFor({ timeout: TIMEOUT });
    assert.equal((await mine.locator('.message').textContent())?.trim(), 'Hello world');
    assert.equal(await mine.locator('time.edited').textContent(), 'edited');
    const listed = await stack.getJson(`/threads/${encodeURIComponent(thread)}/comments`);
    const stored = listed.body.comments.find((c: { id: string }) => c.id === id);
    assert.equal(stored.message, 'Hello **world**');
    assert.ok(stored.editedAt, 'editedAt on the server');

    // Another reader sees the edit, and no Edit or Delete.
    const other = await stack.newPage();
    await other.goto(stack.urlFor(thread));
    await waitForListLoaded(other);
    await commentById(other, id).locator('.vote').first().waitFor({ timeout: TIMEOUT });
    assert.equal(await commentById(other, id).getByRole('button', { name: 'Edit', exact: true }).count(), 0);
    assert.equal(await commentById(other, id).getByRole('button', { name: 'Delete', exact: true }).count(), 0);

    // The author deletes it, after confirming.
    await mine.getByRole('button', { name: 'Delete', exact: true }).click();
    const question = mine.getByRole('group', { name: 'Delete this comment?' });
    await question.waitFor({ timeout: TIMEOUT });
    await question.getByRole('button', { name: 'Delete', exact: true }).click();
    await mine.waitFor({ state: 'detached', timeout: TIMEOUT });
    const after = await stack.getJson(`/threads/${encodeURIComponent(thread)}/comments`);
    assert.equal(
      after.body.comments.some((c: { id: string }) => c.id === id),
      false,
    );
    await page.getByText('Leave the first review').waitFor({ timeout: TIMEOUT });
  });
});
