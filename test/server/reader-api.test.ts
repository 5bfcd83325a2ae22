/**
 * Issue #18 through the HTTP API (SPEC §6.1–6.4), on SQLite and PostgreSQL: the body on
 * comments, votes on comments and the Best order, editing and deleting one's own comment within
 * the edit window (the app's clock moved by the test), and counts for index pages.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../server/app.js';
import { createCaptcha } from '../../server/captcha/index.js';
import { testConfig, type Config } from '../../server/config.js';
import { openPostgresStore } from '../../server/store/postgres.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import type { Store } from '../../server/store/types.js';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../helpers/postgres.js';
import { BASE, commentBody, voterId } from './helpers.js';

interface Comment {
  id: string;
  parent: string | null;
  name: string;
  message: string;
  status: string;
  body?: unknown[];
  votes?: { up: number; down: number };
  editedAt?: string;
  createdAt: string;
}

const START = Date.UTC(2026, 4, 14, 9, 30);
const MINUTE = 60_000;

interface Harness {
  clock: { now: number };
  store: Store;
  request(path: string, init?: RequestInit): Promise<Response>;
  send(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  post(thread: string, overrides?: Record<string, unknown>): Promise<{ comment: Comment; editToken: string }>;
  list(thread: string, query?: string): Promise<{ comments: Comment[]; nextCursor: string | null; total: number }>;
  close(): Promise<void>;
}

async function harness(open: (now: () => number) => Promise<Store>, overrides: Partial<Config> = {}): Promise<Harness> {
  const clock = { now: START };
  const now = () => clock.now;
  const store = await open(now);
  const config = testConfig(overrides);
  const app = createApp({ config, store, captcha: createCaptcha(config, store), now });
  const request = async (path: string, init?: RequestInit) => app.request(new Request(BASE + path, init));
  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    request(path, {
      method,
      headers: { 'Content-Type': 'application/json', ...headers },
      body: body === undefined ? null : JSON.stringify(body),
    });
  return {
    clock,
    store,
    request,
    send,
    async post(thread, overrides = {}) {
      clock.now += 1000; // one second apart: the listing's order is the posting order
      const res = await send('POST', `/api/threads/${thread}/comments`, commentBody(overrides));
      assert.equal(res.status, 201, await res.clone().text());
      return (await res.json()) as { comment: Comment; editToken: string };
    },
    async list(thread, query = '') {
      const res = await request(`/api/threads/${thread}/comments${query}`);
      assert.equal(res.status, 200, await res.clone().text());
      return (await res.json()) as { comments: Comment[]; nextCursor: string | null; total: number };
    },
    close: () => store.close(),
  };
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

function suite(name: string, open: (now: () => number) => Promise<Store>) {
  describe(`#18 on ${name}`, () => {
    let h: Harness;
    before(async () => {
      h = await harness(open);
    });
    after(() => h.close());

    it('a comment carries its body when it has formatting, and votes always', async () => {
      const formatted = await h.post('body', { message: 'See **this** [page](https://example.org)' });
      assert.deepEqual(formatted.comment.body, [
        {
          type: 'paragraph',
          children: [
            { type: 'text', text: 'See ' },
            { type: 'strong', children: [{ type: 'text', text: 'this' }] },
            { type: 'text', text: ' ' },
            { type: 'link', href: 'https://example.org/', children: [{ type: 'text', text: 'page' }] },
          ],
        },
      ]);
      const plain = await h.post('body', { message: 'Just words.' });
      assert.equal(plain.comment.body, undefined);
      const hostile = await h.post('body', { message: '[x](javascript:alert(1)) <img src=x onerror=alert(1)>' });
      assert.deepEqual(hostile.comment.body, undefined, 'nothing but text: no body needed');
      const { comments } = await h.list('body');
      assert.deepEqual(
        comments.map((c) => [c.message, c.body === undefined, c.votes]),
        [
          ['[x](javascript:alert(1)) <img src=x onerror=alert(1)>', true, { up: 0, down: 0 }],
          ['Just words.', true, { up: 0, down: 0 }],
          ['See **this** [page](https://example.org)', false, { up: 0, down: 0 }],
        ],
      );
    });

    it('votes: one per voter, changed, removed; counted on the listing', async () => {
      const { comment } = await h.post('votes');
      const vote = (voter: number, value: number) =>
        h.send('PUT', `/api/threads/votes/comments/${comment.id}/vote`, { voter: voterId(voter), value });
      assert.deepEqual(await (await vote(1, 1)).json(), { up: 1, down: 0, yours: 1 });
      assert.deepEqual(await (await vote(1, 1)).json(), { up: 1, down: 0, yours: 1 }, 'the same vote twice is one');
      assert.deepEqual(await (await vote(2, -1)).json(), { up: 1, down: 1, yours: -1 });
      assert.deepEqual(await (await vote(1, -1)).json(), { up: 0, down: 2, yours: -1 }, 'changed');
      assert.deepEqual(await (await vote(2, 0)).json(), { up: 0, down: 1, yours: 0 }, 'removed');
      assert.deepEqual(await (await vote(3, 0)).json(), { up: 0, down: 1, yours: 0 }, 'removing no vote is fine');
      const listed = (await h.list('votes')).comments.find((c) => c.id === comment.id);
      assert.deepEqual(listed?.votes, { up: 0, down: 1 });
    });

    it('votes: 404 for an unknown comment or one of another thread; 422 for a bad value or no voter', async () => {
      const { comment } = await h.post('votes-404');
      const put = (thread: string, id: string, body: unknown) =>
        h.send('PUT', `/api/threads/${thread}/comments/${id}/vote`, body);
      assert.equal((await put('votes-404', 'nope', { voter: voterId(1), value: 1 })).status, 404);
      assert.equal((await put('elsewhere', comment.id, { voter: voterId(1), value: 1 })).status, 404);
      const bad = await put('votes-404', comment.id, { voter: voterId(1), value: 2 });
      assert.equal(bad.status, 422);
      assert.deepEqual(((await bad.json()) as { fields: unknown }).fields, { value: 'field.invalid' });
      const noVoter = await put('votes-404', comment.id, { value: 1 });
      assert.equal(noVoter.status, 422);
    });

    it('Best: by the Wilson lower bound, 2 of 2 below 90 of 100, ties newest first, pages without gaps', async () => {
      const thread = 'best';
      const a = await h.post(thread, { message: 'ninety of a hundred' });
      h.clock.now += 1000;
      const b = await h.post(thread, { message: 'two of two' });
      h.clock.now += 1000;
      const c = await h.post(thread, { message: 'no votes, older' });
      h.clock.now += 1000;
      const d = await h.post(thread, { message: 'no votes, newest' });
      h.clock.now += 1000;
      const e = await h.post(thread, { message: 'one down' });
      const cast = async (id: string, ups: number, downs: number) => {
        for (let i = 0; i < ups + downs; i++) {
          const res = await h.send('PUT', `/api/threads/${thread}/comments/${id}/vote`, {
            voter: voterId(`${id}-${i}`),
            value: i < ups ? 1 : -1,
          });
          assert.equal(res.status, 200);
        }
      };
      await cast(a.comment.id, 90, 10);
      await cast(b.comment.id, 2, 0);
      await cast(e.comment.id, 0, 1);
      const order = [a, b, d, e, c].map((x) => x.comment.message);
      // e (0 up, 1 down) and d, c (no votes) all score 0: newest first.
      assert.deepEqual(
        (await h.list(thread, '?sort=best')).comments.map((x) => x.message),
        [a, b, e, d, c].map((x) => x.comment.message),
      );
      assert.notDeepEqual(order, [], 'the fixture');
      // Two at a time: the same order, nothing repeated, nothing missing.
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await h.list(thread, `?sort=best&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.comments.map((x) => x.message));
        cursor = page.nextCursor;
      } while (cursor);
      assert.deepEqual(
        seen,
        [a, b, e, d, c].map((x) => x.comment.message),
      );
      // A cursor of the newest order does not continue the Best order.
      const newest = await h.list(thread, '?limit=1');
      assert.equal(
        (await h.request(`/api/threads/${thread}/comments?sort=best&cursor=${newest.nextCursor}`)).status,
        400,
      );
    });

    it('the edit token comes with the 201 and its replay, and in no other answer', async () => {
      const headers = { 'Idempotency-Key': 'reader-key-0001' };
      const body = commentBody({ message: 'replayed' });
      const first = await h.send('POST', '/api/threads/token/comments', body, headers);
      const replay = await h.send('POST', '/api/threads/token/comments', body, headers);
      assert.equal(replay.headers.get('Idempotent-Replayed'), 'true');
      const [firstText, replayText] = [await first.text(), await replay.text()];
      assert.equal(replayText, firstText);
      const { editToken, comment } = JSON.parse(firstText) as { editToken: string; comment: Comment };
      assert.match(editToken, /^[A-Za-z0-9_-]{43}$/, '256 bits, base64url');
      for (const path of [
        '/api/threads/token/comments',
        '/api/threads/token/comments?sort=best',
        '/api/counts?thread=token',
      ])
        assert.ok(!(await (await h.request(path)).text()).includes(editToken), path);
      const edited = await h.send(
        'PATCH',
        `/api/threads/token/comments/${comment.id}`,
        { message: 'x' },
        bearer(editToken),
      );
      assert.ok(!(await edited.text()).includes(editToken));
      const stored = await h.store.findIdempotency(`token reader-key-0001`);
      assert.ok(stored && !stored.body.includes(editToken), 'the stored replay body does not hold the token');
    });

    it('edit: within the window (at its last millisecond too), not after; wrong token; another thread', async () => {
      const thread = 'edit';
      const { comment, editToken } = await h.post(thread, { message: 'typo hre' });
      const patch = (message: unknown, headers: Record<string, string>, where = thread, id = comment.id) =>
        h.send('PATCH', `/api/threads/${where}/comments/${id}`, { message }, headers);

      h.clock.now += 5 * MINUTE;
      const ok = await patch('typo *here*', bearer(editToken));
      assert.equal(ok.status, 200);
      const { comment: edited } = (await ok.json()) as { comment: Comment };
      assert.equal(edited.message, 'typo *here*');
      assert.equal(edited.editedAt, new Date(h.clock.now).toISOString());
      assert.deepEqual(edited.body, [
        {
          type: 'paragraph',
          children: [
            { type: 'text', text: 'typo ' },
            { type: 'emphasis', children: [{ type: 'text', text: 'here' }] },
          ],
        },
      ]);
      const listed = (await h.list(thread)).comments[0]!;
      assert.equal(listed.message, 'typo *here*');
      assert.equal(listed.editedAt, edited.editedAt);

      const wrong = await patch('hijack', bearer('x'.repeat(43)));
      assert.equal(wrong.status, 403);
      assert.equal(((await wrong.json()) as { error: string }).error, 'edit_not_allowed');
      const missing = await patch('hijack', {});
      assert.equal(((await missing.json()) as { error: string }).error, 'edit_not_allowed');
      const other = await h.post(thread);
      const crossed = await patch('hijack', bearer(other.editToken));
      assert.equal(crossed.status, 403, "another comment's token");
      assert.equal((await patch('hijack', bearer(editToken), 'another-thread')).status, 404);
      assert.equal((await patch('hijack', bearer(editToken), thread, 'unknown-id')).status, 404);

      const invalid = await patch('   ', bearer(editToken));
      assert.equal(invalid.status, 422);
      assert.deepEqual(((await invalid.json()) as { fields: unknown }).fields, { message: 'message.required' });
      assert.equal((await patch('x'.repeat(5001), bearer(editToken))).status, 422);

      h.clock.now = Date.parse(comment.createdAt) + 15 * MINUTE;
      assert.equal((await patch('at the last moment', bearer(editToken))).status, 200);
      h.clock.now += 1;
      const late = await patch('too late', bearer(editToken));
      assert.equal(late.status, 403);
      assert.equal(((await late.json()) as { error: string }).error, 'edit_window_closed');
      const lateDelete = await h.request(`/api/threads/${thread}/comments/${comment.id}`, {
        method: 'DELETE',
        headers: bearer(editToken),
      });
      assert.equal(lateDelete.status, 403);
      assert.equal((await h.list(thread)).comments.find((c) => c.id === comment.id)?.message, 'at the last moment');
      h.clock.now = START;
    });

    it('delete: without replies it is gone; with a reply it stays as "deleted"; totals, counts and ETags follow', async () => {
      const thread = 'delete';
      const del = (id: string, token: string) =>
        h.request(`/api/threads/${thread}/comments/${id}`, { method: 'DELETE', headers: bearer(token) });
      const lonely = await h.post(thread, { message: 'alone', rating: 2, voter: voterId('lonely') });
      const parent = await h.post(thread, { message: 'has a reply', rating: 4, voter: voterId('parent') });
      const reply = await h.post(thread, { message: 'the reply', parent: parent.comment.id });
      await h.send('PUT', `/api/threads/${thread}/comments/${parent.comment.id}/vote`, { voter: voterId(9), value: 1 });
      const before = await h.request(`/api/threads/${thread}/comments`);
      const etag = before.headers.get('ETag')!;
      assert.equal(((await before.json()) as { total: number }).total, 3);

      assert.equal((await del(lonely.comment.id, lonely.editToken)).status, 204);
      assert.equal((await del(parent.comment.id, parent.editToken)).status, 204);
      const after = await h.request(`/api/threads/${thread}/comments`, { headers: { 'If-None-Match': etag } });
      assert.equal(after.status, 200, 'the ETag changed');
      const page = (await after.json()) as { comments: Comment[]; total: number };
      assert.equal(page.total, 1, 'only the reply counts');
      assert.deepEqual(
        page.comments.map((c) => [c.id, c.status, c.name, c.message, c.body, c.parent]),
        [
          [reply.comment.id, 'published', 'Ada Lovelace', 'the reply', undefined, parent.comment.id],
          [parent.comment.id, 'deleted', '', '', [], null],
        ],
      );
      const counts = (await (await h.request(`/api/counts?thread=${thread}`)).json()) as {
        counts: Record<string, { comments: number; rating: { count: number } }>;
      };
      assert.deepEqual(
        counts.counts[thread],
        { comments: 1, rating: { average: 0, count: 0 } },
        'their stars went with them',
      );
      assert.equal((await del(parent.comment.id, parent.editToken)).status, 404, 'deleted once');
      assert.equal(
        (
          await h.send('PUT', `/api/threads/${thread}/comments/${parent.comment.id}/vote`, {
            voter: voterId(9),
            value: 1,
          })
        ).status,
        404,
      );
      const replyToDeleted = await h.send(
        'POST',
        `/api/threads/${thread}/comments`,
        commentBody({ parent: lonely.comment.id }),
      );
      assert.equal(replyToDeleted.status, 422);

      // Its last reply deleted, the placeholder goes too.
      assert.equal((await del(reply.comment.id, reply.editToken)).status, 204);
      assert.deepEqual((await h.list(thread)).comments, []);
    });

    it('counts: 1 and 100 threads in one answer, unknown ones at 0; 101 or none is 400; ETag', async () => {
      await h.post('count-a');
      await h.post('count-a', { rating: 4, voter: voterId('ca1') });
      await h.send('PUT', '/api/threads/count-a/rating', { value: 5, voter: voterId('ca2') });
      const one = await h.request('/api/counts?thread=count-a');
      assert.equal(one.status, 200);
      assert.deepEqual(await one.json(), {
        counts: { 'count-a': { comments: 2, rating: { average: 4.5, count: 2 } } },
      });
      const etag = one.headers.get('ETag');
      assert.ok(etag);
      assert.equal((await h.request('/api/counts?thread=count-a', { headers: { 'If-None-Match': etag } })).status, 304);

      const hundred = Array.from({ length: 99 }, (_, i) => `unknown-${i}`).concat('count-a');
      const many = await h.request(`/api/counts?${hundred.map((t) => `thread=${encodeURIComponent(t)}`).join('&')}`);
      assert.equal(many.status, 200);
      const { counts } = (await many.json()) as { counts: Record<string, unknown> };
      assert.equal(Object.keys(counts).length, 100);
      assert.deepEqual(counts['unknown-0'], { comments: 0, rating: { average: 0, count: 0 } });
      assert.deepEqual(counts['count-a'], { comments: 2, rating: { average: 4.5, count: 2 } });

      const tooMany = hundred.concat('one-more');
      assert.equal((await h.request(`/api/counts?${tooMany.map((t) => `thread=${t}`).join('&')}`)).status, 400);
      assert.equal((await h.request('/api/counts')).status, 400);
      assert.equal((await h.request('/api/counts?thread=bad%20id')).status, 400);
      const proto = (await (await h.request('/api/counts?thread=__proto__')).json()) as { counts: object };
      assert.deepEqual(Object.keys(proto.counts), ['__proto__']);
    });
  });
}

suite('SQLite', async (now) => {
  const dir = mkdtempSync(join(tmpdir(), 'af-reader-'));
  const store = await openSqliteStore(join(dir, 'comments.db'), { now });
  const close = store.close.bind(store);
  return Object.assign(store, { close: async () => (await close(), rmSync(dir, { recursive: true, force: true })) });
});

const postgres = await postgresAvailable();
if (postgres) {
  let database: TestDatabase | undefined;
  suite('PostgreSQL', async (now) => {
    database = await createTestDatabase();
    const store = await openPostgresStore(database.url, { now, poolMax: 4 });
    const close = store.close.bind(store);
    return Object.assign(store, { close: async () => (await close(), await database!.drop()) });
  });
}

describe('#18 settings', () => {
  it('EDIT_WINDOW_MINUTES=0: no edits at all', async () => {
    const h = await harness((now) => openSqliteStore(':memory:', { now }), { editWindowMinutes: 0 });
    try {
      const { comment, editToken } = await h.post('off');
      const res = await h.send('PATCH', `/api/threads/off/comments/${comment.id}`, { message: 'x' }, bearer(editToken));
      assert.equal(res.status, 403);
      assert.equal(((await res.json()) as { error: string }).error, 'edit_window_closed');
    } finally {
      await h.close();
    }
  });

  it('MODERATION=all: the author edits while the comment waits; once approved only deleting is left', async () => {
    const h = await harness((now) => openSqliteStore(':memory:', { now }), { moderation: 'all' });
    try {
      const posted = await h.send('POST', '/api/threads/held/comments', commentBody());
      assert.equal(posted.status, 202);
      const { comment, editToken } = (await posted.json()) as { comment: Comment; editToken: string };
      const path = `/api/threads/held/comments/${comment.id}`;
      const waiting = await h.send('PATCH', path, { message: 'Fixed a typo.' }, bearer(editToken));
      assert.equal(waiting.status, 200);
      const edited = ((await waiting.json()) as { comment: Comment }).comment;
      assert.equal(edited.message, 'Fixed a typo.');
      assert.equal(edited.status, 'pending', 'an edit does not publish it');

      assert.equal((await h.store.setStatus(comment.id, 'published'))?.status, 'published');
      const approved = await h.send('PATCH', path, { message: 'Now something else.' }, bearer(editToken));
      assert.equal(approved.status, 403);
      const refusal = (await approved.json()) as { error: string; message: string };
      assert.equal(refusal.error, 'edit_window_closed');
      assert.match(refusal.message, /moderator has approved/);
      assert.equal((await h.list('held')).comments[0]?.message, 'Fixed a typo.', 'the approved text stays');
      assert.equal((await h.send('DELETE', path, undefined, bearer(editToken))).status, 204);
      assert.equal((await h.list('held')).total, 0);
    } finally {
      await h.close();
    }
  });

  it('votes count toward the write rate limit, with posts', async () => {
    const h = await harness((now) => openSqliteStore(':memory:', { now }), { rateLimitWrites: 2 });
    try {
      const { comment } = await h.post('limited');
      const vote = () =>
        h.send('PUT', `/api/threads/limited/comments/${comment.id}/vote`, { voter: voterId(1), value: 1 });
      assert.equal((await vote()).status, 200);
      const limited = await vote();
      assert.equal(limited.status, 429);
      assert.ok(Number(limited.headers.get('Retry-After')) > 0);
    } finally {
      await h.close();
    }
  });
});
