/**
 * Notifications (#16) across crashes and instances: the real server as a process killed with
 * SIGKILL while 50 webhooks are undelivered, then restarted on the same SQLite file; and two
 * workers on one PostgreSQL database sharing one outbox.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { testConfig } from '../../server/config.js';
import { createNotifyService } from '../../server/notify/index.js';
import type { NewDelivery } from '../../server/store/outbox.js';
import { openPostgresStore } from '../../server/store/postgres.js';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../helpers/postgres.js';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/receivers.js';
import { startServerProcess } from '../helpers/server-process.js';

const WEBHOOK_SECRET = 'a-plain-webhook-secret-of-some-length';

function post(base: string, path: string, body: unknown): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = http.request(
      new URL(path, base),
      { method: 'POST', headers: { 'content-type': 'application/json' }, timeout: 30_000 },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(payload);
  });
}

describe('notifications survive kill -9', () => {
  let receiver: WebhookReceiver;
  before(async () => {
    receiver = await startWebhookReceiver();
  });
  after(() => receiver.close());

  it('50 undelivered webhooks at the crash are all delivered after the restart (at least once, one webhook-id each)', async () => {
    // Before the crash the receiver takes the requests and never answers: nothing is delivered.
    receiver.answer = () => 'hang';
    const env = {
      MODERATION: 'all',
      WEBHOOK_URLS: receiver.url,
      WEBHOOK_SECRET,
      NOTIFY_POLL_MS: '100',
      NOTIFY_LEASE_MS: '1500',
      NOTIFY_RETRY_BASE_MS: '200',
    };
    const first = await startServerProcess({ env });
    let second;
    try {
      const ids: string[] = [];
      for (let i = 0; i < 50; i++) {
        const answer = await post(first.url, '/api/threads/crash/comments', {
          name: 'Kim',
          email: 'kim@example.com',
          message: `Before the crash ${i}`,
        });
        assert.equal(answer.status, 202, answer.body);
        ids.push((JSON.parse(answer.body) as { comment: { id: string } }).comment.id);
      }
      assert.equal(receiver.requests.length, 0, 'nothing delivered before the crash');
      await first.kill();

      receiver.answer = () => 204;
      second = await startServerProcess({ env, dbPath: first.dbPath });
      // Rows taken by the dead process come back when their lease ends (1.5 s here).
      await receiver.waitFor(50, 30_000);
      const deadline = Date.now() + 30_000;
      const delivered = () =>
        new Map(
          receiver.requests
            .filter((r) => r.status === 204)
            .map((r) => [
              String(r.headers['webhook-id']),
              (JSON.parse(r.body) as { data: { comment: { id: string } } }).data.comment.id,
            ]),
        );
      while (delivered().size < 50 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      // The receiver drops duplicates by webhook-id: what is left is each comment once.
      assert.deepEqual([...delivered().values()].sort(), [...ids].sort());
      for (;;) {
        const health = (await (await fetch(`${second.url}/healthz`)).json()) as { outbox: { pending: number } };
        if (health.outbox.pending === 0) break;
        assert.ok(Date.now() < deadline, 'the outbox empties');
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await second?.stop();
      await first.kill();
    }
  });
});

describe('notifications on PostgreSQL', async () => {
  const available = await postgresAvailable();
  let database: TestDatabase;
  let receiver: WebhookReceiver;
  before(async () => {
    if (!available) return;
    database = await createTestDatabase();
    receiver = await startWebhookReceiver();
  });
  after(async () => {
    if (!available) return;
    await receiver.close();
    await database.drop();
  });

  it('two workers on one database: each job is taken by exactly one', { skip: !available }, async () => {
    const config = testConfig({
      databaseUrl: database.url,
      webhooks: [{ url: receiver.url, format: 'standard' }],
      webhookSecret: WEBHOOK_SECRET,
    });
    const storeA = await openPostgresStore(database.url, { poolMax: 4 });
    const storeB = await openPostgresStore(database.url, { poolMax: 4 });
    try {
      const deliveries: NewDelivery[] = Array.from({ length: 60 }, (_, i) => ({
        kind: 'webhook',
        event: 'rating.changed',
        target: receiver.url,
        payload: {
          format: 'standard',
          message: {
            type: 'rating.changed',
            timestamp: new Date().toISOString(),
            data: { thread: `t${i}`, rating: { value: 1, max: 5 } },
          },
        },
      }));
      await storeA.putVote({ thread: 'pg', voter: 'voter-0001', value: 3 }, { deliveries });
      // Slow answers keep both workers busy at once.
      receiver.answer = () => new Promise<number>((resolve) => setTimeout(() => resolve(204), 20));
      const workerA = createNotifyService({ config, outbox: storeA.outbox, now: Date.now });
      const workerB = createNotifyService({ config, outbox: storeB.outbox, now: Date.now });
      const [a, b] = await Promise.all([workerA.drain(), workerB.drain()]);
      assert.equal(a + b, 60, `worker A took ${a}, worker B ${b}`);
      const ids = receiver.requests.map((r) => String(r.headers['webhook-id']));
      assert.equal(ids.length, 60);
      assert.equal(new Set(ids).size, 60, 'no job was sent twice');
      assert.deepEqual(await storeA.outbox.depth(), { pending: 0, failed: 0 });
      const rows = await storeB.outbox.list({ limit: 100 });
      assert.ok(rows.every((r) => r.state === 'delivered' && r.attempts === 1));
    } finally {
      await storeA.close();
      await storeB.close();
    }
  });
});
