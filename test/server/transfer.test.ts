/**
 * Imports (Disqus, WordPress, Isso, Remark42, our own export) and the export, through the real
 * store on SQLite and on PostgreSQL: hand-written files in every format, the stored rows checked
 * field by field, a second run storing nothing, and the export → import round trip.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, beforeEach, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { openStore } from '../../server/store/index.js';
import type { KyselyStore } from '../../server/store/kysely-store.js';
import type { Store, StoredComment } from '../../server/store/types.js';
import { importOwnExport } from '../../server/transfer/article-feedback.js';
import { readDisqus } from '../../server/transfer/disqus.js';
import { exportLines } from '../../server/transfer/export.js';
import { openInput } from '../../server/transfer/input.js';
import { readIsso } from '../../server/transfer/isso.js';
import { readRemark42 } from '../../server/transfer/remark42.js';
import type { ImportSource } from '../../server/transfer/source.js';
import { readThreadMap, ThreadResolver, type ThreadFrom } from '../../server/transfer/thread.js';
import { readWordPress } from '../../server/transfer/wordpress.js';
import { CHANGES, commentIdFor, ImportWriter, REASONS, voterFor } from '../../server/transfer/writer.js';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../helpers/postgres.js';

const fixtures = fileURLToPath(new URL('../fixtures/transfer/', import.meta.url));
const fixture = (name: string) => join(fixtures, name);
const tmp = mkdtempSync(join(tmpdir(), 'af-transfer-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

async function runImport(store: Store, source: ImportSource, from: ThreadFrom = 'path', map?: Map<string, string>) {
  return new ImportWriter(store, source.source, new ThreadResolver(from, map)).run(source);
}

async function allComments(store: Store): Promise<Map<string, StoredComment>> {
  return new Map((await store.exportComments(null, 10_000)).map((c) => [c.id, c]));
}

/** The stored comment a source comment became. */
function storedFor(comments: Map<string, StoredComment>, source: string, sourceId: string): StoredComment {
  const comment = comments.get(commentIdFor(source, sourceId));
  assert.ok(comment, `${source} ${sourceId} was stored`);
  return comment;
}

const WP = 'https://blog.example.com';

/** Isso's own schema (isso/db/comments.py, threads.py), filled with rows covering each mode. */
function writeIssoDatabase(file: string): void {
  const db = new Database(file);
  db.exec(`
    CREATE TABLE threads (id INTEGER PRIMARY KEY, uri VARCHAR(256) UNIQUE, title VARCHAR(256));
    CREATE TABLE comments (
      tid REFERENCES threads(id), id INTEGER PRIMARY KEY, parent INTEGER,
      created FLOAT NOT NULL, modified FLOAT, mode INTEGER, remote_addr VARCHAR,
      text VARCHAR, author VARCHAR, email VARCHAR, website VARCHAR,
      likes INTEGER DEFAULT 0, dislikes INTEGER DEFAULT 0, voters BLOB NOT NULL,
      notification INTEGER DEFAULT 0);
    INSERT INTO threads VALUES (1, '/blog/isso-post/', 'Isso post');
    INSERT INTO comments (tid, id, parent, created, mode, text, author, email, voters) VALUES
      (1, 1, NULL, 1650000000.25, 1, 'Hello *world*\n\nSecond paragraph & <b>tags</b> &lt;kept&gt;', 'Isso Reader', 'reader@example.com', x''),
      (1, 2, 1, 1650000100.0, 4, '', NULL, NULL, x''),
      (1, 3, 2, 1650000200.0, 2, 'Waiting <script>alert(1)</script>for a moderator', NULL, NULL, x''),
      (1, 4, 3, 1650000300.0, 1, 'Nested reply 🎉', 'Deep', 'deep@example.com', x'');
  `);
  db.close();
}

function transferSuite(name: string, openDatabase: () => Promise<{ url: string; dispose(): Promise<void> }>): void {
  describe(`import and export on ${name}`, () => {
    let database: { url: string; dispose(): Promise<void> };
    let store: Store;
    before(async () => {
      database = await openDatabase();
      store = await openStore(database.url);
    });
    after(async () => {
      await store?.close();
      await database?.dispose();
    });
    beforeEach(async () => {
      const db = (store as KyselyStore).db;
      for (const table of ['comments', 'votes', 'import_sources'] as const) await db.deleteFrom(table).execute();
    });

    it('imports a Disqus export field by field: parents, dates, statuses, text, names and emails', async () => {
      const summary = await runImport(store, readDisqus(fixture('disqus.xml')));
      assert.equal(summary.read, 6);
      assert.equal(summary.imported, 4);
      assert.equal(summary.alreadyImported, 0);
      assert.deepEqual(
        summary.refused,
        new Map([
          [REASONS.deleted, 1],
          ['thread id not valid (use --map or --thread-from)', 1],
        ]),
      );
      assert.equal(summary.threadsCreated, 1);
      const comments = await allComments(store);
      assert.equal(comments.size, 4);
      const thread = '/2024/05/river-report/';
      const first = storedFor(comments, 'disqus', '1001');
      assert.deepEqual(first, {
        id: commentIdFor('disqus', '1001'),
        thread,
        parent: null,
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        message: 'First paragraph with bold & italics.\n\nSecond line one\nline two',
        rating: null,
        voter: null,
        status: 'published',
        createdAt: Date.UTC(2024, 4, 1, 9),
        clientHash: null,
        editedAt: null,
      });
      const reply = storedFor(comments, 'disqus', '1002');
      assert.equal(reply.parent, first.id);
      assert.equal(reply.message, 'Reply: see the data (https://example.org/data) and https://example.org/raw');
      assert.equal(reply.createdAt, Date.UTC(2024, 4, 1, 10));
      // 1003 was deleted: its reply now answers 1002, the nearest comment kept above it.
      const orphan = storedFor(comments, 'disqus', '1004');
      assert.equal(orphan.parent, reply.id);
      assert.equal(orphan.message, 'Answer to a deleted comment: café €5 😀 日本語 — “quoted”');
      assert.equal(orphan.name, 'Zoë 🦊');
      assert.equal(orphan.email, '');
      const spam = storedFor(comments, 'disqus', '1005');
      assert.equal(spam.status, 'spam');
      assert.equal(spam.message, 'Hi click', 'the script, the javascript: target and the image are gone');
      assert.equal(spam.name, 'Anonymous');
      assert.equal(spam.email, '', 'an email we would refuse from a reader is not kept');
      assert.deepEqual(
        summary.adjusted,
        new Map([
          [CHANGES.reattached, 1],
          [CHANGES.emailMissing, 1],
          [CHANGES.nameMissing, 1],
          [CHANGES.emailInvalid, 1],
        ]),
      );
      // The published ones are what a reader sees.
      assert.equal(await store.countPublished(thread), 3);
    });

    it('a second run stores nothing new, and says so', async () => {
      await runImport(store, readDisqus(fixture('disqus.xml')));
      const before = await allComments(store);
      const again = await runImport(store, readDisqus(fixture('disqus.xml')));
      assert.equal(again.imported, 0);
      assert.equal(again.alreadyImported, 4);
      assert.equal(again.threadsCreated, 0);
      assert.deepEqual(again.adjusted, new Map());
      assert.deepEqual(await allComments(store), before);
    });

    it('reads a gzipped Disqus export as it is (Disqus sends them so)', async () => {
      const { gzipSync } = await import('node:zlib');
      const { readFileSync } = await import('node:fs');
      const gz = join(tmp, `disqus-${name}.xml.gz`);
      writeFileSync(gz, gzipSync(readFileSync(fixture('disqus.xml'))));
      const summary = await runImport(store, readDisqus(gz));
      assert.equal(summary.imported, 4);
      assert.equal(
        storedFor(await allComments(store), 'disqus', '1004').message,
        'Answer to a deleted comment: café €5 😀 日本語 — “quoted”',
      );
    });

    it('--map gives a moved page its thread; --thread-from identifier and url take other parts', async () => {
      const mapFile = join(tmp, 'map.csv');
      writeFileSync(mapFile, 'source url,thread\n"https://news.example.com/caf%C3%A9-tips?utm=feed",/cafe-tips\n');
      const mapped = await runImport(store, readDisqus(fixture('disqus.xml')), 'path', readThreadMap(mapFile));
      assert.equal(mapped.imported, 5);
      assert.equal(storedFor(await allComments(store), 'disqus', '2001').thread, '/cafe-tips');

      const byIdentifier = new ThreadResolver('identifier');
      assert.deepEqual(byIdentifier.resolve({ url: 'https://x.example/a', identifier: 'post-42' }), {
        thread: 'post-42',
      });
      assert.deepEqual(byIdentifier.resolve({ url: 'https://x.example/a', identifier: null }), {
        refused: 'page has no identifier (--thread-from identifier)',
      });
      assert.deepEqual(new ThreadResolver('url').resolve({ url: 'https://x.example/a/b', identifier: null }), {
        thread: 'https://x.example/a/b',
      });
      assert.deepEqual(new ThreadResolver('path').resolve({ url: '/relative/path/', identifier: null }), {
        thread: '/relative/path/',
      });
    });

    it('imports a WordPress WXR file: statuses, ratings as votes, replies to trashed and later comments', async () => {
      const summary = await runImport(store, readWordPress(fixture('wordpress.xml')));
      assert.equal(summary.read, 8);
      assert.equal(summary.imported, 6);
      assert.deepEqual(
        summary.refused,
        new Map([
          [REASONS.deleted, 1],
          ['pingback or trackback (not a reader’s comment)', 1],
        ]),
      );
      assert.equal(summary.threadsCreated, 2);
      assert.equal(summary.votes, 2);
      const comments = await allComments(store);
      const hello = '/2023/hello-world/';
      const first = storedFor(comments, 'wordpress', `${WP} 11`);
      assert.deepEqual(first, {
        id: commentIdFor('wordpress', `${WP} 11`),
        thread: hello,
        parent: null,
        name: 'Tom & Jerry',
        email: 'tom@example.com',
        message: 'Great post!\nSecond line.\n\nA new paragraph with more (https://example.org/more) & bold.',
        rating: 4,
        voter: voterFor('wordpress', `${WP} 11`),
        status: 'published',
        createdAt: Date.UTC(2023, 0, 2, 11, 30),
        clientHash: null,
        editedAt: null,
      });
      const spam = storedFor(comments, 'wordpress', `${WP} 12`);
      assert.equal(spam.status, 'spam');
      assert.equal(spam.message, 'Nice try');
      assert.equal(spam.rating, 1);
      assert.equal(spam.voter, null, 'spam does not vote');
      const pending = storedFor(comments, 'wordpress', `${WP} 14`);
      assert.equal(pending.status, 'pending');
      assert.equal(pending.parent, first.id, 'its trashed parent is skipped; it answers the comment above');
      assert.equal(pending.createdAt, Date.UTC(2023, 0, 5, 9), 'no GMT date: the local one');
      assert.equal(pending.rating, null, 'a rating of 9000 is not kept');
      assert.equal(pending.name, 'Ünïcödé Ñame');
      assert.equal(pending.message, 'Reply to the trashed one — waits for moderation');
      const later = storedFor(comments, 'wordpress', `${WP} 21`);
      const parentLater = storedFor(comments, 'wordpress', `${WP} 22`);
      assert.equal(later.parent, parentLater.id, 'a parent later in the file is kept');
      assert.equal(parentLater.thread, '/about/');
      assert.equal(storedFor(comments, 'wordpress', `${WP} 23`).parent, null);
      assert.equal(summary.adjusted.get(CHANGES.parentMissing), 1);
      assert.equal(summary.adjusted.get(CHANGES.ratingDropped), 1);
      // Ratings count in the threads' averages as their authors' votes.
      assert.deepEqual(await store.ratingTotals(hello, 5), { count: 1, sum: 4, histogram: [0, 0, 0, 1, 0] });
      assert.deepEqual(await store.ratingTotals('/about/', 5), { count: 1, sum: 5, histogram: [0, 0, 0, 0, 1] });
      const again = await runImport(store, readWordPress(fixture('wordpress.xml')));
      assert.equal(again.imported, 0);
      assert.equal(again.votes, 0);
      assert.equal(again.alreadyImported, 6);
    });

    it('imports an Isso database: modes, seconds, missing author and email, deleted parent with replies', async () => {
      const file = join(tmp, `isso-${name}.db`);
      rmSync(file, { force: true });
      writeIssoDatabase(file);
      const summary = await runImport(store, readIsso(file));
      assert.equal(summary.imported, 3);
      assert.deepEqual(summary.refused, new Map([[REASONS.deleted, 1]]));
      const comments = await allComments(store);
      const first = storedFor(comments, 'isso', '1');
      assert.equal(first.thread, '/blog/isso-post/');
      assert.equal(first.createdAt, 1650000000250);
      assert.equal(first.message, 'Hello *world*\n\nSecond paragraph & tags <kept>');
      assert.equal(first.status, 'published');
      const waiting = storedFor(comments, 'isso', '3');
      assert.equal(waiting.status, 'pending');
      assert.equal(waiting.parent, first.id);
      assert.equal(waiting.name, 'Anonymous');
      assert.equal(waiting.email, '');
      assert.equal(waiting.message, 'Waiting for a moderator');
      const deep = storedFor(comments, 'isso', '4');
      assert.equal(deep.parent, waiting.id);
      assert.equal(deep.message, 'Nested reply 🎉');
      assert.equal((await runImport(store, readIsso(file))).imported, 0);
    });

    it('imports a Remark42 backup, gzipped or not', async () => {
      const summary = await runImport(store, readRemark42(fixture('remark42.jsonl')));
      assert.equal(summary.read, 3);
      assert.equal(summary.imported, 2);
      const comments = await allComments(store);
      const top = storedFor(comments, 'remark42', 'news/a1b2c3d4-0001');
      assert.equal(top.thread, '/posts/one/');
      assert.equal(top.message, 'Top comment with code and a link https://remark42.com/');
      assert.equal(top.createdAt, Date.UTC(2022, 2, 4, 5, 6, 7, 123));
      assert.equal(top.name, 'Remark User');
      const reply = storedFor(comments, 'remark42', 'news/a1b2c3d4-0003');
      assert.equal(reply.parent, top.id);
      assert.equal(reply.message, 'quoted\n\nReply <script>alert(1)</script> stays text');
      assert.equal(reply.email, 'third@example.com');
      assert.equal(reply.createdAt, Date.UTC(2022, 2, 4, 5));

      const { gzipSync } = await import('node:zlib');
      const { readFileSync } = await import('node:fs');
      const gz = join(tmp, 'remark42.jsonl.gz');
      writeFileSync(gz, gzipSync(readFileSync(fixture('remark42.jsonl'))));
      const again = await runImport(store, readRemark42(gz));
      assert.equal(again.read, 3);
      assert.equal(again.alreadyImported, 2);
    });

    it('cuts text over our limits and counts it', async () => {
      const long = 'x'.repeat(4999) + '😀' + 'y'.repeat(500);
      const file = join(tmp, 'long.xml');
      writeFileSync(
        file,
        `<disqus xmlns:dsq="http://disqus.com/disqus-internals"><thread dsq:id="1"><link>https://a.example/long</link></thread>
        <post dsq:id="9"><message>${long}</message><createdAt>2020-01-01T00:00:00Z</createdAt>
        <author><name>${'N'.repeat(100)}</name><email>n@example.com</email></author><thread dsq:id="1"/></post>
        <post dsq:id="10"><message><![CDATA[<img src="x.png">]]></message><createdAt>2020-01-01T00:00:00Z</createdAt><thread dsq:id="1"/></post>
        <post dsq:id="11"><message>no date</message><createdAt>yesterday</createdAt><thread dsq:id="1"/></post></disqus>`,
      );
      const summary = await runImport(store, readDisqus(file));
      const comment = storedFor(await allComments(store), 'disqus', '9');
      assert.equal(comment.message, 'x'.repeat(4999), 'cut before the emoji rather than through it');
      assert.equal(comment.name, 'N'.repeat(80));
      assert.equal(summary.adjusted.get(CHANGES.messageCut), 1);
      assert.equal(summary.adjusted.get(CHANGES.nameCut), 1);
      assert.equal(summary.refused.get(REASONS.emptyMessage), 1);
      assert.equal(summary.refused.get(REASONS.noDate), 1);
    });

    it('export then import into an empty database gives back exactly the same comments and votes', async () => {
      await runImport(store, readDisqus(fixture('disqus.xml')));
      await runImport(store, readWordPress(fixture('wordpress.xml')));
      await store.createComment(
        {
          id: 'posted-live-1',
          thread: '/live/',
          parent: null,
          name: 'Live',
          email: 'Live@Example.com',
          message: 'Posted through the API',
          rating: 3,
          voter: 'voter-live-1',
          status: 'pending',
          createdAt: 1_700_000_000_123,
          clientHash: 'hash-of-address',
          editedAt: null,
        },
        { vote: { thread: '/live/', voter: 'voter-live-1', value: 3 } },
      );
      await store.putVote({ thread: '/live/', voter: 'standalone-voter', value: 2 });
      const file = join(tmp, `export-${name}.jsonl`);
      let text = '';
      for await (const chunk of exportLines(store, Date.UTC(2026, 0, 1))) text += chunk;
      writeFileSync(file, text);
      const lines = text.trim().split('\n');
      assert.deepEqual(JSON.parse(lines[0]!), {
        format: 'article-feedback',
        version: 1,
        exportedAt: '2026-01-01T00:00:00.000Z',
      });
      assert.equal(lines.filter((l) => l.includes('"type":"comment"')).length, 11);
      assert.equal(lines.filter((l) => l.includes('"type":"vote"')).length, 4);

      const target = await openDatabase();
      const other = await openStore(target.url);
      try {
        const result = await importOwnExport(other, openInput(file), file);
        assert.equal(result.summary.imported, 11);
        assert.equal(result.summary.votes, 4);
        assert.deepEqual(await other.exportComments(null, 1000), await store.exportComments(null, 1000));
        assert.deepEqual(await other.exportVotes(null, 1000), await store.exportVotes(null, 1000));
        assert.deepEqual(await other.ratingTotals('/live/', 5), await store.ratingTotals('/live/', 5));
        const again = await importOwnExport(other, openInput(file), file);
        assert.equal(again.summary.imported, 0);
        assert.equal(again.summary.alreadyImported, 11);
        assert.equal(again.votesAlreadyThere, 4);
      } finally {
        await other.close();
        await target.dispose();
      }
    });

    it('refuses a file that is not our export with one clear line', async () => {
      await assert.rejects(
        importOwnExport(store, openInput(fixture('remark42.jsonl')), 'remark42.jsonl'),
        /^Error: remark42.jsonl is not an article-feedback export: its first line must be the export header$/,
      );
      const broken = join(tmp, 'broken.xml');
      writeFileSync(broken, '<disqus><post dsq:id="1"><message>unclosed</disqus>');
      await assert.rejects(runImport(store, readDisqus(broken)), (error: Error) =>
        error.message.startsWith(`${broken} is not well-formed XML: `),
      );
    });
  });
}

let sqliteCount = 0;
transferSuite('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'af-transfer-db-'));
  sqliteCount += 1;
  return {
    url: join(dir, `comments-${sqliteCount}.db`),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

if (await postgresAvailable()) {
  transferSuite('PostgreSQL', async () => {
    const database: TestDatabase = await createTestDatabase();
    return { url: database.url, dispose: database.drop };
  });
}
