/**
 * The moderation dashboard (#15) end to end: the real server (its own process, a temporary
 * SQLite file) serving `/admin`, headless Chromium driving it like a moderator, a second origin
 * serving the article page as a reader sees it. Each step checks what the moderator sees, what
 * a reader sees, and what the API says.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { axeViolations, startStack, type Stack } from './harness.js';

const TOKEN = 'e2e-admin-token-0123456789abcdef';
const BASE_TITLE = 'Moderation — article-feedback';

let stack: Stack;
let moderator: BrowserContext;
let desk: Page;
let seq = 0;

async function seed(thread: string, overrides: Record<string, unknown> = {}): Promise<string> {
  seq += 1;
  const { status, body } = await stack.postComment(thread, {
    name: `Reader ${seq}`,
    email: `reader${seq}@example.com`,
    message: `Comment ${seq} on ${thread}`,
    ...overrides,
  });
  assert.equal(status, 202, JSON.stringify(body));
  return (body as { comment: { id: string } }).comment.id;
}

/** The comment as the admin API (bearer token) sees it, or null when it is gone. */
async function stored(id: string): Promise<{ status: string; message: string; editedAt?: string } | null> {
  const res = await fetch(`${stack.apiUrl}/admin/comments/${id}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  if (res.status === 404) return null;
  assert.equal(res.status, 200);
  return ((await res.json()) as { comment: { status: string; message: string; editedAt?: string } }).comment;
}

const row = (id: string) => desk.locator(`moderation-desk li[data-id="${id}"]`);

async function openDesk(path = '/admin'): Promise<void> {
  await desk.goto(stack.serverOrigin + path);
  await desk.locator('moderation-desk ol.queue, moderation-desk p.empty').first().waitFor();
}

describe('moderation dashboard', { timeout: 240_000 }, () => {
  before(async () => {
    stack = await startStack({ env: { MODERATION: 'all', ADMIN_TOKEN: TOKEN } });
    moderator = await stack.newContext({ viewport: { width: 1000, height: 900 } });
    desk = await moderator.newPage();
  });
  after(async () => {
    await stack?.close();
  });

  it('signs in: a wrong token is refused, the right one gives an HttpOnly strict cookie', async () => {
    const errors: string[] = [];
    const asked: string[] = [];
    desk.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    desk.on('request', (request) => asked.push(new URL(request.url()).pathname));
    await desk.goto(`${stack.serverOrigin}/admin`);
    const token = desk.getByLabel('Admin token or password');
    await token.waitFor();
    // Signed out, the page asks nothing about a session, so nothing fails in the console.
    assert.deepEqual(
      asked.filter((path) => path.startsWith('/api/')),
      [],
    );
    assert.deepEqual(errors, []);
    await token.fill('not-the-token-at-all-0000');
    await token.press('Enter');
    await desk.getByRole('alert').getByText('Sign-in failed. Check the token or password and try again.').waitFor();
    assert.deepEqual(await moderator.cookies(), []);

    await token.fill(TOKEN);
    await desk.getByRole('button', { name: 'Sign in' }).click();
    await desk.getByRole('button', { name: /^Pending/ }).waitFor();
    const cookies = await moderator.cookies();
    const cookie = cookies.find((c) => c.name === 'af_admin_session');
    assert.equal(cookie?.httpOnly, true);
    assert.equal(cookie?.sameSite, 'Strict');
    assert.equal(cookie?.path, '/');
    assert.ok(Math.abs(cookie!.expires * 1000 - Date.now() - 12 * 3_600_000) < 120_000, String(cookie?.expires));
    assert.equal(await desk.evaluate(() => document.cookie), 'af_admin_signed_in=1', 'no script sees the session');
    const signedIn = cookies.find((c) => c.name === 'af_admin_signed_in');
    assert.equal(signedIn?.httpOnly, false);
    assert.equal(signedIn?.sameSite, 'Strict');
    assert.ok(Math.abs(signedIn!.expires - cookie!.expires) < 1, 'the same lifetime');
    assert.deepEqual(await axeViolations(desk), []);
  });

  it('shows a new pending comment without a reload, with the count in the title; approving publishes it', async () => {
    const thread = '/articles/approve';
    const id = await seed(thread, { message: 'Please publish me' });
    // The poll (every 10 s) brings it in.
    await row(id).waitFor({ timeout: 20_000 });
    await desk.waitForFunction((title) => document.title === `(1) ${title}`, BASE_TITLE);
    assert.match(await row(id).innerText(), /Please publish me/);
    assert.deepEqual(await axeViolations(desk), [], 'axe, with a row');

    await row(id).getByRole('button', { name: 'Approve', exact: true }).click();
    await row(id).waitFor({ state: 'detached' });
    await desk
      .getByRole('status')
      .getByText(/Approved 1 comment/)
      .waitFor();
    await desk.waitForFunction((title) => document.title === title, BASE_TITLE);
    assert.equal((await stored(id))?.status, 'published');

    const reader = await stack.newPage();
    await reader.goto(stack.urlFor(thread));
    await reader.getByText('Please publish me').waitFor();
  });

  it('marks spam, deletes with undo and without, edits', async () => {
    const thread = '/articles/actions';
    const spam = await seed(thread, { message: 'Buy cheap things' });
    const undone = await seed(thread, { message: 'Keep me after all' });
    const gone = await seed(thread, { message: 'Delete me for good' });
    const edited = await seed(thread, { message: 'Teh typo' });
    await openDesk();

    await row(spam).getByRole('button', { name: 'Spam', exact: true }).click();
    await row(spam).waitFor({ state: 'detached' });
    assert.equal((await stored(spam))?.status, 'spam');

    await row(undone).getByRole('button', { name: 'Delete', exact: true }).click();
    await row(undone).waitFor({ state: 'detached' });
    await desk.getByRole('button', { name: 'Undo', exact: true }).click();
    await row(undone).waitFor();
    await desk.waitForTimeout(6_000);
    assert.equal((await stored(undone))?.status, 'pending', 'an undone delete never reached the server');

    await row(gone).getByRole('button', { name: 'Delete', exact: true }).click();
    await row(gone).waitFor({ state: 'detached' });
    assert.notEqual(await stored(gone), null, 'not yet: the undo window is open');
    await desk.waitForTimeout(6_500);
    assert.equal(await stored(gone), null, 'deleted once the window closed');

    await row(edited).getByRole('button', { name: 'Edit', exact: true }).click();
    await row(edited).getByLabel('Text of the comment').fill('The typo, fixed');
    await row(edited).getByRole('button', { name: 'Save', exact: true }).click();
    await row(edited).getByText('The typo, fixed').waitFor();
    const after = await stored(edited);
    assert.equal(after?.message, 'The typo, fixed');
    assert.ok(after?.editedAt, 'editedAt recorded');

    // Leave the queue empty for the steps below.
    for (const id of [undone, edited]) {
      await row(id).getByRole('button', { name: 'Approve', exact: true }).click();
      await row(id).waitFor({ state: 'detached' });
    }
    await desk.getByText('Nothing waits for moderation').waitFor();
  });

  it('blocks an author: their next comment lands in spam; the block list lifts it', async () => {
    const thread = '/articles/block';
    const id = await seed(thread, { name: 'Troll', email: 'troll@example.com', message: 'Nonsense' });
    await openDesk();
    await row(id).getByRole('button', { name: 'Block author', exact: true }).click();
    await row(id).getByRole('button', { name: 'Block', exact: true }).click();
    await row(id).waitFor({ state: 'detached' });
    await desk
      .getByRole('status')
      .getByText(/Blocked Troll by email/)
      .waitFor();

    const next = await stack.postComment(thread, { name: 'Troll', email: 'TROLL@example.com', message: 'Again' });
    assert.equal(next.status, 202, 'answered like anyone else');
    assert.equal((await stored((next.body as { comment: { id: string } }).comment.id))?.status, 'spam');

    await desk.getByRole('button', { name: 'Blocked authors' }).click();
    const lift = desk.getByRole('button', { name: 'Lift the block on troll@example.com' });
    await lift.click();
    await desk.getByText('Nobody is blocked.').waitFor();
    assert.equal((await seed(thread, { email: 'troll@example.com' })).length > 0, true);
    const res = await fetch(`${stack.apiUrl}/admin/comments?status=spam&thread=${encodeURIComponent(thread)}`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    assert.equal(((await res.json()) as { comments: unknown[] }).comments.length, 2, 'the third is not spam');
    // Clear the queue again.
    await fetch(`${stack.apiUrl}/admin/comments?status=pending`, { headers: { Authorization: `Bearer ${TOKEN}` } })
      .then((r) => r.json() as Promise<{ comments: Array<{ id: string }> }>)
      .then(({ comments }) =>
        fetch(`${stack.apiUrl}/admin/comments/bulk`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ action: 'approve', ids: comments.map((c) => c.id) }),
        }),
      );
  });

  it('bulk-approves 30 comments', async () => {
    const thread = '/articles/bulk';
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push(await seed(thread));
    await openDesk();
    await desk.waitForFunction((title) => document.title === `(30) ${title}`, BASE_TITLE);
    await desk.getByLabel('Select all shown').check();
    await desk.getByText('30 selected').waitFor();
    await desk.getByRole('button', { name: 'Approve selected' }).click();
    await desk
      .getByRole('status')
      .getByText(/Approved 30 comments/)
      .waitFor();
    await desk.getByText('Nothing waits for moderation').waitFor();
    const listed = await stack.getJson(`/threads/${encodeURIComponent(thread)}/comments?limit=50`);
    assert.equal((listed.body as { total: number }).total, 30);
  });

  it('works through a queue of five by keyboard alone', async () => {
    const thread = '/articles/keyboard';
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await seed(thread, { message: `Keyboard ${i + 1}` }));
    const [one, two, three, four, five] = [...ids].reverse(); // newest first
    await openDesk();
    const focusedId = () =>
      desk.evaluate(() => {
        const root = document.querySelector('moderation-desk')!.shadowRoot!;
        return (root.activeElement as HTMLElement | null)?.closest('li')?.dataset.id ?? null;
      });
    assert.equal(await focusedId(), one, 'the newest is focused');
    await desk.keyboard.press('j');
    assert.equal(await focusedId(), two);
    await desk.keyboard.press('k');
    assert.equal(await focusedId(), one);

    await desk.keyboard.press('a'); // one: approve
    await row(one!).waitFor({ state: 'detached' });
    assert.equal(await focusedId(), two, 'focus moves to the next');
    await desk.keyboard.press('s'); // two: spam
    await row(two!).waitFor({ state: 'detached' });
    await desk.keyboard.press('e'); // three: edit, then save with Tab + Enter
    await desk.keyboard.press('End');
    await desk.keyboard.type(' (edited)');
    await desk.keyboard.press('Tab');
    await desk.keyboard.press('Enter');
    await row(three!).getByText('Keyboard 3 (edited)').waitFor();
    await desk.keyboard.press('a'); // three: approve
    await row(three!).waitFor({ state: 'detached' });
    await desk.keyboard.press('d'); // four: delete, then undo
    await row(four!).waitFor({ state: 'detached' });
    await desk.keyboard.press('u');
    await row(four!).waitFor();
    await desk.keyboard.press('x'); // select four and five, approve both from the bulk bar
    await desk.keyboard.press('j');
    await desk.keyboard.press('x');
    await desk.getByText('2 selected').waitFor();
    await desk.keyboard.press('?');
    await desk.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await desk.keyboard.press('Escape');
    await desk.getByRole('dialog').waitFor({ state: 'hidden' });
    await desk.keyboard.press('/');
    assert.equal(
      await desk.evaluate(() => document.querySelector('moderation-desk')!.shadowRoot!.activeElement?.id),
      'search',
    );
    // From the search box, Tab past the thread filter and "Select all shown" to the bulk bar.
    for (let i = 0; i < 3; i++) await desk.keyboard.press('Tab');
    assert.equal(
      await desk.evaluate(() =>
        document.querySelector('moderation-desk')!.shadowRoot!.activeElement?.textContent?.trim(),
      ),
      'Approve selected',
    );
    await desk.keyboard.press('Enter');
    await desk.getByText('Nothing waits for moderation').waitFor();

    assert.equal((await stored(one!))?.status, 'published');
    assert.equal((await stored(two!))?.status, 'spam');
    assert.equal((await stored(three!))?.message, 'Keyboard 3 (edited)');
    assert.equal((await stored(three!))?.status, 'published');
    assert.equal((await stored(four!))?.status, 'published');
    assert.equal((await stored(five!))?.status, 'published');
  });

  it('opens /admin?comment=<id> with that comment focused', async () => {
    const id = await seed('/articles/deep-link', { message: 'Linked from an email' });
    await seed('/articles/deep-link', { message: 'A newer one' });
    await desk.goto(`${stack.serverOrigin}/admin?comment=${id}`);
    await row(id).waitFor();
    await desk.waitForFunction(
      (wanted) =>
        (document.querySelector('moderation-desk')!.shadowRoot!.activeElement as HTMLElement | null)?.dataset.id ===
        wanted,
      id,
    );
  });

  it('refuses a page from another origin that tries to act with the cookie', async () => {
    const id = await seed('/articles/csrf', { message: 'Stay pending' });
    const page = await moderator.newPage();
    await page.goto(stack.urlFor('/articles/csrf'));
    const outcomes = await page.evaluate(
      async ({ api, id }) => {
        const attempts: string[] = [];
        const tries: RequestInit[] = [
          {
            method: 'POST',
            credentials: 'include',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ action: 'approve', ids: [id] }),
          },
          {
            method: 'POST',
            credentials: 'include',
            mode: 'no-cors',
            body: JSON.stringify({ action: 'approve', ids: [id] }),
          },
        ];
        for (const init of tries) {
          try {
            const res = await fetch(`${api}/admin/comments/bulk`, init);
            attempts.push(String(res.status));
          } catch (error) {
            attempts.push(String(error));
          }
        }
        return attempts;
      },
      { api: stack.apiUrl, id },
    );
    assert.equal(outcomes.length, 2);
    assert.equal((await stored(id))?.status, 'pending', `still pending after ${outcomes.join(', ')}`);
    // Sent from Node with the moderator's cookie and that page's Origin: refused by the Origin check.
    const cookie = (await moderator.cookies()).find((c) => c.name === 'af_admin_session');
    const res = await fetch(`${stack.apiUrl}/admin/comments/${id}`, {
      method: 'PATCH',
      headers: {
        Cookie: `${cookie!.name}=${cookie!.value}`,
        Origin: stack.pageOrigin,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ status: 'published' }),
    });
    assert.equal(res.status, 403);
    assert.equal((await stored(id))?.status, 'pending');
    await page.close();
  });

  it('is usable at 320 px, in the dark too, without CSP violations', async () => {
    await desk.setViewportSize({ width: 320, height: 800 });
    await desk.emulateMedia({ colorScheme: 'dark' });
    await openDesk();
    const overflow = await desk.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `scrolls sideways by ${overflow}px`);
    assert.deepEqual(await axeViolations(desk), [], 'axe, dark, 320 px');
    assert.deepEqual(
      stack.cspViolations.filter((v) => !/axe/.test(v)),
      [],
    );
  });

  it('opens the queue, not the sign-in form, for a session whose readable cookie is gone', async () => {
    // As after an upgrade from a release without that cookie: the session cookie alone.
    await moderator.clearCookies({ name: 'af_admin_signed_in' });
    assert.deepEqual(
      (await moderator.cookies()).map((c) => c.name),
      ['af_admin_session'],
    );
    await openDesk();
    await desk.getByRole('button', { name: /^Pending/ }).waitFor();
    assert.equal(await desk.getByLabel('Admin token or password').count(), 0);
    assert.deepEqual((await moderator.cookies()).map((c) => c.name).sort(), ['af_admin_session', 'af_admin_signed_in']);
  });

  it('signs out: the page asks to sign in and the old cookie is refused', async () => {
    const cookie = (await moderator.cookies()).find((c) => c.name === 'af_admin_session');
    await desk.getByRole('button', { name: 'Sign out' }).click();
    await desk.getByLabel('Admin token or password').waitFor();
    assert.deepEqual(await moderator.cookies(), [], 'both cookies gone');
    const res = await fetch(`${stack.apiUrl}/admin/comments`, {
      headers: { Cookie: `${cookie!.name}=${cookie!.value}` },
    });
    assert.equal(res.status, 401);
    await desk.reload();
    await desk.getByLabel('Admin token or password').waitFor();
  });
});
