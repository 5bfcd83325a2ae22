/**
 * Notifications (#16) of an author's own edit and deletion (SPEC §6.3): `PATCH` and `DELETE
 * /threads/:thread/comments/:id` with the edit token send `comment.edited` and `comment.deleted`
 * like a moderator's change does, written in the change's transaction. The real app and worker
 * and a real HTTP receiver, on SQLite and (when reachable) PostgreSQL.
 */
import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../server/app.js';
import { createCaptcha } from '../../server/captcha/index.js';
import { testConfig, type Config } from '../../server/config.js';
import { createNotifyService } from '../../server/notify/index.js';
import { openPostgresStore } from '../../server/store/postgres.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import type { Store } from '../../server/store/types.js';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../helpers/postgres.js';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/receivers.js';

const BASE = 'http://127.0.0.1:8787';
const PAGE_ORIGIN = 'https://news.example';
const WEBHOOK_SECRET = `whsec_${Buffer.from('the author-edit test key, 32 B!!').toString('base64')}`;

/** Standard Webhooks, checked from the specification (not with the server's code). */
function signatureValid(headers: Record<string, unknown>, body: string): boolean {
  const id = String(headers['webhook-id'] ?? '');
  const timestamp = String(headers['webhook-timestamp'] ?? '');
  if (!id || !/^\d+$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const key = Buffer.from(WEBHOOK_SECRET.slice('whsec_'.length), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  return String(headers['webhook-signature'] ?? '')
    .split(' ')
    .some((entry) => {
      const [version, value] = entry.split(',');
      const given = Buffer.from(value ?? '', 'base64');
      return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
    });
}

interface WebhookBody {
  type: string;
  data: { id?: string; thread: string; comment?: { id: string; message: string; editedAt?: string } };
}

function suite(name: string, open: () => Promise<{ store: Store; databaseUrl: string; done(): Promise<void> }>) {
  describe(`an author’s own edit and delete notify (${name})`, () => {
    let receiver: WebhookReceiver;
    before(async () => {
      receiver = await startWebhookReceiver();
    });
    after(() => receiver.close());

    async function harness(overrides: Partial<Config> = {}) {
      const opened = await open();
      const config = testConfig({
        databaseUrl: opened.databaseUrl,
        allowedOrigins: [PAGE_ORIGIN],
        webhooks: [{ url: receiver.url, format: 'standard' }],
        webhookSecret: WEBHOOK_SECRET,
        ...overrides,
      });
      const notify = createNotifyService({ config, outbox: opened.store.outbox, now: Date.now });
      let woken = 0;
      const notifier = { wake: () => void woken++ };
      const app = createApp({
        config,
        store: opened.store,
        captcha: createCaptcha(config, opened.store),
        now: Date.now,
        notifier,
      });
      const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
        Promise.resolve(
          app.request(
            new Request(BASE + path, {
              method,
              headers: { 'Content-Type': 'application/json', Origin: PAGE_ORIGIN, ...headers },
              body: body === undefined ? null : JSON.stringify(body),
            }),
          ),
        );
      const post = async (thread: string, body: Record<string, unknown>) => {
        const res = await send('POST', `/api/threads/${encodeURIComponent(thread)}/comments`, body);
        assert.equal(res.status, 201);
        return (await res.json()) as { comment: { id: string }; editToken: string };
      };
      return {
        store: opened.store,
        notify,
        send,
        post,
        woken: () => woken,
        async close() {
          await notify.stop();
          await opened.store.close();
          await opened.done();
        },
      };
    }

    it('an author’s edit delivers one comment.edited and a delete one comment.deleted, signed, with no address', async () => {
      receiver.answer = () => 204;
      receiver.requests.length = 0;
      const h = await harness();
      try {
        const thread = '/2026/edits';
        const kept = await h.post(thread, { name: 'Ida', email: 'ida@example.com', message: 'Frist draft' });
        const gone = await h.post(thread, { name: 'Ida', email: 'ida@example.com', message: 'Regrets' });
        await h.notify.drain();
        receiver.requests.length = 0;
        const wokenBefore = h.woken();

        const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
        const path = (id: string) => `/api/threads/${encodeURIComponent(thread)}/comments/${id}`;
        // A stranger's attempt changes nothing and queues nothing.
        assert.equal(
          (await h.send('PATCH', path(kept.comment.id), { message: 'Hijacked' }, bearer(gone.editToken))).status,
          403,
        );
        assert.equal((await h.send('DELETE', path(kept.comment.id), undefined, bearer(gone.editToken))).status, 403);
        assert.deepEqual(await h.store.outbox.depth(), { pending: 0, failed: 0 });

        const edit = await h.send('PATCH', path(kept.comment.id), { message: 'First draft' }, bearer(kept.editToken));
        assert.equal(edit.status, 200);
        // Queued with the edit, before any delivery: the row is already there when the answer is.
        assert.equal((await h.store.outbox.depth()).pending, 1);
        assert.equal((await h.send('DELETE', path(gone.comment.id), undefined, bearer(gone.editToken))).status, 204);
        assert.equal((await h.store.outbox.depth()).pending, 2);
        assert.equal(h.woken() - wokenBefore, 2, 'each change wakes the worker');

        assert.equal(await h.notify.drain(), 2);
        const got = receiver.requests;
        assert.equal(got.length, 2);
        for (const request of got) {
          assert.ok(signatureValid(request.headers, request.body), `signature of ${request.body}`);
          assert.ok(!request.body.includes('ida@example.com'), 'no email address in the body');
          assert.ok(!request.body.includes('@'), request.body);
        }
        const bodies = got.map((r) => JSON.parse(r.body) as WebhookBody);
        const edited = bodies.filter((b) => b.type === 'comment.edited');
        const deleted = bodies.filter((b) => b.type === 'comment.deleted');
        assert.equal(edited.length, 1);
        assert.equal(deleted.length, 1);
        assert.equal(edited[0]!.data.comment!.id, kept.comment.id);
        assert.equal(edited[0]!.data.comment!.message, 'First draft');
        assert.ok(edited[0]!.data.comment!.editedAt, 'the edited comment says when');
        assert.deepEqual(deleted[0]!.data, { id: gone.comment.id, thread });
        assert.equal(await h.notify.drain(), 0, 'nothing else queued');
      } finally {
        await h.close();
      }
    });

    it('a deleted comment with replies (kept as a placeholder) still sends comment.deleted once', async () => {
      receiver.answer = () => 204;
      receiver.requests.length = 0;
      const h = await harness();
      try {
        const thread = '/2026/placeholder';
        const parent = await h.post(thread, { name: 'Pat', email: 'pat@example.com', message: 'Parent' });
        await h.post(thread, { name: 'Ray', email: 'ray@example.com', message: 'Reply', parent: parent.comment.id });
        await h.notify.drain();
        receiver.requests.length = 0;
        const res = await h.send(
          'DELETE',
          `/api/threads/${encodeURIComponent(thread)}/comments/${parent.comment.id}`,
          undefined,
          { Authorization: `Bearer ${parent.editToken}` },
        );
        assert.equal(res.status, 204);
        assert.equal(await h.notify.drain(), 1);
        assert.deepEqual(
          receiver.requests.map((r) => (JSON.parse(r.body) as WebhookBody).type),
          ['comment.deleted'],
        );
        // The address the author gave is forgotten with the comment's email choices.
        assert.equal(await h.store.outbox.commentNotify(parent.comment.id), null);
      } finally {
        await h.close();
      }
    });
  });
}

suite('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'af-notify-author-'));
  const databaseUrl = join(dir, 'comments.db');
  return {
    store: await openSqliteStore(databaseUrl),
    databaseUrl,
    done: async () => rmSync(dir, { recursive: true, force: true }),
  };
});

describe('on PostgreSQL', async () => {
  const available = await postgresAvailable();
  let database: TestDatabase;
  before(async () => {
    if (available) database = await createTestDatabase();
  });
  after(async () => {
    if (available) await database.drop();
  });
  if (available)
    suite('PostgreSQL', async () => ({
      store: await openPostgresStore(database.url, { poolMax: 4 }),
      databaseUrl: database.url,
      done: async () => {},
    }));
});
