/**
 * The dashboard's Deliveries view (#16) end to end: the real server (its own process, with its
 * delivery worker) sending webhooks to a real local HTTP receiver that fails, headless Chromium
 * driving `/admin` like a moderator. The moderator sees the failed deliveries, presses Retry
 * once the receiver is back, hears the result and sees them delivered; the receiver gets each
 * one signed, with the same webhook-id as the failed attempt.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/receivers.js';
import { axeViolations, startStack, type Stack } from './harness.js';

const TOKEN = 'e2e-deliveries-token-0123456789';
const WEBHOOK_SECRET = `whsec_${Buffer.from('the e2e deliveries key, 32 bytes').toString('base64')}`;

let stack: Stack;
let receiver: WebhookReceiver;
let desk: Page;

interface Delivery {
  id: string;
  event: string;
  state: string;
  attempts: number;
  lastError: string | null;
}

async function deliveries(): Promise<Delivery[]> {
  const res = await fetch(`${stack.apiUrl}/admin/deliveries`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  assert.equal(res.status, 200);
  return ((await res.json()) as { deliveries: Delivery[] }).deliveries;
}

async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    assert.ok(Date.now() < deadline, `timed out: ${what} (${JSON.stringify(value)})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const row = (id: string) => desk.locator(`moderation-desk tr[data-id="${id}"]`);

describe('dashboard: deliveries', { timeout: 180_000 }, () => {
  before(async () => {
    receiver = await startWebhookReceiver();
    receiver.answer = () => 500;
    stack = await startStack({
      env: {
        ADMIN_TOKEN: TOKEN,
        WEBHOOK_URLS: receiver.url,
        WEBHOOK_SECRET,
        // No retry window: the first failure is final, so the row is `failed` at once.
        NOTIFY_RETRY_HOURS: '0',
        NOTIFY_POLL_MS: '200',
      },
    });
    desk = await (await stack.newContext({ viewport: { width: 1100, height: 900 } })).newPage();
  });
  after(async () => {
    await stack?.close();
    await receiver?.close();
  });

  it('shows a failed webhook; Retry, with the receiver back, delivers it and says so', async () => {
    const posted = await stack.postComment('/articles/deliveries', {
      name: 'Nora',
      email: 'nora@example.com',
      message: 'Is anyone listening?',
    });
    assert.equal(posted.status, 201, JSON.stringify(posted.body));
    const failed = await eventually(
      deliveries,
      (rows) => rows.length === 2 && rows.every((r) => r.state === 'failed'),
      'both webhooks failed',
    );
    assert.deepEqual(failed.map((r) => r.event).sort(), ['comment.created', 'comment.published']);
    const created = failed.find((r) => r.event === 'comment.created')!;
    const firstId = receiver.requests.find((r) => r.body.includes('"comment.created"'))!.headers['webhook-id'];
    assert.equal(firstId, created.id);

    await desk.goto(`${stack.serverOrigin}/admin`);
    await desk.getByLabel('Admin token or password').fill(TOKEN);
    await desk.getByRole('button', { name: 'Sign in' }).click();
    await desk.getByRole('button', { name: /^Deliveries/ }).click();
    await desk.getByRole('heading', { name: 'Deliveries' }).waitFor();
    await row(created.id).waitFor();
    assert.match(await row(created.id).innerText(), /comment\.created[\s\S]*Failed[\s\S]*HTTP 500/);
    assert.match(await desk.locator('moderation-desk .depth').innerText(), /0 waiting, 2 failed/);
    assert.deepEqual(await axeViolations(desk), [], 'axe, with failed rows');

    // The receiver is back; the moderator retries by keyboard.
    receiver.answer = () => 200;
    const retry = row(created.id).getByRole('button', { name: /^Retry/ });
    await retry.focus();
    await desk.keyboard.press('Enter');
    await desk
      .getByRole('status')
      .getByText(`Delivered the comment.created webhook to ${receiver.url}.`)
      .waitFor({ timeout: 20_000 });
    assert.match(await row(created.id).innerText(), /Delivered/);
    assert.equal(
      await row(created.id)
        .getByRole('button', { name: /^Retry/ })
        .count(),
      0,
    );

    const after = await deliveries();
    assert.equal(after.find((r) => r.id === created.id)!.state, 'delivered');
    assert.equal(after.find((r) => r.id === created.id)!.attempts, 2);
    assert.equal(
      after.find((r) => r.event === 'comment.published')!.state,
      'failed',
      'the other one waits for its own retry',
    );
    const success = receiver.requests.filter((r) => r.status === 200);
    assert.equal(success.length, 1);
    assert.equal(success[0]!.headers['webhook-id'], created.id, 'the same webhook-id as the failed attempt');
    const { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signature } = success[0]!.headers;
    const key = Buffer.from(WEBHOOK_SECRET.slice('whsec_'.length), 'base64');
    const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${success[0]!.body}`).digest('base64');
    assert.equal(signature, `v1,${expected}`);
    assert.ok(!success[0]!.body.includes('nora@example.com'));
  });

  it('at 320 px and in the dark: every delivery readable, nothing wider than the screen, axe clean', async () => {
    await desk.setViewportSize({ width: 320, height: 800 });
    await desk.emulateMedia({ colorScheme: 'dark' });
    await desk.locator('moderation-desk table.deliveries').waitFor();
    const width = await desk.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 320, `page is ${width} px wide`);
    assert.deepEqual(await axeViolations(desk), [], 'axe, dark, 320 px');
    await desk.getByRole('button', { name: 'Failed only' }).click();
    await desk.getByRole('status').getByText('Showing 1 failed delivery.').waitFor();
    assert.deepEqual(stack.cspViolations, []);
  });
});
