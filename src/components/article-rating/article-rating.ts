import { html, isServer, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { getRating } from '../../client/api.js';
import { resolveEndpoint, resolveThread } from '../../client/endpoint.js';
import { ownVotes } from '../../client/own-votes.js';
import { seeded } from '../../client/seed.js';
import { RATING_SCALE_MAX } from '../../contract/constants.js';
import type { RatingAggregate } from '../../contract/schemas.js';
import { closestComposed, type Translator } from '../../i18n/index.js';
import { emit, type RatingChangeDetail, type RatingSubmittedDetail } from '../shared/events.js';
import { FeedbackElement } from '../shared/feedback-element.js';
import { onDemand } from '../shared/on-demand.js';
import { tokens } from '../shared/tokens.styles.js';
import { ratingStyles } from './article-rating.styles.js';

const STAR = html`<svg viewBox="0 0 24 24" aria-hidden="true">
  <path d="M12 2.5l2.9 6 6.6.9-4.7 4.6 1.1 6.6-5.9-3.1-5.9 3.1 1.1-6.6-4.7-4.6 6.6-.9z" />
</svg>`;
const STATE = { state: true };

/**
 * What the standalone vote (./lazy/vote.ts, loaded on demand) may read and do of its rating.
 * The rating has already shown the new vote (checked star, busy) before the module runs.
 */
export interface VoteHost {
  readonly endpoint: string;
  readonly thread: string;
  readonly translator: Translator;
  /** The number of stars. */
  readonly scale: number;
  /** The reader's vote before this one (0 = none), and the aggregate that counted it. */
  readonly previousVote: number;
  readonly previousAggregate: RatingAggregate | null | undefined;
  /** Shows the aggregate as it will be once the server counts the vote. */
  expect(aggregate: RatingAggregate): void;
  /** The server counted the vote: its aggregate replaces ours, with a thank-you line. */
  confirm(aggregate: RatingAggregate, thanks: string): void;
  /** The vote failed: the previous vote and aggregate come back, with the reason. */
  refuse(reason: string): void;
}

/** The standalone vote, fetched on the first hover, focus or pick. */
const loadVote = onDemand(() => import('./lazy/vote.js'));

const clampScale = (max: number): number =>
  Number.isFinite(max) ? Math.min(RATING_SCALE_MAX, Math.max(1, Math.round(max))) : 5;

/** A positive integer, else 0 (an attribute, a restored form state). */
const positive = (x: unknown): number => {
  const v = Number(x);
  return Number.isInteger(v) && v > 0 ? v : 0;
};

/** `f(1)`, …, `f(max)`. */
const range = <T>(max: number, f: (n: number) => T): T[] => Array.from({ length: max }, (_, i) => f(i + 1));

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
export class ArticleRating extends FeedbackElement {
  static override properties: PropertyDeclarations = {
    max: { type: Number },
    value: { type: Number },
    readonly: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    required: { type: Boolean, reflect: true },
    name: { reflect: true },
    label: {},
    _hostDescribedBy: { attribute: 'aria-describedby' },
    _hostAriaInvalid: { attribute: 'aria-invalid' },
    _checkedStar: STATE,
    _hoveredStar: STATE,
    _previewedStar: STATE,
    _aggregate: STATE,
    _aggregateRequest: STATE,
    _voteInFlight: STATE,
    _message: STATE,
    _touched: STATE,
    _formDisabled: STATE,
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

  /**
   * `aria-describedby` / `aria-invalid` an enclosing form (e.g. `<comment-form>`) puts on this
   * element: ids cannot reach into the shadow root, so the radio group repeats them itself.
   * @internal
   */
  declare private _hostDescribedBy: string | undefined;
  /** @internal */
  declare private _hostAriaInvalid: string | undefined;

  // State starts undefined (falsy: none, not busy, untouched) to keep the constructor short.
  /** @internal The checked star: follows `value`, and the arrow keys before a standalone vote is cast. */
  private _checkedStar = 0;
  /** @internal The star under the pointer (0 = none). */
  declare private _hoveredStar?: number;
  /** @internal The focused star while nothing is checked: previewed, not chosen. */
  declare private _previewedStar?: number;
  /** @internal The article's average and count (standalone). */
  declare private _aggregate?: RatingAggregate | null;
  /** @internal The aggregate is loading. */
  declare private _aggregateRequest?: AbortController | null;
  /** @internal A standalone vote is on its way. */
  declare private _voteInFlight?: boolean;
  /** @internal The message line: thanks, or why a vote failed. */
  declare private _message?: { text: string; error: boolean };
  /** @internal The reader has picked a star, left the group, or a form has checked the field. */
  declare private _touched?: boolean;
  /** @internal */
  declare private _formDisabled?: boolean;

  /** @internal */
  private readonly _internals = this.attachInternals();
  /** @internal The endpoint and thread the aggregate was loaded for ('' = none). */
  declare private _loadedFor?: string;

  constructor() {
    super();
    this.addEventListener('invalid', () => (this._touched = true));
  }

  // ---- form-associated element API (form, validity, validationMessage, willValidate below) ----

  get form(): HTMLFormElement | null {
    return this._internals.form;
  }
  get validity(): ValidityState {
    return this._internals.validity;
  }
  get validationMessage(): string {
    return this._internals.validationMessage;
  }
  get willValidate(): boolean {
    return this._internals.willValidate;
  }
  get type(): string {
    return 'article-rating';
  }
  checkValidity(): boolean {
    this._syncFormState();
    return this._internals.checkValidity();
  }
  reportValidity(): boolean {
    this._syncFormState();
    return this._internals.reportValidity();
  }

  formAssociatedCallback(): void {
    this.requestUpdate();
  }
  formResetCallback(): void {
    this._checkedStar = this.value = positive(this.getAttribute('value'));
    this._touched = false;
    this._message = undefined;
    this._syncFormState();
  }
  formDisabledCallback(disabled: boolean): void {
    this._formDisabled = disabled;
  }
  formStateRestoreCallback(state: unknown): void {
    this.value = positive(state);
  }

  /** Focuses the group's one tab stop (the checked star, else the first). */
  override focus(options?: FocusOptions): void {
    // Before the first render there is no star, and the host itself is not focusable.
    this._tabStop()?.focus(options);
  }

  // ---- modes ------------------------------------------------------------------------------

  /** Votes go to the server at once: an endpoint, and neither a form nor a comment form around. */
  get standalone(): boolean {
    return !!resolveEndpoint(this) && !this._internals.form && !closestComposed(this, 'comment-form');
  }

  /** @internal */
  private get _scale(): number {
    return clampScale(this.max);
  }
  /** @internal */
  private get _disabled(): boolean | undefined {
    return this.disabled || this._formDisabled;
  }
  /** @internal */
  private get _interactive(): boolean {
    return !this.readonly && !this._disabled;
  }
  /** @internal Required and nothing picked. A read-only or disabled field is not validated, like a native input. */
  private get _valueMissing(): boolean {
    return this.required && this._interactive && !this._starValue();
  }

  /** @internal The value as a star number, 0 = none. */
  private _starValue(): number {
    const v = Math.round(this.value) || 0;
    return v > 0 && v <= this._scale ? v : 0;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._aggregateRequest?.abort();
    // Connected again, it loads the average again.
    this._loadedFor = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('value')) this._checkedStar = this._starValue();
    // The server renderer (#19) shows the aggregate it was given; it calls no `updated()`.
    if (isServer) {
      const thread = resolveThread(this);
      const aggregate = thread && seeded(thread, 'rating');
      if (aggregate) this._adoptAggregate(aggregate, thread);
    }
  }

  protected override updated(): void {
    // Through the CSSOM: a style attribute would be refused by a strict CSP (style-src-attr).
    for (const mini of this.renderRoot.querySelectorAll<HTMLElement>('.mini')) {
      mini.style.setProperty('--_fill', mini.dataset.fill!);
    }
    this._syncFormState();
    const endpoint = this.standalone && resolveEndpoint(this);
    const thread = endpoint && resolveThread(this);
    const loadFor = thread ? `${endpoint} ${thread}` : '';
    if (loadFor !== this._loadedFor) {
      this._loadedFor = loadFor;
      if (thread) void this._loadAggregate(endpoint as string, thread);
    }
  }

  /** @internal The form value, validity and the custom states (`:state(user-invalid)` / `:state(user-valid)`). */
  private _syncFormState(): void {
    const value = this._starValue();
    const internals = this._internals;
    const missing = this._valueMissing;
    internals.setFormValue(value ? `${value}` : null);
    internals.setValidity({ valueMissing: missing }, this._locale.tr.t('rating.required'), this._tabStop());
    try {
      internals.states[this._touched && missing ? 'add' : 'delete']('user-invalid');
      internals.states[this._touched && value && !this._disabled ? 'add' : 'delete']('user-valid');
    } catch {
      /* a browser without custom state identifiers: styling only */
    }
  }

  // ---- server ----------------------------------------------------------------------------

  /** @internal */
  private async _loadAggregate(endpoint: string, thread: string): Promise<void> {
    this._aggregateRequest?.abort();
    const request = (this._aggregateRequest = new AbortController());
    const remembered = ownVotes.get(thread);
    if (remembered && !this._starValue()) this.value = remembered;
    try {
      // A server-rendered block carries the aggregate (#19).
      const aggregate = seeded(thread, 'rating') ?? (await getRating(endpoint, thread, request.signal));
      if (!request.signal.aborted && !this._voteInFlight) this._adoptAggregate(aggregate, thread);
    } catch {
      // The average stays unknown; voting still works.
    } finally {
      if (this._aggregateRequest === request) this._aggregateRequest = null;
    }
  }

  /** @internal Takes the server's aggregate: its scale, and its idea of this reader's vote when it has one. */
  private _adoptAggregate(aggregate: RatingAggregate, thread: string): void {
    if (Number.isInteger(aggregate.max) && aggregate.max >= 1) this.max = clampScale(aggregate.max);
    this._aggregate = aggregate;
    const yours = aggregate.yours ?? 0;
    if (yours >= 1) ownVotes.set(thread, (this.value = yours));
  }

  /**
   * Standalone: shows `star` as the reader's vote at once and hands the sending to
   * ./lazy/vote.ts, which answers through a VoteHost.
   * @internal
   */
  private _castVote(star: number): void {
    const endpoint = resolveEndpoint(this);
    const thread = resolveThread(this);
    if (this._voteInFlight || !endpoint || !thread) return;
    const previousVote = this._starValue();
    const previousAggregate = this._aggregate;
    const settle = (message: { text: string; error: boolean }): void => {
      this._message = message;
      this._voteInFlight = false;
    };
    const host: VoteHost = {
      endpoint,
      thread,
      translator: this._locale.tr,
      scale: this._scale,
      previousVote,
      previousAggregate,
      expect: (aggregate) => {
        this._aggregate = aggregate;
        this._announceChange(star);
      },
      confirm: (aggregate, thanks) => {
        this._adoptAggregate({ ...aggregate, yours: aggregate.yours ?? star }, thread);
        settle({ text: thanks, error: false });
        void this.updateComplete.then(() => emit<RatingSubmittedDetail>(this, 'rating-submitted', aggregate));
      },
      refuse: (reason) => {
        this.value = this._checkedStar = previousVote;
        this._aggregate = previousAggregate;
        settle({ text: reason, error: true });
      },
    };
    this._aggregateRequest?.abort();
    this._voteInFlight = true;
    this._message = undefined;
    this.value = this._checkedStar = star;
    loadVote().then(
      (vote) => vote.castVote(host, star),
      () => host.refuse(this._locale.tr.t('rating.failed')),
    );
  }

  // ---- interaction: the WAI-ARIA radio group ---------------------------------------------

  /** @internal `star` becomes the value, with the form value and validity, before `rating-change` is fired. */
  private _pick(star: number): void {
    this.value = this._checkedStar = star;
    this._syncFormState();
    this._announceChange(star);
  }

  /** @internal `rating-change`, once the pick is rendered (standalone: with the expected aggregate). */
  private _announceChange(star: number): void {
    void this.updateComplete.then(() => emit<RatingChangeDetail>(this, 'rating-change', { value: star }));
  }

  /** @internal A star chosen by a click, Enter or Space, or (form mode) the arrows. */
  private _choose(star: number): void {
    if (!this._interactive) return;
    if (this.standalone) return this._castVote(star);
    this._touched = true;
    if (star === this._starValue()) this._syncFormState();
    else this._pick(star);
  }

  /** @internal */
  private _onClick(e: Event): void {
    const star = this._starOf(e);
    if (star) this._choose(star);
  }

  /**
   * Arrows move the focus and the check (mirrored for right-to-left), Home/End go to the
   * first/last star, Enter and Space choose the focused star. In a form a move picks the star,
   * as a native radio does; standalone it only checks it, and Enter or Space votes.
   * @internal
   */
  private _onKeydown(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const max = this._scale;
    const from = this._starOf(e) || this._checkedStar || 1;
    const rtl = getComputedStyle(this).direction === 'rtl';
    const key = e.key;
    let to: number;
    if (key === 'ArrowUp' || key === (rtl ? 'ArrowLeft' : 'ArrowRight')) to = Math.min(max, from + 1);
    else if (key === 'ArrowDown' || key === (rtl ? 'ArrowRight' : 'ArrowLeft')) to = Math.max(1, from - 1);
    else if (key === 'Home') to = 1;
    else if (key === 'End') to = max;
    else if (key === 'Enter' || key === ' ') to = 0;
    else return;
    e.preventDefault();
    if (!this._interactive) return;
    if (!to) return this._choose(from);
    if (this.standalone) this._checkedStar = to;
    else this._choose(to);
    this._stars()[to - 1]?.focus();
  }

  /** @internal */
  private _onFocusIn(e: FocusEvent): void {
    this._previewedStar = this._checkedStar ? 0 : this._starOf(e); // shown only while interactive
    this._prefetchVote();
  }

  /** @internal */
  private _onFocusOut(e: FocusEvent): void {
    // Moving to another star is not leaving the group.
    if (this.renderRoot.contains(e.relatedTarget as Node | null)) return;
    this._previewedStar = 0;
    // A keyboard check that was never voted is not the reader's vote.
    if (this.standalone) {
      if (!this._voteInFlight) this._checkedStar = this._starValue();
    } else if (this._interactive) {
      this._touched = true;
    }
  }

  /** @internal Capture: pointerenter does not bubble from the stars. */
  private readonly _onPointerEnter = {
    capture: true,
    handleEvent: (e: PointerEvent): void => {
      this._hoveredStar = this._starOf(e); // shown only while interactive (see render)
      this._prefetchVote();
    },
  };

  /** @internal */
  private _onPointerLeave(): void {
    this._hoveredStar = 0;
  }

  /** @internal Standalone, a pick casts a vote: the first hover or focus fetches the voting code. */
  private _prefetchVote(): void {
    if (this.standalone && this._interactive) loadVote().catch(() => undefined);
  }

  /** @internal */
  private _stars(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('[role=radio]')];
  }

  /** @internal The star (1-based) an event happened on, 0 when not on a star. */
  private _starOf(e: Event): number {
    const star = (e.target as Element).closest?.<HTMLElement>('[role=radio]');
    return star ? this._stars().indexOf(star) + 1 : 0;
  }

  /** @internal */
  private _tabStop(): HTMLElement | undefined {
    const stars = this._stars();
    return stars[(this._checkedStar || 1) - 1] ?? stars[0];
  }

  /** @internal The text of the elements the host's `aria-describedby` names, looked up in the host's tree. */
  private _externalDescription(): string {
    const root = this.getRootNode() as Partial<DocumentOrShadowRoot & NonElementParentNode>;
    return (this._hostDescribedBy ?? '')
      .split(/\s+/)
      .map((id) => root.getElementById?.(id)?.textContent)
      .filter(Boolean)
      .join(' ');
  }

  // ---- rendering -------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const { tr } = this._locale;
    const max = this._scale;
    const checked = this._checkedStar;
    const aggregate = this._aggregate;
    const standalone = this.standalone;
    const disabled = this._disabled;
    const interactive = this._interactive;
    const shown = interactive ? this._hoveredStar || checked || this._previewedStar || 0 : checked;
    const solid = (interactive && this._hoveredStar) || (checked > 0 && (!standalone || checked === this._starValue()));
    const invalid = this._touched && this._valueMissing;
    const showRequired = invalid && !standalone && !closestComposed(this, 'comment-form');
    const feedback = showRequired ? tr.t('rating.required') : this._message?.text;
    const external = this._externalDescription();
    // Standalone, arrows only select and Enter/Space casts the vote: say so to screen readers.
    const hint = standalone && interactive ? tr.t('rating.hint') : '';
    const describedBy = [standalone && 'summary', hint && 'hint', feedback && 'feedback', external && 'external']
      .filter(Boolean)
      .join(' ');

    return html`
      <div class="rating">
        <span id="label" part="label">${this.label ?? tr.t('rating.label')}</span>
        <div
          part="stars"
          role="radiogroup"
          aria-labelledby="label"
          aria-describedby=${describedBy || nothing}
          aria-required=${(this.required && !standalone) || nothing}
          aria-readonly=${this.readonly || nothing}
          aria-disabled=${disabled || nothing}
          aria-invalid=${invalid || this._hostAriaInvalid === 'true' || nothing}
          aria-busy=${this._voteInFlight || nothing}
          @keydown=${this._onKeydown}
          @click=${this._onClick}
          @pointerenter=${this._onPointerEnter}
          @pointerleave=${this._onPointerLeave}
          @focusin=${this._onFocusIn}
          @focusout=${this._onFocusOut}
        >
          ${range(
            max,
            (n) => html`
              <span
                part="star"
                role="radio"
                class=${n > shown ? '' : solid ? 'on' : 'preview'}
                aria-checked=${n === checked}
                aria-label=${tr.t('rating.star', { n, max })}
                aria-disabled=${disabled || nothing}
                tabindex=${!disabled && n === (checked || 1) ? 0 : -1}
              >
                ${STAR}
              </span>
            `,
          )}
        </div>
        ${standalone ? this._renderSummary(tr, max, aggregate) : nothing}
        <span id="hint" class="visually-hidden">${hint}</span>
        <span id="external" class="visually-hidden">${external}</span>
        <div
          id="feedback"
          part="feedback"
          role="status"
          aria-live="polite"
          class=${showRequired || this._message?.error ? 'error' : ''}
        >
          ${feedback}
        </div>
      </div>
    `;
  }

  /** @internal The average in partial stars and "4.3 · 128 ratings" (standalone). */
  private _renderSummary(tr: Translator, max: number, aggregate: RatingAggregate | null | undefined): TemplateResult {
    const average = aggregate?.average ?? 0;
    return html`
      <span id="summary" part="summary" aria-busy=${aggregate ? nothing : !!this._aggregateRequest}>
        ${
          !aggregate
            ? ''
            : aggregate.count > 0
              ? html`
                  <span class="average" aria-hidden="true">
                    ${range(
                      max,
                      (n) => html`
                        <span class="mini" data-fill=${Math.min(1, Math.max(0, average - n + 1))}>
                          ${STAR}<span class="fill">${STAR}</span>
                        </span>
                      `,
                    )}
                  </span>
                  ${tr.plural('rating.summary', aggregate.count, {
                    average: tr.formatNumber(average, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
                  })}
                `
              : tr.t('rating.none')
        }
      </span>
    `;
  }
}
