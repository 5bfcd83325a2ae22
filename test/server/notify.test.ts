/**
 * Notifications (#16), in process: the real app and store on a SQLite file, the real worker,
 * a real SMTP server (smtp-server) and a real HTTP receiver (node:http). The worker is driven by
 * `drain()` (no timers) except where the test is about timing.
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
import { createNotifyService, type NotifyService } from '../../server/notify/index.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import type { Store } from '../../server/store/types.js';
import {
  startHangingSmtp,
  startSmtpReceiver,
  startWebhookReceiver,
  type SmtpReceiver,
  type WebhookReceiver,
} from '../helpers/receivers.js';

const BASE = 'http://127.0.0.1:8787';
const PAGE_ORIGIN = 'https://news.example';
const ADMIN_TOKEN = 'admin-token-0123456789abcdef';
const WEBHOOK_SECRET = `whsec_${Buffer.from('a webhook key of 32 bytes, fixed').toString('base64')}`;

interface Harness {
  config: Config;
  store: Store;
  notify: NotifyService;
  clock: { now: number };
  send(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  post(thread: string, body: Record<string, unknown>): Promise<{ status: number; id: string }>;
  close(): Promise<void>;
}

/** The app with a worker that is not started: the test drains it. `clock` is the app's clock. */
async function harness(overrides: Partial<Config>, options: { realClock?: boolean; start?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'af-notify-'));
  const config = testConfig({
    databaseUrl: join(dir, 'comments.db'),
    adminToken: ADMIN_TOKEN,
    allowedOrigins: [PAGE_ORIGIN],
    ...overrides,
  });
  const clock = { now: Date.parse('2026-03-01T10:00:00Z') };
  const now = options.realClock ? Date.now : () => clock.now;
  const store = await openSqliteStore(config.databaseUrl, { now });
  const notify = createNotifyService({ config, outbox: store.outbox, now, random: () => 0.5 });
  if (options.start) notify.start();
  const app = createApp({ config, store, captcha: createCaptcha(config, store), now, notifier: notify });
  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    Promise.resolve(
      app.request(
        new Request(BASE + path, {
          method,
          headers: { 'Content-Type': 'application/json', ...headers },
          body: body === undefined ? null : JSON.stringify(body),
        }),
      ),
    );
  const h: Harness = {
    config,
    store,
    notify,
    clock,
    send,
    async post(thread, body) {
      const res = await send('POST', `/api/threads/${encodeURIComponent(thread)}/comments`, body, {
        Origin: PAGE_ORIGIN,
      });
      const json = (await res.json()) as { comment: { id: string } };
      assert.ok(res.status === 201 || res.status === 202, `POST answered ${res.status}: ${JSON.stringify(json)}`);
      return { status: res.status, id: json.comment.id };
    },
    async close() {
      await notify.stop();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return h;
}

const comment = (name: string, email: string, message: string, extra: Record<string, unknown> = {}) => ({
  name,
  email,
  message,
  ...extra,
});

const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };

// An independent check of a Standard Webhooks signature, as a receiver would write it from the
// specification: the key is the base64 after `whsec_`, the signed content `id.timestamp.body`,
// the header a space-separated list of `v1,<base64>`; the timestamp within five minutes.
function verifyStandardWebhook(secret: string, headers: Record<string, unknown>, body: string, nowSeconds: number) {
  const id = String(headers['webhook-id'] ?? '');
  const timestamp = String(headers['webhook-timestamp'] ?? '');
  const signatures = String(headers['webhook-signature'] ?? '').split(' ');
  if (!id || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(nowSeconds - Number(timestamp)) > 300) return false;
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  return signatures.some((s) => {
    const [version, value] = s.split(',');
    if (version !== 'v1' || !value) return false;
    const given = Buffer.from(value, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

describe('notifications: email', () => {
  let smtp: SmtpReceiver;
  before(async () => {
    smtp = await startSmtpReceiver();
  });
  after(() => smtp.close());

  it('a pending comment sends one email to each moderator, with the dashboard and article links, escaped', async () => {
    const h = await harness({
      moderation: 'all',
      smtpUrl: smtp.url,
      mailFrom: 'Comments <comments@news.example>',
      moderatorEmails: ['mod@news.example'],
      publicUrl: 'https://comments.news.example',
    });
    try {
      const start = smtp.emails.length;
      const { status, id } = await h.post(
        '/2026/hello',
        comment('Zoë <b>', 'zoe@example.com', 'Hi <script>alert(1)</script> & bye', { lang: 'fr' }),
      );
      assert.equal(status, 202);
      assert.equal(smtp.emails.length, start, 'the POST does not send anything itself');
      await h.notify.drain();
      await h.notify.drain();
      const emails = smtp.emails.slice(start);
      assert.equal(emails.length, 1);
      const email = emails[0]!;
      assert.deepEqual(email.to, ['mod@news.example']);
      assert.equal(email.from, 'comments@news.example');
      // In the comment's language (French).
      assert.equal(email.subject, 'Nouveau commentaire à approuver sur /2026/hello');
      const moderate = `https://comments.news.example/admin?comment=${id}`;
      assert.ok(email.text.includes(moderate), email.text);
      assert.ok(email.text.includes('https://news.example/2026/hello'), 'links to the article');
      assert.ok(
        email.text.includes('> Hi <script>alert(1)</script> & bye'),
        'the text part quotes the words as written',
      );
      assert.ok(
        email.html.includes('Hi &lt;script&gt;alert(1)&lt;/script&gt; &amp; bye'),
        'the HTML part escapes them',
      );
      assert.ok(!email.html.includes('<script>'));
      assert.ok(email.html.includes(`href="${moderate}"`));
      assert.ok(!/<img/i.test(email.html), 'no images, no tracking pixel');
    } finally {
      await h.close();
    }
  });

  it('MODERATOR_NOTIFY=off sends nothing; a published comment sends nothing under pending', async () => {
    const h = await harness({
      moderation: 'all',
      smtpUrl: smtp.url,
      mailFrom: 'comments@news.example',
      moderatorEmails: ['mod@news.example'],
      moderatorNotify: 'off',
    });
    const h2 = await harness({
      moderation: 'off',
      smtpUrl: smtp.url,
      mailFrom: 'comments@news.example',
      moderatorEmails: ['mod@news.example'],
    });
    try {
      const start = smtp.emails.length;
      await h.post('/a', comment('Ann', 'ann@example.com', 'Held'));
      await h2.post('/a', comment('Ann', 'ann@example.com', 'Published'));
      assert.equal(await h.notify.drain(), 0);
      assert.equal(await h2.notify.drain(), 0);
      assert.equal(smtp.emails.length, start);
    } finally {
      await h.close();
      await h2.close();
    }
  });

  it('a reply emails its parent’s author only when they opted in, and the unsubscribe link stops the next one', async () => {
    const h = await harness({
      moderation: 'off',
      smtpUrl: smtp.url,
      mailFrom: 'comments@news.example',
      publicUrl: 'https://comments.news.example',
    });
    try {
      const start = smtp.emails.length;
      const optedIn = await h.post(
        '/t',
        comment('Ute', 'ute@example.com', 'Wer weiß mehr?', { notify: true, lang: 'de' }),
      );
      const optedOut = await h.post('/t', comment('Bob', 'bob@example.com', 'No emails for me', { lang: 'en' }));
      await h.post('/t', comment('Cy', 'cy@example.com', 'I do!', { parent: optedIn.id }));
      await h.post('/t', comment('Cy', 'cy@example.com', 'Me too', { parent: optedOut.id }));
      // Replying to yourself tells you nothing.
      await h.post('/t', comment('Ute', 'UTE@example.com', 'Self-reply', { parent: optedIn.id }));
      await h.notify.drain();
      const emails = smtp.emails.slice(start);
      assert.equal(emails.length, 1, emails.map((e) => `${e.to.join()} ${e.subject}`).join('\n'));
      const email = emails[0]!;
      assert.deepEqual(email.to, ['ute@example.com']);
      assert.equal(email.subject, 'Cy hat auf Ihren Kommentar geantwortet');
      assert.ok(email.text.includes('> I do!'));
      assert.ok(email.text.includes('> Wer weiß mehr?'));
      assert.ok(email.text.includes('https://news.example/t'));
      const unsubscribe = /^<(https:\/\/comments\.news\.example\/api\/unsubscribe\?t=[^>]+)>$/.exec(
        email.headers.get('list-unsubscribe') ?? '',
      )?.[1];
      assert.ok(unsubscribe, `List-Unsubscribe: ${email.headers.get('list-unsubscribe')}`);
      assert.equal(email.headers.get('list-unsubscribe-post'), 'List-Unsubscribe=One-Click');
      assert.ok(email.text.includes(unsubscribe));
      assert.ok(!email.text.includes('ute@example.com'), 'the link does not carry the address');

      const path = new URL(unsubscribe).pathname + new URL(unsubscribe).search;
      // Opening the link changes nothing: it shows a button.
      const page = await h.send('GET', path);
      assert.equal(page.status, 200);
      const pageHtml = await page.text();
      assert.ok(pageHtml.includes('<form method="post"'), pageHtml);
      assert.ok(pageHtml.includes('Antwort-E-Mails beenden'));
      await h.post('/t', comment('Dee', 'dee@example.com', 'Still subscribed?', { parent: optedIn.id }));
      await h.notify.drain();
      assert.equal(smtp.emails.length, start + 2, 'a GET of the link did not unsubscribe');

      // The one-click POST a mail client sends (RFC 8058).
      const done = await h.send('POST', path, undefined, { 'Content-Type': 'application/x-www-form-urlencoded' });
      assert.equal(done.status, 200);
      assert.ok((await done.text()).includes('Erledigt'));
      await h.post('/t', comment('Eve', 'eve@example.com', 'After unsubscribing', { parent: optedIn.id }));
      await h.notify.drain();
      assert.equal(smtp.emails.length, start + 2, 'no email after unsubscribing');

      // A forged token does nothing.
      const forged = await h.send('POST', `/api/unsubscribe?t=${optedOut.id}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`);
      assert.equal(forged.status, 400);
    } finally {
      await h.close();
    }
  });

  it('a reply published by a moderator emails the parent’s author then, not before', async () => {
    const h = await harness({ moderation: 'all', smtpUrl: smtp.url, mailFrom: 'comments@news.example' });
    try {
      const start = smtp.emails.length;
      const parent = await h.post('/m', comment('Ana', 'ana@example.com', 'Question', { notify: true, lang: 'es' }));
      assert.equal(
        (await h.send('PATCH', `/api/admin/comments/${parent.id}`, { status: 'published' }, admin)).status,
        200,
      );
      const reply = await h.post('/m', comment('Ben', 'ben@example.com', 'Answer', { parent: parent.id }));
      await h.notify.drain();
      assert.equal(smtp.emails.length, start, 'a pending reply tells nobody');
      assert.equal(
        (await h.send('PATCH', `/api/admin/comments/${reply.id}`, { status: 'published' }, admin)).status,
        200,
      );
      // Approving twice notifies once.
      assert.equal(
        (await h.send('PATCH', `/api/admin/comments/${reply.id}`, { status: 'published' }, admin)).status,
        200,
      );
      await h.notify.drain();
      const emails = smtp.emails.slice(start);
      assert.equal(emails.length, 1);
      assert.equal(emails[0]!.subject, 'Ben respondió a tu comentario');
    } finally {
      await h.close();
    }
  });
});

describe('notifications: webhooks', () => {
  let receiver: WebhookReceiver;
  before(async () => {
    receiver = await startWebhookReceiver();
  });
  after(() => receiver.close());

  it('sends comment.created, comment.published, comment.deleted and rating.changed, signed as Standard Webhooks say', async () => {
    receiver.answer = () => 204;
    receiver.requests.length = 0;
    const h = await harness(
      { webhooks: [{ url: receiver.url, format: 'standard' }], webhookSecret: WEBHOOK_SECRET },
      { realClock: true },
    );
    try {
      const { id } = await h.post('/w', comment('Wes', 'wes@example.com', 'Hooked'));
      assert.equal((await h.send('PUT', '/api/threads/%2Fw/rating', { value: 4, voter: 'voter-0001' })).status, 200);
      assert.equal((await h.send('DELETE', `/api/admin/comments/${id}`, undefined, admin)).status, 204);
      await h.notify.drain();
      const got = receiver.requests;
      const types = got.map((r) => (JSON.parse(r.body) as { type: string }).type).sort();
      assert.deepEqual(types, ['comment.created', 'comment.deleted', 'comment.published', 'rating.changed']);
      for (const request of got) {
        assert.ok(
          verifyStandardWebhook(WEBHOOK_SECRET, request.headers, request.body, Math.floor(Date.now() / 1000)),
          `signature of ${request.body}`,
        );
        // A byte changed, the check fails: the test's verifier is not a yes-machine.
        assert.equal(
          verifyStandardWebhook(WEBHOOK_SECRET, request.headers, request.body.replace('"', ' "'), Date.now() / 1000),
          false,
        );
        assert.equal(request.headers['content-type'], 'application/json');
        assert.ok(!request.body.includes('wes@example.com'), 'no email address without WEBHOOK_INCLUDE_EMAIL');
      }
      const created = JSON.parse(got.find((r) => r.body.includes('comment.created'))!.body) as {
        type: string;
        timestamp: string;
        data: { comment: Record<string, unknown>; links: Record<string, string> };
      };
      assert.equal(created.data.comment.id, id);
      assert.equal(created.data.comment.message, 'Hooked');
      assert.ok(!Number.isNaN(Date.parse(created.timestamp)));
      assert.equal(created.data.links.article, 'https://news.example/w');
      assert.equal(created.data.links.moderate, `${BASE}/admin?comment=${id}`);
      const rating = JSON.parse(got.find((r) => r.body.includes('rating.changed'))!.body) as { data: unknown };
      assert.deepEqual(rating.data, { thread: '/w', rating: { value: 4, max: 5 } });
      const ids = new Set(got.map((r) => r.headers['webhook-id']));
      assert.equal(ids.size, 4, 'one webhook-id per message');
    } finally {
      await h.close();
    }
  });

  it('WEBHOOK_INCLUDE_EMAIL=true adds the address; Slack and Discord get their own bodies', async () => {
    receiver.answer = () => 200;
    receiver.requests.length = 0;
    const h = await harness(
      {
        moderation: 'all',
        webhooks: [
          { url: `${receiver.url}?standard`, format: 'standard' },
          { url: `${receiver.url}?slack`, format: 'slack' },
          { url: `${receiver.url}?discord`, format: 'discord' },
        ],
        webhookSecret: WEBHOOK_SECRET,
        webhookIncludeEmail: true,
      },
      { realClock: true },
    );
    try {
      await h.post('/s', comment('Sam <admin>', 'sam@example.com', 'Ping @everyone <!channel>'));
      await h.notify.drain();
      assert.equal(receiver.requests.length, 3);
      const standard = receiver.requests.find((r) => r.headers['webhook-signature'] && r.body.includes('"type"'))!;
      assert.ok(standard.body.includes('"email":"sam@example.com"'));
      const bodies = receiver.requests.map((r) => JSON.parse(r.body) as Record<string, unknown>);
      const slack = bodies.find((b) => typeof b.text === 'string') as { text: string };
      assert.ok(slack.text.includes('New comment on /s (awaiting moderation)'));
      assert.ok(slack.text.includes('&lt;!channel&gt;'), 'Slack markup in the comment stays text');
      assert.ok(slack.text.includes('Sam &lt;admin&gt;'));
      const discord = bodies.find((b) => typeof b.content === 'string') as {
        content: string;
        allowed_mentions: unknown;
      };
      assert.ok(discord.content.includes('Ping @everyone'));
      assert.deepEqual(discord.allowed_mentions, { parse: [] }, 'no mention pings anyone');
    } finally {
      await h.close();
    }
  });

  it('moderation through the dashboard’s calls notifies: bulk approve once per comment, edit, delete', async () => {
    receiver.answer = () => 204;
    receiver.requests.length = 0;
    const h = await harness(
      { moderation: 'all', webhooks: [{ url: receiver.url, format: 'standard' }], webhookSecret: WEBHOOK_SECRET },
      { realClock: true },
    );
    try {
      const a = await h.post('/d', comment('Al', 'al@example.com', 'First'));
      const b = await h.post('/d', comment('Bo', 'bo@example.com', 'Second'));
      const bulk = await h.send('POST', '/api/admin/comments/bulk', { action: 'approve', ids: [a.id, b.id] }, admin);
      assert.equal(bulk.status, 200);
      // Approving again changes nothing and tells nobody.
      await h.send('POST', '/api/admin/comments/bulk', { action: 'approve', ids: [a.id] }, admin);
      assert.equal(
        (await h.send('PATCH', `/api/admin/comments/${a.id}`, { message: 'First, edited' }, admin)).status,
        200,
      );
      assert.equal((await h.send('DELETE', `/api/admin/comments/${b.id}`, undefined, admin)).status, 204);
      await h.notify.drain();
      const seen = receiver.requests.map((r) => {
        const body = JSON.parse(r.body) as {
          type: string;
          data: { id?: string; comment?: { id: string; message: string } };
        };
        return `${body.type} ${body.data.comment?.id ?? body.data.id}${body.type === 'comment.edited' ? ` ${body.data.comment!.message}` : ''}`;
      });
      assert.deepEqual(
        seen.sort(),
        [
          `comment.created ${a.id}`,
          `comment.created ${b.id}`,
          `comment.deleted ${b.id}`,
          `comment.edited ${a.id} First, edited`,
          `comment.published ${a.id}`,
          `comment.published ${b.id}`,
        ].sort(),
      );
    } finally {
      await h.close();
    }
  });

  it('a receiver failing three times then answering gets exactly one success; the outbox shows the attempts', async () => {
    receiver.requests.length = 0;
    let answered = 0;
    receiver.answer = () => (answered++ < 3 ? 500 : 204);
    const h = await harness({
      webhooks: [{ url: receiver.url, format: 'standard' }],
      webhookSecret: WEBHOOK_SECRET,
      moderation: 'all',
      notifyRetryBaseMs: 1000,
    });
    try {
      await h.post('/r', comment('Rae', 'rae@example.com', 'Retry me'));
      const list = async () =>
        (await (await h.send('GET', '/api/admin/deliveries', undefined, admin)).json()) as {
          deliveries: {
            id: string;
            state: string;
            attempts: number;
            lastError: string | null;
            nextAttemptAt: string | null;
          }[];
          depth: { pending: number; failed: number };
        };
      const delays: number[] = [];
      for (let attempt = 1; attempt <= 3; attempt++) {
        assert.equal(await h.notify.drain(), 1);
        const [row] = (await list()).deliveries;
        assert.equal(row!.state, 'pending');
        assert.equal(row!.attempts, attempt);
        assert.equal(row!.lastError, 'HTTP 500');
        delays.push(Date.parse(row!.nextAttemptAt!) - h.clock.now);
        // Not due before its time.
        assert.equal(await h.notify.drain(), 0);
        h.clock.now = Date.parse(row!.nextAttemptAt!);
      }
      // Exponential: base 1 s, doubling, with the same jitter (random fixed at 0.5: +12.5 %).
      assert.deepEqual(delays, [1125, 2250, 4500]);
      assert.equal(await h.notify.drain(), 1);
      const { deliveries, depth } = await list();
      assert.equal(deliveries[0]!.state, 'delivered');
      assert.equal(deliveries[0]!.attempts, 4);
      assert.deepEqual(depth, { pending: 0, failed: 0 });
      assert.deepEqual(
        receiver.requests.map((r) => r.status),
        [500, 500, 500, 204],
      );
      assert.equal(
        new Set(receiver.requests.map((r) => r.headers['webhook-id'])).size,
        1,
        'the same webhook-id each time',
      );
      assert.equal(await h.notify.drain(), 0, 'nothing left to send');
    } finally {
      await h.close();
    }
  });

  it('a receiver that never answers 2xx is retried for 24 hours, then the row is failed; a moderator may retry it', async () => {
    receiver.requests.length = 0;
    receiver.answer = () => 503;
    const h = await harness({
      webhooks: [{ url: receiver.url, format: 'standard' }],
      webhookSecret: WEBHOOK_SECRET,
      moderation: 'all',
    });
    try {
      const queuedAt = h.clock.now;
      await h.post('/f', comment('Fay', 'fay@example.com', 'Nobody listens'));
      let last = 0;
      for (let i = 0; i < 100; i++) {
        if ((await h.notify.drain()) === 0) break;
        last = h.clock.now;
        const [row] = (await h.store.outbox.list({ limit: 1 })) as { state: string; nextAttemptAt: number }[];
        if (row!.state === 'failed') break;
        h.clock.now = row!.nextAttemptAt;
      }
      const [row] = await h.store.outbox.list({ limit: 1 });
      assert.equal(row!.state, 'failed');
      assert.equal(row!.lastError, 'HTTP 503');
      assert.ok(last - queuedAt >= 24 * 60 * 60 * 1000, `last attempt ${(last - queuedAt) / 3600000} h after queueing`);
      assert.ok(row!.attempts >= 20 && row!.attempts <= 40, `${row!.attempts} attempts`);
      const health = (await (await h.send('GET', '/healthz')).json()) as { outbox: unknown };
      assert.deepEqual(health.outbox, { pending: 0, failed: 1 });

      receiver.answer = () => 204;
      const retried = await h.send('POST', `/api/admin/deliveries/${row!.id}/retry`, undefined, admin);
      assert.equal(retried.status, 200);
      assert.equal(((await retried.json()) as { delivery: { state: string } }).delivery.state, 'pending');
      assert.equal(await h.notify.drain(), 1);
      assert.equal((await h.store.outbox.get(row!.id))!.state, 'delivered');
      assert.equal((await h.send('POST', '/api/admin/deliveries/msg_nope/retry', undefined, admin)).status, 404);
      assert.equal((await h.send('GET', '/api/admin/deliveries')).status, 401);
    } finally {
      await h.close();
    }
  });
});

describe('notifications: the reader never waits', () => {
  it('a POST takes as long when the SMTP server hangs as when there is no email at all', async () => {
    const hanging = await startHangingSmtp();
    const quiet = await harness({ moderation: 'all' }, { realClock: true, start: true });
    const stuck = await harness(
      {
        moderation: 'all',
        smtpUrl: hanging.url,
        mailFrom: 'comments@news.example',
        moderatorEmails: ['mod1@news.example', 'mod2@news.example'],
        notifyPollMs: 50,
      },
      { realClock: true, start: true },
    );
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const timePosts = async (h: Harness, n: number) => {
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        await h.post('/latency', comment('Lat', 'lat@example.com', `Message ${i}`));
        times.push(performance.now() - t0);
      }
      return times;
    };
    try {
      await timePosts(quiet, 3);
      await timePosts(stuck, 3);
      const baseline = median(await timePosts(quiet, 15));
      const withHang = median(await timePosts(stuck, 15));
      // The worker got to it (its connection may be accepted a little after the last POST).
      for (let i = 0; i < 50 && hanging.connections() === 0; i++) await new Promise((r) => setTimeout(r, 100));
      assert.ok(hanging.connections() > 0, 'the worker did try the hanging server');
      // Generous: the same order of magnitude, far below any SMTP timeout (10 s and more).
      assert.ok(
        withHang < baseline * 3 + 50,
        `median ${withHang.toFixed(1)} ms with SMTP hanging vs ${baseline.toFixed(1)} ms`,
      );
      const depth = await stuck.store.outbox.depth();
      assert.ok(depth.pending >= 30, 'the emails wait in the outbox');
    } finally {
      await quiet.close();
      await stuck.close();
      await hanging.close();
    }
  });
});

describe('GET /api/config', () => {
  it('says whether mail is on, with the captcha, the edit window and the rating scale', async () => {
    const off = await harness({ ratingMax: 7, editWindowMinutes: 20 });
    const on = await harness({ smtpUrl: 'smtp://127.0.0.1:1', mailFrom: 'a@b.example' });
    try {
      const res = await off.send('GET', '/api/config');
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), {
        captcha: { provider: 'none' },
        mail: false,
        editWindowMinutes: 20,
        ratingMax: 7,
      });
      assert.equal(((await (await on.send('GET', '/api/config')).json()) as { mail: boolean }).mail, true);
      assert.equal((await off.send('POST', '/api/config', {})).status, 405);
    } finally {
      await off.close();
      await on.close();
    }
  });

  it('the POST body validates notify and lang with the contract', async () => {
    const h = await harness({});
    try {
      const bad = await h.send(
        'POST',
        '/api/threads/x/comments',
        comment('A', 'a@example.com', 'hi', { notify: 'yes' }),
      );
      assert.equal(bad.status, 422);
      const badLang = await h.send(
        'POST',
        '/api/threads/x/comments',
        comment('A', 'a@example.com', 'hi', { lang: 'e n' }),
      );
      assert.equal(badLang.status, 422);
      const ok = await h.send(
        'POST',
        '/api/threads/x/comments',
        comment('A', 'a@example.com', 'hi', { notify: false, lang: 'pt-BR' }),
      );
      assert.equal(ok.status, 201);
    } finally {
      await h.close();
    }
  });
});
