import {
  html,
  isServer,
  nothing,
  render,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { listComments } from '../../client/api.js';
import { resolveEndpoint, resolveThread } from '../../client/endpoint.js';
import { pendingComments } from '../../client/pending.js';
import { seeded } from '../../client/seed.js';
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX, RATING_SCALE_MAX } from '../../contract/constants.js';
import type { PublicComment, Sort } from '../../contract/schemas.js';
import type { Translator } from '../../i18n/index.js';
import type { CommentSubmittedDetail } from '../shared/events.js';
import { FeedbackElement } from '../shared/feedback-element.js';
import { FORM_PARTS } from '../shared/parts.js';
import { styles } from './comment-list.styles.js';
import { firstSlices } from './slices.js';
import { avatarHue, formatMessage, initials, relativeStep, times, type Segment } from './format.js';
import { loadReader, loadRichText } from './on-demand.js';

/** Replies are indented up to this level; deeper replies stay at it. */
export const MAX_DEPTH = 3;

/** A comment as the list shows it: its level (1 = top) and the replies shown under it. */
interface ThreadNode {
  comment: PublicComment;
  level: number;
  replies: ThreadNode[];
  /** The list this node is shown in, once placed: the top level, or a node's `replies`. */
  _placedIn?: ThreadNode[];
}

/**
 * A paragraph of a comment: its lines, with links. No whitespace inside the `<p>` (the line
 * below stays short so that Prettier keeps it on one line): its text is exactly the reader's.
 */
const renderParagraph = (lines: Segment[][]): TemplateResult => html`<p>${paragraphContent(lines)}</p>`;

/**
 * What goes in a paragraph's one part: the text itself when it is one line without links (most
 * paragraphs), else its texts, links and line breaks as one flat list. Each item of a list, and
 * each list in it, is a part of its own with a marker node (#24: parts are what a comment costs).
 */
const paragraphContent = (lines: Segment[][]): unknown =>
  lines.length == 1 && lines[0]!.length == 1 && lines[0]![0]!.kind == 'text'
    ? lines[0]![0]!.text
    : lines.flatMap((line, index) => [
        index ? html`<br />` : '',
        ...line.map((segment) =>
          segment.kind === 'link'
            ? html`<a href=${segment.href} rel="nofollow ugc noopener" target="_blank">${segment.text}</a>`
            : segment.text,
        ),
      ]);

/**
 * What the on-demand reader module (./lazy/reader.ts) may read and do of its list: the comments
 * as listed, and changes to one of them. It adds its own live region and styles to `element`.
 */
export interface ListHost {
  readonly element: CommentList;
  /** The list's translator now (it changes with the language). */
  translator(): Translator;
  /** The comments as listed now. */
  comments(): readonly PublicComment[];
  /** Re-renders (a vote, an open editor). */
  refresh(): void;
  /**
   * Lists `comments` instead (an edited one in place of the old, a deleted one left out); the
   * total moves with their number.
   */
  setComments(comments: PublicComment[]): void;
}

/** What the reader module adds to one comment: beside the time, instead of the text, after Reply. */
export interface CommentExtras {
  meta?: unknown;
  message?: unknown;
  actions?: unknown;
}

/** A comment's kept `<li>`, with what it was last rendered from (see `_list`). */
type RenderedItem = HTMLLIElement & { _renderedFrom?: unknown[]; _replyList?: HTMLOListElement };

/** Where "Load more" stands. */
type MoreState = 'idle' | 'loading' | 'failed';

/**
 * `<comment-list>`: the approved comments of a thread, newest or oldest first, a page at a time,
 * with threaded replies (indented up to 3 levels), an inline reply form, and the reader's own
 * comments that await moderation. Comment text is only ever rendered as text.
 *
 * @csspart comment - one comment
 * @csspart button - the Reply, Load more and Retry buttons
 */
export class CommentList extends FeedbackElement {
  static override properties: PropertyDeclarations = {
    sort: {},
    pageSize: { type: Number, attribute: 'page-size' },
    captcha: {},
    captchaSiteKey: { attribute: 'captcha-site-key' },
    ratingMax: { type: Number, attribute: 'rating-max' },
    _loadState: { state: true },
    _comments: { state: true },
    _pending: { state: true },
    _moreState: { state: true },
    _sort: { state: true },
    _replyTo: { state: true },
    _now: { state: true },
    _version: { state: true },
  };
  static override styles = styles;
  /**
   * The body renderer on the server (#19), which loads no on-demand module: set by
   * src/server-render/ (with the body styles), never in the browser.
   * @internal
   */
  static serverRenderBody?: (body: NonNullable<PublicComment['body']>) => unknown;

  sort: Sort = 'newest';
  pageSize: number = PAGE_SIZE_DEFAULT;
  /** Handed to the inline reply forms. */
  declare captcha?: string;
  declare captchaSiteKey?: string;
  /** The scale of the authors' stars. */
  ratingMax = 5;

  /** @internal The first update starts loading, so no render sees a state before 'loading'. */
  private _loadState: 'loading' | 'ready' | 'error' = 'loading';
  /** @internal */
  private _comments: PublicComment[] = [];
  /** @internal */
  private _pending: PublicComment[] = [];
  // Not reactive: they change only together with `_comments` or `_loadState`.
  /** @internal */
  private _total = 0;
  /** @internal */
  private _next: string | null = null;
  /** @internal */
  private _moreState: MoreState = 'idle';
  /** @internal */
  private _sort: Sort = 'newest';
  /** @internal The comment whose reply form is open. */
  private _replyTo: string | null = null;
  /** @internal The time relative times are counted from, moved on every minute. */
  private _now!: number;
  /** @internal ./lazy/rich-text.ts's renderer for this list, once loaded. */
  private _renderBody?: (body: NonNullable<PublicComment['body']>) => unknown;
  /** @internal ./lazy/reader.ts's extras of a comment, once loaded. */
  private _extras?: (comment: PublicComment) => CommentExtras;

  /** @internal The endpoint, thread, order and page size the comments were loaded for. */
  private _loadKey = '';
  /** @internal The current load's; a "Load more" (only offered after a load) shares it. */
  private _loadAbort?: AbortController;
  /** @internal */
  private _minuteTimer?: ReturnType<typeof setInterval>;
  /** @internal Ids the server listed or the reader posted in this session; no duplicates after "Load more". */
  private _knownIds = new Set<string>();
  /** @internal The last tree `_buildTree` made, and what it made it from. */
  private _tree?: [inputs: unknown[], tree: ThreadNode[]];
  /**
   * The DOM of the comments (`<li>` by comment id, each with its `<ol>` of replies),
   * kept across renders and moved, never rebuilt: a comment inserted above, or a page appended
   * below, leaves an open reply form (its focus and typed text) alone.
   * @internal
   */
  private _itemById = new Map<string, RenderedItem>();
  /** @internal The top-level `<ol>` (the `<ol>` of a comment's replies is kept on its `<li>`). */
  _replyList?: HTMLOListElement;
  /**
   * @internal Bumped (and so a render) when what the on-demand modules show of any comment may
   * have changed: one of them loaded, or the reader module's `refresh()`.
   */
  private _version = 0;

  /** @internal */
  private readonly _onSubmitted = ({ detail }: CustomEvent<CommentSubmittedDetail>): void => {
    const thread = resolveThread(this);
    if (!thread || detail?.comment?.thread !== thread) return;
    // The status the form reported ("pending" shows the badge; anything else is shown as published).
    const c: PublicComment = { ...detail.comment, status: detail.status ?? detail.comment.status };
    if (c.parent === this._replyTo) this._replyTo = null;
    if (c.status === 'pending') {
      pendingComments.add(thread, c);
      if (!this._pending.some((p) => p.id === c.id)) this._pending = [...this._pending, c];
    } else if (!this._knownIds.has(c.id)) {
      this._knownIds.add(c.id);
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
    this._minuteTimer = setInterval(() => (this._now = Date.now()), 60_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('comment-submitted', this._onSubmitted);
    clearInterval(this._minuteTimer);
    this._loadAbort?.abort();
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

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('sort')) this._sort = this.sort === 'oldest' || this.sort === 'best' ? this.sort : 'newest';
    const key = [resolveEndpoint(this), resolveThread(this), this._sort, this._pageLimit].join('|');
    if (key !== this._loadKey) {
      this._loadKey = key;
      void this._load();
    }
  }

  /** @internal */
  private get _pageLimit(): number {
    const n = Math.floor(this.pageSize);
    // n - n is 0 for a finite number only (NaN for NaN and ±Infinity).
    return n - n === 0 ? Math.min(PAGE_SIZE_MAX, Math.max(1, n)) : PAGE_SIZE_DEFAULT;
  }

  /** @internal The first page (from scratch), or with `more` the next one. */
  private async _load(more = false): Promise<void> {
    const thread = resolveThread(this);
    const endpoint = resolveEndpoint(this);
    if (more) {
      if (!this._next || this._moreState === 'loading') return;
    } else {
      this._loadAbort?.abort();
      this._loadAbort = new AbortController();
      this._comments = [];
      this._knownIds = new Set();
      this._itemById = new Map();
      this._next = null;
      this._total = 0;
      this._moreState = 'idle';
      this._replyTo = null;
      this._pending = thread ? pendingComments.list(thread).filter((c) => c.thread === thread) : [];
    }
    if (!thread || !endpoint) {
      if (!more) this._loadState = 'error';
      return;
    }
    const abort = this._loadAbort!;
    if (more) this._moreState = 'loading';
    else this._loadState = 'loading';
    try {
      // A server-rendered block carries its first page (#19).
      const page =
        (!more && seeded(thread, 'comments')) ||
        (await listComments(
          endpoint,
          thread,
          { limit: this._pageLimit, sort: this._sort, cursor: more ? this._next : null },
          abort.signal,
        ));
      if (abort.signal.aborted) return;
      // Adds what the server listed; forgets the reader's pending comments that are now published.
      const fresh = page.comments.filter((c) => c && c.status !== 'pending' && !this._knownIds.has(c.id));
      for (const c of fresh) this._knownIds.add(c.id);
      this._comments = [...this._comments, ...fresh];
      const pending = this._pending.filter((p) => !this._knownIds.has(p.id));
      if (pending.length < this._pending.length) pendingComments.forget(thread, this._knownIds);
      this._pending = pending;
      this._total = Math.max(page.total, this._total);
      this._next = page.nextCursor;
      this._loadState = 'ready';
      this._moreState = 'idle';
    } catch {
      if (abort.signal.aborted) return;
      if (more) this._moreState = 'failed';
      else this._loadState = 'error';
    }
  }

  /**
   * Top level in the chosen order; replies under their parent, oldest first. A reply deeper than
   * MAX_DEPTH is shown at MAX_DEPTH (beside its ancestor there). A reply whose parent is not
   * loaded (yet) is shown at the top level until the parent arrives.
   * @internal
   */
  private _buildTree(): ThreadNode[] {
    // The same comments, pending comments and order as at the last render (a slice, a vote, the
    // clock): the same tree.
    const inputs = [this._comments, this._pending, this._sort];
    if (this._tree?.[0].every((input, i) => input === inputs[i])) return this._tree[1];
    const all = [...this._comments, ...this._pending.filter((p) => !this._knownIds.has(p.id))];
    const time = (c: PublicComment) => Date.parse(c.createdAt) || 0;
    // Oldest first (a stable sort: equal times keep the order the comments arrived in), so each
    // list of replies, and the top level, is filled in that order.
    const nodes = new Map(
      [...all]
        .sort((a, b) => time(a) - time(b))
        .map((comment): [string, ThreadNode] => [comment.id, { comment, level: 1, replies: [] }]),
    );
    const roots: ThreadNode[] = [];
    // The list a comment goes in (its level set on the way): under its parent, or beside it when
    // the parent is at MAX_DEPTH. A cycle of parents is cut where it closes; no root holds it.
    const place = (node: ThreadNode): ThreadNode[] => {
      if (!node._placedIn) {
        node._placedIn = roots;
        const parent = nodes.get(node.comment.parent!);
        if (parent && parent !== node) {
          place(parent);
          node.level = Math.min(parent.level + 1, MAX_DEPTH);
          node._placedIn = parent.level < MAX_DEPTH ? parent.replies : parent._placedIn!;
        }
      }
      return node._placedIn;
    };
    for (const node of nodes.values()) place(node).push(node);
    // Best (#18): the top level in the server's order (replies stay oldest first).
    const tree =
      this._sort === 'best'
        ? all.map((c) => nodes.get(c.id)!).filter((node) => node._placedIn === roots)
        : this._sort === 'newest'
          ? roots.reverse()
          : roots;
    this._tree = [inputs, tree];
    return tree;
  }

  protected override render(): TemplateResult {
    const tr = this._locale.tr;
    const state = this._loadState;
    const busy = state === 'loading';
    const tree = this._buildTree();
    const any = tree.length > 0 && state !== 'error';
    // The reader module (votes, editing) from the first render on (the update that sends the
    // request): comments that arrive after it render once, with their votes (#24). Asked again
    // at every render until it is there (a failed load is tried again). (In the server
    // renderer, #19, on-demand modules never load: shared/on-demand.ts.)
    if (!this._extras) this._startReader();
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
    // The count and the order only above published comments: above the reader's own comment
    // awaiting moderation alone, "0 comments" would contradict what is shown.
    return html`<section class="list" aria-label=${tr.t('list.label')} aria-busy=${busy}>
      ${
        any && this._total
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
                  <option value="best">${tr.t('list.sortBest')}</option>
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
            ? this._list(firstSlices(this, tree))
            : state === 'ready'
              ? html`<p class="empty">${tr.t('list.empty')}</p>`
              : nothing
      }${
        state !== 'ready'
          ? nothing
          : this._moreState === 'failed'
            ? error(true)
            : this._next
              ? html`<div class="more">
                  ${button(
                    tr.t(this._moreState === 'loading' ? 'list.loadingMore' : 'list.loadMore'),
                    () => this._load(true),
                    this._moreState === 'loading',
                  )}
                </div>`
              : nothing
      }
    </section>`;
  }

  /**
   * The `<ol>` of `nodes`, with each comment rendered into its own kept `<li>`. Only the
   * items that are new, gone or out of place are touched.
   * @internal
   */
  private _list(
    nodes: ThreadNode[],
    holder: { _replyList?: HTMLOListElement } = this,
  ): HTMLOListElement | TemplateResult {
    // The server renderer (#19) has no DOM to keep: the same markup, as a template.
    if (isServer)
      return html`<ol role="list">
        ${nodes.map(
          (node) => html`<li>${this._renderNode(node, node.replies.length ? this._list(node.replies) : nothing)}</li>`,
        )}
      </ol>`;
    const ol = (holder._replyList ??= document.createElement('ol'));
    ol.setAttribute('role', 'list');
    const items = nodes.map((node) => {
      const id = node.comment.id;
      let li = this._itemById.get(id);
      if (!li) this._itemById.set(id, (li = document.createElement('li')));
      // Its replies first: their list is kept too, and updated in place whether or not this one renders.
      const replies = node.replies.length ? this._list(node.replies, li) : nothing;
      // Everything _renderNode reads (add what it starts to read): a comment whose inputs are all
      // the same is not rendered again, so a slice or a page costs only its new comments (#24).
      const inputs = [
        node.comment,
        replies,
        // An open reply form renders every time (it takes the list's settings): a new object
        // never equals the last one.
        this._replyTo == id && {},
        this._locale.tr,
        // Not the minute itself: what "3 minutes ago" says. A tick renders again only the
        // comments whose relative time it moves on (the last hour's, mostly), not all of them.
        String(relativeStep(Date.parse(node.comment.createdAt), this._now)),
        this.ratingMax,
        this._version,
      ];
      if (inputs.some((input, i) => input !== li._renderedFrom?.[i])) {
        // No `host` option: these templates' listeners are arrow functions.
        render(this._renderNode(node, replies), li);
        li._renderedFrom = inputs;
      }
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

  /** @internal Loads the reader module (votes, editing) and hands it this list. */
  private _startReader(): void {
    loadReader().then((reader) => {
      if (this._extras) return;
      this._extras = reader.extrasFor({
        element: this,
        translator: () => this._locale.tr,
        comments: () => this._comments,
        refresh: () => this._version++,
        setComments: (comments) => {
          this._total += comments.length - this._comments.length;
          this._comments = comments;
        },
      });
      this._version++;
    }, Boolean);
  }

  /**
   * @internal A comment's text: its formatted `body` once the renderer has loaded (loading it on
   * the first one), else the plain message with its links. Made when the comment renders, which
   * is once unless something it shows changed (see `_list`).
   */
  private _message(c: PublicComment): unknown {
    const rich = c.body?.length ? (isServer ? CommentList.serverRenderBody : this._renderBody) : null;
    if (rich === undefined)
      loadRichText().then((module) => {
        this._renderBody ??= module.richTextFor(this);
        this._version++;
      }, Boolean);
    return rich ? rich(c.body!) : formatMessage(c.message).map(renderParagraph);
  }

  /** @internal */
  private _renderNode({ comment: c }: ThreadNode, replyList: unknown): TemplateResult {
    const tr = this._locale.tr;
    const pending = c.status === 'pending';
    const open = this._replyTo === c.id;
    const extras = this._extras?.(c);
    const rating = c.rating ?? 0;
    const max = Math.max(1, Math.min(RATING_SCALE_MAX, Math.round(this.ratingMax) || 5), Math.ceil(rating));
    const rated = rating > 0 && tr.t('list.rated', { n: rating, max });
    const [ago, at] = times(c.createdAt, isServer ? Date.now() : this._now, tr.lang);
    // No whitespace between the tags (a flex or block box each, where it shows nothing): a text
    // node less to clone for each, in every comment (#24). Prettier would add it back.
    // prettier-ignore
    return html`<article part="comment" class="comment ${c.status}" data-id=${c.id} aria-label=${c.name}
      ><span class="avatar hue-${avatarHue(c.name)}" aria-hidden="true">${initials(c.name)}</span
      ><div class="body"
        ><header class="meta"
          ><span class="name">${c.name}</span
          ><time datetime=${c.createdAt} title=${at}>${ago}</time
          >${rated
            ? html`<span class="stars" role="img" aria-label=${rated} title=${rated}
                >${Array.from({ length: max }, (_, i) =>
                  html`<span part="star" class="star ${i < Math.round(rating) ? 'on' : ''}" aria-hidden="true">★</span>`,
                )}</span
              >`
            : nothing}${pending ? html`<span class="badge">${tr.t('list.pending')}</span>` : nothing}${extras?.meta}</header
        ><div class="message">${extras?.message ?? this._message(c)}</div
        >${c.status !== 'published'
          ? nothing
          : html`<div class="actions"
              ><button type="button" part="button" class="link" aria-expanded=${open} aria-controls="reply-${c.id}" @click=${() => this._toggleReply(c.id)}
                >${tr.t(open ? 'list.cancelReply' : 'list.reply')}</button
              >${extras?.actions}</div
            >`}<div class="reply-slot" id="reply-${c.id}">${open ? this._renderReplyForm(c, tr) : nothing}</div></div
      ></article
      >${replyList}`;
  }

  /** @internal Opens the reply form under comment `id` (and moves into its first field), or closes it. */
  private _toggleReply(id: string): void {
    this._replyTo = this._replyTo === id ? null : id;
    if (this._replyTo) void this._focusReplyForm();
  }

  /** @internal Into the first field (the email) of the one open reply form, once it has rendered. */
  private async _focusReplyForm(): Promise<void> {
    await this.updateComplete;
    const form = this.renderRoot.querySelector('comment-form');
    await form?.updateComplete;
    form?.shadowRoot?.querySelector<HTMLElement>('[name=email]')?.focus();
  }

  /** @internal The reply form under comment `c`, with the list's settings. */
  private _renderReplyForm(c: PublicComment, tr: Translator): TemplateResult {
    return html`
      <div role="group" aria-label=${tr.t('list.replyTo', { name: c.name })}>
        <comment-form
          exportparts=${FORM_PARTS}
          parent=${c.id}
          endpoint=${resolveEndpoint(this)!}
          thread=${resolveThread(this)!}
          lang=${tr.lang}
          theme=${this.theme ?? nothing}
          captcha=${this.captcha ?? nothing}
          captcha-site-key=${this.captchaSiteKey ?? nothing}
          .messages=${this.messages}
        ></comment-form>
      </div>
    `;
  }
}
