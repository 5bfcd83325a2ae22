/**
 * Answers kept by thread version (issue #24), on SQLite and PostgreSQL: an `If-None-Match` that
 * matched before a write no longer matches after it, and the answer after the write shows it,
 * for every kind of write to a thread (post, vote, moderation, delete, import, re-parenting).
 * The cache is on (its default size) in every case.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../server/app.js';
import { createCaptcha } from '../../server/captcha/index.js';
import { testConfig } from '../../server/config.js';
import { openPostgresStore } from '../../server/store/postgres.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import type { Store, StoredComment } from '../../server/store/types.js';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../helpers/postgres.js';
import { BASE, commentBody, voterId } from './helpers.js';

const TOKEN = 'admin-token-for-cache-tests-0123';
const admin = { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' };

interface Harness {
  store: Store;
  request(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

function harness(store: Store, dbPath: string, cleanup: () => Promise<void>): Harness {
  // READ_STALE_MS=0: the writes below go through the store, as another process's would (the
  // CLI import), and each must move the version at once; the bound has its own tests
  // (cache-multi-instance.test.ts).
  const config = testConfig({ databaseUrl: dbPath, adminToken: TOKEN, moderation: 'off', readStaleMs: 0 });
  const app = createApp({ config, store, captcha: createCaptcha(config, store) });
  return {
    store,
    request: async (path, init) => app.request(new Request(BASE + path, init)),
    close: async () => {
      await store.close();
      await cleanup();
    },
  };
}

const postgres = await postgresAvailable();

const stores: { name: string; skip: boolean; open(): Promise<Harness> }[] = [
  {
    name: 'SQLite',
    skip: false,
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'af-cache-'));
      const dbPath = join(dir, 'comments.db');
      return harness(await openSqliteStore(dbPath), dbPath, async () => rmSync(dir, { recursive: true, force: true }));
    },
  },
  {
    name: 'PostgreSQL',
    skip: !postgres,
    async open() {
      const database: TestDatabase = await createTestDatabase();
      return harness(await openPostgresStore(database.url, { poolMax: 4 }), database.url, () => database.drop());
    },
  },
];

for (const kind of stores) {
  describe(`answers kept by thread version, ${kind.name}`, { skip: kind.skip }, () => {
    let h: Harness;
    before(async () => {
      h = await kind.open();
    });
    after(async () => {
      await h?.close();
    });

    const list = (thread: string, query = '') => `/api/threads/${encodeURIComponent(thread)}/comments${query}`;
    const rating = (thread: string) => `/api/threads/${encodeURIComponent(thread)}/rating`;
    const post = async (thread: string, body: Record<string, unknown> = commentBody()) => {
      const res = await h.request(list(thread), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      assert.equal(res.status, 201, await res.clone().text());
      return ((await res.json()) as { comment: { id: string } }).comment.id;
    };
    /** GETs twice (the second from memory), checks the 304, and returns the ETag and the body. */
    const cached = async (path: string) => {
      const first = await h.request(path);
      assert.equal(first.status, 200);
      const etag = first.headers.get('ETag')!;
      assert.match(etag, /^"[^"]+"$/);
      assert.equal(first.headers.get('Cache-Control'), 'no-cache');
      const text = await first.text();
      const again = await h.request(path);
      assert.equal(again.headers.get('ETag'), etag);
      assert.equal(await again.text(), text, 'the kept answer is the same bytes');
      const notModified = await h.request(path, { headers: { 'If-None-Match': etag } });
      assert.equal(notModified.status, 304);
      assert.equal(notModified.headers.get('ETag'), etag);
      assert.equal(await notModified.text(), '');
      return { etag, body: JSON.parse(text) as Record<string, unknown> };
    };
    /** After a write: the old ETag gets a 200 with a new ETag and the new body. */
    const changed = async (path: string, etag: string) => {
      const res = await h.request(path, { headers: { 'If-None-Match': etag } });
      assert.equal(res.status, 200, 'the ETag from before the write must not match');
      assert.notEqual(res.headers.get('ETag'), etag);
      return (await res.json()) as { comments: { id: string; parent: string | null }[]; total: number };
    };

    it('a new comment: the list and the rating change their ETag; the next page of the list too', async () => {
      const thread = 'cache/post';
      await post(thread);
      const before = await cached(list(thread));
      const ratingBefore = await cached(rating(thread));
      const small = await cached(list(thread, '?limit=1&sort=oldest'));
      assert.notEqual(small.etag, before.etag, 'two pages of one thread have different ETags');
      const id = await post(thread, commentBody({ rating: 4, voter: voterId(1) }));
      const after = await changed(list(thread), before.etag);
      assert.equal(after.total, 2);
      assert.equal(after.comments[0]!.id, id);
      assert.equal(((await changed(rating(thread), ratingBefore.etag)) as unknown as { count: number }).count, 1);
      await changed(list(thread, '?limit=1&sort=oldest'), small.etag);
    });

    it('a vote on the thread changes the rating and the list ETags', async () => {
      const thread = 'cache/vote';
      await post(thread);
      const listed = await cached(list(thread));
      const rated = await cached(rating(thread));
      const res = await h.request(rating(thread), {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ voter: voterId(2), value: 5 }),
      });
      assert.equal(res.status, 200);
      const after = (await changed(rating(thread), rated.etag)) as unknown as { count: number; average: number };
      assert.deepEqual([after.count, after.average], [1, 5]);
      await changed(list(thread), listed.etag);
    });

    it('moderation: marking a comment spam and publishing it again', async () => {
      const thread = 'cache/moderation';
      const keep = await post(thread);
      const hide = await post(thread, commentBody({ rating: 2, voter: voterId(3) }));
      const listed = await cached(list(thread));
      const rated = await cached(rating(thread));
      const patch = (id: string, status: string) =>
        h.request(`/api/admin/comments/${id}`, { method: 'PATCH', headers: admin, body: JSON.stringify({ status }) });
      assert.equal((await patch(hide, 'spam')).status, 200);
      const after = await changed(list(thread), listed.etag);
      assert.deepEqual(
        after.comments.map((c) => c.id),
        [keep],
      );
      assert.equal(((await changed(rating(thread), rated.etag)) as unknown as { count: number }).count, 0);
      const hidden = await cached(list(thread));
      assert.equal((await patch(hide, 'published')).status, 200);
      assert.equal((await changed(list(thread), hidden.etag)).total, 2);
    });

    it('deleting a comment', async () => {
      const thread = 'cache/delete';
      const gone = await post(thread);
      await post(thread);
      const listed = await cached(list(thread));
      const res = await h.request(`/api/admin/comments/${gone}`, { method: 'DELETE', headers: admin });
      assert.equal(res.status, 204);
      const after = await changed(list(thread), listed.etag);
      assert.equal(after.total, 1);
      assert.ok(!after.comments.some((c) => c.id === gone));
    });

    it('an import into the thread, a re-parented reply and imported votes', async () => {
      const thread = 'cache/import';
      const parent = await post(thread);
      const listed = await cached(list(thread));
      const imported: StoredComment = {
        id: 'imported0001',
        thread,
        parent: null,
        name: 'Imported',
        email: 'imported@example.com',
        message: 'From another system',
        rating: null,
        voter: null,
        status: 'published',
        createdAt: Date.now() + 1000,
        clientHash: null,
        editedAt: null,
      };
      assert.deepEqual(await h.store.importComments([{ comment: imported, source: null }]), [imported.id]);
      const afterImport = await changed(list(thread), listed.etag);
      assert.equal(afterImport.total, 2);
      const relisted = await cached(list(thread));
      await h.store.setParent(imported.id, parent);
      const reparented = await changed(list(thread), relisted.etag);
      assert.equal(reparented.comments.find((c) => c.id === imported.id)!.parent, parent);
      const rated = await cached(rating(thread));
      const votes = [{ thread, voter: voterId(9), value: 3, updatedAt: Date.now(), commentId: null }];
      assert.equal(await h.store.importVotes(votes), 1);
      await changed(rating(thread), rated.etag);
    });

    it('a reply keeps its parent when the parent is published on another page, and loses it once hidden', async () => {
      const thread = 'cache/parent-elsewhere';
      const parent = await post(thread);
      const reply = await post(thread, commentBody({ parent }));
      const firstPage = async () =>
        ((await (await h.request(list(thread, '?limit=1'))).json()) as { comments: { id: string; parent: string }[] })
          .comments;
      assert.deepEqual(await firstPage(), [{ ...(await firstPage())[0]!, id: reply, parent }]);
      const res = await h.request(`/api/admin/comments/${parent}`, {
        method: 'PATCH',
        headers: admin,
        body: JSON.stringify({ status: 'spam' }),
      });
      assert.equal(res.status, 200);
      assert.equal((await firstPage())[0]!.parent, null);
    });

    it('a write to one thread leaves the other threads’ ETags matching', async () => {
      await post('cache/quiet');
      const quiet = await cached(list('cache/quiet'));
      await post('cache/busy');
      const res = await h.request(list('cache/quiet'), { headers: { 'If-None-Match': quiet.etag } });
      assert.equal(res.status, 304);
    });

    it('GET /api/counts: a write to one of its threads makes the old ETag stop matching; other threads’ writes do not', async () => {
      const counts = (...threads: string[]) =>
        `/api/counts?${threads.map((t) => `thread=${encodeURIComponent(t)}`).join('&')}`;
      await post('cache/counts-a');
      await post('cache/counts-b');
      const before = await cached(counts('cache/counts-a', 'cache/counts-b', 'cache/counts-never'));
      // The same threads asked in another order are the same answer with the same ETag.
      const reordered = await h.request(counts('cache/counts-never', 'cache/counts-b', 'cache/counts-a'), {
        headers: { 'If-None-Match': before.etag },
      });
      assert.equal(reordered.status, 304);
      await post('cache/counts-elsewhere');
      const quiet = await h.request(counts('cache/counts-a', 'cache/counts-b', 'cache/counts-never'), {
        headers: { 'If-None-Match': before.etag },
      });
      assert.equal(quiet.status, 304, 'a write to another thread leaves the answer as it was');
      await post('cache/counts-b', commentBody({ rating: 5, voter: voterId(7) }));
      const after = (await changed(
        counts('cache/counts-a', 'cache/counts-b', 'cache/counts-never'),
        before.etag,
      )) as unknown as {
        counts: Record<string, { comments: number; rating: { count: number } }>;
      };
      assert.equal(after.counts['cache/counts-b']!.comments, 2);
      assert.equal(after.counts['cache/counts-b']!.rating.count, 1);
      assert.equal(after.counts['cache/counts-a']!.comments, 1);
      // A thread written for the first time changes the answer too.
      const again = await cached(counts('cache/counts-a', 'cache/counts-b', 'cache/counts-never'));
      await post('cache/counts-never');
      const first = (await changed(
        counts('cache/counts-a', 'cache/counts-b', 'cache/counts-never'),
        again.etag,
      )) as unknown as {
        counts: Record<string, { comments: number }>;
      };
      assert.equal(first.counts['cache/counts-never']!.comments, 1);
    });

    it('If-None-Match lists, weak tags and * are understood; a foreign tag gets the full answer', async () => {
      const thread = 'cache/conditional';
      await post(thread);
      const { etag } = await cached(list(thread));
      const status = async (value: string) =>
        (await h.request(list(thread), { headers: { 'If-None-Match': value } })).status;
      assert.equal(await status(`"other", ${etag}`), 304);
      assert.equal(await status(`W/${etag}`), 304);
      assert.equal(await status('*'), 304);
      assert.equal(await status('"something-else"'), 200);
      assert.equal(await status(''), 200);
    });
  });
}
