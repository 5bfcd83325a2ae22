import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BASE, commentBody, startTestServer, voterId, type TestServer } from './helpers.js';

const T = '/api/threads/http-test/comments';

describe('HTTP behaviour', () => {
  let s: TestServer;
  let root: string;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'af-static-'));
    mkdirSync(join(root, 'dist'));
    mkdirSync(join(root, 'demo'));
    writeFileSync(
      join(root, 'dist', 'article-feedback.js'),
      'export const x = 1;\n//# sourceMappingURL=article-feedback.js.map\n',
    );
    writeFileSync(join(root, 'dist', 'article-feedback.js.map'), '{"version":3}');
    writeFileSync(join(root, 'demo', 'index.html'), '<!doctype html><title>Demo</title>');
    s = await startTestServer({ moderation: 'off', allowedOrigins: ['https://news.example.com'] }, { root });
  });
  after(async () => {
    await s.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('400 for malformed JSON', async () => {
    for (const raw of ['{"name": "x"', '', '{name: 1}', '\u0000']) {
      const res = await s.send('POST', T, raw);
      assert.equal(res.status, 400, JSON.stringify(raw));
      assert.deepEqual(await res.json(), { error: 'malformed_json', message: 'The request body is not valid JSON.' });
    }
  });

  it('415 when the body is not JSON', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) {
      const res = await s.request(T, { method: 'POST', headers: type ? { 'Content-Type': type } : {}, body: 'name=x' });
      assert.equal(res.status, 415, type);
      assert.equal(((await res.json()) as { error: string }).error, 'unsupported_media_type');
    }
    const rating = await s.request('/api/threads/x/rating', {
      method: 'PUT',
      headers: { 'Content-Type': 'text/plain' },
      body: '{}',
    });
    assert.equal(rating.status, 415);
    const charset = await s.send('POST', T, commentBody(), { 'Content-Type': 'application/json; charset=utf-8' });
    assert.equal(charset.status, 201);
  });

  it('413 for a body over 32 KiB, with or without Content-Length', async () => {
    const big = JSON.stringify(commentBody({ message: 'x'.repeat(40 * 1024) }));
    const withLength = await s.request(T, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(big)) },
      body: big,
    });
    assert.equal(withLength.status, 413);
    assert.deepEqual(await withLength.json(), {
      error: 'payload_too_large',
      message: 'The request body is larger than 32 KiB.',
    });
    // Streamed (no length): refused once 32 KiB have arrived, the rest is never read.
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        if (pulled > 1000) return controller.close();
        controller.enqueue(new TextEncoder().encode('x'.repeat(1024)));
      },
    });
    const streamed = await s.request(T, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    assert.equal(streamed.status, 413);
    assert.ok(pulled < 100, `read ${pulled} KiB`);
    // Just under the limit is read normally (and then validated).
    const near = JSON.stringify(commentBody({ message: 'x'.repeat(5000), website: '' }));
    assert.equal((await s.send('POST', T, near)).status, 201);
  });

  it('CORS: allowed origins get headers and preflight; others get none and their writes are refused', async () => {
    const allowed = 'https://news.example.com';
    const pre = await s.request(T, {
      method: 'OPTIONS',
      headers: {
        Origin: allowed,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type, idempotency-key',
      },
    });
    assert.equal(pre.status, 204);
    assert.equal(pre.headers.get('Access-Control-Allow-Origin'), allowed);
    assert.match(pre.headers.get('Access-Control-Allow-Methods') ?? '', /POST/);
    assert.match(pre.headers.get('Access-Control-Allow-Headers') ?? '', /Idempotency-Key/);

    const get = await s.request(T, { headers: { Origin: allowed } });
    assert.equal(get.headers.get('Access-Control-Allow-Origin'), allowed);
    assert.match(get.headers.get('Vary') ?? '', /Origin/);
    const post = await s.send('POST', T, commentBody(), { Origin: allowed });
    assert.equal(post.status, 201);
    assert.equal(post.headers.get('Access-Control-Allow-Origin'), allowed);
    // Errors carry CORS headers too, so the widget can read a 422.
    const invalid = await s.send('POST', T, { name: '' }, { Origin: allowed });
    assert.equal(invalid.status, 422);
    assert.equal(invalid.headers.get('Access-Control-Allow-Origin'), allowed);

    const evil = 'https://evil.example';
    const evilPre = await s.request(T, {
      method: 'OPTIONS',
      headers: { Origin: evil, 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(evilPre.headers.get('Access-Control-Allow-Origin'), null);
    assert.equal(evilPre.headers.get('Access-Control-Allow-Methods'), null);
    const evilGet = await s.request(T, { headers: { Origin: evil } });
    assert.equal(evilGet.status, 200);
    assert.equal(evilGet.headers.get('Access-Control-Allow-Origin'), null);
    const before = ((await (await s.request(T)).json()) as { total: number }).total;
    const evilPost = await s.send('POST', T, commentBody(), { Origin: evil });
    assert.equal(evilPost.status, 403);
    assert.deepEqual(await evilPost.json(), {
      error: 'origin_not_allowed',
      message: 'This website is not allowed to send comments to this server.',
    });
    assert.equal(
      (await s.send('PUT', '/api/threads/x/rating', { value: 3, voter: voterId(1) }, { Origin: evil })).status,
      403,
    );
    assert.equal((await s.send('POST', T, commentBody(), { Origin: 'null' })).status, 403);
    assert.equal(((await (await s.request(T)).json()) as { total: number }).total, before);

    // The server's own origin is always allowed (the demo page posts same-origin).
    assert.equal((await s.send('POST', T, commentBody(), { Origin: BASE })).status, 201);
    // No Origin (curl, server-side code): allowed.
    assert.equal((await s.send('POST', T, commentBody())).status, 201);
  });

  it('ETag + Cache-Control on GETs, 304 on If-None-Match, a new ETag after a write', async () => {
    const thread = '/api/threads/etag/comments';
    const first = await s.request(thread);
    const tag = first.headers.get('ETag');
    assert.ok(tag);
    assert.equal(first.headers.get('Cache-Control'), 'no-cache');
    const again = await s.request(thread, { headers: { 'If-None-Match': tag } });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), '');
    await s.send('POST', thread, commentBody());
    const changed = await s.request(thread, { headers: { 'If-None-Match': tag } });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('ETag'), tag);

    const rating = await s.request('/api/threads/etag/rating');
    const rtag = rating.headers.get('ETag');
    assert.ok(rtag);
    assert.equal((await s.request('/api/threads/etag/rating', { headers: { 'If-None-Match': rtag } })).status, 304);
    const captcha = await s.request('/api/captcha');
    assert.equal(captcha.headers.get('Cache-Control'), 'no-store');
  });

  it('unknown routes are 404 JSON; known paths with a wrong method are 405', async () => {
    for (const path of ['/api/nope', '/api/threads/x', '/nope.html', '/api/threads/x/comments/id/extra']) {
      const res = await s.request(path);
      assert.equal(res.status, 404, path);
      const body = (await res.json()) as { error: string; message: string };
      assert.equal(body.error, 'not_found');
    }
    const res = await s.request(T, { method: 'DELETE' });
    assert.equal(res.status, 405);
    assert.match(res.headers.get('Allow') ?? '', /POST/);
    assert.equal(((await res.json()) as { error: string }).error, 'method_not_allowed');
  });

  it('security headers everywhere, strict CSP on the demo HTML', async () => {
    const api = await s.request(T);
    assert.equal(api.headers.get('X-Content-Type-Options'), 'nosniff');
    assert.equal(api.headers.get('Referrer-Policy'), 'strict-origin-when-cross-origin');
    const page = await s.request('/');
    assert.equal(page.status, 200);
    assert.match(page.headers.get('Content-Type') ?? '', /^text\/html/);
    assert.equal(await page.text(), '<!doctype html><title>Demo</title>');
    const csp = page.headers.get('Content-Security-Policy') ?? '';
    for (const part of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "worker-src 'self' blob:",
    ]) {
      assert.ok(csp.includes(part), `${part} in ${csp}`);
    }
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(page.headers.get('X-Content-Type-Options'), 'nosniff');
  });

  it('serves the bundle, its source map and the demo with the right content types', async () => {
    const js = await s.request('/article-feedback.js');
    assert.equal(js.status, 200);
    assert.match(js.headers.get('Content-Type') ?? '', /^text\/javascript/);
    assert.match(await js.text(), /export const x/);
    const map = await s.request('/article-feedback.js.map');
    assert.equal(map.status, 200);
    assert.match(map.headers.get('Content-Type') ?? '', /^application\/json/);
    const idx = await s.request('/index.html');
    assert.equal(idx.status, 200);
    // No path traversal out of the static roots.
    assert.equal((await s.request('/..%2Fpackage.json')).status, 404);
    assert.equal((await s.request('/%2e%2e/package.json')).status, 404);
  });

  it('GET /healthz, GET /api/captcha (none), GET /api/openapi.json', async () => {
    const health = await s.request('/healthz');
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok', outbox: { pending: 0, failed: 0 } });
    const captcha = await s.request('/api/captcha');
    assert.deepEqual(await captcha.json(), { provider: 'none' });
    const doc = (await (await s.request('/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, { properties?: Record<string, { maxLength?: number }> }> };
    };
    assert.equal(doc.openapi, '3.1.0');
    assert.deepEqual(Object.keys(doc.paths).sort(), [
      '/admin/blocks',
      '/admin/blocks/{id}',
      '/admin/comments',
      '/admin/comments/bulk',
      '/admin/comments/{id}',
      '/admin/counts',
      '/admin/deliveries',
      '/admin/deliveries/{id}/retry',
      '/admin/session',
      '/captcha',
      '/config',
      '/counts',
      '/threads/{thread}/comments',
      '/threads/{thread}/comments/{id}',
      '/threads/{thread}/comments/{id}/vote',
      '/threads/{thread}/rating',
      '/threads/{thread}/rendered',
      '/unsubscribe',
    ]);
    assert.deepEqual(Object.keys(doc.paths['/threads/{thread}/comments']!).sort(), ['get', 'post']);
    assert.equal(doc.components.schemas.CommentInput?.properties?.name?.maxLength, 80);
    assert.equal(doc.components.schemas.CommentInput?.properties?.message?.maxLength, 5000);
    assert.equal('email' in (doc.components.schemas.Comment?.properties ?? {}), false);
  });

  it('500s leave as generic JSON without internals', async () => {
    const broken = await startTestServer(
      {},
      {
        captcha: {
          describe: () => Promise.reject(new Error('SQLITE_CORRUPT: secret internals at /srv/x.db')),
          verify: () => Promise.resolve('ok'),
        },
      },
    );
    const original = console.error;
    console.error = () => {};
    try {
      const res = await broken.request('/api/captcha');
      assert.equal(res.status, 500);
      const text = await res.text();
      assert.doesNotMatch(text, /SQLITE|internals|\/srv|at /);
      assert.deepEqual(JSON.parse(text), {
        error: 'internal',
        message: 'Something went wrong on the server. Please try again later.',
      });
    } finally {
      console.error = original;
      await broken.close();
    }
  });
});

describe('static without a build', () => {
  it('/article-feedback.js answers 503 JSON telling to run npm run build', async () => {
    const root = mkdtempSync(join(tmpdir(), 'af-nodist-'));
    const s = await startTestServer({}, { root });
    try {
      const res = await s.request('/article-feedback.js');
      assert.equal(res.status, 503);
      const body = (await res.json()) as { error: string; message: string };
      assert.equal(body.error, 'not_built');
      assert.match(body.message, /npm run build/);
    } finally {
      await s.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
