/**
 * The dashboard's store (#15, server/store/admin.ts) on SQLite and PostgreSQL: the same cases,
 * the same expectations. Sessions, the queue's search and filters, counts, bulk changes, edits,
 * blocks, and the votes that follow their comments through moderation.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openPostgresStore } from '../../server/store/postgres.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import type { Store } from '../../server/store/types.js';
import { editComment, moderateMany } from '../../server/use-cases/moderate.js';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../helpers/postgres.js';
import { storedComments } from '../helpers/stored-comment.js';

const clock = { now: 1_764_000_000_000 };
const now = () => clock.now;

const comment = storedComments('d', (n) => ({ status: 'pending', createdAt: clock.now + n }));

function suite(name: string, open: () => Promise<{ store: Store; dispose(): Promise<void> }>): void {
  describe(`dashboard store on ${name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    before(async () => {
      ({ store, dispose } = await open());
    });
    after(async () => {
      await store?.close();
      await dispose?.();
    });

    it('keeps a session until it expires, and forgets it when signed out', async () => {
      await store.admin.createSession('hash-a', clock.now + 1000);
      assert.equal(await store.admin.sessionExpiry('hash-a'), clock.now + 1000);
      assert.equal(await store.admin.sessionExpiry('hash-b'), null);
      clock.now += 1000;
      assert.equal(await store.admin.sessionExpiry('hash-a'), null, 'ended at its expiry');
      await store.admin.createSession('hash-c', clock.now + 5000);
      await store.admin.deleteSession('hash-c');
      assert.equal(await store.admin.sessionExpiry('hash-c'), null);
    });

    it('lists newest first by status, thread and words, with cursors, and counts per status', async () => {
      const thread = `/search-${name}`;
      const older = comment({ thread, message: 'The ferry timetable is 50% wrong', status: 'pending' });
      const newer = comment({ thread, name: 'Grace Hopper', email: 'grace@navy.example', status: 'published' });
      const spam = comment({ thread, message: 'cheap_pills here', status: 'spam' });
      const elsewhere = comment({ thread: `/other-${name}`, message: 'ferry elsewhere' });
      for (const c of [older, newer, spam, elsewhere]) await store.createComment(c);

      const ids = async (filter: Partial<Parameters<Store['admin']['listQueue']>[0]>) =>
        (
          await store.admin.listQueue({ status: null, search: null, thread, limit: 10, after: null, ...filter })
        ).items.map((c) => c.id);
      assert.deepEqual(await ids({}), [spam.id, newer.id, older.id], 'every status, newest first');
      assert.deepEqual(await ids({ status: 'pending' }), [older.id]);
      assert.deepEqual(await ids({ search: 'FERRY' }), [older.id], 'text, case-insensitive, thread filter kept');
      assert.deepEqual(await ids({ thread: null, search: 'ferry' }), [elsewhere.id, older.id]);
      assert.deepEqual(await ids({ search: 'hopper' }), [newer.id], 'by name');
      assert.deepEqual(await ids({ search: 'NAVY.example' }), [newer.id], 'by email');
      assert.deepEqual(await ids({ thread: null, search: `other-${name}` }), [elsewhere.id], 'by thread');
      assert.deepEqual(await ids({ search: '50%' }), [older.id], '% is a character, not a wildcard');
      assert.deepEqual(await ids({ search: 's_p' }), [], '_ is a character, not a wildcard');
      assert.deepEqual(await ids({ search: 'cheap_pills' }), [spam.id]);

      const first = await store.admin.listQueue({ status: null, search: null, thread, limit: 2, after: null });
      assert.deepEqual(
        first.items.map((c) => c.id),
        [spam.id, newer.id],
      );
      const second = await store.admin.listQueue({ status: null, search: null, thread, limit: 2, after: first.next });
      assert.deepEqual(
        second.items.map((c) => c.id),
        [older.id],
      );
      assert.equal(second.next, null);

      const counts = await store.admin.countByStatus();
      assert.ok(counts.pending >= 2 && counts.published >= 1 && counts.spam >= 1, JSON.stringify(counts));
    });

    it('bulk approve, spam and delete change only what exists; a vote follows its comment', async () => {
      const thread = `/votes-${name}`;
      const rated = comment({ thread, rating: 2, voter: 'voter-0001', status: 'pending' });
      const other = comment({ thread, status: 'pending' });
      await store.createComment(rated, { vote: { thread, voter: 'voter-0001', value: 2 } });
      await store.createComment(other);
      await store.putVote({ thread, voter: 'voter-0002', value: 5 });
      const totals = async () => {
        const t = await store.ratingTotals(thread, 5);
        return { count: t.count, sum: t.sum };
      };
      assert.deepEqual(await totals(), { count: 1, sum: 5 }, 'a pending comment’s rating does not count');

      const approved = await moderateMany({ store }, 'approve', [rated.id, other.id, 'nope']);
      assert.deepEqual(approved, { done: [rated.id, other.id], missing: ['nope'] });
      assert.deepEqual(await totals(), { count: 2, sum: 7 }, 'approved: it counts');

      await moderateMany({ store }, 'spam', [rated.id]);
      assert.equal((await store.getComment(rated.id))?.status, 'spam');
      assert.deepEqual(await totals(), { count: 1, sum: 5 }, 'spam: it no longer counts');

      await moderateMany({ store }, 'approve', [rated.id]);
      assert.deepEqual(await totals(), { count: 2, sum: 7 }, 'approved again: it counts again');

      const deleted = await moderateMany({ store }, 'delete', [rated.id, other.id]);
      assert.deepEqual(deleted.done, [rated.id, other.id]);
      assert.equal(await store.getComment(rated.id), null);
      assert.deepEqual(await totals(), { count: 1, sum: 5 }, 'deleted: its vote is gone');
    });

    it('edits record when; parents’ texts are found for replies', async () => {
      const parent = comment({ status: 'published', message: 'The parent text' });
      await store.createComment(parent);
      clock.now += 60_000;
      const edited = await editComment({ store, now }, parent.id, 'Edited by a moderator');
      assert.equal(edited?.message, 'Edited by a moderator');
      assert.equal(edited?.editedAt, clock.now);
      assert.equal(await editComment({ store, now }, 'missing', 'x'), null);
      const texts = await store.admin.messagesOf([parent.id, 'missing']);
      assert.deepEqual([...texts], [[parent.id, 'Edited by a moderator']]);
    });

    it('blocks by email (any case) and by client hash, lists and lifts them', async () => {
      const byEmail = await store.admin.addBlocks([
        { kind: 'email', value: 'spam@example.com', label: 'Spammer', commentId: 'c1' },
      ]);
      assert.equal(byEmail.length, 1);
      const again = await store.admin.addBlocks([
        { kind: 'email', value: 'spam@example.com', label: 'Renamed', commentId: 'c2' },
        { kind: 'client', value: 'hash-of-address', label: 'Spammer', commentId: 'c1' },
      ]);
      assert.equal(again.length, 2);
      assert.equal(again.find((b) => b.kind === 'email')?.id, byEmail[0]!.id, 'the first block stays');
      assert.equal(again.find((b) => b.kind === 'email')?.label, 'Spammer');

      assert.equal(await store.admin.isBlocked('SPAM@Example.com', null), true);
      assert.equal(await store.admin.isBlocked('friend@example.com', 'hash-of-address'), true);
      assert.equal(await store.admin.isBlocked('friend@example.com', 'another-hash'), false);

      const listed = await store.admin.listBlocks();
      assert.equal(listed.length, 2);
      assert.equal(await store.admin.liftBlock(byEmail[0]!.id), true);
      assert.equal(await store.admin.liftBlock(byEmail[0]!.id), false);
      assert.equal(await store.admin.isBlocked('spam@example.com', null), false);
    });
  });
}

suite('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'af-dashboard-store-'));
  const store = await openSqliteStore(join(dir, 'comments.db'), { now });
  return { store, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
});

const postgres = await postgresAvailable();
describe('PostgreSQL', { skip: !postgres }, () => {
  let database: TestDatabase;
  suite('PostgreSQL', async () => {
    database = await createTestDatabase();
    const store = await openPostgresStore(database.url, { now, poolMax: 2 });
    return { store, dispose: () => database.drop() };
  });
});
