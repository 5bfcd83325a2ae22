/**
 * The README's "Notifications" section (#16) says what the server does: its settings table names
 * every notification setting the server reads, its webhook example verifies as Standard Webhooks
 * say (checked here with WebCrypto, not with the server's signing code) and is byte for byte the
 * body the server sends for that comment, and its two emails are the text the server writes.
 * The real app, worker, SMTP server (smtp-server) and HTTP receiver, on the README's clock.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../server/app.js';
import { createCaptcha } from '../../server/captcha/index.js';
import { testConfig } from '../../server/config.js';
import { createNotifyService } from '../../server/notify/index.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import {
  startSmtpReceiver,
  startWebhookReceiver,
  type ReceivedEmail,
  type ReceivedWebhook,
  type SmtpReceiver,
  type WebhookReceiver,
} from '../helpers/receivers.js';

const root = new URL('../../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');
const section = readme.slice(
  readme.indexOf('\n## Notifications'),
  readme.indexOf('\n## ', readme.indexOf('\n## Notifications') + 5),
);

/** The fenced blocks of the section, in order, with their language. */
const blocks = [...section.matchAll(/```(\w+)\n([\s\S]*?)\n```/g)].map((m) => ({ lang: m[1]!, text: m[2]! }));

/** Standard Webhooks, from the specification, on WebCrypto: `v1,` base64 HMAC-SHA256 of `id.timestamp.body`. */
async function standardWebhookValid(secret: string, id: string, timestamp: string, signature: string, body: string) {
  const key = await crypto.subtle.importKey(
    'raw',
    Buffer.from(secret.replace(/^whsec_/, ''), 'base64'),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['verify'],
  );
  const content = new TextEncoder().encode(`${id}.${timestamp}.${body}`);
  for (const entry of signature.split(' ')) {
    const [version, value] = entry.split(',');
    if (version === 'v1' && value && (await crypto.subtle.verify('HMAC', key, Buffer.from(value, 'base64'), content)))
      return true;
  }
  return false;
}

/** An HTTP request as the README writes it: headers, a blank line, the body. */
function parseHttp(text: string): { headers: Map<string, string>; body: string } {
  const [head, body] = text.split(/\n\n/, 2) as [string, string];
  const headers = new Map<string, string>();
  for (const line of head.split('\n').slice(1)) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

/** What the README shows of an email: a few headers, a blank line, the text. */
function parseEmailBlock(text: string): { headers: Map<string, string>; text: string } {
  const at = text.indexOf('\n\n');
  const headers = new Map<string, string>();
  for (const line of text.slice(0, at).split('\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, text: text.slice(at + 2) };
}

describe('README "Notifications"', () => {
  it('its settings table lists every notification setting the server reads', () => {
    const config = readFileSync(new URL('server/config.ts', root), 'utf8');
    const names = [...config.matchAll(/^\s+([A-Z][A-Z0-9_]*): opt\(/gm)]
      .map((m) => m[1]!)
      .filter((name) => /^(SMTP_|MAIL_|MODERATOR_|WEBHOOK_|NOTIFY_|PUBLIC_URL$)/.test(name));
    assert.ok(names.length >= 13, names.join());
    const listed = new Set([...section.matchAll(/^\| `([A-Z0-9_]+)`/gm)].map((m) => m[1]));
    assert.deepEqual(
      names.filter((name) => !listed.has(name)),
      [],
      'settings missing from the table',
    );
  });

  describe('its examples are what the server sends', () => {
    let smtp: SmtpReceiver;
    let receiver: WebhookReceiver;
    let webhooks: ReceivedWebhook[];
    let emails: ReceivedEmail[];
    let graceId: string;
    const secret = /WEBHOOK_SECRET=(whsec_[A-Za-z0-9+/=]+)/.exec(section)?.[1] ?? '';

    before(async () => {
      smtp = await startSmtpReceiver();
      receiver = await startWebhookReceiver();
      const dir = mkdtempSync(join(tmpdir(), 'af-notify-readme-'));
      const config = testConfig({
        databaseUrl: join(dir, 'comments.db'),
        moderation: 'all',
        adminToken: 'readme-admin-token-0123456789',
        allowedOrigins: ['https://news.example'],
        publicUrl: 'https://comments.news.example',
        smtpUrl: smtp.url,
        mailFrom: 'Comments <comments@news.example>',
        moderatorEmails: ['moderators@news.example'],
        webhooks: [{ url: receiver.url, format: 'standard' }],
        webhookSecret: secret,
      });
      // The README's moment: 2026-03-01T10:00:00Z.
      const clock = { now: Date.parse('2026-03-01T10:00:00.000Z') };
      const now = () => clock.now;
      const store = await openSqliteStore(config.databaseUrl, { now });
      const notify = createNotifyService({ config, outbox: store.outbox, now, random: () => 0.5 });
      const app = createApp({ config, store, captcha: createCaptcha(config, store), now, notifier: notify });
      const send = async (method: string, path: string, body: unknown, headers: Record<string, string> = {}) => {
        const res = await app.request(
          new Request(`https://comments.news.example${path}`, {
            method,
            headers: { 'Content-Type': 'application/json', Origin: 'https://news.example', ...headers },
            body: JSON.stringify(body),
          }),
        );
        assert.ok(res.status < 300, `${method} ${path}: ${res.status}`);
        return (await res.json()) as { comment: { id: string } };
      };
      try {
        const thread = encodeURIComponent('/2026/03/rivers');
        const grace = await send('POST', `/api/threads/${thread}/comments`, {
          name: 'Grace',
          email: 'grace@example.com',
          message: 'The council said May 4th.',
          rating: 4,
          notify: true,
          lang: 'en',
        });
        graceId = grace.comment.id;
        await notify.drain();
        webhooks = [...receiver.requests];
        // Grace's comment is approved, then Ahmed's reply is: Grace hears of it.
        const admin = { Authorization: 'Bearer readme-admin-token-0123456789' };
        await send('PATCH', `/api/admin/comments/${graceId}`, { status: 'published' }, admin);
        const reply = await send('POST', `/api/threads/${thread}/comments`, {
          name: 'Ahmed',
          email: 'ahmed@example.com',
          message: 'The minutes say May 14th.',
          parent: graceId,
        });
        await send('PATCH', `/api/admin/comments/${reply.comment.id}`, { status: 'published' }, admin);
        await notify.drain();
        emails = [...smtp.emails];
        await notify.stop();
      } finally {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
    after(async () => {
      await smtp.close();
      await receiver.close();
    });

    it('the webhook: its signature verifies, and the server sends exactly this body', async () => {
      const example = blocks.find((b) => b.lang === 'http');
      assert.ok(example, 'an http block');
      const { headers, body } = parseHttp(example.text);
      const id = headers.get('webhook-id')!;
      const timestamp = headers.get('webhook-timestamp')!;
      const signature = headers.get('webhook-signature')!;
      assert.equal(await standardWebhookValid(secret, id, timestamp, signature, body), true);
      assert.equal(await standardWebhookValid(secret, id, timestamp, signature, body.replace('4th', '5th')), false);
      assert.equal(await standardWebhookValid(secret, id, String(Number(timestamp) + 1), signature, body), false);

      const created = webhooks.find((w) => w.body.includes('"comment.created"'));
      assert.ok(created, 'comment.created was sent');
      const exampleId = /"id":"([^"]+)"/.exec(body)![1]!;
      assert.equal(created.body.replaceAll(graceId, exampleId), body);
      assert.equal(created.headers['webhook-timestamp'], timestamp);
      assert.equal(created.headers['content-type'], headers.get('content-type'));
      assert.equal(
        await standardWebhookValid(
          secret,
          String(created.headers['webhook-id']),
          String(created.headers['webhook-timestamp']),
          String(created.headers['webhook-signature']),
          created.body,
        ),
        true,
      );
    });

    it('the moderator email and the reply email', () => {
      const examples = blocks.filter((b) => b.lang === 'text').map((b) => parseEmailBlock(b.text));
      assert.equal(examples.length, 2, 'two emails shown');
      const [moderatorExample, replyExample] = examples as [
        ReturnType<typeof parseEmailBlock>,
        ReturnType<typeof parseEmailBlock>,
      ];
      const exampleId = /comment=(\w+)/.exec(moderatorExample.text)![1]!;

      const moderator = emails.find((e) => e.to.includes('moderators@news.example'))!;
      assert.ok(moderator, 'the moderator email was sent');
      assert.equal(moderator.subject, moderatorExample.headers.get('subject'));
      assert.equal(moderator.headers.get('from'), moderatorExample.headers.get('from'));
      assert.equal(moderator.headers.get('auto-submitted'), moderatorExample.headers.get('auto-submitted'));
      assert.equal(
        moderator.text.replace(/\r\n/g, '\n').replaceAll(graceId, exampleId).trimEnd(),
        moderatorExample.text,
      );

      const reply = emails.find((e) => e.to.includes('grace@example.com'))!;
      assert.ok(reply, 'the reply email was sent');
      assert.equal(reply.subject, replyExample.headers.get('subject'));
      const unsubscribe = /^<(.+)>$/.exec(reply.headers.get('list-unsubscribe') ?? '')![1]!;
      const shownLink = replyExample.headers.get('list-unsubscribe')!;
      // The README cannot keep the signature separator's trailing space ("-- "): Prettier drops it.
      const elide = (s: string) => s.replaceAll(unsubscribe, shownLink.slice(1, -1)).replace(/ +$/gm, '');
      assert.equal(elide(reply.text.replace(/\r\n/g, '\n')).trimEnd(), replyExample.text);
      assert.equal(replyExample.headers.get('list-unsubscribe-post'), reply.headers.get('list-unsubscribe-post'));
      assert.match(unsubscribe, /^https:\/\/comments\.news\.example\/api\/unsubscribe\?t=/);
    });
  });
});
