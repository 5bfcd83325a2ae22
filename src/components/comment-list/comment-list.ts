import {
  html,
  LitElement,
  nothing,
  render,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { listComments } from '../../client/api.js';
import { resolveEndpoint, resolveThread } from '../../client/endpoint.js';
import { pendingComments } from '../../client/pending.js';
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX, RATING_SCALE_MAX } from '../../contract/constants.js';
import type { PublicComment, Sort } from '../../contract/schemas.js';
import { LocaleController } from '../../i18n/controller.js';
import type { Messages } from '../../i18n/types.js';
import type { CommentSubmittedDetail } from '../shared/events.js';
import { styles } from './comment-list.styles.js';
import { avatarHue, formatMessage, initials, times } from './format.js';

/** Replies are indented up to this level; deeper replies stay at it. */
export const MAX_DEPTH = 3;

/** A comment, its level (1 = top), and the replies shown under it. */
type Node = [comment: PublicComment, level: number, children: Node[], list?: Node[]];

/** The inline reply form (./reply.ts), fetched when the reader first reaches for a "Reply" button. */
let reply: typeof import('./reply.js') | undefined;
let replyLoad: Promise<unknown> | undefined;
/** Starts fetching the reply form; a failed fetch is tried again on the next touch. */
const warm = (): Promise<unknown> =>
  (replyLoad ??= import('./reply.js').then(
    (m) => (reply = m),
    () => (replyLoad = undefined),
  ));

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
    _state: { state: true },
    _comments: { state: true },
    _pending: { state: true },
    _more: { state: true },
    _sort: { state: true },
    _replyTo: { state: true },
    _now: { state: true },
  };
  static override styles = styles;

  declare endpoint?: string;
  declare thread?: string;
  override lang = '';
  declare theme?: 'light' | 'dark' | 'auto';
  sort: Sort = 'newest';
  pageSize: number = PAGE_SIZE_DEFAULT;
  /** Handed to the inline reply forms. */
  declare captcha?: string;
  declare captchaSiteKey?: string;
  /** The scale of the authors' stars. */
  ratingMax = 5;
  declare messages?: Messages;

  /** The first update starts loading, so no render sees a state before 'loading'. */
  private _state: 'loading' | 'ready' | 'error' = 'loading';
  private _comments: PublicComment[] = [];
  private _pending: PublicComment[] = [];
  // Not reactive: they change only together with `_comments` or `_state`.
  private _total = 0;
  private _next: string | null = null;
  /** "Load more": 0 idle, 1 loading, 2 failed. */
  private _more: 0 | 1 | 2 = 0;
  private _sort: Sort = 'newest';
  /** @internal The comment whose reply form is open (set by ./reply.ts). */
  _replyTo: string | null = null;
  private _now!: number;

  private _l10n = new LocaleController(this);

  private _loadKey = '';
  /** The current load's; a "Load more" (only offered after a load) shares it. */
  private _abort?: AbortController;
  private _clock?: ReturnType<typeof setInterval>;
  /** Each comment's message, formatted once. */
  private _bodies = new WeakMap<PublicComment, unknown>();
  /** Ids the server listed or the reader posted in this session; no duplicates after "Load more". */
  private _seen = new Set<string>();
  /**
   * The DOM of the comments (`<li>` by comment id, `<ol>` of replies by parent id, '' = top level),
   * kept across renders and moved, never rebuilt: a comment inserted above, or a page appended
   * below, leaves an open reply form (its focus and typed text) alone.
   */
  private _items = new Map<string, HTMLLIElement>();
  private _lists = new Map<string, HTMLOListElement>();

  private readonly _onSubmitted = ({ detail }: CustomEvent<CommentSubmittedDetail>): void => {
    const thread = resolveThread(this);
    if (!thread || detail?.comment?.thread !== thread) return;
    // The status the form reported ("pending" shows the badge; anything else is shown as published).
    const c: PublicComment = { ...detail.comment, status: detail.status ?? detail.comment.status };
    if (c.parent === this._replyTo) this._replyTo = null;
    if (c.status === 'pending') {
      pendingComments.add(thread, c);
      if (!this._pending.some((p) => p.id === c.id)) this._pending = [...this._pending, c];
    } else if (!this._seen.has(c.id)) {
      this._seen.add(c.id);
      this._comments = [...this._comments, c];
      this._total++;
    }
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('comment-submitted', this._onSubmitted);
    // Before the first render, and again when put back into a document.
    this._now = Date.now();
    // Relative times ("3 minutes ago") move on every minute.
    this._clock = setInterval(() => (this._now = Date.now()), 60_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('comment-submitted', this._onSubmitted);
    clearInterval(this._clock);
    this._abort?.abort();
    // Load again when put back into a document.
    this._loadKey = '';
  }

  /** The thread this list shows, as resolved now (own attribute, enclosing block, canonical link). */
  get resolvedThread(): string | null {
    return resolveThread(this);
  }

  /** Reloads from the first page (also what "Retry" does). */
  reload(): void {
    this._loadKey = '';
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('lang') || changed.has('messages')) this._l10n.refresh();
    if (changed.has('sort')) this._sort = this.sort === 'oldest' ? 'oldest' : 'newest';
    const key = [resolveEndpoint(this), resolveThread(this), this._sort, this._limit].join('|');
    if (key !== this._loadKey) {
      this._loadKey = key;
      void this._load();
    }
  }

  private get _limit(): number {
    const n = Math.floor(this.pageSize);
    // n - n is 0 for a finite number only (NaN for NaN and ±Infinity).
    return n - n === 0 ? Math.min(PAGE_SIZE_MAX, Math.max(1, n)) : PAGE_SIZE_DEFAULT;
  }

  /** The first page (from scratch), or with `more` the next one. */
  private async _load(more = false): Promise<void> {
    const thread = resolveThread(this);
    const endpoint = resolveEndpoint(this);
    if (more) {
      if (!this._next || this._more == 1) return;
    } else {
      this._abort?.abort();
      this._abort = new AbortController();
      this._comments = [];
      this._seen = new Set();
      this._items = new Map();
      this._lists = new Map();
      this._next = null;
      this._total = this._more = 0;
      this._replyTo = null;
      this._pending = thread ? pendingComments.list(thread).filter((c) => c.thread === thread) : [];
    }
    if (!thread || !endpoint) {
      if (!more) this._state = 'error';
      return;
    }
    const abort = this._abort!;
    if (more) this._more = 1;
    else this._state = 'loading';
    try {
      const page = await listComments(
        endpoint,
        thread,
        { limit: this._limit, sort: this._sort, cursor: more ? this._next : null },
        abort.signal,
      );
      if (abort.signal.aborted) return;
      // Adds what the server listed; forgets the reader's pending comments that are now published.
      const fresh = page.comments.filter((c) => c && c.status !== 'pending' && !this._seen.has(c.id));
      for (const c of fresh) this._seen.add(c.id);
      this._comments = [...this._comments, ...fresh];
      const pending = this._pending.filter((p) => !this._seen.has(p.id));
      if (pending.length < this._pending.length) pendingComments.forget(thread, this._seen);
      this._pending = pending;
      this._total = Math.max(page.total, this._total);
      this._next = page.nextCursor;
      this._state = 'ready';
      this._more = 0;
    } catch {
      if (abort.signal.aborted) return;
      if (more) this._more = 2;
      else this._state = 'error';
    }
  }

  /**
   * Top level in the chosen order; replies under their parent, oldest first. A reply deeper than
   * MAX_DEPTH is shown at MAX_DEPTH (beside its ancestor there). A reply whose parent is not
   * loaded (yet) is shown at the top level until the parent arrives.
   */
  private _buildTree(): Node[] {
    const all = [...this._comments, ...this._pending.filter((p) => !this._seen.has(p.id))];
    const time = (c: PublicComment) => Date.parse(c.createdAt) || 0;
    // Oldest first (a stable sort: equal times keep the order the comments arrived in), so each
    // list of replies, and the top level, is filled in that order.
    const nodes = new Map(all.sort((a, b) => time(a) - time(b)).map((c): [string, Node] => [c.id, [c, 1, []]]));
    const roots: Node[] = [];
    // The list a comment goes in (its level set on the way): under its parent, or beside it when
    // the parent is at MAX_DEPTH. A cycle of parents is cut where it closes; no root holds it.
    const place = (n: Node): Node[] => {
      if (!n[3]) {
        n[3] = roots;
        const p = nodes.get(n[0].parent!);
        if (p && p !== n) {
          place(p);
          n[1] = Math.min(p[1] + 1, MAX_DEPTH);
          n[3] = p[1] < MAX_DEPTH ? p[2] : p[3]!;
        }
      }
      return n[3];
    };
    for (const n of nodes.values()) place(n).push(n);
    return this._sort === 'newest' ? roots.reverse() : roots;
  }

  protected override render(): TemplateResult {
    const tr = this._l10n.tr;
    const state = this._state;
    const busy = state === 'loading';
    const tree = this._buildTree();
    const any = tree.length > 0 && state !== 'error';
    const button = (label: string, click: () => unknown, loading = false) =>
      html`<button
        type="button"
        part="button"
        class="secondary"
        ?disabled=${loading}
        aria-busy=${loading}
        @click=${click}
      >
        ${label}
      </button>`;
    const error = (more: boolean) =>
      html`<div class="error ${more ? 'more' : ''}" role="alert">
        <p>${tr.t('list.error')}</p>
        ${button(tr.t('list.retry'), more ? () => this._load(true) : this.reload)}
      </div>`;
    const bone = html`<div class="skeleton-item" aria-hidden="true">
      <span class="avatar bone"></span
      ><span class="lines"
        ><span class="bone line short"></span><span class="bone line"></span><span class="bone line"></span
      ></span>
    </div>`;
    // No whitespace between the tags (every container here is a flex or block box, where it
    // shows nothing): it would only add text nodes and bytes.
    return html`<section class="list" aria-label=${tr.t('list.label')} aria-busy=${busy}>
      ${
        any
          ? html`<div class="header">
              <p class="count">${tr.plural('list.count', this._total)}</p>
              <label class="sort"
                ><span>${tr.t('list.sortLabel')}</span
                ><select
                  part="input"
                  .value=${this._sort}
                  @change=${(e: Event) => (this._sort = (e.target as HTMLSelectElement).value as Sort)}
                >
                  <option value="newest">${tr.t('list.sortNewest')}</option>
                  <option value="oldest">${tr.t('list.sortOldest')}</option>
                </select></label
              >
            </div>`
          : nothing
      }${
        busy
          ? html`<div class="skeleton" role="status">
              <span class="visually-hidden">${tr.t('list.loading')}</span>${bone}${bone}${bone}
            </div>`
          : nothing
      }${
        state === 'error'
          ? error(false)
          : any
            ? this._list(tree)
            : state === 'ready'
              ? html`<p class="empty">${tr.t('list.empty')}</p>`
              : nothing
      }${
        state !== 'ready'
          ? nothing
          : this._more > 1
            ? error(true)
            : this._next
              ? html`<div class="more">
                  ${button(
                    tr.t(this._more ? 'list.loadingMore' : 'list.loadMore'),
                    () => this._load(true),
                    this._more > 0,
                  )}
                </div>`
              : nothing
      }
    </section>`;
  }

  /**
   * The `<ol>` of `nodes`, with each comment rendered into its own kept `<li>`. Only the
   * items that are new, gone or out of place are touched.
   */
  private _list(nodes: Node[], parent = ''): HTMLOListElement {
    let ol = this._lists.get(parent);
    if (!ol) this._lists.set(parent, (ol = document.createElement('ol')));
    ol.setAttribute('role', 'list');
    const items = nodes.map((node) => {
      let li = this._items.get(node[0].id);
      if (!li) this._items.set(node[0].id, (li = document.createElement('li')));
      // No `host` option: these templates' listeners are arrow functions.
      render(this._renderNode(node), li);
      return li;
    });
    for (const li of [...ol.children]) if (!items.includes(li as HTMLLIElement)) li.remove();
    let next = ol.firstChild;
    for (const li of items) {
      if (li === next) next = li.nextSibling;
      else ol.insertBefore(li, next);
    }
    return ol;
  }

  private _renderNode([c, level, children]: Node): TemplateResult {
    const tr = this._l10n.tr;
    const pending = c.status === 'pending';
    const open = this._replyTo === c.id;
    let message = this._bodies.get(c);
    if (!message) {
      this._bodies.set(
        c,
        (message = formatMessage(c.message).map((paragraph) => {
          const lines = paragraph.map((line, i) => [
            i ? html`<br />` : '',
            line.map((s) =>
              s.kind === 'link'
                ? html`<a href=${s.href} rel="nofollow ugc noopener" target="_blank">${s.text}</a>`
                : s.text,
            ),
          ]);
          // No whitespace inside <p>: the paragraph's text is exactly the reader's.
          return html`<p>${lines}</p>`;
        })),
      );
    }
    const rating = c.rating ?? 0;
    const max = Math.max(1, Math.min(RATING_SCALE_MAX, Math.round(this.ratingMax) || 5), Math.ceil(rating));
    const rated = tr.t('list.rated', { n: rating, max });
    const [ago, at] = times(c.createdAt, this._now, tr.lang);
    return html`<article
        part="comment"
        class="comment ${pending ? 'pending' : ''}"
        data-id=${c.id}
        data-level=${level}
        aria-labelledby="name-${c.id}"
      >
        <span class="avatar hue-${avatarHue(c.name)}" aria-hidden="true">${initials(c.name)}</span>
        <div class="body">
          <header class="meta">
            <span class="name" id="name-${c.id}">${c.name}</span
            ><time datetime=${c.createdAt} title=${at}>${ago}</time>${
              rating > 0
                ? html`<span class="stars" role="img" aria-label=${rated} title=${rated}
                    >${Array.from(
                      { length: max },
                      (_, i) =>
                        html`<span part="star" class="star ${i < Math.round(rating) ? 'on' : ''}" aria-hidden="true"
                          >★</span
                        >`,
                    )}</span
                  >`
                : nothing
            }${pending ? html`<span class="badge">${tr.t('list.pending')}</span>` : nothing}
          </header>
          <div class="message">${message}</div>
          ${
            pending
              ? nothing
              : html`<div class="actions">
                  <button
                    type="button"
                    part="button"
                    class="link"
                    aria-expanded=${open}
                    aria-controls="reply-${c.id}"
                    @pointerenter=${warm}
                    @focus=${warm}
                    @click=${() =>
                      // Before ./reply.ts has arrived the button says "Reply": an early click opens (once).
                      reply
                        ? reply.toggle(this, c.id)
                        : warm().then(() => this._replyTo == c.id || reply?.toggle(this, c.id))}
                  >
                    ${tr.t(open ? 'list.cancelReply' : 'list.reply')}
                  </button>
                </div>`
          }
          <div class="reply-slot" id="reply-${c.id}">${open ? reply!.form(this, c, tr) : nothing}</div>
        </div>
      </article>
      ${children.length ? this._list(children, c.id) : nothing}`;
  }
}
