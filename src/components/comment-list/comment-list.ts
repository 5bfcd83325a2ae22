import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { ApiClient } from '../../client/api.js';
import { resolveEndpoint, resolveThread } from '../../client/endpoint.js';
import { pendingComments } from '../../client/pending.js';
import { LIMITS } from '../../contract/limits.js';
import type { Comment, Sort } from '../../contract/schemas.js';
import { LocaleController } from '../../i18n/controller.js';
import type { Messages } from '../../i18n/types.js';
import type { CommentSubmittedDetail } from '../shared/events.js';
import { styles } from './comment-list.styles.js';
import { absoluteTime, avatarHue, formatMessage, initials, relativeTime, type FormattedMessage } from './format.js';

/** Replies are indented up to this level; deeper replies stay at it. */
export const MAX_DEPTH = 3;
/** How often relative times ("3 minutes ago") are refreshed. */
const CLOCK_MS = 60_000;

type LoadState = 'idle' | 'loading' | 'ready' | 'error';

interface Node {
  comment: Comment;
  level: number;
  children: Node[];
}

/**
 * `<comment-list>`: the approved comments of a thread, newest or oldest first, a page at a time,
 * with threaded replies (indented up to 3 levels), an inline reply form, and the reader's own
 * comments that await moderation. Comment text is only ever rendered as text.
 *
 * @csspart comment - one comment
 * @csspart button - the Reply, Load more and Retry buttons
 */
export class CommentList extends LitElement {
  static override properties: PropertyDeclarations = {
    endpoint: {},
    thread: {},
    lang: {},
    theme: { reflect: true },
    sort: {},
    pageSize: { type: Number, attribute: 'page-size' },
    captcha: {},
    captchaSiteKey: { attribute: 'captcha-site-key' },
    ratingMax: { type: Number, attribute: 'rating-max' },
    messages: { attribute: false },
    state: { state: true },
    comments: { state: true },
    pending: { state: true },
    total: { state: true },
    nextCursor: { state: true },
    loadingMore: { state: true },
    moreFailed: { state: true },
    activeSort: { state: true },
    replyTo: { state: true },
    now: { state: true },
  };
  static override styles = styles;

  declare endpoint?: string;
  declare thread?: string;
  override lang = '';
  declare theme?: 'light' | 'dark' | 'auto';
  sort: Sort = 'newest';
  pageSize: number = LIMITS.pageSizeDefault;
  /** Handed to the inline reply forms. */
  declare captcha?: string;
  declare captchaSiteKey?: string;
  /** The scale of the authors' stars. */
  ratingMax = 5;
  declare messages?: Messages;

  private state: LoadState = 'idle';
  private comments: Comment[] = [];
  private pending: Comment[] = [];
  private total = 0;
  private nextCursor: string | null = null;
  private loadingMore = false;
  private moreFailed = false;
  private activeSort: Sort = 'newest';
  private replyTo: string | null = null;
  private now = Date.now();

  protected l10n = new LocaleController(this);

  private loadKey = '';
  private abort: AbortController | null = null;
  private clock: ReturnType<typeof setInterval> | undefined;
  private tree: Node[] = [];
  private formatted = new WeakMap<Comment, FormattedMessage>();
  /** Ids the server listed or the reader posted in this session; no duplicates after "Load more". */
  private seen = new Set<string>();

  private readonly onSubmitted = (event: CustomEvent<CommentSubmittedDetail>) => this.acceptSubmitted(event.detail);

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('comment-submitted', this.onSubmitted);
    this.now = Date.now();
    this.clock = setInterval(() => {
      this.now = Date.now();
    }, CLOCK_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('comment-submitted', this.onSubmitted);
    clearInterval(this.clock);
    this.clock = undefined;
    this.abort?.abort();
    this.abort = null;
    // Load again when put back into a document.
    this.loadKey = '';
  }

  /** The thread this list shows, as resolved now (own attribute, enclosing block, canonical link). */
  get resolvedThread(): string | null {
    return resolveThread(this);
  }

  /** Reloads from the first page (also what "Retry" does). */
  reload(): void {
    this.loadKey = '';
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('lang') || changed.has('messages')) this.l10n.refresh();
    if (changed.has('sort')) this.activeSort = this.sort === 'oldest' ? 'oldest' : 'newest';
    const key = [resolveEndpoint(this), resolveThread(this), this.activeSort, this.limit].join('|');
    if (key !== this.loadKey) {
      this.loadKey = key;
      void this.loadFirst();
    }
    if (changed.has('comments') || changed.has('pending') || changed.has('activeSort')) {
      this.tree = this.buildTree();
    }
  }

  private get limit(): number {
    const n = Math.floor(Number(this.pageSize));
    return Number.isFinite(n) ? Math.min(LIMITS.pageSizeMax, Math.max(1, n)) : LIMITS.pageSizeDefault;
  }

  private client(): ApiClient | null {
    const endpoint = resolveEndpoint(this);
    return endpoint ? new ApiClient(endpoint) : null;
  }

  private async loadFirst(): Promise<void> {
    this.abort?.abort();
    const thread = resolveThread(this);
    const client = this.client();
    this.comments = [];
    this.seen = new Set();
    this.nextCursor = null;
    this.total = 0;
    this.moreFailed = false;
    this.loadingMore = false;
    this.replyTo = null;
    this.pending = thread ? pendingComments.list(thread).filter((c) => c.thread === thread) : [];
    if (!thread || !client) {
      this.state = 'error';
      return;
    }
    const abort = (this.abort = new AbortController());
    this.state = 'loading';
    try {
      const page = await client.listComments(thread, { limit: this.limit, sort: this.activeSort }, abort.signal);
      if (abort.signal.aborted) return;
      this.accept(thread, page.comments);
      this.total = page.total;
      this.nextCursor = page.nextCursor;
      this.state = 'ready';
    } catch {
      if (abort.signal.aborted) return;
      this.state = 'error';
    }
  }

  private async loadMore(): Promise<void> {
    const thread = resolveThread(this);
    const client = this.client();
    if (!thread || !client || !this.nextCursor || this.loadingMore) return;
    const abort = this.abort ?? (this.abort = new AbortController());
    this.loadingMore = true;
    this.moreFailed = false;
    try {
      const page = await client.listComments(
        thread,
        { limit: this.limit, sort: this.activeSort, cursor: this.nextCursor },
        abort.signal,
      );
      if (abort.signal.aborted) return;
      this.accept(thread, page.comments);
      this.total = Math.max(page.total, this.total);
      this.nextCursor = page.nextCursor;
    } catch {
      if (abort.signal.aborted) return;
      this.moreFailed = true;
    } finally {
      if (!abort.signal.aborted) this.loadingMore = false;
    }
  }

  /** Adds server-listed comments; forgets the reader's pending ones that are now published. */
  private accept(thread: string, incoming: Comment[]): void {
    const fresh = incoming.filter((c) => c && c.status !== 'pending' && !this.seen.has(c.id));
    for (const c of fresh) this.seen.add(c.id);
    if (fresh.length) this.comments = [...this.comments, ...fresh];
    const published = this.pending.filter((p) => this.seen.has(p.id));
    if (published.length) {
      pendingComments.forget(
        thread,
        published.map((c) => c.id),
      );
      this.pending = this.pending.filter((p) => !this.seen.has(p.id));
    }
  }

  private acceptSubmitted(detail: CommentSubmittedDetail | undefined): void {
    const comment = detail?.comment;
    const thread = resolveThread(this);
    if (!comment || !thread || comment.thread !== thread) return;
    if (comment.parent && comment.parent === this.replyTo) this.replyTo = null;
    const status = detail.status ?? comment.status;
    if (status === 'pending') {
      pendingComments.add(thread, { ...comment, status: 'pending' });
      if (!this.pending.some((c) => c.id === comment.id)) this.pending = [...this.pending, { ...comment, status: 'pending' }];
      return;
    }
    if (this.seen.has(comment.id)) return;
    this.seen.add(comment.id);
    this.comments = [...this.comments, { ...comment, status: 'published' }];
    this.total += 1;
  }

  /**
   * Top level in the chosen order; replies under their parent, oldest first. A reply deeper than
   * MAX_DEPTH is shown at MAX_DEPTH (under its ancestor there). A reply whose parent is not
   * loaded (yet) is shown at the top level until the parent arrives.
   */
  private buildTree(): Node[] {
    const all = [...this.comments, ...this.pending.filter((p) => !this.seen.has(p.id))];
    const order = new Map<string, number>();
    all.forEach((c, i) => order.set(c.id, i));
    const time = (c: Comment) => {
      const t = Date.parse(c.createdAt);
      return Number.isNaN(t) ? 0 : t;
    };
    const byId = new Map(all.map((c) => [c.id, c]));
    const nodes = new Map<string, Node>(all.map((c) => [c.id, { comment: c, level: 1, children: [] }]));
    const roots: Node[] = [];
    const depthOf = (c: Comment): number => {
      let depth = 1;
      let p = c.parent ? byId.get(c.parent) : undefined;
      const guard = new Set<string>([c.id]);
      while (p && !guard.has(p.id)) {
        guard.add(p.id);
        depth++;
        p = p.parent ? byId.get(p.parent) : undefined;
      }
      return depth;
    };
    for (const c of all) {
      const node = nodes.get(c.id)!;
      const depth = depthOf(c);
      if (depth === 1) {
        roots.push(node);
        continue;
      }
      // Climb to the ancestor that sits at MAX_DEPTH - 1 when the reply is deeper than allowed.
      let parent = byId.get(c.parent!)!;
      for (let d = depth - 1; d > MAX_DEPTH - 1; d--) parent = byId.get(parent.parent!)!;
      node.level = Math.min(depth, MAX_DEPTH);
      nodes.get(parent.id)!.children.push(node);
    }
    const newest = this.activeSort === 'newest';
    const cmp = (a: Node, b: Node) => {
      const d = time(a.comment) - time(b.comment);
      return d !== 0 ? d : (order.get(a.comment.id) ?? 0) - (order.get(b.comment.id) ?? 0);
    };
    roots.sort((a, b) => (newest ? -cmp(a, b) : cmp(a, b)));
    const sortChildren = (list: Node[]) => {
      for (const n of list) {
        if (n.children.length > 1) n.children.sort(cmp);
        sortChildren(n.children);
      }
    };
    sortChildren(roots);
    return roots;
  }

  private onSortChange(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.activeSort = value === 'oldest' ? 'oldest' : 'newest';
  }

  private toggleReply(id: string): void {
    this.replyTo = this.replyTo === id ? null : id;
    if (this.replyTo) {
      void this.updateComplete.then(() => {
        const form = this.renderRoot.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>(
          `#reply-${CSS.escape(id)} comment-form`,
        );
        if (!form) return;
        // Into the reply form's first field, once it has rendered.
        void Promise.resolve(form.updateComplete).then(() => {
          form.shadowRoot?.querySelector<HTMLElement>('input:not([type=hidden]):not([tabindex="-1"]), textarea')?.focus();
        });
      });
    }
  }

  protected override render(): TemplateResult {
    const tr = this.l10n.tr;
    const shown = this.comments.length + this.pending.filter((p) => !this.seen.has(p.id)).length;
    const busy = this.state === 'loading' || this.state === 'idle';
    return html`
      <section class="list" aria-label=${tr.t('list.label')} aria-busy=${busy ? 'true' : 'false'}>
        ${this.state !== 'error' && shown > 0 ? this.renderHeader() : nothing}
        ${busy ? this.renderSkeleton() : nothing}
        ${this.state === 'error' ? this.renderError() : nothing}
        ${this.state === 'ready' && shown === 0 ? html`<p class="empty">${tr.t('list.empty')}</p>` : nothing}
        ${shown > 0 && this.state !== 'error' ? this.renderLevel(this.tree, 1) : nothing}
        ${this.state === 'ready' ? this.renderMore() : nothing}
      </section>
    `;
  }

  private renderHeader(): TemplateResult {
    const tr = this.l10n.tr;
    return html`
      <div class="header">
        <p class="count">${tr.plural('list.count', this.total)}</p>
        <label class="sort">
          <span>${tr.t('list.sortLabel')}</span>
          <select part="input" .value=${this.activeSort} @change=${this.onSortChange}>
            <option value="newest" ?selected=${this.activeSort === 'newest'}>${tr.t('list.sortNewest')}</option>
            <option value="oldest" ?selected=${this.activeSort === 'oldest'}>${tr.t('list.sortOldest')}</option>
          </select>
        </label>
      </div>
    `;
  }

  private renderSkeleton(): TemplateResult {
    return html`
      <div class="skeleton" role="status">
        <span class="visually-hidden">${this.l10n.tr.t('list.loading')}</span>
        ${[0, 1, 2].map(
          () => html`<div class="skeleton-item" aria-hidden="true">
            <span class="avatar bone"></span>
            <span class="lines"><span class="bone line short"></span><span class="bone line"></span><span class="bone line"></span></span>
          </div>`,
        )}
      </div>
    `;
  }

  private renderError(): TemplateResult {
    const tr = this.l10n.tr;
    return html`
      <div class="error" role="alert">
        <p>${tr.t('list.error')}</p>
        <button type="button" part="button" class="secondary" @click=${() => this.reload()}>${tr.t('list.retry')}</button>
      </div>
    `;
  }

  private renderMore(): TemplateResult | typeof nothing {
    const tr = this.l10n.tr;
    if (this.moreFailed) {
      return html`<div class="error more" role="alert">
        <p>${tr.t('list.error')}</p>
        <button type="button" part="button" class="secondary" @click=${() => void this.loadMore()}>${tr.t('list.retry')}</button>
      </div>`;
    }
    if (!this.nextCursor) return nothing;
    return html`<div class="more">
      <button type="button" part="button" class="secondary" ?disabled=${this.loadingMore} aria-busy=${this.loadingMore ? 'true' : 'false'} @click=${() => void this.loadMore()}>
        ${this.loadingMore ? tr.t('list.loadingMore') : tr.t('list.loadMore')}
      </button>
    </div>`;
  }

  private renderLevel(nodes: Node[], level: number): TemplateResult {
    return html`<ol class="comments level-${level}" role="list">
      ${repeat(
        nodes,
        (n) => n.comment.id,
        (n) => this.renderNode(n),
      )}
    </ol>`;
  }

  private renderNode(node: Node): TemplateResult {
    const c = node.comment;
    const tr = this.l10n.tr;
    const isPending = c.status === 'pending';
    const open = this.replyTo === c.id;
    const nameId = `name-${c.id}`;
    let formatted = this.formatted.get(c);
    if (!formatted) {
      formatted = formatMessage(c.message);
      this.formatted.set(c, formatted);
    }
    const endpoint = resolveEndpoint(this);
    const thread = resolveThread(this);
    return html`<li class="item">
      <article part="comment" class="comment ${isPending ? 'pending' : ''}" data-id=${c.id} data-level=${node.level} aria-labelledby=${nameId}>
        <span class="avatar hue-${avatarHue(c.name)}" aria-hidden="true">${initials(c.name)}</span>
        <div class="body">
          <header class="meta">
            <span class="name" id=${nameId}>${c.name}</span>
            <time datetime=${c.createdAt} title=${absoluteTime(c.createdAt, tr.lang)}>${relativeTime(c.createdAt, this.now, tr.lang)}</time>
            ${typeof c.rating === 'number' && c.rating > 0 ? this.renderStars(c.rating) : nothing}
            ${isPending ? html`<span class="badge">${tr.t('list.pending')}</span>` : nothing}
          </header>
          <div class="message">
            ${formatted.map(
              (paragraph) =>
                html`<p>${paragraph.map(
                  (line, i) =>
                    html`${i > 0 ? html`<br />` : nothing}${line.map((seg) =>
                      seg.kind === 'link'
                        ? html`<a href=${seg.href} rel="nofollow ugc noopener" target="_blank">${seg.text}</a>`
                        : seg.text,
                    )}`,
                )}</p>`,
            )}
          </div>
          ${isPending || !endpoint || !thread
            ? nothing
            : html`<div class="actions">
                <button
                  type="button"
                  part="button"
                  class="link"
                  aria-expanded=${open ? 'true' : 'false'}
                  aria-controls=${`reply-${c.id}`}
                  @click=${() => this.toggleReply(c.id)}
                >
                  ${open ? tr.t('list.cancelReply') : tr.t('list.reply')}
                </button>
              </div>`}
          <div class="reply-slot" id=${`reply-${c.id}`}>
            ${open && endpoint && thread
              ? html`<div role="group" aria-label=${tr.t('list.replyTo', { name: c.name })}><comment-form
                  exportparts="label,input,textarea,button,feedback,form,count,status"
                  parent=${c.id}
                  endpoint=${endpoint}
                  thread=${thread}
                  lang=${this.l10n.tr.lang}
                  theme=${this.theme ?? nothing}
                  captcha=${this.captcha ?? nothing}
                  captcha-site-key=${this.captchaSiteKey ?? nothing}
                  .messages=${this.messages}
                ></comment-form></div>`
              : nothing}
          </div>
        </div>
      </article>
      ${node.children.length ? this.renderLevel(node.children, Math.min(node.level + 1, MAX_DEPTH)) : nothing}
    </li>`;
  }

  private renderStars(rating: number): TemplateResult {
    const max = Math.max(1, Math.min(LIMITS.ratingScaleMax, Math.round(this.ratingMax) || 5), Math.ceil(rating));
    const label = this.l10n.tr.t('list.rated', { n: rating, max });
    return html`<span class="stars" role="img" aria-label=${label} title=${label}>
      ${Array.from({ length: max }, (_, i) => html`<span part="star" class=${i < Math.round(rating) ? 'star on' : 'star'} aria-hidden="true">★</span>`)}
    </span>`;
  }
}
