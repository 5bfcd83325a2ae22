/**
 * The security settings, end to end against the real server process and headless Chromium:
 * CORS for ALLOWED_ORIGINS only (a page on another origin cannot post, not even a "simple"
 * cross-site form-style request), the admin API behind its token, rate limits answered with
 * 429 + Retry-After and shown to the reader in seconds, the security headers on the demo and
 * the bundle, no email or address hash in any public answer, and the whole widget working
 * under the strict CSP with zero violations.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { startStack, type Stack } from './harness.js';

const ADMIN_TOKEN = 'e2e-admin-token-0123456789abcdef';

async function writeComment(page: Page, email: string, name: string, message: string): Promise<void> {
  const form = page.locator('comment-form').first();
  await form.getByRole('textbox', { name: 'Email' }).fill(email);
  await form.getByRole('textbox', { name: 'Name' }).fill(name);
  await form.getByRole('textbox', { name: 'Message' }).fill(message);
}

async function total(stack: Stack, thread: string): Promise<number> {
  const res = await stack.getJson(`/threads/${encodeURIComponent(thread)}/comments`);
  assert.equal(res.status, 200);
  return res.body.total as number;
}

describe('security settings end to end', { timeout: 180_000 }, () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({
      env: { ADMIN_TOKEN, MODERATION: 'off' },
      // `?captcha=none` lets the form skip asking GET /captcha (which a refused origin cannot read).
      pageHtml: (ctx) => `<main><article>
  <h1>Security settings</h1>
  <article-feedback endpoint="${ctx.apiUrl}"${ctx.query.get('captcha') === 'none' ? ' captcha="none"' : ''}></article-feedback>
</article></main>`,
    });
  });
  after(async () => {
    await stack?.close();
  });

  it('the widget works under the strict CSP with zero violations: rate, post, list', async () => {
    stack.clearLogs();
    const page = await stack.newPage();
    const thread = '/articles/csp';
    await page.goto(stack.urlFor(thread));
    await page.locator('comment-list').getByText('Leave the first review').waitFor({ timeout: 15_000 });
    await page.locator('article-rating').first().getByRole('radio', { name: '4 of 5 stars' }).click();
    await writeComment(page, 'csp@example.com', 'Strict Reader', 'Works without unsafe-inline.');
    await page.locator('comment-form').first().getByRole('button', { name: 'Post comment' }).click();
    await page
      .locator('comment-form')
      .first()
      .getByText('Thank you! Your comment is published.')
      .waitFor({ timeout: 10_000 });
    await page.locator('comment-list').getByText('Works without unsafe-inline.').waitFor({ timeout: 10_000 });
    assert.equal(await total(stack, thread), 1);
    let votes = 0;
    for (let i = 0; i < 50 && votes === 0; i++) {
      votes = (await stack.getJson(`/threads/${encodeURIComponent(thread)}/rating`)).body.count as number;
      if (!votes) await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(votes, 1);
    assert.deepEqual(stack.cspViolations, []);
    assert.deepEqual(stack.consoleErrors, []);
    assert.deepEqual(stack.foreignRequests, []);
  });

  it('CORS: a page on an origin outside ALLOWED_ORIGINS can neither read nor post; nothing is stored', async () => {
    stack.clearLogs();
    const thread = '/articles/cors';
    const allowed = await stack.postComment(thread, {
      name: 'Seed',
      email: 'seed@example.com',
      message: 'Seeded from the allowed origin.',
    });
    assert.equal(allowed.status, 201);

    // Same page server, other host name: http://localhost:<port> is another origin.
    const foreignOrigin = stack.pageOrigin.replace('127.0.0.1', 'localhost');
    const page = await stack.newPage();
    await page.goto(`${foreignOrigin}${thread}?captcha=none`);
    // The bundle itself loads (it is public), but the API refuses to talk to this page.
    await page.locator('comment-list').getByRole('button', { name: 'Retry' }).waitFor({ timeout: 15_000 });
    await writeComment(page, 'evil@example.com', 'Other Site', 'Posted from a site that is not allowed.');
    await page.locator('comment-form').first().getByRole('button', { name: 'Post comment' }).click();
    await page
      .locator('comment-form')
      .first()
      .getByText('Your comment could not be sent. It is saved here — try again.')
      .waitFor({ timeout: 10_000 });

    const outcome = await page.evaluate(async (api) => {
      const url = `${api}/threads/${encodeURIComponent('/articles/cors')}/comments`;
      const body = JSON.stringify({ name: 'Forged', email: 'forged@example.com', message: 'CSRF attempt' });
      const result: Record<string, string> = {};
      try {
        await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
        result.json = 'sent';
      } catch (err) {
        result.json = (err as Error).name;
      }
      // A "simple" request needs no preflight and reaches the server: it must be refused there.
      const simple = await fetch(url, {
        method: 'POST',
        mode: 'no-cors',
        headers: { 'Content-Type': 'text/plain' },
        body,
      });
      result.simple = simple.type;
      try {
        await fetch(url);
        result.read = 'read';
      } catch (err) {
        result.read = (err as Error).name;
      }
      return result;
    }, stack.apiUrl);
    assert.deepEqual(outcome, { json: 'TypeError', simple: 'opaque', read: 'TypeError' });

    // The server itself refuses a write that names a foreign origin, whatever its content type.
    const direct = await fetch(`${stack.apiUrl}/threads/${encodeURIComponent(thread)}/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: foreignOrigin },
      body: JSON.stringify({ name: 'Forged', email: 'forged@example.com', message: 'Direct' }),
    });
    assert.equal(direct.status, 403);
    assert.equal(((await direct.json()) as { error: string }).error, 'origin_not_allowed');
    assert.equal(direct.headers.get('Access-Control-Allow-Origin'), null);
    assert.equal(await total(stack, thread), 1, 'a foreign origin stored a comment');
    assert.ok(
      stack.consoleErrors.some((e) => /CORS policy/.test(e)),
      'the browser did not block on CORS',
    );
  });

  it('admin endpoints refuse a missing or wrong token (401) and work with the right one', async () => {
    const url = `${stack.apiUrl}/admin/comments`;
    for (const auth of [
      undefined,
      '',
      'Bearer',
      `Bearer ${ADMIN_TOKEN.slice(0, -1)}`,
      `Bearer ${ADMIN_TOKEN}x`,
      `bearer  wrong`,
      `Basic ${Buffer.from(`admin:${ADMIN_TOKEN}`).toString('base64')}`,
      ADMIN_TOKEN,
    ]) {
      const headers: Record<string, string> = auth === undefined ? {} : { Authorization: auth };
      const list = await fetch(url, { headers });
      assert.equal(list.status, 401, `GET with ${JSON.stringify(auth)}`);
      assert.match(list.headers.get('WWW-Authenticate') ?? '', /^Bearer/);
      const body = await list.text();
      assert.doesNotMatch(body, /@example\.com/);
      assert.equal((JSON.parse(body) as { error: string }).error, 'unauthorized');
      assert.equal((await fetch(`${url}/anything`, { method: 'DELETE', headers })).status, 401);
      assert.equal(
        (
          await fetch(`${url}/anything`, {
            method: 'PATCH',
            headers: { ...headers, 'Content-Type': 'application/json' },
            body: '{"status":"spam"}',
          })
        ).status,
        401,
      );
    }
    const ok = await fetch(url, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
    assert.equal(ok.status, 200);
    assert.equal(ok.headers.get('Cache-Control'), 'no-store');
  });

  it('security headers on the demo page and on the bundle', async () => {
    for (const path of ['/', '/form.html']) {
      const res = await fetch(stack.serverOrigin + path);
      assert.equal(res.status, 200, path);
      assert.match(res.headers.get('Content-Type') ?? '', /^text\/html/, path);
      assert.equal(res.headers.get('X-Content-Type-Options'), 'nosniff', path);
      assert.equal(res.headers.get('Referrer-Policy'), 'strict-origin-when-cross-origin', path);
      const csp = res.headers.get('Content-Security-Policy') ?? '';
      assert.match(csp, /default-src 'self'/, path);
      assert.match(csp, /script-src 'self'(;|$)/, path);
      assert.match(csp, /object-src 'none'/, path);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, path);
    }
    const bundle = await fetch(`${stack.serverOrigin}/article-feedback.js`);
    assert.equal(bundle.status, 200);
    assert.match(bundle.headers.get('Content-Type') ?? '', /^text\/javascript/);
    assert.equal(bundle.headers.get('X-Content-Type-Options'), 'nosniff');
    assert.equal(bundle.headers.get('Referrer-Policy'), 'strict-origin-when-cross-origin');
    assert.equal(bundle.headers.get('Access-Control-Allow-Origin'), '*');
    const api = await fetch(`${stack.apiUrl}/captcha`);
    assert.equal(api.headers.get('X-Content-Type-Options'), 'nosniff');
    assert.match(api.headers.get('Content-Security-Policy') ?? '', /default-src 'none'/);
  });

  it('no email and no address hash in any public answer', async () => {
    const thread = '/articles/privacy';
    const email = 'Private.Person+tag@Example.org';
    const page = await stack.newPage();
    const answers: { url: string; text: string }[] = [];
    page.on('response', async (res) => {
      if (!res.url().startsWith(stack.apiUrl) || res.request().method() === 'OPTIONS') return;
      answers.push({ url: res.url(), text: await res.text().catch(() => '') });
    });
    await page.goto(stack.urlFor(thread));
    await page.locator('article-rating').first().getByRole('radio', { name: '5 of 5 stars' }).click();
    await writeComment(page, email, 'Private Person', 'My address stays mine.');
    await page.locator('comment-form').first().getByRole('button', { name: 'Post comment' }).click();
    await page
      .locator('comment-form')
      .first()
      .getByText('Thank you! Your comment is published.')
      .waitFor({ timeout: 10_000 });
    await page.reload();
    await page.locator('comment-list').getByText('My address stays mine.').waitFor({ timeout: 10_000 });

    const enc = encodeURIComponent(thread);
    for (const path of [
      `/threads/${enc}/comments`,
      `/threads/${enc}/comments?sort=oldest&limit=1`,
      `/threads/${enc}/rating`,
      '/captcha',
      '/openapi.json',
    ]) {
      const res = await fetch(stack.apiUrl + path);
      answers.push({ url: path, text: await res.text() });
    }
    // What the database keeps about this author, none of which may leave through a public answer.
    const db = new Database(stack.server.dbPath, { readonly: true, fileMustExist: true });
    const row = db.prepare('SELECT email, email_norm, client_hash FROM comments WHERE thread = ?').get(thread) as {
      email: string;
      email_norm: string;
      client_hash: string;
    };
    db.close();
    assert.equal(row.email, email);
    assert.ok(row.client_hash.length >= 16);

    assert.ok(
      answers.some((a) => a.url.includes('/comments') && a.text.includes('My address stays mine.')),
      'the comment answers were not seen',
    );
    for (const a of answers) {
      assert.ok(!a.text.toLowerCase().includes(email.toLowerCase()), `email in ${a.url}`);
      assert.ok(!a.text.toLowerCase().includes('private.person'), `email local part in ${a.url}`);
      assert.ok(!a.text.includes(row.client_hash), `address hash in ${a.url}`);
      assert.doesNotMatch(a.text, /\b[0-9a-f]{64}\b/i, `a 64-hex string in ${a.url}`);
      // (The OpenAPI document describes the input and admin schemas, which do name `email`.)
      if (!a.url.endsWith('/openapi.json'))
        assert.doesNotMatch(a.text, /"(email|clientHash|client_hash|ip|address)"\s*:/i, `a private field in ${a.url}`);
    }
    console.log(`# privacy: ${answers.length} public API answers searched, no email, no address hash`);
  });
});

describe('rate limits end to end', { timeout: 120_000 }, () => {
  let stack: Stack;
  before(async () => {
    stack = await startStack({ env: { RATE_LIMIT_WRITES: '2', MODERATION: 'off' } });
  });
  after(async () => {
    await stack?.close();
  });

  it('the third write in a minute gets 429 with Retry-After, and the reader sees the seconds', async () => {
    const thread = '/articles/rate-limit';
    const page = await stack.newPage();
    await page.goto(stack.urlFor(thread));
    const form = page.locator('comment-form').first();
    for (const n of [1, 2]) {
      await writeComment(page, 'fast@example.com', 'Fast Typist', `Comment number ${n}`);
      await form.getByRole('button', { name: 'Post comment' }).click();
      await form.getByText('Thank you! Your comment is published.').waitFor({ timeout: 10_000 });
    }
    await writeComment(page, 'fast@example.com', 'Fast Typist', 'Comment number 3');
    const answer = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/comments'));
    await form.getByRole('button', { name: 'Post comment' }).click();
    const res = await answer;
    assert.equal(res.status(), 429);
    const retryAfter = Number(await res.headerValue('Retry-After'));
    assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
    const body = (await res.json()) as { error: string; message: string };
    assert.equal(body.error, 'rate_limited');
    const shown = `You are commenting too fast. Please try again in ${retryAfter} ${retryAfter === 1 ? 'second' : 'seconds'}.`;
    await form.getByRole('alert').filter({ hasText: shown }).waitFor({ timeout: 10_000 });
    // The words are still there for later.
    assert.equal(await form.getByRole('textbox', { name: 'Message' }).inputValue(), 'Comment number 3');
    assert.equal(await total(stack, thread), 2);

    // Votes share the budget: the API answers 429 with Retry-After for them too.
    const vote = await fetch(`${stack.apiUrl}/threads/${encodeURIComponent(thread)}/rating`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Origin: stack.pageOrigin },
      body: JSON.stringify({ value: 5, voter: 'voter-rate-limit' }),
    });
    assert.equal(vote.status, 429);
    assert.match(vote.headers.get('Retry-After') ?? '', /^\d+$/);
    assert.equal(vote.headers.get('Access-Control-Allow-Origin'), stack.pageOrigin);
    assert.deepEqual(stack.cspViolations, []);
  });
});
