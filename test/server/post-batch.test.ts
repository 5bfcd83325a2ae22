/**
 * A new comment's statements (#24): the checks before it in one statement (its key's earlier
 * answer and its author's blocks, `Store.beforeComment`), and a batch's keys, notification
 * choices and deliveries each in one fixed statement. Through the HTTP API, on SQLite and on
 * PostgreSQL (when reachable): what a reader, a retry, a blocked author and a moderator see.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createApp } from '../../server/app.js';
import { createCaptcha } from '../../server/captcha/index.js';
import { testConfig, type Config } from '../../server/config.js';
import type { KyselyStore } from '../../server/store/kysely-store.js';
import { BATCH_PARAMETERS, STORE_BATCH_TEXT } from '../../server/store/pg-batch.js';
import { BEFORE_COMMENTS_TEXT, openPostgresStore } from '../../server/store/postgres.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import type { Store } from '../../server/store/types.js';
import { createTestDatabase, postgresAvailable } from '../helpers/postgres.js';

const BASE = 'http://127.0.0.1:8787';
const PAGE_ORIGIN = 'https://news.example';
const ADMIN_TOKEN = 'admin-token-0123456789abcdef';
const postgres = await postgresAvailable();

interface Opened {
  store: Store;
  close(): Promise<void>;
}

const kinds: { name: string; skip: boolean; open(): Promise<Opened> }[] = [
  {
    name: 'SQLite',
    skip: false,
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'af-post-batch-'));
      const store = await openSqliteStore(join(dir, 'comments.db'));
      return {
        store,
        close: async () => {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'PostgreSQL',
    skip: !postgres,
    async open() {
      const database = await createTestDatabase();
      const store = await openPostgresStore(database.url, { poolMax: 6 });
      return {
        store,
        close: async () => {
          await store.close();
          await database.drop();
        },
      };
    },
  },
];

for (const kind of kinds) {
  describe(`posting comments, ${kind.name}`, { skip: kind.skip }, () => {
    let opened: Opened;
    let store: Store;
    let send: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Response>;
    before(async () => {
      opened = await kind.open();
      store = opened.store;
      const config: Config = testConfig({
        adminToken: ADMIN_TOKEN,
        allowedOrigins: [PAGE_ORIGIN],
        // Nothing is delivered here (no worker): the rows wait in the outbox, where the test reads them.
        webhooks: [{ url: 'http://127.0.0.1:9/hook', format: 'standard' }],
        webhookSecret: `whsec_${Buffer.from('a webhook key of 32 bytes, fixed').toString('base64')}`,
        smtpUrl: 'smtp://127.0.0.1:9',
        mailFrom: 'Comments <comments@news.example>',
      });
      const app = createApp({ config, store, captcha: createCaptcha(config, store) });
      send = async (method, path, body, headers = {}) =>
        app.request(
          new Request(BASE + path, {
            method,
            headers: { 'Content-Type': 'application/json', Origin: PAGE_ORIGIN, ...headers },
            body: body === undefined ? null : JSON.stringify(body),
          }),
        );
    });
    after(async () => {
      await opened?.close();
    });

    const postTo = (thread: string, body: unknown, key: string) =>
      send('POST', `/api/threads/${encodeURIComponent(thread)}/comments`, body, { 'Idempotency-Key': key });
    const listed = async (thread: string) => {
      const res = await send('GET', `/api/threads/${encodeURIComponent(thread)}/comments?limit=100`);
      return ((await res.json()) as { comments: { id: string; message: string }[] }).comments;
    };

    it('20 comments at once, each with its key: each stored once with its email choice and its webhooks; each retry answers the same bytes', async () => {
      const thread = '/articles/batch';
      const bodies = Array.from({ length: 20 }, (_, i) => ({
        name: `Reader ${i}`,
        email: `reader${i}@example.com`,
        message: `Comment ${i} of a burst`,
        notify: i % 2 === 0,
        lang: i % 3 === 0 ? 'de' : 'en',
      }));
      const keys = bodies.map((_, i) => `burst-${kind.name}-${i}-0001`);
      const first = await Promise.all(bodies.map((body, i) => postTo(thread, body, keys[i]!)));
      const answers = await Promise.all(first.map(async (res) => ({ status: res.status, text: await res.text() })));
      assert.deepEqual(new Set(answers.map((a) => a.status)), new Set([201]));
      const ids = answers.map((a) => (JSON.parse(a.text) as { comment: { id: string } }).comment.id);
      assert.equal(new Set(ids).size, 20);

      const retries = await Promise.all(bodies.map((body, i) => postTo(thread, body, keys[i]!)));
      for (const [i, res] of retries.entries()) {
        assert.equal(res.status, 201);
        assert.equal(res.headers.get('Idempotent-Replayed'), 'true');
        assert.equal(await res.text(), answers[i]!.text, 'the retry answers the first answer, byte for byte');
      }
      assert.deepEqual(new Set((await listed(thread)).map((c) => c.id)), new Set(ids), 'twenty comments, once each');

      for (const [i, id] of ids.entries()) {
        const choice = await store.outbox.commentNotify(id);
        assert.deepEqual(
          choice && { replyEmails: choice.replyEmails, lang: choice.lang, articleUrl: choice.articleUrl },
          { replyEmails: i % 2 === 0, lang: i % 3 === 0 ? 'de' : 'en', articleUrl: `${PAGE_ORIGIN}${thread}` },
        );
      }
      const queued = await store.outbox.list({ limit: 500 });
      for (const event of ['comment.created', 'comment.published']) {
        const about = queued
          .filter((d) => d.event === event)
          .map((d) => (JSON.parse(d.payload) as { message: { data: { comment: { id: string } } } }).message.data);
        assert.deepEqual(new Set(about.map((data) => data.comment.id)), new Set(ids), `one ${event} per comment`);
        assert.equal(about.length, 20);
      }
    });

    it('a blocked author is answered like anyone and stored as spam; the retry replays it, another body with its key conflicts', async () => {
      const thread = '/articles/blocked';
      const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };
      const troll = { name: 'Troll', email: 'Troll@Example.com', message: 'First, before the block' };
      const seen = await postTo(thread, troll, `troll-${kind.name}-0000`);
      const seenId = ((await seen.json()) as { comment: { id: string } }).comment.id;
      const blocked = await send('POST', '/api/admin/blocks', { comment: seenId, by: ['email'] }, admin);
      assert.equal(blocked.status, 201);

      // The email in another case is the same author.
      const again = { ...troll, email: 'troll@example.COM', message: 'After the block' };
      const res = await postTo(thread, again, `troll-${kind.name}-0001`);
      assert.equal(res.status, 201, 'the block does not announce itself');
      const text = await res.text();
      const retry = await postTo(thread, again, `troll-${kind.name}-0001`);
      assert.equal(retry.status, 201);
      assert.equal(retry.headers.get('Idempotent-Replayed'), 'true');
      assert.equal(await retry.text(), text);
      const conflict = await postTo(thread, { ...again, message: 'Something else' }, `troll-${kind.name}-0001`);
      assert.equal(conflict.status, 409);
      assert.deepEqual(await listed(thread), [], 'nothing of the blocked author is listed');
      const stored = await store.getComment((JSON.parse(text) as { comment: { id: string } }).comment.id);
      assert.equal(stored?.status, 'spam');

      // By client address: another email from the same client is stored as spam too.
      await send('POST', '/api/admin/blocks', { comment: seenId, by: ['client'] }, admin);
      const other = await postTo(thread, { ...troll, email: 'new-name@example.com' }, `troll-${kind.name}-0002`);
      assert.equal(other.status, 201);
      assert.deepEqual(await listed(thread), []);

      const blocks = ((await (await send('GET', '/api/admin/blocks', undefined, admin)).json()) as any).blocks;
      for (const block of blocks as { id: string }[])
        assert.equal((await send('DELETE', `/api/admin/blocks/${block.id}`, undefined, admin)).status, 204);
      const lifted = await postTo(thread, { ...troll, message: 'After the lift' }, `troll-${kind.name}-0003`);
      assert.equal(lifted.status, 201);
      assert.deepEqual(
        (await listed(thread)).map((c) => c.message),
        ['After the lift'],
      );
    });

    it('a retry of a reply whose parent was removed since gets the first answer; a new reply to it is refused', async () => {
      const thread = '/articles/removed-parent';
      const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };
      const top = await postTo(
        thread,
        { name: 'Ana', email: 'ana@example.com', message: 'Top' },
        `parent-${kind.name}-1`,
      );
      const parent = ((await top.json()) as { comment: { id: string } }).comment.id;
      const reply = { name: 'Ben', email: 'ben@example.com', message: 'A reply', parent };
      const first = await postTo(thread, reply, `parent-${kind.name}-2`);
      assert.equal(first.status, 201);
      const text = await first.text();
      assert.equal((await send('DELETE', `/api/admin/comments/${parent}`, undefined, admin)).status, 204);

      const retry = await postTo(thread, reply, `parent-${kind.name}-2`);
      assert.equal(retry.status, 201);
      assert.equal(retry.headers.get('Idempotent-Replayed'), 'true');
      assert.equal(await retry.text(), text);
      const fresh = await postTo(thread, { ...reply, message: 'Another reply' }, `parent-${kind.name}-3`);
      assert.equal(fresh.status, 422);
    });

    // PostgreSQL's alone: its batch statement names a type for every array it is given.
    if (kind.name === 'PostgreSQL')
      it("the batch statement's arrays have the types of the columns they are written to", async () => {
        // A migration that changed one of those columns would otherwise show only as every batch
        // failing its one statement and going through the slower transaction.
        const { rows } = await sql<{ column: string; type: string }>`
          select table_name || '.' || column_name as column, udt_name as type from information_schema.columns
          where table_schema = current_schema()`.execute((store as KyselyStore).db);
        const types = new Map(rows.map((row) => [row.column, row.type]));
        // Every array the statement reads is one of them.
        assert.equal(STORE_BATCH_TEXT.match(/\$\d+::\w+\[\]/g)?.length, BATCH_PARAMETERS.length);
        for (const { name, type, column } of BATCH_PARAMETERS)
          assert.equal(types.get(column), type, `$${name} is written to ${column}`);
      });

    // PostgreSQL's alone: SQLite keeps no plan between calls.
    if (kind.name === 'PostgreSQL')
      it('the checks of many posts read each key through its index, in the plan kept for any size of table', async () => {
        // A named statement's generic plan is made once per connection and kept. Made while the
        // table is small (a new database, before autovacuum's first ANALYZE), a join of the keys
        // with the whole table read it all on every later call, however large it had grown.
        const plan = await (store as KyselyStore).db.connection().execute(async (connection) => {
          // The pooled connection goes back as it came: its setting reset, the statement gone.
          await sql`set plan_cache_mode = force_generic_plan`.execute(connection);
          try {
            await sql.raw(`prepare af_checks_plan as ${BEFORE_COMMENTS_TEXT}`).execute(connection);
            try {
              const explained = await sql<{ 'QUERY PLAN': string }>`explain execute af_checks_plan(
                array['a@example.com'], array['client'], array['key-1'], array[0::int8])`.execute(connection);
              return explained.rows.map((row) => row['QUERY PLAN']).join('\n');
            } finally {
              await sql`deallocate af_checks_plan`.execute(connection);
            }
          } finally {
            await sql`reset plan_cache_mode`.execute(connection);
          }
        });
        assert.match(plan, /Index Scan using idempotency_pkey on idempotency/);
        assert.doesNotMatch(plan, /Seq Scan on idempotency/);
      });

    it('a new comment is written into no index that no query reads (migration 011)', async () => {
      const db = (store as KyselyStore).db;
      const indexes = new Map<string, string>(
        kind.name === 'SQLite'
          ? (
              await sql<{
                name: string;
                sql: string | null;
              }>`select name, sql from sqlite_master where type = 'index'`.execute(db)
            ).rows.map((r) => [r.name, r.sql ?? ''])
          : (
              await sql<{
                name: string;
                sql: string;
              }>`select indexname as name, indexdef as sql from pg_indexes`.execute(db)
            ).rows.map((r) => [r.name, r.sql]),
      );
      assert.equal(indexes.has('comments_email_status'), false);
      assert.match(indexes.get('comments_parent') ?? '', /where\s+\(?"?parent"?\s+is\s+not\s+null/i);
      assert.match(indexes.get('comment_notify_thread_email') ?? '', /where\s+\(?"?reply_emails"?\s*=\s*1/i);
    });
  });
}
