import { html, LitElement, nothing, svg, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ApiClient, ApiError } from '../../client/api.js';
import { resolveEndpoint, resolveThread } from '../../client/endpoint.js';
import { ownVotes, voterId } from '../../client/voter.js';
import { LIMITS } from '../../contract/limits.js';
import type { RatingAggregate } from '../../contract/schemas.js';
import { LocaleController } from '../../i18n/controller.js';
import { closestComposed } from '../../i18n/index.js';
import type { Messages } from '../../i18n/types.js';
import { emit, type RatingChangeDetail, type RatingSubmittedDetail } from '../shared/events.js';
import { tokens } from '../shared/tokens.styles.js';
import { starFill, withVote } from './aggregate.js';
import { ratingStyles } from './article-rating.styles.js';

const STAR = svg`<polygon points="12 2.5 14.94 8.46 21.5 9.41 16.75 14.04 17.87 20.57 12 17.48 6.13 20.57 7.25 14.04 2.5 9.41 9.06 8.46"></polygon>`;

function starSvg(): TemplateResult {
  return html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">${STAR}</svg>`;
}

function clampScale(max: number): number {
  return Number.isFinite(max) ? Math.min(LIMITS.ratingScaleMax, Math.max(1, Math.round(max))) : 5;
}

/**
 * A star rating: the reader's vote and the article's average.
 *
 * Standalone (it has an `endpoint` and sits in no `<form>` and no `<comment-form>`) it loads
 * `GET /threads/:thread/rating`, shows the average with partial stars and "4.3 · 128 ratings",
 * and casts the reader's vote at once on a click or Enter/Space (optimistic, rolled back with a
 * visible message when the server refuses). Inside a form it is a form-associated field: its
 * value is submitted under `name`, `required` blocks submission until a star is picked.
 *
 * Keyboard: the WAI-ARIA radio group — one tab stop; arrows move and pick (mirrored for
 * right-to-left); Home/End pick the first/last star; Enter or Space vote (standalone) or pick
 * (form).
 *
 * @summary Star rating: vote standalone, or use it as a form field.
 *
 * @attr {number} max - Number of stars (1–10, default 5). Standalone, the server's scale wins.
 * @attr {number} value - The reader's own vote, 0 = none. Also the value `form.reset()` returns to.
 * @attr {boolean} readonly - Shows the value, focusable, cannot be changed.
 * @attr {boolean} disabled - Not focusable, not changeable, not submitted.
 * @attr {boolean} required - In a form: invalid ("Please rate this article.") until a star is picked.
 * @attr {string} name - The form field name.
 * @attr {string} label - Visible label text (default "Rating").
 * @attr {string} endpoint - API base URL; else the enclosing `<article-feedback>`'s.
 * @attr {string} thread - Discussion id; else the canonical link's path or `location.pathname`.
 * @attr {string} lang - Language; else the nearest ancestor's `lang`.
 * @attr {'light'|'dark'|'auto'} theme - Colour scheme (default follows the system).
 *
 * @fires {CustomEvent<{value: number}>} rating-change - The reader picked a star (every mode).
 * @fires {CustomEvent<RatingAggregate>} rating-submitted - The server counted the vote; detail is the new aggregate (standalone).
 *
 * @csspart label - The visible label.
 * @csspart stars - The radio group holding the stars.
 * @csspart star - Each star (a `role="radio"` wrapper around an SVG).
 * @csspart summary - The aggregate: average stars and "4.3 · 128 ratings".
 * @csspart feedback - The message line: thanks, a refused vote, or the validation message.
 *
 * @cssprop --af-star-color - Filled star colour.
 * @cssprop --af-star-empty-color - Empty star colour.
 * @cssprop --af-star-size - Size of the reader's stars (default 1.75rem).
 * @cssprop --af-color-accent - Focus ring colour.
 * @cssprop --af-color-invalid - Colour of the invalid outline and of error messages.
 * @cssprop --af-color-valid - Colour of the thank-you message.
 * @cssprop --af-color-muted - Colour of the aggregate text.
 */
export class ArticleRating extends LitElement {
  static override properties: PropertyDeclarations = {
    max: { type: Number },
    value: { type: Number },
    readonly: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    required: { type: Boolean, reflect: true },
    name: { reflect: true },
    label: {},
    endpoint: {},
    thread: {},
    lang: { reflect: true },
    theme: { reflect: true },
    messages: { attribute: false },
    hostDescribedBy: { attribute: 'aria-describedby' },
    hostInvalid: { attribute: 'aria-invalid' },
    pick: { state: true },
    hover: { state: true },
    focusPreview: { state: true },
    aggregate: { state: true },
    loading: { state: true },
    busy: { state: true },
    message: { state: true },
    messageKind: { state: true },
    touched: { state: true },
    formDisabled: { state: true },
  };
  static formAssociated = true;
  static override styles = [tokens, ratingStyles];

  max = 5;
  value = 0;
  readonly = false;
  disabled = false;
  required = false;
  /** Reflected because a form-associated element is submitted under its `name` attribute. */
  declare name: string | undefined;
  declare label: string | undefined;
  declare endpoint: string | undefined;
  declare thread: string | undefined;
  declare lang: string;
  declare theme: string | undefined;
  declare messages: Messages | undefined;
  /**
   * `aria-describedby` / `aria-invalid` an enclosing form (e.g. `<comment-form>`) puts on this
   * element: ids cannot reach into the shadow root, so the radio group repeats them itself.
   * @internal
   */
  declare hostDescribedBy: string | undefined;
  /** @internal */
  declare hostInvalid: string | undefined;

  /** The checked star: follows `value`, and the keyboard before a standalone vote is cast. */
  private pick = 0;
  /** The star under the pointer (0 = none). */
  private hover = 0;
  /** The focused star while nothing is picked: previewed, not chosen. */
  private focusPreview = 0;
  private aggregate: RatingAggregate | null = null;
  private loading = false;
  private busy = false;
  private message = '';
  private messageKind: 'ok' | 'error' = 'ok';
  private touched = false;
  private formDisabled = false;

  private readonly l10n = new LocaleController(this);
  private readonly internals: ElementInternals;
  private loadedKey = '';
  private loadAbort: AbortController | null = null;

  constructor() {
    super();
    this.internals = this.attachInternals();
    this.addEventListener('invalid', () => {
      this.touched = true;
    });
  }

  // ---- form-associated element API --------------------------------------------------------

  get form(): HTMLFormElement | null {
    return this.internals.form;
  }
  get validity(): ValidityState {
    return this.internals.validity;
  }
  get validationMessage(): string {
    return this.internals.validationMessage;
  }
  get willValidate(): boolean {
    return this.internals.willValidate;
  }
  get type(): string {
    return 'article-rating';
  }
  checkValidity(): boolean {
    this.syncForm();
    return this.internals.checkValidity();
  }
  reportValidity(): boolean {
    this.syncForm();
    return this.internals.reportValidity();
  }

  formAssociatedCallback(): void {
    this.requestUpdate();
  }
  formResetCallback(): void {
    this.value = this.initialValue();
    this.pick = this.value;
    this.touched = false;
    this.message = '';
  }
  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }
  formStateRestoreCallback(state: string | File | FormData | null): void {
    const v = typeof state === 'string' ? Number(state) : 0;
    this.value = Number.isInteger(v) && v > 0 ? v : 0;
  }

  /** Focuses the group's one tab stop (the checked star, else the first). */
  override focus(options?: FocusOptions): void {
    const star = this.tabStopStar();
    if (star) star.focus(options);
    else super.focus(options);
  }

  // ---- modes ------------------------------------------------------------------------------

  /** Votes go to the server at once: an endpoint, and neither a form nor a comment form around. */
  get standalone(): boolean {
    return !!resolveEndpoint(this) && !this.internals.form && !closestComposed(this, 'comment-form');
  }

  private get scale(): number {
    return clampScale(this.max);
  }
  private get effectiveDisabled(): boolean {
    return this.disabled || this.formDisabled;
  }
  private get interactive(): boolean {
    return !this.readonly && !this.effectiveDisabled;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.loadedKey = '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loadAbort?.abort();
    this.loadAbort = null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('lang') || changed.has('messages')) this.l10n.refresh();
    if (changed.has('value')) {
      const v = Math.round(Number(this.value) || 0);
      this.pick = v >= 1 && v <= this.scale ? v : 0;
    }
  }

  protected override updated(): void {
    // Through the CSSOM: a style attribute would be refused by a strict CSP (style-src-attr).
    for (const mini of this.renderRoot.querySelectorAll<HTMLElement>('.mini[data-fill]')) {
      mini.style.setProperty('--_fill', mini.dataset.fill ?? '0');
    }
    this.syncForm();
    this.syncStates();
    const endpoint = this.standalone ? resolveEndpoint(this) : null;
    const thread = endpoint ? resolveThread(this) : null;
    const key = endpoint && thread ? `${endpoint} ${thread}` : '';
    if (key !== this.loadedKey) {
      this.loadedKey = key;
      if (endpoint && thread) void this.load(endpoint, thread);
    }
  }

  private initialValue(): number {
    const v = Number(this.getAttribute('value'));
    return Number.isInteger(v) && v > 0 ? v : 0;
  }

  private syncForm(): void {
    const v = this.currentValue();
    this.internals.setFormValue(v ? String(v) : null);
    if (this.missing) {
      const anchor = this.tabStopStar();
      this.internals.setValidity({ valueMissing: true }, this.l10n.tr.t('rating.required'), anchor ?? undefined);
    } else {
      this.internals.setValidity({});
    }
  }

  /** Required and nothing picked. A read-only or disabled field is not validated, like a native input. */
  private get missing(): boolean {
    return this.required && !this.readonly && !this.effectiveDisabled && !this.currentValue();
  }

  /** Touched and invalid: the reader left the field or tried to submit, and it still lacks a star. */
  private get userInvalid(): boolean {
    return this.touched && this.missing;
  }

  private syncStates(): void {
    const states = this.internals.states;
    if (!states) return;
    const invalid = this.userInvalid;
    const valid = this.touched && !this.missing && !this.effectiveDisabled && this.currentValue() > 0;
    try {
      if (invalid) states.add('user-invalid');
      else states.delete('user-invalid');
      if (valid) states.add('user-valid');
      else states.delete('user-valid');
    } catch {
      /* a browser without custom state identifiers: styling only */
    }
  }

  private currentValue(): number {
    const v = Math.round(Number(this.value) || 0);
    return v >= 1 && v <= this.scale ? v : 0;
  }

  // ---- server ----------------------------------------------------------------------------

  private client(endpoint: string): ApiClient {
    return new ApiClient(endpoint);
  }

  private async load(endpoint: string, thread: string): Promise<void> {
    this.loadAbort?.abort();
    const abort = new AbortController();
    this.loadAbort = abort;
    const remembered = ownVotes.get(thread);
    if (remembered && !this.currentValue()) this.value = remembered;
    this.loading = true;
    try {
      const aggregate = await this.client(endpoint).getRating(thread, abort.signal);
      if (abort.signal.aborted || this.busy) return;
      this.adopt(aggregate, thread);
    } catch {
      // The average stays unknown; voting still works.
    } finally {
      if (this.loadAbort === abort) {
        this.loading = false;
        this.loadAbort = null;
      }
    }
  }

  /** Takes the server's aggregate: its scale, and its idea of this reader's vote when it has one. */
  private adopt(aggregate: RatingAggregate, thread: string): void {
    if (Number.isInteger(aggregate.max) && aggregate.max >= 1) this.max = clampScale(aggregate.max);
    this.aggregate = aggregate;
    if (typeof aggregate.yours === 'number' && aggregate.yours >= 1) {
      this.value = aggregate.yours;
      ownVotes.set(thread, aggregate.yours);
    }
  }

  private async cast(next: number): Promise<void> {
    const endpoint = resolveEndpoint(this);
    const thread = resolveThread(this);
    if (this.busy || !endpoint || !thread) return;
    this.loadAbort?.abort();
    const previous = this.currentValue();
    const before = this.aggregate;
    this.busy = true;
    this.value = next;
    this.pick = next;
    this.aggregate = withVote(before, this.scale, previous, next);
    this.message = '';
    await this.updateComplete;
    emit<RatingChangeDetail>(this, 'rating-change', { value: next });
    try {
      const confirmed = await this.client(endpoint).putRating(thread, { value: next, voter: voterId() });
      this.adopt({ ...confirmed, yours: confirmed.yours ?? next }, thread);
      this.messageKind = 'ok';
      this.message = this.l10n.tr.t('rating.thanks');
      await this.updateComplete;
      emit<RatingSubmittedDetail>(this, 'rating-submitted', confirmed);
    } catch (err) {
      this.value = previous;
      this.pick = previous;
      this.aggregate = before;
      this.messageKind = 'error';
      this.message = this.refusal(err);
    } finally {
      this.busy = false;
    }
  }

  private refusal(err: unknown): string {
    const { tr } = this.l10n;
    if (err instanceof ApiError) {
      if (err.status === 429 && err.retryAfter !== null) return tr.plural('rating.rateLimited', err.retryAfter);
      if (err.status === 422) {
        const key = err.fields.value ?? err.fields.rating ?? err.fields.voter;
        if (key && tr.has(key)) return tr.t(key, { max: this.scale });
      }
    }
    return tr.t('rating.failed');
  }

  // ---- interaction -----------------------------------------------------------------------

  /** A star chosen by click, Enter/Space, or (form mode) the arrows. */
  private async choose(n: number): Promise<void> {
    if (!this.interactive) return;
    if (this.standalone) {
      await this.cast(n);
      return;
    }
    this.touched = true;
    if (n === this.currentValue()) return;
    this.value = n;
    this.pick = n;
    await this.updateComplete;
    emit<RatingChangeDetail>(this, 'rating-change', { value: n });
  }

  /** Arrows and Home/End: move the focus and the check; only form mode changes the value. */
  private async move(n: number): Promise<void> {
    const target = Math.min(this.scale, Math.max(1, n));
    if (this.standalone) {
      this.pick = target;
      await this.updateComplete;
    } else {
      await this.choose(target);
    }
    this.stars()[target - 1]?.focus();
  }

  private isRtl(): boolean {
    return getComputedStyle(this).direction === 'rtl';
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const forward = this.isRtl() ? 'ArrowLeft' : 'ArrowRight';
    const backward = this.isRtl() ? 'ArrowRight' : 'ArrowLeft';
    // Arrows move from the focused star (the first one when nothing is picked yet).
    const star = (e.composedPath()[0] as Element | undefined)?.closest?.('[role=radio]');
    const from = Number(star?.getAttribute('data-value')) || this.pick || 1;
    let handled = true;
    switch (e.key) {
      case forward:
      case 'ArrowUp':
        if (this.interactive) void this.move(from + 1);
        break;
      case backward:
      case 'ArrowDown':
        if (this.interactive) void this.move(from - 1);
        break;
      case 'Home':
        if (this.interactive) void this.move(1);
        break;
      case 'End':
        if (this.interactive) void this.move(this.scale);
        break;
      case 'Enter':
      case ' ':
        if (this.interactive) void this.choose(from);
        break;
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  }

  private onStarClick(n: number): void {
    if (!this.interactive) return;
    void this.choose(n);
  }

  private onFocusIn(n: number): void {
    this.focusPreview = this.interactive && !this.pick ? n : 0;
  }

  private onFocusOut(e: FocusEvent): void {
    const to = e.relatedTarget as Node | null;
    if (to && this.renderRoot.contains(to)) return;
    this.focusPreview = 0;
    // A keyboard pick that was never voted is not the reader's vote.
    if (this.standalone && !this.busy) this.pick = this.currentValue();
    if (!this.standalone && this.interactive) this.touched = true;
  }

  private stars(): HTMLElement[] {
    return Array.from(this.renderRoot.querySelectorAll<HTMLElement>('[part~="star"]'));
  }

  private tabStopStar(): HTMLElement | null {
    const stars = this.stars();
    return stars[(this.pick || 1) - 1] ?? stars[0] ?? null;
  }

  // ---- rendering -------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const { tr } = this.l10n;
    const max = this.scale;
    const standalone = this.standalone;
    const disabled = this.effectiveDisabled;
    const committed = standalone ? this.currentValue() : this.pick;
    const shown = this.interactive ? this.hover || this.pick || this.focusPreview : this.pick;
    const solid = (this.interactive && this.hover > 0) || (this.pick > 0 && this.pick === committed);
    const tabStop = this.pick || 1;
    const invalid = this.userInvalid;
    const showHint = invalid && !standalone && !closestComposed(this, 'comment-form');
    const feedback = showHint ? tr.t('rating.required') : this.message;
    const feedbackError = showHint || this.messageKind === 'error';
    const external = this.externalDescription();
    // Standalone, arrows only select and Enter/Space casts the vote: say so to screen readers.
    const voteHint = standalone && this.interactive;
    const describedBy = [standalone ? 'summary' : '', voteHint ? 'hint' : '', feedback ? 'feedback' : '', external ? 'external' : '']
      .filter(Boolean)
      .join(' ');

    const stars = [];
    for (let n = 1; n <= max; n++) {
      const filled = n <= shown;
      stars.push(html`<span
        part="star"
        role="radio"
        data-value=${n}
        class=${filled ? (solid ? 'on' : 'preview') : ''}
        aria-checked=${n === this.pick ? 'true' : 'false'}
        aria-label=${tr.t('rating.star', { n, max })}
        aria-disabled=${disabled ? 'true' : nothing}
        tabindex=${!disabled && n === tabStop ? '0' : '-1'}
        @click=${() => this.onStarClick(n)}
        @pointerenter=${() => {
          if (this.interactive) this.hover = n;
        }}
        @focusin=${() => this.onFocusIn(n)}
        >${starSvg()}</span
      >`);
    }

    return html`<div
      class="rating${this.interactive ? ' interactive' : ''}${disabled ? ' disabled' : ''}${this.busy ? ' busy' : ''}"
    >
      <span id="label" part="label">${this.label ?? tr.t('rating.label')}</span>
      <div
        part="stars"
        class="stars"
        role="radiogroup"
        aria-labelledby="label"
        aria-describedby=${describedBy || nothing}
        aria-required=${this.required && !standalone ? 'true' : nothing}
        aria-readonly=${this.readonly ? 'true' : nothing}
        aria-disabled=${disabled ? 'true' : nothing}
        aria-invalid=${invalid || this.hostInvalid === 'true' ? 'true' : nothing}
        aria-busy=${this.busy ? 'true' : nothing}
        @keydown=${this.onKeyDown}
        @focusout=${this.onFocusOut}
        @pointerleave=${() => {
          this.hover = 0;
        }}
      >
        ${stars}
      </div>
      ${standalone ? this.renderSummary() : nothing}
      ${voteHint ? html`<span id="hint" class="visually-hidden">${tr.t('rating.hint')}</span>` : nothing}
      ${external ? html`<span id="external" class="visually-hidden">${external}</span>` : nothing}
      <div
        id="feedback"
        part="feedback"
        role="status"
        aria-live="polite"
        class=${feedbackError ? 'error' : ''}
      >${feedback}</div>
    </div>`;
  }

  /** The text of the elements the host's `aria-describedby` names, looked up in the host's tree. */
  private externalDescription(): string {
    const ids = (this.hostDescribedBy ?? '').split(/\s+/).filter(Boolean);
    const root = this.getRootNode() as Document | ShadowRoot;
    if (!ids.length || typeof root.getElementById !== 'function') return '';
    return ids
      .map((id) => root.getElementById(id)?.textContent?.replace(/\s+/g, ' ').trim() ?? '')
      .filter(Boolean)
      .join(' ');
  }

  private renderSummary(): TemplateResult {
    const { tr } = this.l10n;
    const agg = this.aggregate;
    if (!agg) {
      return html`<span id="summary" part="summary" aria-busy=${this.loading ? 'true' : 'false'}></span>`;
    }
    if (agg.count <= 0) {
      return html`<span id="summary" part="summary">${tr.t('rating.none')}</span>`;
    }
    const max = this.scale;
    const average = tr.formatNumber(agg.average, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const minis = [];
    for (let n = 1; n <= max; n++) {
      minis.push(html`<span class="mini" data-fill=${starFill(agg.average, n)}
        >${starSvg()}<span class="fill">${starSvg()}</span></span
      >`);
    }
    return html`<span id="summary" part="summary"
      ><span class="average" aria-hidden="true">${minis}</span
      ><span class="text">${tr.plural('rating.summary', agg.count, { average })}</span></span
    >`;
  }
}
