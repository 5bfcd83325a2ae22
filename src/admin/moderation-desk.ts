/**
 * `<moderation-desk>`: the moderation dashboard at `/admin` (#15). Sign-in; the queue by status
 * with counts, search and a thread filter; approve, spam, delete (with undo), edit and block,
 * one at a time or in bulk; the block list; keyboard shortcuts; a live region saying what each
 * action did; polling (with ETags) so new comments appear without a reload and the tab's title
 * shows how many wait. Every text from a reader is rendered as text, never as HTML. The
 * Deliveries view (#16, `deliveries-view.ts`) lists the emails and webhooks sent and retries one.
 */
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Block, BlockKind, BulkAction, ModerationComment, QueueStatus, StatusCounts } from '../contract/admin.js';
import { renderBody } from '../components/comment-list/lazy/body.js';
import { bodyStyles } from '../components/comment-list/lazy/body.styles.js';
import * as api from './api.js';
import { DeliveriesView } from './deliveries-view.js';
import { styles } from './moderation-desk.styles.js';

export const BASE_TITLE = 'Moderation — article-feedback';

const TABS: Array<{ status: QueueStatus; label: string }> = [
  { status: 'pending', label: 'Pending' },
  { status: 'published', label: 'Published' },
  { status: 'spam', label: 'Spam' },
  { status: 'all', label: 'All' },
];

const SHORTCUTS: Array<[string, string]> = [
  ['j', 'next comment'],
  ['k', 'previous comment'],
  ['a', 'approve'],
  ['s', 'mark as spam'],
  ['d', 'delete (undo for a few seconds)'],
  ['e', 'edit the text'],
  ['x', 'select or unselect'],
  ['u', 'undo the last action'],
  ['/', 'search'],
  ['?', 'these shortcuts'],
];

const PAST: Record<BulkAction, string> = { approve: 'Approved', spam: 'Marked as spam', delete: 'Deleted' };

/** What the last action changed, kept for its undo window. */
interface UndoWindow {
  action: BulkAction;
  /** The comments as they were, with their place in the list. */
  before: Array<{ comment: ModerationComment; index: number }>;
  timer: ReturnType<typeof setTimeout>;
  text: string;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

export class ModerationDesk extends LitElement {
  static override styles = [styles, bodyStyles];

  /** How often the queue is checked for changes (ms); 0 = never. */
  @property({ type: Number, attribute: 'poll-ms' }) pollMs = 10_000;
  /** How long an action can be undone before it is final (ms). */
  @property({ type: Number, attribute: 'undo-ms' }) undoMs = 5_000;

  @state() private signedIn: boolean | null = null;
  @state() private signInError = '';
  @state() private busy = false;
  @state() private view: 'queue' | 'blocks' | 'deliveries' = 'queue';
  @state() private status: QueueStatus = 'pending';
  @state() private counts: StatusCounts | null = null;
  @state() private items: ModerationComment[] = [];
  @state() private nextCursor: string | null = null;
  @state() private loaded = false;
  @state() private searchText = '';
  @state() private threadFilter = '';
  @state() private currentIndex = 0;
  @state() private selectedIds = new Set<string>();
  @state() private editingId: string | null = null;
  @state() private blockingId: string | null = null;
  @state() private undoWindow: UndoWindow | null = null;
  @state() private announcement = '';
  @state() private blocks: Block[] = [];
  @state() private errorText = '';

  @query('#search') private searchInput?: HTMLInputElement;
  @query('#shortcuts') private shortcutsDialog?: HTMLDialogElement;

  /** The Deliveries view (#16): its rows, its retries. */
  private deliveries = new DeliveriesView(this, {
    guard: (work) => this.guard(work),
    announce: (text) => this.announce(text),
  });
  private countsTag: string | null = null;
  /** Deletes sent but not yet answered: a poll in between must not bring them back. */
  private deletesInFlight = new Set<string>();
  private pollTimer: ReturnType<typeof setInterval> | undefined;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  /** `/admin?comment=<id>`: the comment to open with, once. */
  private deepLinkId: string | null = new URLSearchParams(location.search).get('comment');

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.onKeydown);
    window.addEventListener('pagehide', this.flushUndo);
    void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.onKeydown);
    window.removeEventListener('pagehide', this.flushUndo);
    this.stopPolling();
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('counts')) {
      const pending = this.counts?.pending ?? 0;
      document.title = this.signedIn && pending > 0 ? `(${pending}) ${BASE_TITLE}` : BASE_TITLE;
    }
  }

  // ---- session ------------------------------------------------------------------------------------

  private async start(): Promise<void> {
    this.signedIn = await api.checkSession();
    if (this.signedIn) await this.afterSignIn();
    else await this.focusSignIn();
  }

  /**
   * Into the token field: the sign-in form is all there is to do on its page, and after a sign-out
   * (or a lost session) the button that had the focus is gone.
   */
  private async focusSignIn(): Promise<void> {
    await this.updateComplete;
    (this.renderRoot.querySelector('#token') as HTMLInputElement | null)?.focus();
  }

  private async afterSignIn(): Promise<void> {
    this.startPolling();
    await Promise.all([this.refreshCounts(), this.loadQueue()]);
    if (this.deepLinkId) await this.openDeepLink(this.deepLinkId);
    else this.focusCurrent();
  }

  private onSignIn = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const token = (form.elements.namedItem('token') as HTMLInputElement).value;
    this.busy = true;
    this.signInError = '';
    try {
      await api.signIn(token);
      this.signedIn = true;
      this.announce('Signed in.');
      await this.afterSignIn();
    } catch (error) {
      this.signInError = error instanceof Error ? error.message : 'Sign-in failed.';
      await this.focusSignIn();
    } finally {
      this.busy = false;
    }
  };

  private onSignOut = async () => {
    this.flushUndo();
    try {
      await api.signOut();
    } finally {
      this.signedOut('Signed out.');
    }
  };

  private signedOut(message: string): void {
    this.stopPolling();
    this.signedIn = false;
    this.items = [];
    this.counts = null;
    this.countsTag = null;
    this.selectedIds = new Set();
    this.signInError = message === 'Signed out.' ? '' : message;
    this.announce(message);
    void this.focusSignIn();
  }

  /** Runs a call; a lost session shows the sign-in form, any other failure is said aloud. */
  private async guard<T>(work: () => Promise<T>): Promise<T | undefined> {
    try {
      this.errorText = '';
      return await work();
    } catch (error) {
      if (error instanceof api.SignedOutError) this.signedOut(error.message);
      else {
        this.errorText = error instanceof Error ? error.message : String(error);
        this.announce(this.errorText);
      }
      return undefined;
    }
  }

  // ---- loading and staying current -------------------------------------------------------------------

  private query(cursor: string | null): api.QueueQuery {
    return { status: this.status, q: this.searchText, thread: this.threadFilter, cursor };
  }

  private async loadQueue(): Promise<void> {
    await this.guard(async () => {
      const answer = await api.listQueue(this.query(null));
      if (!answer) return;
      this.items = answer.body.comments;
      this.nextCursor = answer.body.nextCursor;
      this.currentIndex = 0;
      this.selectedIds = new Set();
      this.loaded = true;
    });
  }

  private onLoadMore = async () => {
    if (!this.nextCursor) return;
    await this.guard(async () => {
      const answer = await api.listQueue(this.query(this.nextCursor));
      if (!answer) return;
      const known = new Set(this.items.map((c) => c.id));
      this.items = [...this.items, ...answer.body.comments.filter((c) => !known.has(c.id))];
      this.nextCursor = answer.body.nextCursor;
      this.announce(`Loaded ${plural(answer.body.comments.length, 'more comment', 'more comments')}.`);
    });
  };

  private async refreshCounts(): Promise<boolean> {
    const answer = await this.guard(() => api.fetchCounts(this.countsTag));
    if (!answer) return false;
    this.counts = answer.body.counts;
    this.countsTag = answer.etag;
    return true;
  }

  private startPolling(): void {
    this.stopPolling();
    if (this.pollMs > 0) this.pollTimer = setInterval(() => void this.poll(), this.pollMs);
  }

  private stopPolling(): void {
    if (this.pollTimer !== undefined) clearInterval(this.pollTimer);
    this.pollTimer = undefined;
  }

  /** When the counts changed, comments new at the top of the current view are added above. */
  private async poll(): Promise<void> {
    if (!this.signedIn || document.hidden) return;
    if (!(await this.refreshCounts())) return;
    if (this.view === 'deliveries') return this.deliveries.refresh();
    if (this.view !== 'queue') return;
    await this.guard(async () => {
      const answer = await api.listQueue(this.query(null));
      if (!answer) return;
      const known = new Set(this.items.map((c) => c.id));
      const hidden = new Set([...(this.undoWindow?.before.map((b) => b.comment.id) ?? []), ...this.deletesInFlight]);
      const fresh = answer.body.comments.filter((c) => !known.has(c.id) && !hidden.has(c.id));
      if (fresh.length === 0) return;
      const focusedId = this.items[this.currentIndex]?.id;
      this.items = [...fresh, ...this.items];
      if (focusedId) this.currentIndex = this.items.findIndex((c) => c.id === focusedId);
      this.announce(`${plural(fresh.length, 'new comment', 'new comments')} arrived.`);
    });
  }

  private async openDeepLink(id: string): Promise<void> {
    this.deepLinkId = null;
    const comment = await this.guard(() => api.getComment(id));
    if (!comment) return;
    if (this.status !== 'all' && comment.status !== this.status) {
      this.status = comment.status;
      await this.loadQueue();
    }
    let index = this.items.findIndex((c) => c.id === id);
    if (index < 0) {
      this.items = [comment, ...this.items];
      index = 0;
    }
    this.currentIndex = index;
    this.focusCurrent();
  }

  // ---- filters -----------------------------------------------------------------------------------

  private selectTab(status: QueueStatus): void {
    if (this.status === status && this.view === 'queue') return;
    this.flushUndo();
    this.view = 'queue';
    this.status = status;
    void this.loadQueue();
  }

  private onSearchInput = (event: InputEvent) => {
    this.searchText = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => void this.loadQueue(), 300);
  };

  private onThreadInput = (event: InputEvent) => {
    this.threadFilter = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => void this.loadQueue(), 300);
  };

  private onFilterSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    clearTimeout(this.searchTimer);
    void this.loadQueue();
  };

  private filterThread(thread: string): void {
    this.threadFilter = thread;
    void this.loadQueue();
    this.announce(`Showing thread ${thread} only.`);
  }

  // ---- actions -----------------------------------------------------------------------------------

  /** Whether a comment with this status still belongs in the current tab. */
  private belongs(status: ModerationComment['status']): boolean {
    return this.status === 'all' || this.status === status;
  }

  /**
   * Approve, spam or delete. Approve and spam are sent at once (undo sets the old status back);
   * a delete is sent only when its undo window closes, so an undone delete never reached the server.
   */
  private async act(action: BulkAction, targets: ModerationComment[]): Promise<void> {
    if (targets.length === 0) return;
    this.flushUndo();
    const before = targets.map((comment) => ({ comment, index: this.items.indexOf(comment) }));
    if (action !== 'delete') {
      const done = await this.guard(() =>
        api.bulk(
          action,
          targets.map((c) => c.id),
        ),
      );
      if (!done) return;
    }
    const ids = new Set(targets.map((c) => c.id));
    const newStatus = action === 'approve' ? 'published' : 'spam';
    if (action === 'delete' || !this.belongs(newStatus)) this.items = this.items.filter((c) => !ids.has(c.id));
    else this.items = this.items.map((c) => (ids.has(c.id) ? { ...c, status: newStatus } : c));
    this.selectedIds = new Set([...this.selectedIds].filter((id) => !ids.has(id)));
    this.currentIndex = Math.min(this.currentIndex, Math.max(0, this.items.length - 1));
    const text = `${PAST[action]} ${plural(targets.length, 'comment', 'comments')}.`;
    this.undoWindow = { action, before, text, timer: setTimeout(() => this.flushUndo(), this.undoMs) };
    this.announce(`${text} Press u to undo.`);
    if (action !== 'delete') void this.refreshCounts();
    this.focusCurrent();
  }

  /** Ends the undo window: a waiting delete is sent now (also when the page is left). */
  private flushUndo = () => {
    const open = this.undoWindow;
    if (!open) return;
    clearTimeout(open.timer);
    this.undoWindow = null;
    if (open.action === 'delete') {
      const ids = open.before.map((b) => b.comment.id);
      for (const id of ids) this.deletesInFlight.add(id);
      void this.guard(async () => {
        try {
          await api.bulk('delete', ids, true);
        } finally {
          for (const id of ids) this.deletesInFlight.delete(id);
        }
        await this.refreshCounts();
      });
    }
  };

  private onUndo = async () => {
    const open = this.undoWindow;
    if (!open) return;
    clearTimeout(open.timer);
    this.undoWindow = null;
    if (open.action !== 'delete') {
      const restored = await this.guard(() =>
        Promise.all(open.before.map(({ comment }) => api.setStatus(comment.id, comment.status))),
      );
      if (!restored) return;
      void this.refreshCounts();
    }
    const ids = new Set(open.before.map((b) => b.comment.id));
    const items = this.items.filter((c) => !ids.has(c.id));
    for (const { comment, index } of [...open.before].sort((a, b) => a.index - b.index))
      if (this.belongs(comment.status)) items.splice(Math.max(0, Math.min(index, items.length)), 0, comment);
    this.items = items;
    const first = open.before[0]?.comment.id;
    const index = this.items.findIndex((c) => c.id === first);
    if (index >= 0) this.currentIndex = index;
    this.announce(`Undone: ${open.text.replace(/\.$/, '').toLowerCase()}.`);
    this.focusCurrent();
  };

  private startEdit(comment: ModerationComment): void {
    this.editingId = comment.id;
    void this.updateComplete.then(() => {
      const area = this.renderRoot.querySelector<HTMLTextAreaElement>(`#edit-${CSS.escape(comment.id)}`);
      area?.focus();
    });
  }

  private onEditSubmit = async (event: SubmitEvent, comment: ModerationComment) => {
    event.preventDefault();
    const area = (event.currentTarget as HTMLFormElement).elements.namedItem('message') as HTMLTextAreaElement;
    const saved = await this.guard(() => api.editMessage(comment.id, area.value));
    if (!saved) return;
    this.items = this.items.map((c) =>
      c.id === comment.id
        ? { ...c, message: saved.message, ...(saved.editedAt ? { editedAt: saved.editedAt } : {}) }
        : c,
    );
    this.editingId = null;
    this.announce('Saved the edit.');
    this.focusCurrent();
  };

  private cancelEdit(): void {
    this.editingId = null;
    this.announce('Edit cancelled.');
    this.focusCurrent();
  }

  private onBlockSubmit = async (event: SubmitEvent, comment: ModerationComment) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const by = (['email', 'client'] as BlockKind[]).filter(
      (kind) => (form.elements.namedItem(kind) as HTMLInputElement).checked,
    );
    if (by.length === 0) {
      this.announce('Choose email, address or both.');
      return;
    }
    const blocks = await this.guard(() => api.blockAuthor(comment.id, by));
    if (!blocks) return;
    this.blockingId = null;
    if (this.belongs('spam')) this.items = this.items.map((c) => (c.id === comment.id ? { ...c, status: 'spam' } : c));
    else this.items = this.items.filter((c) => c.id !== comment.id);
    this.currentIndex = Math.min(this.currentIndex, Math.max(0, this.items.length - 1));
    const how = by.map((kind) => (kind === 'email' ? 'email' : 'address')).join(' and ');
    this.announce(`Blocked ${comment.name} by ${how}; this comment and their next ones go to spam.`);
    void this.refreshCounts();
    this.focusCurrent();
  };

  private async showBlocks(): Promise<void> {
    this.flushUndo();
    this.view = 'blocks';
    const blocks = await this.guard(() => api.listBlocks());
    if (blocks) this.blocks = blocks;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#blocks-title')?.focus();
  }

  private async showDeliveries(): Promise<void> {
    this.flushUndo();
    this.view = 'deliveries';
    await this.deliveries.refresh();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#deliveries-title')?.focus();
  }

  private async lift(block: Block): Promise<void> {
    const lifted = await this.guard(async () => {
      await api.liftBlock(block.id);
      return true;
    });
    if (!lifted) return;
    this.blocks = this.blocks.filter((b) => b.id !== block.id);
    this.announce(`Lifted the block on ${block.value}.`);
  }

  private toggleSelected(id: string): void {
    const next = new Set(this.selectedIds);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this.selectedIds = next;
  }

  private onSelectAll = (event: Event) => {
    const all = (event.target as HTMLInputElement).checked;
    this.selectedIds = all ? new Set(this.items.map((c) => c.id)) : new Set();
    this.announce(all ? `Selected ${plural(this.items.length, 'comment', 'comments')}.` : 'Selection cleared.');
  };

  private selectedComments(): ModerationComment[] {
    return this.items.filter((c) => this.selectedIds.has(c.id));
  }

  // ---- keyboard ------------------------------------------------------------------------------------

  private onKeydown = (event: KeyboardEvent) => {
    if (!this.signedIn || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    const target = event.composedPath()[0];
    const typing =
      target instanceof HTMLTextAreaElement ||
      (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type));
    if (typing) {
      if (event.key === 'Escape' && this.editingId) this.cancelEdit();
      return;
    }
    if (this.shortcutsDialog?.open) return;
    const current = this.items[this.currentIndex];
    const handled = (): void => event.preventDefault();
    if (event.key === '?') {
      handled();
      this.shortcutsDialog?.showModal();
      return;
    }
    if (this.view !== 'queue') return;
    switch (event.key) {
      case 'j':
        handled();
        this.move(1);
        break;
      case 'k':
        handled();
        this.move(-1);
        break;
      case '/':
        handled();
        this.searchInput?.focus();
        break;
      case 'u':
        handled();
        void this.onUndo();
        break;
      case 'a':
      case 's':
      case 'd':
        if (!current) return;
        handled();
        void this.act(event.key === 'a' ? 'approve' : event.key === 's' ? 'spam' : 'delete', [current]);
        break;
      case 'e':
        if (!current) return;
        handled();
        this.startEdit(current);
        break;
      case 'x':
        if (!current) return;
        handled();
        this.toggleSelected(current.id);
        this.announce(this.selectedIds.has(current.id) ? `Selected ${current.name}’s comment.` : 'Unselected.');
        break;
      case 'Escape':
        if (this.blockingId) {
          handled();
          this.blockingId = null;
          this.focusCurrent();
        }
        break;
    }
  };

  private move(step: number): void {
    if (this.items.length === 0) return;
    this.currentIndex = Math.max(0, Math.min(this.items.length - 1, this.currentIndex + step));
    this.focusCurrent();
  }

  private focusCurrent(): void {
    void this.updateComplete.then(() => {
      const row = this.renderRoot.querySelector<HTMLElement>(`li[data-index="${this.currentIndex}"]`);
      row?.focus();
    });
  }

  private announce(text: string): void {
    // The same sentence twice in a row must still be read: alternate a trailing no-break space.
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
  }

  // ---- rendering ---------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    return html`
      <main class="page">
        <header>
          <h1>Moderation</h1>
          ${
            this.signedIn
              ? html`<div class="toolbar">
                  <button type="button" @click=${() => this.shortcutsDialog?.showModal()}>Shortcuts (?)</button>
                  <button type="button" @click=${this.onSignOut}>Sign out</button>
                </div>`
              : nothing
          }
        </header>
        ${
          this.signedIn === null
            ? html`<p class="hint">Loading…</p>`
            : this.signedIn
              ? this.view === 'queue'
                ? this.renderQueue()
                : this.view === 'deliveries'
                  ? this.deliveries.render(this.renderNav(), this.errorText)
                  : this.renderBlocks()
              : this.renderSignIn()
        }
        <p role="status" class="visually-hidden">${this.announcement}</p>
        ${this.renderShortcuts()} ${this.renderUndo()}
      </main>
    `;
  }

  private renderSignIn(): TemplateResult {
    return html`
      <form class="sign-in" @submit=${this.onSignIn}>
        <h2>Sign in</h2>
        <!-- For password managers, which file a password under a user name: the one moderator. -->
        <input name="username" autocomplete="username" value="moderator" hidden />
        <label for="token">Admin token or password</label>
        <input
          id="token"
          name="token"
          type="password"
          autocomplete="current-password"
          required
          aria-describedby="sign-in-error"
          aria-invalid=${this.signInError ? 'true' : 'false'}
        />
        <p id="sign-in-error" class="error" role="alert">${this.signInError}</p>
        <button class="primary" type="submit" ?disabled=${this.busy}>Sign in</button>
      </form>
    `;
  }

  private renderNav(): TemplateResult {
    return html`
      <nav aria-label="Views">
        ${TABS.map(
          (tab) =>
            html`<button
              type="button"
              aria-pressed=${this.view === 'queue' && this.status === tab.status ? 'true' : 'false'}
              @click=${() => this.selectTab(tab.status)}
            >
              ${tab.label}<span class="count">${this.counts ? this.counts[tab.status] : '…'}</span>
            </button>`,
        )}
        <button
          type="button"
          aria-pressed=${this.view === 'blocks' ? 'true' : 'false'}
          @click=${() => void this.showBlocks()}
        >
          Blocked authors
        </button>
        <button
          type="button"
          aria-pressed=${this.view === 'deliveries' ? 'true' : 'false'}
          @click=${() => void this.showDeliveries()}
        >
          Deliveries${
            this.deliveries.depth?.failed
              ? html`<span class="count"
                  >${this.deliveries.depth.failed}<span class="visually-hidden"> failed</span></span
                >`
              : nothing
          }
        </button>
      </nav>
    `;
  }

  private renderQueue(): TemplateResult {
    const selected = this.selectedComments();
    const allSelected = this.items.length > 0 && selected.length === this.items.length;
    const tabLabel = TABS.find((t) => t.status === this.status)!.label;
    return html`
      ${this.renderNav()}
      <form class="filters" role="search" @submit=${this.onFilterSubmit}>
        <label
          >Search text, name, email or thread
          <input id="search" type="search" .value=${this.searchText} @input=${this.onSearchInput} />
        </label>
        <label
          >Thread
          <input
            id="thread"
            type="text"
            placeholder="e.g. /2026/05/rivers"
            .value=${this.threadFilter}
            @input=${this.onThreadInput}
          />
        </label>
      </form>
      <h2>${tabLabel}</h2>
      ${this.errorText ? html`<p class="error">${this.errorText}</p>` : nothing}
      <div class="bulk" aria-label="Bulk actions" role="group">
        <label
          ><input type="checkbox" .checked=${allSelected} @change=${this.onSelectAll} ?disabled=${!this.items.length} />
          Select all shown</label
        >
        ${
          selected.length
            ? html`<span class="selected-count">${selected.length} selected</span>
                <button type="button" @click=${() => void this.act('approve', this.selectedComments())}>
                  Approve selected
                </button>
                <button type="button" @click=${() => void this.act('spam', this.selectedComments())}>
                  Spam selected
                </button>
                <button type="button" class="danger" @click=${() => void this.act('delete', this.selectedComments())}>
                  Delete selected
                </button>`
            : nothing
        }
      </div>
      ${
        this.items.length
          ? html`<ol class="queue" aria-label="${tabLabel} comments">
              ${this.items.map((comment, index) => this.renderRow(comment, index))}
            </ol>`
          : html`<p class="empty">
              ${
                this.loaded
                  ? this.status === 'pending' && !this.searchText && !this.threadFilter
                    ? 'Nothing waits for moderation. New comments appear here by themselves.'
                    : 'No comments match.'
                  : 'Loading…'
              }
            </p>`
      }
      ${this.nextCursor ? html`<p><button type="button" @click=${this.onLoadMore}>Load more</button></p>` : nothing}
    `;
  }

  private renderRow(comment: ModerationComment, index: number): TemplateResult {
    const selected = this.selectedIds.has(comment.id);
    const current = index === this.currentIndex;
    const when = new Date(comment.createdAt);
    return html`<li
      data-index=${index}
      data-id=${comment.id}
      tabindex=${current ? 0 : -1}
      class="${current ? 'current' : ''} ${selected ? 'selected' : ''}"
      @focus=${(event: FocusEvent) => {
        if (event.target === event.currentTarget) this.currentIndex = index;
      }}
      @focusin=${() => {
        this.currentIndex = index;
      }}
    >
      <input
        type="checkbox"
        .checked=${selected}
        aria-label="Select the comment by ${comment.name}"
        @change=${() => this.toggleSelected(comment.id)}
      />
      <div class="row-body">
        <div class="meta">
          <span class="name">${comment.name}</span>
          <span>${comment.email}</span>
          <time datetime=${comment.createdAt}>${dateFormat.format(when)}</time>
          ${
            comment.rating !== null
              ? html`<span
                  ><span class="visually-hidden">Rating: </span
                  ><span class="stars" aria-hidden="true">★</span> ${comment.rating}</span
                >`
              : nothing
          }
          ${this.status === 'all' ? html`<span class="status">${comment.status}</span>` : nothing}
          ${comment.editedAt ? html`<span>edited</span>` : nothing}
        </div>
        <div class="meta">
          <span
            >in
            <button type="button" class="link" @click=${() => this.filterThread(comment.thread)}>
              ${comment.thread}
            </button></span
          >
          ${
            comment.url
              ? html`<a href=${comment.url} target="_blank" rel="noopener noreferrer">Open the article</a>`
              : nothing
          }
        </div>
        ${
          comment.parent
            ? html`<blockquote>
                <span class="reply-to">In reply to</span>${comment.parentMessage ?? '(the parent comment is gone)'}
              </blockquote>`
            : nothing
        }
        ${
          this.editingId === comment.id
            ? html`<form @submit=${(event: SubmitEvent) => this.onEditSubmit(event, comment)}>
                <label for="edit-${comment.id}" class="visually-hidden">Text of the comment</label>
                <textarea id="edit-${comment.id}" name="message" .value=${comment.message}></textarea>
                <div class="actions">
                  <button type="submit" class="primary">Save</button>
                  <button type="button" @click=${() => this.cancelEdit()}>Cancel</button>
                </div>
              </form>`
            : // Formatted as readers see it (the same renderer as the list's); the Edit box shows the
              // Markdown. A comment without formatting is its text, line breaks kept.
              comment.body?.length
              ? html`<div class="message formatted">${renderBody(comment.body)}</div>`
              : html`<p class="message">${comment.message}</p>`
        }
        ${
          this.blockingId === comment.id
            ? html`<form class="block-choice" @submit=${(event: SubmitEvent) => this.onBlockSubmit(event, comment)}>
                <span>Block ${comment.name} by</span>
                <label><input type="checkbox" name="email" checked /> email</label>
                <label><input type="checkbox" name="client" /> address</label>
                <button type="submit" class="danger">Block</button>
                <button
                  type="button"
                  @click=${() => {
                    this.blockingId = null;
                    this.focusCurrent();
                  }}
                >
                  Cancel
                </button>
              </form>`
            : nothing
        }
        <div class="actions">
          ${
            comment.status !== 'published'
              ? html`<button type="button" class="approve" @click=${() => void this.act('approve', [comment])}>
                  Approve
                </button>`
              : nothing
          }
          ${
            comment.status !== 'spam'
              ? html`<button type="button" @click=${() => void this.act('spam', [comment])}>Spam</button>`
              : nothing
          }
          <button type="button" class="danger" @click=${() => void this.act('delete', [comment])}>Delete</button>
          <button type="button" @click=${() => this.startEdit(comment)}>Edit</button>
          <button
            type="button"
            @click=${async () => {
              this.blockingId = comment.id;
              await this.updateComplete;
              this.renderRoot.querySelector<HTMLInputElement>('.block-choice input')?.focus();
            }}
          >
            Block author
          </button>
        </div>
      </div>
    </li>`;
  }

  private renderBlocks(): TemplateResult {
    return html`
      ${this.renderNav()}
      <h2 id="blocks-title" tabindex="-1">Blocked authors</h2>
      <p class="hint">Comments from these authors are stored as spam. Lift a block to let them through again.</p>
      ${this.errorText ? html`<p class="error">${this.errorText}</p>` : nothing}
      ${
        this.blocks.length
          ? html`<ul class="blocks">
              ${this.blocks.map(
                (block) =>
                  html`<li>
                    <span
                      ><strong>${block.value}</strong> (${block.kind === 'email' ? 'email' : 'address'}) —
                      ${block.label},
                      <time datetime=${block.createdAt}>${dateFormat.format(new Date(block.createdAt))}</time></span
                    >
                    <button type="button" @click=${() => void this.lift(block)}>
                      Lift the block on ${block.value}
                    </button>
                  </li>`,
              )}
            </ul>`
          : html`<p class="empty">Nobody is blocked.</p>`
      }
    `;
  }

  private renderShortcuts(): TemplateResult {
    return html`<dialog id="shortcuts" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <dl class="keys">
        ${SHORTCUTS.map(
          ([key, what]) =>
            html`<dt><kbd>${key}</kbd></dt>
              <dd>${what}</dd>`,
        )}
      </dl>
      <form method="dialog"><button class="primary" autofocus>Close</button></form>
    </dialog>`;
  }

  private renderUndo(): TemplateResult | typeof nothing {
    if (!this.undoWindow) return nothing;
    return html`<div class="undo">
      <span>${this.undoWindow.text}</span>
      <button type="button" @click=${this.onUndo}>Undo</button>
    </div>`;
  }
}
