/**
 * The subcommands beside the server, run as real processes: `copy --to postgres://…` moves a
 * site from its SQLite file to PostgreSQL without loss and can be run again; `migrate` brings a
 * database up to date and says what it did.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openPostgresStore } from '../../server/store/postgres.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import type { Store, StoredComment } from '../../server/store/types.js';
import { MIGRATION_NAMES } from '../helpers/migrations.js';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../helpers/postgres.js';
import { runCli } from '../helpers/server-process.js';

const postgres = await postgresAvailable();

describe('copy and migrate', { skip: !postgres }, () => {
  let dir: string;
  let sqliteFile: string;
  let database: TestDatabase;
  const written: StoredComment[] = [];

  before(async () => {
    // In memory where the system has it: seeding 1,203 comments one fsync at a time is slow on disk.
    dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'af-copy-'));
    sqliteFile = join(dir, 'comments.db');
    database = await createTestDatabase();
    // A site with some history: 1,203 comments (more than two batches), votes with and without
    // a comment, idempotency records and used captcha solutions.
    const now = Date.now();
    const sqlite = await openSqliteStore(sqliteFile);
    for (let i = 0; i < 1203; i++) {
      const comment: StoredComment = {
        id: `copy${String(i).padStart(5, '0')}`,
        thread: i % 3 ? 'articles/a' : 'articles/b',
        parent: null,
        name: `Reader ${i}`,
        email: `reader${i}@example.com`,
        message: `Comment ${i}, with “quotes” and ünïcode 🙂`,
        rating: i % 5 === 0 ? 1 + (i % 5) : null,
        voter: i % 5 === 0 ? `voter-copy-${i}` : null,
        status: i % 7 === 0 ? 'pending' : 'published',
        createdAt: now - 1_000_000 + i,
        clientHash: `hash-${i}`,
        editedAt: null,
      };
      written.push(comment);
      await sqlite.createComment(comment, {
        ...(comment.voter ? { vote: { thread: comment.thread, voter: comment.voter, value: comment.rating! } } : {}),
        // The first three posted with notifications waiting (#16): one webhook each, and the
        // reader's email choice.
        ...(i < 3
          ? {
              outbox: {
                deliveries: [
                  { kind: 'webhook', event: 'comment.created', target: 'https://hooks.test/x', payload: { n: i } },
                ],
                commentNotify: {
                  commentId: comment.id,
                  thread: comment.thread,
                  email: comment.email,
                  lang: 'de',
                  replyEmails: i !== 1,
                  articleUrl: null,
                },
              },
            }
          : {}),
        ...(i < 40
          ? {
              idempotency: { key: `key-${i}`, fingerprint: `fp-${i}`, status: 201, body: `{"n":${i}}`, createdAt: now },
            }
          : {}),
      });
    }
    for (let v = 0; v < 30; v++) await sqlite.putVote({ thread: 'articles/a', voter: `voter-alone-${v}`, value: 4 });
    for (let s = 0; s < 12; s++) await sqlite.useCaptchaSolution(`pow:solution-${s}`, now + 600_000);
    await sqlite.admin.addBlocks([
      { kind: 'email', value: 'troll@example.com', label: 'Troll', commentId: null },
      { kind: 'client', value: 'hash-7', label: 'Reader 7', commentId: 'copy00007' },
    ]);
    const imported = { ...written[0]!, id: 'copy-imported', thread: 'articles/c', email: 'old@example.com' };
    await sqlite.importComments([{ comment: imported, source: { source: 'disqus', sourceId: '4242' } }]);
    written.push(imported);
    await sqlite.close();
  });

  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await database?.drop();
  });

  it('migrate brings a fresh PostgreSQL database up to date, then finds nothing to do', async () => {
    const fresh = await createTestDatabase();
    try {
      const first = await runCli(['migrate'], { DATABASE_URL: fresh.url });
      assert.equal(first.code, 0, first.stderr);
      assert.ok(MIGRATION_NAMES.length >= 5);
      assert.equal(first.stdout, `applied ${MIGRATION_NAMES.length}: ${MIGRATION_NAMES.join(', ')}\n`);
      const second = await runCli(['migrate'], { DATABASE_URL: fresh.url });
      assert.equal(second.code, 0, second.stderr);
      assert.equal(second.stdout, 'the database is up to date\n');
    } finally {
      await fresh.drop();
    }
  });

  it('copy --to copies comments, votes, idempotency records and captcha solutions, and prints both counts', async () => {
    const run = await runCli(['copy', '--to', database.url], { DATABASE_URL: sqliteFile });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /comments: 1204 of 1204 read, 1204 copied/);
    assert.equal(
      run.stdout,
      [
        `Copied ${sqliteFile} to ${database.url}:`,
        '  comments           1204 in SQLite, 1204 in PostgreSQL, 1204 copied now',
        '  votes              271 in SQLite, 271 in PostgreSQL, 271 copied now',
        '  idempotency        40 in SQLite, 40 in PostgreSQL, 40 copied now',
        '  captcha_solutions  12 in SQLite, 12 in PostgreSQL, 12 copied now',
        '  comment_votes      0 in SQLite, 0 in PostgreSQL, 0 copied now', // #18
        '  import_sources     1 in SQLite, 1 in PostgreSQL, 1 copied now',
        '  author_blocks      2 in SQLite, 2 in PostgreSQL, 2 copied now',
        '  comment_notify     3 in SQLite, 3 in PostgreSQL, 3 copied now',
        '  deliveries         3 in SQLite, 3 in PostgreSQL, 3 copied now',
        '',
      ].join('\n'),
    );

    const sqlite = await openSqliteStore(sqliteFile);
    const pg = await openPostgresStore(database.url, { poolMax: 2 });
    try {
      await assertSame(sqlite, pg);
    } finally {
      await sqlite.close();
      await pg.close();
    }
  });

  it('copy run again stores nothing twice', async () => {
    const run = await runCli(['copy', `--to=${database.url}`], { DATABASE_URL: sqliteFile });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /comments {11}1204 in SQLite, 1204 in PostgreSQL, 0 copied now/);
    assert.match(run.stdout, /deliveries {9}3 in SQLite, 3 in PostgreSQL, 0 copied now/);
    assert.match(run.stdout, /votes {14}271 in SQLite, 271 in PostgreSQL, 0 copied now/);
  });

  it('a failure is one clear line and a non-zero exit', async () => {
    // Three independent refusals, run side by side.
    const [unreachable, missing, wrong] = await Promise.all([
      runCli(['copy', '--to', 'postgres://postgres@127.0.0.1:1/nothing'], { DATABASE_URL: sqliteFile }),
      runCli(['copy', '--to', database.url], { DATABASE_URL: join(dir, 'nothing.db') }),
      runCli(['copy', '--to', 'mysql://x'], { DATABASE_URL: sqliteFile }),
    ]);
    assert.equal(unreachable.code, 1);
    const lines = unreachable.stderr.trim().split('\n');
    assert.equal(lines.at(-1), 'article-feedback: copy failed: connect ECONNREFUSED 127.0.0.1:1');
    assert.doesNotMatch(unreachable.stderr, /\n\s+at /, 'no stack trace');

    assert.equal(missing.code, 1);
    assert.equal(
      missing.stderr.trim().split('\n').at(-1),
      `article-feedback: copy failed: there is no SQLite database at ${join(dir, 'nothing.db')} (DATABASE_URL) to copy from`,
    );
    assert.equal(wrong.code, 2);
    assert.equal(
      wrong.stderr,
      'article-feedback: copy --to needs a postgres:// (postgresql://) URL, got "mysql://x"\n',
    );
  });

  async function assertSame(sqlite: Store, pg: Store): Promise<void> {
    for (const comment of written) assert.deepEqual(await pg.getComment(comment.id), comment);
    for (const thread of ['articles/a', 'articles/b']) {
      assert.deepEqual(await pg.ratingTotals(thread, 5), await sqlite.ratingTotals(thread, 5));
      assert.equal(await pg.countPublished(thread), await sqlite.countPublished(thread));
    }
    assert.deepEqual(await pg.findIdempotency('key-7'), await sqlite.findIdempotency('key-7'));
    assert.equal(await pg.useCaptchaSolution('pow:solution-3', Date.now() + 600_000), false, 'used stays used');
    // The pending comments' votes still follow their comments after the move.
    const pending = written.find((c) => c.status === 'pending' && c.voter)!;
    const before = await pg.ratingTotals(pending.thread, 5);
    await pg.setStatus(pending.id, 'published');
    assert.equal((await pg.ratingTotals(pending.thread, 5)).count, before.count + 1);
    await pg.setStatus(pending.id, 'pending');
    // The moderators' blocks, the readers' email choices, the outbox and the import sources.
    const blocks = (list: Awaited<ReturnType<Store['admin']['listBlocks']>>) =>
      list.map(({ kind, value, label, commentId }) => ({ kind, value, label, commentId }));
    assert.deepEqual(blocks(await pg.admin.listBlocks()), blocks(await sqlite.admin.listBlocks()));
    assert.deepEqual(await pg.outbox.list({ limit: 10 }), await sqlite.outbox.list({ limit: 10 }));
    assert.equal((await pg.outbox.depth()).pending, 3);
    for (const id of ['copy00000', 'copy00001'])
      assert.deepEqual(await pg.outbox.commentNotify(id), await sqlite.outbox.commentNotify(id));
    assert.deepEqual(await pg.importedSourceIds('disqus', ['4242', '4243']), new Set(['4242']));
  }
});
