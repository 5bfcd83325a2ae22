/**
 * The smaller items of #20.7 seen over HTTP: the demo cannot be framed, declaration files are
 * served as text, the server's own origin comes from the proxy's own X-Forwarded-* entries, a
 * reply does not give away a hidden parent's id, and aborted uploads make one log line at most.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startServerProcess } from '../helpers/server-process.js';
import { commentBody, startTestServer, type TestServer } from './helpers.js';

const ADMIN = 'admin-token-for-tests-0123456789';

describe('static files and headers', () => {
  let root: string;
  let s: TestServer;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'af-hardening-'));
    mkdirSync(join(root, 'dist', 'types'), { recursive: true });
    mkdirSync(join(root, 'demo'));
    writeFileSync(join(root, 'dist', 'article-feedback.js'), 'export {};');
    writeFileSync(join(root, 'dist', 'types', 'index.d.ts'), 'export declare const x: number;\n');
    writeFileSync(join(root, 'demo', 'index.html'), '<!doctype html><title>Demo</title>');
    s = await startTestServer({}, { root });
  });
  after(async () => {
    await s.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("the demo HTML may not be framed: frame-ancestors 'none' and X-Frame-Options DENY", async () => {
    const page = await s.request('/');
    assert.equal(page.status, 200);
    assert.match(page.headers.get('Content-Security-Policy') ?? '', /(^|; )frame-ancestors 'none'(;|$)/);
    assert.equal(page.headers.get('X-Frame-Options'), 'DENY');
  });

  it('.d.ts files are served as text, not as video/mp2t', async () => {
    const res = await s.request('/types/index.d.ts');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('Content-Type'), 'text/plain; charset=UTF-8');
    assert.equal(await res.text(), 'export declare const x: number;\n');
  });
});

describe("the server's own origin behind a proxy", () => {
  it('comes from the last X-Forwarded-Host/-Proto entries, as the client address does', async () => {
    const s = await startTestServer({ trustProxy: true });
    try {
      // The client sent "attacker.example"; our proxy appended the real host after it.
      const forwarded = { 'X-Forwarded-Host': 'attacker.example, news.example', 'X-Forwarded-Proto': 'http, https' };
      const send = (origin: string) =>
        s.send('POST', '/api/threads/origin/comments', commentBody(), { ...forwarded, Origin: origin });
      const foreign = await send('http://attacker.example');
      assert.equal(foreign.status, 403);
      assert.equal(((await foreign.json()) as { error: string }).error, 'origin_not_allowed');
      const own = await send('https://news.example');
      assert.equal(own.status, 201);
      assert.equal(own.headers.get('Access-Control-Allow-Origin'), 'https://news.example');
    } finally {
      await s.close();
    }
  });
});

describe('a reply whose parent is hidden', () => {
  it('lists without the parent id once the parent is spam or deleted, and with it again when republished', async () => {
    const s = await startTestServer({ adminToken: ADMIN });
    const auth = { Authorization: `Bearer ${ADMIN}` };
    const T = '/api/threads/replies/comments';
    try {
      const parent = ((await (await s.send('POST', T, commentBody())).json()) as { comment: { id: string } }).comment;
      const reply = (
        (await (await s.send('POST', T, commentBody({ parent: parent.id }))).json()) as {
          comment: { id: string };
        }
      ).comment;
      // One per page: the parent is not on the reply's page, so it is looked up.
      const replyAsListed = async () => {
        const page = (await (await s.request(`${T}?limit=1`)).json()) as { comments: { id: string; parent: string }[] };
        assert.equal(page.comments[0]?.id, reply.id);
        return page.comments[0]!.parent;
      };
      assert.equal(await replyAsListed(), parent.id);
      await s.send('PATCH', `/api/admin/comments/${parent.id}`, { status: 'spam' }, auth);
      assert.equal(await replyAsListed(), null);
      const whole = await (await s.request(T)).text();
      assert.doesNotMatch(whole, new RegExp(parent.id));
      await s.send('PATCH', `/api/admin/comments/${parent.id}`, { status: 'published' }, auth);
      assert.equal(await replyAsListed(), parent.id);
      await s.send('DELETE', `/api/admin/comments/${parent.id}`, undefined, auth);
      assert.equal(await replyAsListed(), null);
    } finally {
      await s.close();
    }
  });
});

describe('aborted uploads', () => {
  it('five clients hanging up mid-body make one log line, without a stack trace', async () => {
    const server = await startServerProcess({ env: { MODERATION: 'off' } });
    try {
      const { hostname, port } = new URL(server.url);
      for (let i = 0; i < 5; i++) {
        await new Promise<void>((resolve) => {
          const socket = connect(Number(port), hostname, () => {
            socket.write(
              'POST /api/threads/abort/comments HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
                'Content-Length: 10000\r\n\r\n{"name":"half',
            );
            setTimeout(() => socket.destroy(), 100);
          });
          socket.on('close', () => resolve());
        });
      }
      await new Promise((r) => setTimeout(r, 300));
      const lines = server
        .output()
        .split('\n')
        .filter((line) => line && !line.startsWith('article-feedback listening'));
      assert.deepEqual(lines, [
        '[article-feedback] 1 request aborted by the client before the body arrived (at most one such line a minute)',
      ]);
      // The server still answers.
      assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
    } finally {
      await server.stop();
    }
  });
});
