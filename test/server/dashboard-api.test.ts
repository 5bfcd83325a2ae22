/**
 * The dashboard's API (#15) through the real app: sign-in and its cookie, the same answer for
 * every wrong attempt, the sign-in rate limit, the Origin check on cookie writes, and the
 * moderation calls the page makes (list with search and filters, counts, bulk, edit, blocks),
 * with the session cookie and with the bearer token.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../server/config.js';
import { hashPassword, verifyPassword } from '../../server/password.js';
import { BASE, commentBody, startTestServer, type TestServer } from './helpers.js';

const TOKEN = 'admin-token-0123456789abcdef';
const PASSWORD = 'correct horse battery staple';
const OWN = { Origin: BASE };

/**
 * Signs in; the session cookie to send back (`name=value`), its raw Set-Cookie header, and the
 * readable signed-in cookie's.
 */
async function signIn(server: TestServer, token: string, headers: Record<string, string> = OWN) {
  const res = await server.send('POST', '/api/admin/session', { token }, headers);
  const setCookie = setCookieOf(res, 'af_admin_session');
  return { res, setCookie, signedIn: setCookieOf(res, 'af_admin_signed_in'), cookie: setCookie.split(';')[0]! };
}

/** The response's Set-Cookie header for cookie `name` ('' when it sets none). */
const setCookieOf = (res: Response, name: string) =>
  res.headers.getSetCookie().find((header) => header.startsWith(`${name}=`)) ?? '';

async function post(server: TestServer, thread: string, overrides: Record<string, unknown> = {}) {
  const res = await server.send('POST', `/api/threads/${encodeURIComponent(thread)}/comments`, commentBody(overrides));
  assert.ok(res.status === 201 || res.status === 202, `posted: ${res.status}`);
  return ((await res.json()) as { comment: { id: string } }).comment.id;
}

describe('dashboard sign-in', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ adminToken: TOKEN, moderation: 'all' });
  });
  after(() => server.close());

  it('answers the right token with an HttpOnly, SameSite=Strict session cookie stored as a hash', async () => {
    const { res, setCookie, signedIn, cookie } = await signIn(server, TOKEN);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('Cache-Control'), 'no-store');
    const body = (await res.json()) as { expiresAt: string };
    assert.ok(Math.abs(Date.parse(body.expiresAt) - Date.now() - 12 * 3_600_000) < 60_000, body.expiresAt);
    assert.match(setCookie, /^af_admin_session=[A-Za-z0-9_-]{43};/);
    assert.match(setCookie, /; Max-Age=43200(;|$)/);
    assert.match(setCookie, /; Path=\/(;|$)/);
    assert.match(setCookie, /; HttpOnly(;|$)/);
    assert.match(setCookie, /; SameSite=Strict(;|$)/);
    assert.doesNotMatch(setCookie, /Secure/, 'plain http: no Secure flag, or the browser would drop it');
    // Beside it, for the dashboard's script: only that a session may be there, for as long.
    assert.equal(signedIn, 'af_admin_signed_in=1; Max-Age=43200; Path=/; SameSite=Strict');

    const check = await server.request('/api/admin/session', { headers: { Cookie: cookie } });
    assert.equal(check.status, 200);
    const list = await server.request('/api/admin/comments', { headers: { Cookie: cookie } });
    assert.equal(list.status, 200);
  });

  it('refuses a wrong token, a missing one and a malformed body with the same answer', async () => {
    const answers = [];
    for (const body of [{ token: 'wrong-token-0123456789abcdef' }, { token: '' }, {}, 'not json']) {
      const res = await server.send('POST', '/api/admin/session', body, OWN);
      answers.push({ status: res.status, body: await res.text(), cookie: res.headers.get('Set-Cookie') });
    }
    assert.equal(answers[0]!.status, 401);
    assert.equal(answers[0]!.cookie, null);
    for (const answer of answers) assert.deepEqual(answer, answers[0]);
    assert.deepEqual(JSON.parse(answers[0]!.body), {
      error: 'unauthorized',
      message: 'Sign-in failed. Check the token or password and try again.',
    });
  });

  it('limits sign-in attempts to five a minute per client, even with the right token after', async () => {
    const limited = await startTestServer({ adminToken: TOKEN, trustProxy: true });
    try {
      const from = (address: string) => ({ ...OWN, 'X-Forwarded-For': address });
      for (let i = 0; i < 5; i++)
        assert.equal((await signIn(limited, `wrong-${i}-0123456789abcdef`, from('203.0.113.7'))).res.status, 401);
      const sixth = await signIn(limited, TOKEN, from('203.0.113.7'));
      assert.equal(sixth.res.status, 429);
      assert.match(sixth.res.headers.get('Retry-After') ?? '', /^\d+$/);
      assert.equal(sixth.setCookie, '');
      assert.equal((await signIn(limited, TOKEN, from('198.51.100.9'))).res.status, 200, 'another client');
    } finally {
      await limited.close();
    }
  });

  it('signing out ends the session: the same cookie is refused afterwards', async () => {
    // The five attempts of this client's minute are spent above: sign in from another address.
    const { res, cookie } = await signIn(server, TOKEN);
    assert.equal(res.status, 429, 'the earlier attempts count');
    const fresh = await startTestServer({ adminToken: TOKEN });
    try {
      await signOutCase(fresh);
    } finally {
      await fresh.close();
    }
    assert.equal(cookie, '');
  });

  async function signOutCase(server: TestServer) {
    const { res, cookie } = await signIn(server, TOKEN);
    assert.equal(res.status, 200);
    const out = await server.request('/api/admin/session', { method: 'DELETE', headers: { Cookie: cookie, ...OWN } });
    assert.equal(out.status, 204);
    assert.match(setCookieOf(out, 'af_admin_session'), /^af_admin_session=;.*Max-Age=0/);
    assert.match(setCookieOf(out, 'af_admin_signed_in'), /^af_admin_signed_in=;.*Max-Age=0/);
    assert.equal((await server.request('/api/admin/session', { headers: { Cookie: cookie } })).status, 401);
    assert.equal((await server.request('/api/admin/comments', { headers: { Cookie: cookie } })).status, 401);
  }

  it('the check of a session that has ended takes its cookies away; without cookies it sets none', async () => {
    const fresh = await startTestServer({ adminToken: TOKEN });
    try {
      const { cookie } = await signIn(fresh, TOKEN);
      // Ended elsewhere (signed out in another browser, by another instance): the cookies stay here.
      await fresh.request('/api/admin/session', { method: 'DELETE', headers: { Cookie: cookie, ...OWN } });
      const check = await fresh.request('/api/admin/session', {
        headers: { Cookie: `${cookie}; af_admin_signed_in=1` },
      });
      assert.equal(check.status, 401);
      assert.match(setCookieOf(check, 'af_admin_session'), /^af_admin_session=;.*Max-Age=0/);
      assert.match(setCookieOf(check, 'af_admin_signed_in'), /^af_admin_signed_in=;.*Max-Age=0/);
      const bare = await fresh.request('/api/admin/session');
      assert.equal(bare.status, 401);
      assert.deepEqual(bare.headers.getSetCookie(), []);
    } finally {
      await fresh.close();
    }
  });

  it("the dashboard's page gives a current session its readable cookie back, and nothing else", async () => {
    // A built dashboard in a folder of its own: the page is served only when its script exists.
    const root = mkdtempSync(join(tmpdir(), 'af-desk-'));
    mkdirSync(join(root, 'dist', 'admin'), { recursive: true });
    writeFileSync(join(root, 'dist', 'admin', 'admin.js'), 'export {};\n');
    let clock = Date.now();
    const fresh = await startTestServer({ adminToken: TOKEN }, { root, now: () => clock });
    try {
      const { cookie } = await signIn(fresh, TOKEN);
      const page = (cookies: string) => fresh.request('/admin', cookies ? { headers: { Cookie: cookies } } : {});

      // The session cookie alone (a session begun before the readable cookie existed, or that
      // cookie cleared): the page sets it again, for what is left of the session.
      clock += 3_600_000;
      const restored = await page(cookie);
      assert.equal(restored.status, 200);
      assert.match(await restored.text(), /<moderation-desk><\/moderation-desk>/);
      assert.deepEqual(restored.headers.getSetCookie(), [
        'af_admin_signed_in=1; Max-Age=39600; Path=/; SameSite=Strict',
      ]);

      // Both cookies, no cookie, or a session cookie that names no session: nothing is set.
      assert.deepEqual((await page(`${cookie}; af_admin_signed_in=1`)).headers.getSetCookie(), []);
      assert.deepEqual((await page('')).headers.getSetCookie(), []);
      assert.deepEqual((await page('af_admin_session=not-a-session-0123456789')).headers.getSetCookie(), []);
      await fresh.request('/api/admin/session', { method: 'DELETE', headers: { Cookie: cookie, ...OWN } });
      const ended = await page(cookie);
      assert.equal(ended.status, 200);
      assert.deepEqual(ended.headers.getSetCookie(), []);
    } finally {
      await fresh.close();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('refuses a cookie write from another origin, even one allowed to post comments', async () => {
    const site = 'https://news.example';
    const other = await startTestServer({ adminToken: TOKEN, moderation: 'all', allowedOrigins: [site] });
    try {
      const { cookie } = await signIn(other, TOKEN);
      const id = await post(other, '/origin');
      for (const headers of [{ Origin: site }, {}] as Array<Record<string, string>>) {
        const res = await other.send(
          'PATCH',
          `/api/admin/comments/${id}`,
          { status: 'published' },
          {
            Cookie: cookie,
            ...headers,
          },
        );
        assert.equal(res.status, 403, JSON.stringify(headers));
        assert.equal(((await res.json()) as { error: string }).error, 'origin_not_allowed');
      }
      assert.equal((await other.store.getComment(id))?.status, 'pending');
      const own = await other.send(
        'PATCH',
        `/api/admin/comments/${id}`,
        { status: 'published' },
        { Cookie: cookie, ...OWN },
      );
      assert.equal(own.status, 200);
    } finally {
      await other.close();
    }
  });

  it('marks the cookies Secure behind an https proxy when TRUST_PROXY is set', async () => {
    const proxied = await startTestServer({ adminToken: TOKEN, trustProxy: true });
    try {
      const origin = 'https://comments.example';
      const { res, setCookie, signedIn } = await signIn(proxied, TOKEN, {
        Origin: origin,
        'X-Forwarded-Proto': 'https',
        'X-Forwarded-Host': 'comments.example',
      });
      assert.equal(res.status, 200);
      assert.match(setCookie, /; Secure(;|$)/);
      assert.match(signedIn, /; Secure(;|$)/);
    } finally {
      await proxied.close();
    }
  });

  it('takes ADMIN_PASSWORD instead of the token when it is set', async () => {
    const withPassword = await startTestServer({ adminToken: TOKEN, adminPassword: hashPassword(PASSWORD) });
    try {
      assert.equal((await signIn(withPassword, PASSWORD)).res.status, 200);
      assert.equal((await signIn(withPassword, TOKEN)).res.status, 401, 'the token no longer signs in');
      const bearer = await withPassword.request('/api/admin/counts', { headers: { Authorization: `Bearer ${TOKEN}` } });
      assert.equal(bearer.status, 200, 'scripts keep the bearer token');
    } finally {
      await withPassword.close();
    }
  });
});

describe('dashboard moderation API', () => {
  let server: TestServer;
  let cookie: string;
  const withCookie = { ...OWN } as Record<string, string>;
  const bearer = { Authorization: `Bearer ${TOKEN}` };
  before(async () => {
    server = await startTestServer({
      adminToken: TOKEN,
      moderation: 'all',
      publicUrl: 'https://news.example',
      siteUrl: 'https://news.example',
    });
    ({ cookie } = await signIn(server, TOKEN));
    withCookie.Cookie = cookie;
  });
  after(() => server.close());

  const getJson = async (path: string, headers: Record<string, string> = withCookie) => {
    const res = await server.request(path, { headers });
    assert.equal(res.status, 200, `${path}: ${res.status}`);
    return (await res.json()) as any;
  };

  it('lists by status, words and thread, with the parent’s text, the article link and counts', async () => {
    const parent = await post(server, '/articles/lists', { message: 'Parent about ferries' });
    await server.send('PATCH', `/api/admin/comments/${parent}`, { status: 'published' }, bearer);
    const reply = await post(server, '/articles/lists', {
      parent,
      name: 'Grace',
      email: 'grace@navy.example',
      message: 'A reply',
    });
    await post(server, '/elsewhere', { message: 'Not about boats' });

    const pending = await getJson('/api/admin/comments?status=pending&thread=%2Farticles%2Flists');
    assert.deepEqual(
      pending.comments.map((c: any) => c.id),
      [reply],
    );
    assert.equal(pending.comments[0].parentMessage, 'Parent about ferries');
    assert.equal(pending.comments[0].url, 'https://news.example/articles/lists');
    assert.equal(pending.comments[0].email, 'grace@navy.example');

    const all = await getJson('/api/admin/comments?status=all&q=FERRIES');
    assert.deepEqual(
      all.comments.map((c: any) => c.id),
      [parent],
    );
    const byEmail = await getJson('/api/admin/comments?q=navy.example', bearer);
    assert.deepEqual(
      byEmail.comments.map((c: any) => c.id),
      [reply],
    );
    const counts = await getJson('/api/admin/counts');
    assert.deepEqual(counts, { counts: { pending: 2, published: 1, spam: 0, all: 3 } });

    const bad = await server.request('/api/admin/comments?status=deleted', { headers: withCookie });
    assert.equal(bad.status, 400);
  });

  it('answers 304 to a poll whose ETag has not changed', async () => {
    const first = await server.request('/api/admin/counts', { headers: withCookie });
    const tag = first.headers.get('ETag');
    assert.ok(tag);
    const again = await server.request('/api/admin/counts', { headers: { ...withCookie, 'If-None-Match': tag } });
    assert.equal(again.status, 304);
    await post(server, '/etag');
    const changed = await server.request('/api/admin/counts', { headers: { ...withCookie, 'If-None-Match': tag } });
    assert.equal(changed.status, 200);
  });

  it('approves, marks spam and deletes in bulk; a rating leaves and returns with its comment', async () => {
    const thread = '/articles/bulk';
    const rated = await post(server, thread, { rating: 1, voter: 'voter-bulk-01' });
    const ids = [rated];
    for (let i = 0; i < 29; i++) ids.push(await post(server, thread));
    const rating = async () =>
      (await server.request(`/api/threads/${encodeURIComponent(thread)}/rating`)).json() as any;
    assert.equal((await rating()).count, 0, 'pending: not counted');

    const approved = await server.send('POST', '/api/admin/comments/bulk', { action: 'approve', ids }, withCookie);
    assert.equal(approved.status, 200);
    assert.deepEqual(await approved.json(), { done: ids, missing: [] });
    const listed = await server.request(`/api/threads/${encodeURIComponent(thread)}/comments?limit=50`);
    assert.equal(((await listed.json()) as any).total, 30);
    assert.equal((await rating()).count, 1, 'approved: counted');

    const spammed = await server.send('POST', '/api/admin/comments/bulk', { action: 'spam', ids: [rated] }, bearer);
    assert.deepEqual(await spammed.json(), { done: [rated], missing: [] });
    assert.equal((await rating()).count, 0, 'spam: not counted');

    await server.send('PATCH', `/api/admin/comments/${rated}`, { status: 'published' }, withCookie);
    assert.equal((await rating()).count, 1, 'approved again: counted again');

    const deleted = await server.send(
      'POST',
      '/api/admin/comments/bulk',
      { action: 'delete', ids: [rated, 'no-such-id'] },
      withCookie,
    );
    assert.deepEqual(await deleted.json(), { done: [rated], missing: ['no-such-id'] });
    assert.equal((await rating()).count, 0, 'deleted: its vote is gone');

    const invalid = await server.send('POST', '/api/admin/comments/bulk', { action: 'burn', ids }, withCookie);
    assert.equal(invalid.status, 422);
  });

  it('gives a formatted comment its body tree, as the public list does, and a plain one none', async () => {
    const formatted = await post(server, '/articles/body', { message: 'A **bold** [link](https://example.com/a)' });
    const plain = await post(server, '/articles/body', { message: 'Just words' });
    const { comments } = await getJson('/api/admin/comments?status=all&thread=%2Farticles%2Fbody');
    const byId = new Map(comments.map((c: any) => [c.id, c]));
    assert.deepEqual((byId.get(formatted) as any).body, [
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'A ' },
          { type: 'strong', children: [{ type: 'text', text: 'bold' }] },
          { type: 'text', text: ' ' },
          { type: 'link', href: 'https://example.com/a', children: [{ type: 'text', text: 'link' }] },
        ],
      },
    ]);
    assert.equal((byId.get(plain) as any).body, undefined);
    assert.equal((byId.get(formatted) as any).votes, undefined, 'no votes in the admin shape');
    // An edit answers the new tree.
    const res = await server.send('PATCH', `/api/admin/comments/${plain}`, { message: 'Now *leaning*' }, withCookie);
    const { comment } = (await res.json()) as any;
    assert.deepEqual(comment.body[0].children[1], { type: 'emphasis', children: [{ type: 'text', text: 'leaning' }] });
  });

  it('edits the text, which records editedAt, with the message’s own validation', async () => {
    const id = await post(server, '/articles/edit', { message: 'Teh original' });
    const res = await server.send('PATCH', `/api/admin/comments/${id}`, { message: '  The original  ' }, withCookie);
    assert.equal(res.status, 200);
    const { comment } = (await res.json()) as any;
    assert.equal(comment.message, 'The original');
    assert.ok(comment.editedAt && Date.parse(comment.editedAt) > 0, 'editedAt set');
    const empty = await server.send('PATCH', `/api/admin/comments/${id}`, { message: '   ' }, withCookie);
    assert.equal(empty.status, 422);
    assert.equal(((await empty.json()) as any).fields.message, 'message.required');
    const missing = await server.send('PATCH', '/api/admin/comments/nope', { message: 'x' }, withCookie);
    assert.equal(missing.status, 404);
  });

  it('blocks an author by email and client: their next comment is stored as spam; lifting ends it', async () => {
    const id = await post(server, '/articles/block', { email: 'Troll@Example.com', name: 'Troll' });
    const blocked = await server.send('POST', '/api/admin/blocks', { comment: id, by: ['email'] }, withCookie);
    assert.equal(blocked.status, 201);
    const body = (await blocked.json()) as any;
    assert.equal(body.comment.status, 'spam', 'the comment blocked for is spam');
    assert.deepEqual(
      body.blocks.map((b: any) => [b.kind, b.value, b.label]),
      [['email', 'troll@example.com', 'Troll']],
    );

    // The author sees the answer anyone would (held for moderation here), but it is spam.
    const next = await server.send(
      'POST',
      `/api/threads/${encodeURIComponent('/articles/block')}/comments`,
      commentBody({ email: 'troll@EXAMPLE.com', name: 'Troll again' }),
    );
    assert.equal(next.status, 202);
    const nextId = ((await next.json()) as any).comment.id;
    assert.equal((await server.store.getComment(nextId))?.status, 'spam');

    // By client: every test request comes from the same (unknown) address, so anyone is caught.
    await server.send('POST', '/api/admin/blocks', { comment: id, by: ['client'] }, bearer);
    const list = await getJson('/api/admin/blocks');
    assert.deepEqual(list.blocks.map((b: any) => b.kind).sort(), ['client', 'email']);
    const stranger = await post(server, '/articles/block', { email: 'someone@example.com' });
    assert.equal((await server.store.getComment(stranger))?.status, 'spam', 'same client address');

    for (const block of list.blocks) {
      const lifted = await server.request(`/api/admin/blocks/${block.id}`, { method: 'DELETE', headers: withCookie });
      assert.equal(lifted.status, 204);
    }
    assert.deepEqual((await getJson('/api/admin/blocks')).blocks, []);
    const after = await post(server, '/articles/block', { email: 'troll@example.com' });
    assert.equal((await server.store.getComment(after))?.status, 'pending', 'lifted: back to the queue');
  });

  it('keeps every call behind the cookie or the token', async () => {
    for (const [method, path] of [
      ['GET', '/api/admin/comments'],
      ['GET', '/api/admin/counts'],
      ['GET', '/api/admin/blocks'],
      ['POST', '/api/admin/comments/bulk'],
      ['POST', '/api/admin/blocks'],
      ['DELETE', '/api/admin/blocks/abc'],
      ['PATCH', '/api/admin/comments/abc'],
    ] as const) {
      const res = await server.send(method, path, method === 'GET' ? undefined : {}, OWN);
      assert.equal(res.status, 401, `${method} ${path}`);
      const wrong = await server.send(method, path, method === 'GET' ? undefined : {}, {
        Authorization: 'Bearer not-the-token-0123456789',
      });
      assert.equal(wrong.status, 401, `${method} ${path} with a wrong token`);
    }
  });

  it('serves the dashboard page under the strict CSP', async () => {
    const res = await server.request('/admin');
    // The page needs dist/admin/admin.js: built (200) or not yet (503), never served without it.
    assert.ok(res.status === 200 || res.status === 503, String(res.status));
    if (res.status === 200) {
      assert.match(res.headers.get('Content-Security-Policy') ?? '', /script-src 'self'/);
      assert.match(await res.text(), /<moderation-desk><\/moderation-desk>/);
    }
  });
});

describe('dashboard when the admin API is off', () => {
  it('answers 404 to the page and to sign-in', async () => {
    const server = await startTestServer();
    try {
      assert.equal((await server.request('/admin')).status, 404);
      assert.equal((await server.send('POST', '/api/admin/session', { token: 'x' }, OWN)).status, 404);
    } finally {
      await server.close();
    }
  });
});

describe('dashboard settings', () => {
  const base = { DATABASE_URL: ':memory:' };

  it('keeps ADMIN_PASSWORD only as a scrypt hash, and refuses a short one without echoing it', async () => {
    const config = loadConfig({ ...base, ADMIN_PASSWORD: PASSWORD, ADMIN_SESSION_HOURS: '2' });
    assert.ok(config.adminPassword);
    assert.ok(!JSON.stringify(config).includes(PASSWORD), 'the password itself is not kept');
    assert.equal(await verifyPassword(PASSWORD, config.adminPassword), true);
    assert.equal(await verifyPassword('correct horse battery stapler', config.adminPassword), false);
    assert.equal(config.adminSessionHours, 2);
    assert.throws(
      () => loadConfig({ ...base, ADMIN_PASSWORD: 'short-one' }),
      (error: unknown) =>
        error instanceof ConfigError &&
        error.message === 'ADMIN_PASSWORD: must be at least 12 characters long' &&
        !error.message.includes('short-one'),
    );
    assert.throws(
      () => loadConfig({ ...base, ADMIN_SESSION_HOURS: '0' }),
      /ADMIN_SESSION_HOURS: must be between 1 and 720/,
    );
  });

  it('reads PUBLIC_URL without its trailing slash, and refuses what is not an http(s) URL', () => {
    assert.equal(
      loadConfig({ ...base, PUBLIC_URL: 'https://news.example/blog/' }).publicUrl,
      'https://news.example/blog',
    );
    assert.throws(() => loadConfig({ ...base, PUBLIC_URL: 'news.example' }), /PUBLIC_URL: must be an http\(s\) URL/);
    assert.throws(() => loadConfig({ ...base, PUBLIC_URL: 'https://news.example/?a=1' }), /PUBLIC_URL/);
  });

  it('links articles under SITE_URL when the site is not where the server is, else under PUBLIC_URL', async () => {
    const both = { ...base, PUBLIC_URL: 'https://comments.news.example', SITE_URL: 'https://news.example/' };
    assert.equal(loadConfig(both).siteUrl, 'https://news.example');
    assert.equal(loadConfig({ ...base, PUBLIC_URL: 'https://news.example' }).siteUrl, 'https://news.example');
    assert.throws(() => loadConfig({ ...base, SITE_URL: 'news.example' }), /SITE_URL: must be an http\(s\) URL/);

    const split = await startTestServer({
      adminToken: TOKEN,
      moderation: 'all',
      publicUrl: 'https://comments.news.example',
      siteUrl: 'https://news.example',
    });
    try {
      await post(split, '/articles/split', { message: 'Where is the article?' });
      const res = await split.request('/api/admin/comments?thread=%2Farticles%2Fsplit', {
        headers: { Authorization: `Bearer ${TOKEN}` },
      });
      const { comments } = (await res.json()) as { comments: Array<{ url: string | null }> };
      assert.equal(comments[0]?.url, 'https://news.example/articles/split');
    } finally {
      await split.close();
    }
  });
});
