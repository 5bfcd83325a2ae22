/**
 * The reader's whole path through <article-feedback>, end to end: the real server (temporary
 * SQLite, its own process), the article page on a second origin under a strict CSP, headless
 * Chromium. Nothing of our server is mocked.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { startStack, type Stack } from './harness.js';

const TIMEOUT = 15_000;

/** Is this element (inside any shadow roots) the focused one? */
function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active === el;
  });
}

async function visible(locator: Locator): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout: TIMEOUT });
}

/** The comments the list shows: `{ id, level, name, message, badge }` in document order. */
function listed(page: Page) {
  return page.locator('comment-list').evaluate((list) =>
    [...(list.shadowRoot?.querySelectorAll<HTMLElement>('article[part="comment"]') ?? [])].map((a) => ({
      id: a.dataset.id ?? '',
      // The indentation a reader sees: how many list items hold the comment (at most 3). A loop,
      // not a named function: tsx would wrap it in a `__name` the page lacks.
      level: ((): number => {
        let n = 0;
        for (let li = a.closest('li'); li; li = li.parentElement?.closest('li') ?? null) n++;
        return n;
      })(),
      name: a.querySelector('.name')?.textContent?.trim() ?? '',
      message: a.querySelector('.message')?.textContent?.trim() ?? '',
      badge: a.querySelector('.badge')?.textContent?.trim() ?? null,
    })),
  );
}

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

function assertClean(stack: Stack): void {
  assert.deepEqual(stack.cspViolations, [], 'no CSP violations');
  assert.deepEqual(stack.consoleErrors, [], 'no console errors');
  assert.deepEqual(stack.foreignRequests, [], 'no third-party requests');
}

describe('reader path (MODERATION=off, CAPTCHA=none)', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ env: { MODERATION: 'off', CAPTCHA: 'none' } });
  });
  after(async () => {
    await stack?.close();
  });
  afterEach(() => {
    assertClean(stack);
  });

  test('empty state → touch a field → submit empty → fix → post → the comment appears → reload → still there', async () => {
    const page = await stack.newPage();
    await page.goto(stack.urlFor('/articles/first'));
    const feedback = page.locator('article-feedback');
    await visible(feedback.getByRole('heading', { name: 'Leave a Comment', level: 2 }));
    await visible(feedback.getByText('Rate this article:'));
    await visible(feedback.getByText('Leave the first review'));

    const form = feedback.locator('comment-form').first();
    const email = form.getByLabel('Email', { exact: true });
    const name = form.getByLabel('Name', { exact: true });
    const message = form.getByLabel('Message', { exact: true });

    // Touch and leave a field: its hint shows; the untouched ones stay quiet.
    await name.click();
    await name.press('Tab');
    await visible(form.getByText('Please enter your name.'));
    assert.equal(await form.getByText('Please enter email address.').count(), 0);
    assert.equal(await name.getAttribute('aria-invalid'), 'true');

    // Submit empty: every error, and the focus on the first invalid field.
    await form.getByRole('button', { name: 'Post comment' }).click();
    await visible(form.getByText('Please enter email address.'));
    await visible(form.getByText('Please enter a message.'));
    assert.equal(await isFocused(email), true, 'focus on Email');

    // Fix: each field turns to "Looks good!"; a malformed address says so first.
    await email.fill('ana.ferry@example');
    await email.press('Tab');
    await visible(form.getByText('Please enter a valid email address.'));
    await email.fill('ana.ferry@example.com');
    await name.fill('Ana Ferry');
    await message.fill('Keep the late boat!\n\nTimetable: https://example.com/ferry/timetable.');
    await message.press('Tab');
    assert.equal(await form.getByText('Looks good!').count(), 3);

    await form.getByRole('button', { name: 'Post comment' }).click();
    await visible(form.getByText('Thank you! Your comment is published.'));

    const list = feedback.locator('comment-list');
    await visible(list.getByText('Ana Ferry'));
    await visible(list.getByText('1 comment', { exact: true }));
    assert.equal(await list.getByText('Leave the first review').count(), 0);
    const shown = await listed(page);
    assert.equal(shown.length, 1);
    assert.equal(shown[0]!.name, 'Ana Ferry');
    assert.match(shown[0]!.message, /Keep the late boat!\s*Timetable: https:\/\/example\.com\/ferry\/timetable\./);
    const link = list.getByRole('link', { name: 'https://example.com/ferry/timetable' });
    assert.equal(await link.getAttribute('href'), 'https://example.com/ferry/timetable');
    assert.equal(await link.getAttribute('rel'), 'nofollow ugc noopener');

    // Stored for real: after a reload it is listed by the server.
    await page.reload();
    await waitForListLoaded(page);
    await visible(list.getByText('Ana Ferry'));
    await visible(list.getByText('1 comment', { exact: true }));
    assert.equal((await listed(page))[0]!.badge, null);
    const api = await stack.getJson(`/threads/${encodeURIComponent('/articles/first')}/comments`);
    assert.equal(api.status, 200);
    assert.equal(api.body.total, 1);
    assert.equal(api.body.comments[0].name, 'Ana Ferry');
    await page.context().close();
  });

  test('a reply: the inline form under a comment, and the reply nested under its parent', async () => {
    const thread = '/articles/reply';
    const seeded = await stack.postComment(thread, {
      name: 'Olaf',
      email: 'olaf@example.com',
      message: 'Who pays for it?',
    });
    assert.equal(seeded.status, 201);
    const parentId: string = seeded.body.comment.id;

    const page = await stack.newPage();
    await page.goto(stack.urlFor(thread));
    const list = page.locator('article-feedback comment-list');
    await visible(list.getByText('Who pays for it?'));
    await list.getByRole('button', { name: 'Reply', exact: true }).click();
    const replyForm = list.locator('comment-form');
    await visible(replyForm);
    assert.equal(await replyForm.getAttribute('parent'), parentId);
    await visible(list.getByRole('button', { name: 'Cancel reply' }));

    await replyForm.getByLabel('Email', { exact: true }).fill('mara@example.com');
    await replyForm.getByLabel('Name', { exact: true }).fill('Mara');
    await replyForm.getByLabel('Message', { exact: true }).fill('The parking surcharge, in summer.');
    await replyForm.getByRole('button', { name: 'Post reply' }).click();

    await visible(list.getByText('The parking surcharge, in summer.'));
    const shown = await listed(page);
    assert.deepEqual(
      shown.map((c) => [c.name, c.level]),
      [
        ['Olaf', 1],
        ['Mara', 2],
      ],
    );
    const nested = await list.evaluate((el, id) => {
      const root = el.shadowRoot!;
      const parentItem = root.querySelector(`article[data-id="${id}"]`)!.closest('li')!;
      const replies = [...parentItem.querySelectorAll(':scope > ol > li > article')];
      return replies.map((a) => a.querySelector('.name')!.textContent!.trim());
    }, parentId);
    assert.deepEqual(nested, ['Mara']);
    await visible(list.getByText('2 comments', { exact: true }));

    // The server agrees, and after a reload the reply is still under Olaf.
    const api = await stack.getJson(`/threads/${encodeURIComponent(thread)}/comments`);
    const reply = api.body.comments.find((c: { name: string }) => c.name === 'Mara');
    assert.equal(reply.parent, parentId);
    await page.reload();
    await waitForListLoaded(page);
    await visible(list.getByText('The parking surcharge, in summer.'));
    assert.deepEqual(
      (await listed(page)).map((c) => [c.name, c.level]),
      [
        ['Olaf', 1],
        ['Mara', 2],
      ],
    );
    await page.context().close();
  });

  test('load more: 25 comments, 20 at first, the rest on "Load more comments"', async () => {
    const thread = '/articles/many';
    for (let i = 1; i <= 25; i++) {
      const res = await stack.postComment(thread, {
        name: `Reader ${i}`,
        email: `r${i}@example.com`,
        message: `Comment number ${i}`,
      });
      assert.equal(res.status, 201);
    }
    const page = await stack.newPage();
    await page.goto(stack.urlFor(thread));
    const list = page.locator('article-feedback comment-list');
    await visible(list.getByText('25 comments', { exact: true }));
    assert.equal((await listed(page)).length, 20);
    await list.getByRole('button', { name: 'Load more comments' }).click();
    await page.waitForFunction(
      () =>
        document
          .querySelector('article-feedback')
          ?.shadowRoot?.querySelector('comment-list')
          ?.shadowRoot?.querySelectorAll('article[part="comment"]').length === 25,
      undefined,
      { timeout: TIMEOUT },
    );
    const shown = await listed(page);
    assert.equal(new Set(shown.map((c) => c.id)).size, 25, 'no duplicates');
    assert.equal(await list.getByRole('button', { name: 'Load more comments' }).count(), 0);
    // Newest first by default; oldest first on request.
    assert.equal(shown[0]!.message, 'Comment number 25');
    assert.equal(shown[24]!.message, 'Comment number 1');
    await list.getByLabel('Sort comments').selectOption('oldest');
    await page.waitForFunction(
      () =>
        document
          .querySelector('article-feedback')
          ?.shadowRoot?.querySelector('comment-list')
          ?.shadowRoot?.querySelector('article[part="comment"] .message')
          ?.textContent?.trim() === 'Comment number 1',
      undefined,
      { timeout: TIMEOUT },
    );
    assert.equal((await listed(page)).length, 20);
    await page.context().close();
  });

  test('hostile text is shown inertly, as literal text', async () => {
    const thread = '/articles/hostile';
    const name = '<img src=x onerror=window.__pwned=1>';
    const message = '<script>window.__pwned=2</script>\n<img src=x onerror="window.__pwned=3"> javascript:alert(1)';
    const res = await stack.postComment(thread, { name, email: 'x@example.com', message });
    assert.equal(res.status, 201);
    const page = await stack.newPage();
    await page.goto(stack.urlFor(thread));
    await waitForListLoaded(page);
    const list = page.locator('article-feedback comment-list');
    await visible(list.getByText(name, { exact: true }));
    await visible(list.getByText('<script>window.__pwned=2</script>'));
    const inside = await list.evaluate((el) => ({
      elements: el.shadowRoot!.querySelectorAll('article img, article script, article a').length,
    }));
    assert.equal(inside.elements, 0);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    await page.context().close();
  });
});

describe('moderation (MODERATION=all)', () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ env: { MODERATION: 'all', CAPTCHA: 'none' } });
  });
  after(async () => {
    await stack?.close();
  });
  afterEach(() => {
    assertClean(stack);
  });

  test('the author sees the badge, also after a reload; another reader sees nothing', async () => {
    const thread = '/articles/moderated';
    const author = await stack.newPage();
    await author.goto(stack.urlFor(thread));
    const feedback = author.locator('article-feedback');
    await visible(feedback.getByText('Leave the first review'));
    const form = feedback.locator('comment-form').first();
    await form.getByLabel('Email', { exact: true }).fill('ivo@example.com');
    await form.getByLabel('Name', { exact: true }).fill('Ivo');
    await form.getByLabel('Message', { exact: true }).fill('Please also run it on Sundays.');
    await form.getByRole('button', { name: 'Post comment' }).click();
    await visible(form.getByText('Thank you! Your comment is awaiting moderation.'));

    const list = feedback.locator('comment-list');
    await visible(list.getByText('Please also run it on Sundays.'));
    let shown = await listed(author);
    assert.equal(shown.length, 1);
    assert.equal(shown[0]!.badge, 'Awaiting moderation');
    assert.equal(await list.getByRole('button', { name: 'Reply', exact: true }).count(), 0);

    await author.reload();
    await waitForListLoaded(author);
    await visible(list.getByText('Awaiting moderation'));
    shown = await listed(author);
    assert.deepEqual(
      shown.map((c) => [c.name, c.badge]),
      [['Ivo', 'Awaiting moderation']],
    );

    // Another reader (another browser context): nothing but the empty state.
    const other = await stack.newPage();
    await other.goto(stack.urlFor(thread));
    await waitForListLoaded(other);
    await visible(other.locator('article-feedback comment-list').getByText('Leave the first review'));
    assert.deepEqual(await listed(other), []);
    assert.equal(await other.getByText('Please also run it on Sundays.').count(), 0);

    const api = await stack.getJson(`/threads/${encodeURIComponent(thread)}/comments`);
    assert.equal(api.body.total, 0);
    await author.context().close();
    await other.context().close();
  });
});
