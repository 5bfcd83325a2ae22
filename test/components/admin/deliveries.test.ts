/**
 * The dashboard's Deliveries view (#16) in Chromium, with the admin API answered by the fetch
 * stub: axe in light and dark, hostile text kept as text, the keyboard from the tab to Retry,
 * the live region saying what the retry did, the failed-only filter, and 320 px.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { AdminDelivery } from '../../../src/contract/schemas.js';
import { defineModerationDesk } from '../../../src/admin/define.js';
import type { ModerationDesk } from '../../../src/admin/moderation-desk.js';
import { json, restoreFetch, routeFetch, stubCookies, type Call } from '../helpers/fetch-stub.js';

defineModerationDesk();

const failed: AdminDelivery = {
  id: 'msg_failed0000000000000001',
  kind: 'webhook',
  event: 'comment.created',
  target: 'https://hooks.example.com/comments?<img src=x onerror=alert(1)>',
  state: 'failed',
  attempts: 31,
  nextAttemptAt: null,
  lastError: 'HTTP 503 <b>Service Unavailable</b>',
  createdAt: '2026-05-13T09:30:00.000Z',
  updatedAt: '2026-05-14T09:30:00.000Z',
};
const delivered: AdminDelivery = {
  id: 'msg_delivered00000000000002',
  kind: 'email',
  event: 'moderator.pending',
  target: 'moderators@news.example',
  state: 'delivered',
  attempts: 1,
  nextAttemptAt: null,
  lastError: null,
  createdAt: '2026-05-14T09:31:00.000Z',
  updatedAt: '2026-05-14T09:31:02.000Z',
};
const pending: AdminDelivery = {
  id: 'msg_pending000000000000003',
  kind: 'email',
  event: 'reply',
  target: 'ada@example.com',
  state: 'pending',
  attempts: 2,
  nextAttemptAt: '2026-05-14T09:35:00.000Z',
  lastError: 'connect ECONNREFUSED 127.0.0.1:25',
  createdAt: '2026-05-14T09:32:00.000Z',
  updatedAt: '2026-05-14T09:33:00.000Z',
};

/** The server: its outbox (`rows`), and what a retry does to it (`onRetry`). */
function serve(rows: AdminDelivery[], onRetry: (row: AdminDelivery) => AdminDelivery = (row) => row): Call[] {
  stubCookies('af_admin_signed_in=1'); // signed in
  return routeFetch((call) => {
    if (call.path === '/api/admin/session') return json(200, { expiresAt: '2026-05-14T21:00:00.000Z' });
    if (call.path === '/api/admin/counts')
      return json(200, { counts: { pending: 0, published: 0, spam: 0, all: 0 } }, { ETag: '"c1"' });
    if (call.path === '/api/admin/comments') return json(200, { comments: [], nextCursor: null });
    if (call.path === '/api/admin/deliveries') {
      const state = call.params.get('state');
      const listed = rows.filter((row) => !state || row.state === state);
      return json(200, {
        deliveries: listed,
        depth: {
          pending: rows.filter((r) => r.state === 'pending' || r.state === 'delivering').length,
          failed: rows.filter((r) => r.state === 'failed').length,
        },
      });
    }
    const retry = /^\/api\/admin\/deliveries\/([^/]+)\/retry$/.exec(call.path);
    if (retry && call.method === 'POST') {
      const index = rows.findIndex((r) => r.id === decodeURIComponent(retry[1]!));
      if (index < 0) return json(404, { error: 'not_found', message: 'No delivery with this id.' });
      rows[index] = onRetry(rows[index]!);
      return json(200, { delivery: rows[index] });
    }
    return json(404, { error: 'not_found', message: 'Not found.' });
  });
}

const root = (el: ModerationDesk) => el.shadowRoot!;
const status = (el: ModerationDesk) => root(el).querySelector('[role="status"]')?.textContent ?? '';

async function until(check: () => boolean, what: string, tries = 150): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out: ${what}`);
}

/** The desk, signed in, switched to Deliveries by its tab. */
async function deliveriesView(rows: AdminDelivery[], theme?: 'dark', onRetry?: (row: AdminDelivery) => AdminDelivery) {
  const calls = serve(rows, onRetry);
  const el = await fixture<ModerationDesk>(
    theme
      ? html`<moderation-desk poll-ms="0" theme="dark"></moderation-desk>`
      : html`<moderation-desk poll-ms="0"></moderation-desk>`,
  );
  await until(() => root(el).querySelector('nav') !== null, 'signed in');
  const tab = [...root(el).querySelectorAll('nav button')].find((b) => b.textContent?.includes('Deliveries'))!;
  (tab as HTMLButtonElement).click();
  await until(() => root(el).querySelector('table.deliveries') !== null, 'deliveries table');
  return { el, calls };
}

const rowOf = (el: ModerationDesk, id: string) => root(el).querySelector<HTMLTableRowElement>(`tr[data-id="${id}"]`)!;
const cell = (row: HTMLTableRowElement, label: string) =>
  row.querySelector(`td[data-label="${label}"]`)?.textContent?.replace(/\s+/g, ' ').trim();

describe('<moderation-desk>: Deliveries', () => {
  afterEach(async () => {
    restoreFetch();
    await setViewport({ width: 800, height: 600 });
  });

  it('is accessible (light), with each state; hostile text stays text', async () => {
    const { el } = await deliveriesView([pending, delivered, { ...failed }]);
    await expect(el).to.be.accessible();
    expect(root(el).activeElement?.id).to.equal('deliveries-title', 'the view’s heading takes focus');

    const row = rowOf(el, failed.id);
    expect(cell(row, 'What')).to.equal('Webhook comment.created');
    expect(cell(row, 'To')).to.equal(failed.target);
    expect(cell(row, 'State')).to.equal('Failed');
    expect(cell(row, 'Tries')).to.equal('31');
    expect(cell(row, 'Last error')).to.equal('HTTP 503 <b>Service Unavailable</b>');
    expect(row.querySelector('img, b')).to.equal(null);
    expect(cell(rowOf(el, pending.id), 'What')).to.equal('Email Reply to a reader');
    expect(rowOf(el, pending.id).querySelector('td[data-label="Next try"] time')?.getAttribute('datetime')).to.equal(
      pending.nextAttemptAt,
    );
    // Only the failed one offers Retry, named for what it retries.
    const retries = [...root(el).querySelectorAll('td.action button')];
    expect(retries.length).to.equal(1);
    expect(retries[0]!.textContent?.replace(/\s+/g, ' ').trim()).to.equal(
      `Retry the comment.created webhook to ${failed.target}`,
    );
    expect(root(el).querySelector('.depth')?.textContent).to.equal('1 waiting, 1 failed');
    // The tab shows how many failed.
    const tab = [...root(el).querySelectorAll('nav button')].find((b) => b.textContent?.includes('Deliveries'))!;
    expect(tab.getAttribute('aria-pressed')).to.equal('true');
    expect(tab.textContent?.replace(/\s+/g, ' ').trim()).to.equal('Deliveries1 failed');
  });

  it('is accessible in dark', async () => {
    const { el } = await deliveriesView([pending, delivered, { ...failed }], 'dark');
    await expect(el).to.be.accessible();
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
  });

  it('Retry with the keyboard: the row is sent again, and the live region says it was delivered', async () => {
    const rows = [delivered, { ...failed }];
    const { el, calls } = await deliveriesView(rows, undefined, (row) => ({
      ...row,
      state: 'pending',
      nextAttemptAt: '2026-05-14T10:00:00.000Z',
    }));
    // Tab from the heading through the controls to the row's Retry button.
    let guard = 0;
    while (!root(el).activeElement?.closest('td.action') && guard++ < 20) await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.textContent).to.contain('Retry');
    await sendKeys({ press: 'Enter' });
    await until(() => calls.some((c) => c.method === 'POST' && c.path.endsWith('/retry')), 'retry sent');
    const sent = calls.find((c) => c.method === 'POST')!;
    expect(sent.path).to.equal(`/api/admin/deliveries/${failed.id}/retry`);
    await until(() => status(el).includes('Retrying'), 'retry announced');
    expect(status(el)).to.contain(`Retrying the comment.created webhook to ${failed.target} now.`);
    expect(cell(rowOf(el, failed.id), 'State')).to.equal('Waiting');

    // The worker delivers it; the view's next look sees that and says so.
    rows[1] = { ...rows[1]!, state: 'delivered', attempts: 32, nextAttemptAt: null, lastError: null };
    await until(() => status(el).includes('Delivered'), 'delivery announced', 200);
    expect(status(el)).to.contain(`Delivered the comment.created webhook to ${failed.target}.`);
    expect(cell(rowOf(el, failed.id), 'State')).to.equal('Delivered');
    expect(root(el).querySelector('td.action button')).to.equal(null);
    // The keyboard keeps its place on the row.
    expect(root(el).activeElement?.closest('tr')?.getAttribute('data-id')).to.equal(failed.id);
  });

  it('says when the retry failed again, with the error', async () => {
    const rows = [{ ...failed }];
    const { el } = await deliveriesView(rows, undefined, (row) => ({ ...row, state: 'pending' }));
    root(el).querySelector<HTMLButtonElement>('td.action button')!.click();
    await until(() => status(el).includes('Retrying'), 'retry announced');
    rows[0] = { ...rows[0]!, state: 'failed', attempts: 32, lastError: 'HTTP 500' };
    await until(() => status(el).includes('failed'), 'failure announced', 200);
    expect(status(el)).to.contain(`The retry of the comment.created webhook to ${failed.target} failed: HTTP 500.`);
    expect(cell(rowOf(el, failed.id), 'Last error')).to.equal('HTTP 500');
    expect(root(el).querySelector('td.action button')?.textContent).to.contain('Retry');
  });

  it('shows the failed ones only on request, and says how many', async () => {
    const { el, calls } = await deliveriesView([pending, delivered, { ...failed }]);
    const failedOnly = [...root(el).querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Failed only')!;
    failedOnly.click();
    await until(() => root(el).querySelectorAll('tbody tr').length === 1, 'filtered');
    expect(calls.at(-1)!.params.get('state')).to.equal('failed');
    expect(failedOnly.getAttribute('aria-pressed')).to.equal('true');
    expect(status(el)).to.contain('Showing 1 failed delivery.');
  });

  it('fits 320 px: one card per delivery, nothing wider than the screen', async () => {
    await setViewport({ width: 320, height: 640 });
    const { el } = await deliveriesView([pending, delivered, { ...failed }]);
    expect(el.scrollWidth).to.be.at.most(320);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    const row = rowOf(el, failed.id);
    expect(getComputedStyle(row).display).to.equal('block');
    expect(row.getBoundingClientRect().right).to.be.at.most(320);
    await expect(el).to.be.accessible();
  });
});
