/**
 * The dashboard's "Deliveries" view (#16): the most recent emails and webhooks from the outbox,
 * with their state, attempts, last error and next try, and "Retry" on a failed one. A reactive
 * controller of `<moderation-desk>`: it renders inside the desk (its styles, its live region,
 * its poll, its handling of a lost session), and keeps its own rows and timers.
 *
 * After a retry it looks again a few times (1 s, 2 s, 4 s, 8 s) and says in the live region
 * whether the delivery went through or failed again; the desk's poll keeps the table current.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { AdminDelivery } from '../contract/schemas.js';
import * as api from './api.js';

/** The element the view renders in. */
export type DeliveriesHost = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

/** What the view borrows from the desk. */
export interface DeskServices {
  /** Runs a call: a lost session shows the sign-in form, a failure is shown and said. */
  guard<T>(work: () => Promise<T>): Promise<T | undefined>;
  /** Says a sentence in the live region. */
  announce(text: string): void;
}

/** The delays of the looks after a retry (ms). */
export const RETRY_CHECKS_MS = [1_000, 2_000, 4_000, 8_000];

const STATE_LABEL: Record<AdminDelivery['state'], string> = {
  pending: 'Waiting',
  delivering: 'Sending',
  delivered: 'Delivered',
  failed: 'Failed',
};

/** Email events in words (webhook events are shown by their names, as receivers see them). */
const EMAIL_EVENT: Record<string, string> = {
  'moderator.pending': 'Comment to approve',
  'moderator.published': 'Comment published',
  reply: 'Reply to a reader',
};

const dayFormat = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric' });
const clockFormat = new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' });

/** "Mar 1, 10:44 AM", which may break after the comma and nowhere else. */
const when = (iso: string | null) =>
  iso
    ? html`<time datetime=${iso}
        ><span>${dayFormat.format(new Date(iso))},</span> <span>${clockFormat.format(new Date(iso))}</span></time
      >`
    : html`<span aria-hidden="true">—</span><span class="visually-hidden">none</span>`;

/** "the comment.created webhook to https://…" / "the reply email to ann@example.com". */
export function describeDelivery(d: AdminDelivery): string {
  return `the ${d.event} ${d.kind === 'email' ? 'email' : 'webhook'} to ${d.target}`;
}

export class DeliveriesView implements ReactiveController {
  rows: AdminDelivery[] = [];
  depth: api.DeliveryList['depth'] | null = null;
  failedOnly = false;
  loaded = false;
  /** Rows whose retry is being followed (their button stays, marked busy). */
  private following = new Set<string>();
  private timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(
    private readonly host: DeliveriesHost,
    private readonly desk: DeskServices,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.following.clear();
  }

  /** Loads the rows (the view was opened, the filter changed, or the desk polls). */
  async refresh(): Promise<void> {
    const list = await this.desk.guard(() => api.listDeliveries(this.failedOnly));
    if (!list) return;
    this.rows = list.deliveries;
    this.depth = list.depth;
    this.loaded = true;
    this.host.requestUpdate();
  }

  private async showFailedOnly(failedOnly: boolean): Promise<void> {
    if (this.failedOnly === failedOnly) return;
    this.failedOnly = failedOnly;
    this.loaded = false;
    this.host.requestUpdate();
    await this.refresh();
    const n = this.rows.length;
    this.desk.announce(
      failedOnly
        ? `Showing ${n} failed ${n === 1 ? 'delivery' : 'deliveries'}.`
        : `Showing the ${n} most recent ${n === 1 ? 'delivery' : 'deliveries'}.`,
    );
  }

  private replace(row: AdminDelivery): void {
    this.rows = this.rows.map((r) => (r.id === row.id ? row : r));
    this.host.requestUpdate();
  }

  private async retry(row: AdminDelivery): Promise<void> {
    if (this.following.has(row.id)) return;
    this.following.add(row.id);
    this.host.requestUpdate();
    const what = describeDelivery(row);
    const after = await this.desk.guard(() => api.retryDelivery(row.id));
    if (!after) {
      this.stopFollowing(row.id);
      return;
    }
    this.replace(after);
    if (after.state === 'delivered') {
      this.desk.announce(`Already delivered: ${what}.`);
      this.stopFollowing(row.id);
      return;
    }
    this.desk.announce(`Retrying ${what} now.`);
    this.follow(after, 0);
  }

  /** Looks at the row again after each delay until it is delivered or its attempt has failed. */
  private follow(retried: AdminDelivery, check: number): void {
    if (check >= RETRY_CHECKS_MS.length) {
      this.stopFollowing(retried.id);
      return;
    }
    const timer = setTimeout(async () => {
      this.timers.delete(timer);
      const list = await this.desk.guard(() => api.listDeliveries(false));
      const now = list?.deliveries.find((d) => d.id === retried.id);
      if (!list || !now) {
        this.stopFollowing(retried.id);
        return;
      }
      this.depth = list.depth;
      this.replace(now);
      const what = describeDelivery(now);
      if (now.state === 'delivered') {
        this.desk.announce(`Delivered ${what}.`);
        this.stopFollowing(retried.id);
      } else if (now.attempts > retried.attempts && now.state !== 'delivering') {
        this.desk.announce(
          `The retry of ${what} failed: ${now.lastError ?? 'no answer'}.${now.state === 'pending' ? ' It will be tried again.' : ''}`,
        );
        this.stopFollowing(retried.id);
      } else this.follow(retried, check + 1);
    }, RETRY_CHECKS_MS[check]);
    this.timers.add(timer);
  }

  private stopFollowing(id: string): void {
    this.following.delete(id);
    this.host.requestUpdate();
    // The button goes with the failed state: keep the keyboard's place on the row.
    void this.host.updateComplete.then(() => {
      const root = this.host.renderRoot as ShadowRoot;
      if (root.activeElement && root.activeElement !== root.host) return;
      const row = this.rows.find((r) => r.id === id);
      if (row?.state === 'failed') return;
      root.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(id)}"] td.state`)?.focus();
    });
  }

  render(nav: TemplateResult, errorText: string): TemplateResult {
    const depth = this.depth;
    return html`
      ${nav}
      <h2 id="deliveries-title" tabindex="-1">Deliveries</h2>
      <p class="hint">
        Emails and webhooks the server sends, newest first. A delivery that fails is tried again for 24 hours, then
        marked failed; Retry gives it one more attempt now.
      </p>
      <div class="toolbar deliveries-tools">
        <div role="group" aria-label="Show" class="toolbar">
          <button
            type="button"
            aria-pressed=${this.failedOnly ? 'false' : 'true'}
            @click=${() => void this.showFailedOnly(false)}
          >
            Recent
          </button>
          <button
            type="button"
            aria-pressed=${this.failedOnly ? 'true' : 'false'}
            @click=${() => void this.showFailedOnly(true)}
          >
            Failed only
          </button>
        </div>
        <button type="button" @click=${() => void this.refresh()}>Refresh</button>
        ${depth ? html`<span class="depth">${depth.pending} waiting, ${depth.failed} failed</span>` : nothing}
      </div>
      ${errorText ? html`<p class="error">${errorText}</p>` : nothing}
      ${
        this.rows.length
          ? html`<div class="table-wrap" role="region" aria-labelledby="deliveries-title" tabindex="0">
              <table class="deliveries">
                <caption class="visually-hidden">
                  ${this.failedOnly ? 'Failed deliveries' : 'Recent deliveries'}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">What</th>
                    <th scope="col">To</th>
                    <th scope="col">State</th>
                    <th scope="col">Tries</th>
                    <th scope="col">Last error</th>
                    <th scope="col">Next try</th>
                    <th scope="col">Queued</th>
                    <th scope="col"><span class="visually-hidden">Action</span></th>
                  </tr>
                </thead>
                <tbody>
                  ${repeat(
                    this.rows,
                    (row) => row.id,
                    (row) => this.renderRow(row),
                  )}
                </tbody>
              </table>
            </div>`
          : html`<p class="empty">
              ${this.loaded ? (this.failedOnly ? 'No failed deliveries.' : 'Nothing has been sent yet.') : 'Loading…'}
            </p>`
      }
    `;
  }

  private renderRow(row: AdminDelivery): TemplateResult {
    const following = this.following.has(row.id);
    const label = row.kind === 'email' ? (EMAIL_EVENT[row.event] ?? row.event) : row.event;
    return html`<tr data-id=${row.id} class="state-${row.state}">
      <td data-label="What">
        <span
          ><span class="kind">${row.kind === 'email' ? 'Email' : 'Webhook'}</span>
          <span class="event">${label}</span></span
        >
      </td>
      <td data-label="To" class="target">${row.target}</td>
      <td data-label="State" class="state" tabindex="-1">
        <span class="badge">${STATE_LABEL[row.state]}</span>
      </td>
      <td data-label="Tries" class="number">${row.attempts}</td>
      <td data-label="Last error" class="last-error">${row.lastError ?? when(null)}</td>
      <td data-label="Next try">${when(row.nextAttemptAt)}</td>
      <td data-label="Queued">${when(row.createdAt)}</td>
      <td class="action ${row.state === 'failed' || following ? '' : 'no-action'}">
        ${
          row.state === 'failed' || following
            ? html`<button
                type="button"
                aria-disabled=${following ? 'true' : 'false'}
                @click=${() => void this.retry(row)}
              >
                ${following ? 'Retrying…' : 'Retry'}<span class="visually-hidden"> ${describeDelivery(row)}</span>
              </button>`
            : nothing
        }
      </td>
    </tr>`;
  }
}
