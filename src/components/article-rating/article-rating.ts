import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { getRating } from '../../client/api.js';
import { resolveEndpoint, resolveThread } from '../../client/endpoint.js';
import { ownVotes } from '../../client/own-votes.js';
import { RATING_SCALE_MAX } from '../../contract/constants.js';
import type { RatingAggregate } from '../../contract/schemas.js';
import { LocaleController } from '../../i18n/controller.js';
import { closestComposed } from '../../i18n/index.js';
import type { Messages } from '../../i18n/types.js';
import { tokens } from '../shared/tokens.styles.js';
import { ratingStyles } from './article-rating.styles.js';

const STAR = html`<svg viewBox="0 0 24 24" aria-hidden="true">
  <path d="M12 2.5l2.9 6 6.6.9-4.7 4.6 1.1 6.6-5.9-3.1-5.9 3.1 1.1-6.6-4.7-4.6 6.6-.9z" />
</svg>`;
const STATE = { state: true };
/** ./interact.ts, fetched once: one promise, so the events waiting for it run in their order. */
let interact: Promise<typeof import('./interact.js')> | undefined;

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
    _describedBy: { attribute: 'aria-describedby' },
    _invalidAttr: { attribute: 'aria-invalid' },
    _pick: STATE,
    _hover: STATE,
    _preview: STATE,
    _agg: STATE,
    _abort: STATE,
    _busy: STATE,
    _msg: STATE,
    _err: STATE,
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
  declare endpoint: string | undefined;
  declare thread: string | undefined;
  declare lang: string;
  declare theme: string | undefined;
  declare messages: Messages | undefined;
  /**
   * `aria-describedby` / `aria-invalid` an enclosing form (e.g. `<comment-form>`) puts on this
   * element: ids cannot reach into the shadow root, so the radio group repeats them itself.
   */
  declare private _describedBy: string | undefined;
  declare private _invalidAttr: string | undefined;

  // Internal; also used by the on-demand voting module (./vote.ts).
  // State starts undefined (falsy: none, not busy, untouched) to keep the constructor short.
  /** @internal The checked star: follows `value`, and the keyboard before a standalone vote is cast. */
  _pick = 0;
  /** @internal The star under the pointer (0 = none). */
  declare _hover?: number;
  /** @internal The focused star while nothing is picked: previewed, not chosen. */
  declare _preview?: number;
  /** @internal */
  declare _agg?: RatingAggregate | null;
  /** @internal A vote is on its way. */
  declare _busy?: boolean;
  /** @internal The message line (thanks or a refusal) and whether it is an error. */
  declare _msg?: string;
  /** @internal */
  declare _err?: boolean;
  /** @internal */
  declare _touched?: boolean;
  declare private _formDisabled?: boolean;

  /** @internal */
  readonly _l10n = new LocaleController(this);
  private readonly _i = this.attachInternals();
  declare private _key?: string;
  /** The last interaction handed to ./interact.ts (updateComplete waits for it). */
  declare private _k?: Promise<unknown>;
  /** @internal The average is loading. */
  declare _abort?: AbortController | null;

  constructor() {
    super();
    this.addEventListener('invalid', () => (this._touched = true));
  }

  // ---- form-associated element API (form, validity, validationMessage, willValidate below) ----

  get form(): HTMLFormElement | null {
    return this._i.form;
  }
  get validity(): ValidityState {
    return this._i.validity;
  }
  get validationMessage(): string {
    return this._i.validationMessage;
  }
  get willValidate(): boolean {
    return this._i.willValidate;
  }
  get type(): string {
    return 'article-rating';
  }
  checkValidity(): boolean {
    this._sync();
    return this._i.checkValidity();
  }
  reportValidity(): boolean {
    this._sync();
    return this._i.reportValidity();
  }

  formAssociatedCallback(): void {
    this.requestUpdate();
  }
  formResetCallback(): void {
    this._pick = this.value = positive(this.getAttribute('value'));
    this._touched = false;
    this._msg = '';
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
    return !!resolveEndpoint(this) && !this._i.form && !closestComposed(this, 'comment-form');
  }

  /** @internal */
  get _scale(): number {
    return clampScale(this.max);
  }
  private get _disabled(): boolean | undefined {
    return this.disabled || this._formDisabled;
  }
  /** @internal */
  get _interactive(): boolean {
    return !this.readonly && !this._disabled;
  }
  /** Required and nothing picked. A read-only or disabled field is not validated, like a native input. */
  private get _missing(): boolean {
    return this.required && this._interactive && !this._v();
  }

  /** @internal The value as a star number, 0 = none. */
  _v(): number {
    const v = Math.round(this.value) || 0;
    return v > 0 && v <= this._scale ? v : 0;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._abort?.abort();
    // Connected again, it loads the average again.
    this._key = '';
  }

  /** Also waits for the last interaction handed to ./interact.ts to be handled. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await this._k;
    return super.getUpdateComplete();
  }

  /** @internal updateComplete for ./interact.ts: not waiting for its own handling. */
  _rendered(): Promise<boolean> {
    return super.getUpdateComplete();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('lang') || changed.has('messages')) this._l10n.refresh();
    if (changed.has('value')) this._pick = this._v();
  }

  protected override updated(): void {
    // Through the CSSOM: a style attribute would be refused by a strict CSP (style-src-attr).
    for (const mini of this.renderRoot.querySelectorAll<HTMLElement>('.mini')) {
      mini.style.setProperty('--_fill', mini.dataset.fill!);
    }
    this._sync();
    const endpoint = this.standalone && resolveEndpoint(this);
    const thread = endpoint && resolveThread(this);
    const key = thread ? `${endpoint} ${thread}` : '';
    if (key !== this._key) {
      this._key = key;
      if (thread) void this._load(endpoint as string, thread);
    }
  }

  /** The form value, validity and the custom states (`:state(user-invalid)` / `:state(user-valid)`). */
  private _sync(): void {
    const v = this._v();
    const i = this._i;
    const missing = this._missing;
    i.setFormValue(v ? `${v}` : null);
    i.setValidity({ valueMissing: missing }, this._l10n.tr.t('rating.required'), this._tabStop());
    try {
      i.states[this._touched && missing ? 'add' : 'delete']('user-invalid');
      i.states[this._touched && v && !this._disabled ? 'add' : 'delete']('user-valid');
    } catch {
      /* a browser without custom state identifiers: styling only */
    }
  }

  // ---- server ----------------------------------------------------------------------------

  private async _load(endpoint: string, thread: string): Promise<void> {
    this._abort?.abort();
    const abort = (this._abort = new AbortController());
    const remembered = ownVotes.get(thread);
    if (remembered && !this._v()) this.value = remembered;
    try {
      const aggregate = await getRating(endpoint, thread, abort.signal);
      if (!abort.signal.aborted && !this._busy) this._adopt(aggregate, thread);
    } catch {
      // The average stays unknown; voting still works.
    } finally {
      if (this._abort === abort) this._abort = null;
    }
  }

  /** @internal Takes the server's aggregate: its scale, and its idea of this reader's vote when it has one. */
  _adopt(aggregate: RatingAggregate, thread: string): void {
    if (Number.isInteger(aggregate.max) && aggregate.max >= 1) this.max = clampScale(aggregate.max);
    this._agg = aggregate;
    const yours = aggregate.yours ?? 0;
    if (yours >= 1) ownVotes.set(thread, (this.value = yours));
  }

  // ---- interaction -----------------------------------------------------------------------

  /**
   * Hover, click, keys, focus: handled by ./interact.ts, loaded on the first of them. The
   * default action of a key it handles is prevented at once; what the browser clears when the
   * event is over (a shadow target, the related target) is read now; updateComplete waits.
   */
  private _on(e: KeyboardEvent & FocusEvent): void {
    if (e.type == 'keydown') {
      if (e.altKey || e.ctrlKey || e.metaKey || !/^(Arrow\w+|Home|End|Enter| )$/.test(e.key)) return;
      e.preventDefault();
    }
    const n = this._starOf(e);
    const related = e.relatedTarget;
    this._k = (interact ??= import('./interact.js')).then(
      (m) => m.on(this, e, n, related),
      () => {
        interact = undefined; // offline: the next event tries again
      },
    );
  }

  /** @internal */
  _stars(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('[role=radio]')];
  }

  /** The star (1-based) an event happened on, 0 when not on a star. */
  private _starOf(e: Event): number {
    const star = (e.target as Element).closest?.<HTMLElement>('[role=radio]');
    return star ? this._stars().indexOf(star) + 1 : 0;
  }

  private _tabStop(): HTMLElement | undefined {
    const stars = this._stars();
    return stars[(this._pick || 1) - 1] ?? stars[0];
  }

  /** The text of the elements the host's `aria-describedby` names, looked up in the host's tree. */
  private _external(): string {
    const root = this.getRootNode() as Partial<DocumentOrShadowRoot & NonElementParentNode>;
    return (this._describedBy ?? '')
      .split(/\s+/)
      .map((id) => root.getElementById?.(id)?.textContent)
      .filter(Boolean)
      .join(' ');
  }

  // ---- rendering -------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const { tr } = this._l10n;
    const max = this._scale;
    const pick = this._pick;
    const agg = this._agg;
    const standalone = this.standalone;
    const disabled = this._disabled;
    const interactive = this._interactive;
    const shown = interactive ? this._hover || pick || this._preview || 0 : pick;
    const solid = (interactive && this._hover) || (pick > 0 && (!standalone || pick === this._v()));
    const invalid = this._touched && this._missing;
    const showRequired = invalid && !standalone && !closestComposed(this, 'comment-form');
    const feedback = showRequired ? tr.t('rating.required') : this._msg;
    const external = this._external();
    // Standalone, arrows only select and Enter/Space casts the vote: say so to screen readers.
    const hint = standalone && interactive ? tr.t('rating.hint') : '';
    const describedBy = [standalone && 'summary', hint && 'hint', feedback && 'feedback', external && 'external']
      .filter(Boolean)
      .join(' ');

    return html`<div class="rating">
      <span id="label" part="label">${this.label ?? tr.t('rating.label')}</span>
      <div
        part="stars"
        role="radiogroup"
        aria-labelledby="label"
        aria-describedby=${describedBy || nothing}
        aria-required=${(this.required && !standalone) || nothing}
        aria-readonly=${this.readonly || nothing}
        aria-disabled=${disabled || nothing}
        aria-invalid=${invalid || this._invalidAttr === 'true' || nothing}
        aria-busy=${this._busy || nothing}
        @keydown=${this._on}
        @click=${this._on}
        @pointerenter=${{
          // Capture: pointerenter does not bubble from the stars.
          capture: true,
          handleEvent: (e: KeyboardEvent & FocusEvent) => this._on(e),
        }}
        @pointerleave=${this._on}
        @focusin=${(e: KeyboardEvent & FocusEvent) => {
          this._preview = pick ? 0 : this._starOf(e); // shown only while interactive
          // A star takes the focus on pointerdown or Tab, before any pick: fetch the interaction code.
          this._on(e);
        }}
        @focusout=${this._on}
      >
        ${range(
          max,
          (n) =>
            html`<span
              part="star"
              role="radio"
              class=${n > shown ? '' : solid ? 'on' : 'preview'}
              aria-checked=${n === pick}
              aria-label=${tr.t('rating.star', { n, max })}
              aria-disabled=${disabled || nothing}
              tabindex=${!disabled && n === (pick || 1) ? 0 : -1}
              >${STAR}</span
            >`,
        )}
      </div>
      ${
        standalone
          ? html`<span id="summary" part="summary" aria-busy=${agg ? nothing : !!this._abort}
              >${
                !agg
                  ? ''
                  : agg.count > 0
                    ? html`<span class="average" aria-hidden="true"
                          >${range(
                            max,
                            (n) =>
                              html`<span class="mini" data-fill=${Math.min(1, Math.max(0, agg.average - n + 1))}
                                >${STAR}<span class="fill">${STAR}</span></span
                              >`,
                          )}</span
                        >${tr.plural('rating.summary', agg.count, {
                          average: tr.formatNumber(agg.average, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
                        })}`
                    : tr.t('rating.none')
              }</span
            >`
          : nothing
      }<span id="hint" class="visually-hidden">${hint}</span
      ><span id="external" class="visually-hidden">${external}</span>
      <div
        id="feedback"
        part="feedback"
        role="status"
        aria-live="polite"
        class=${showRequired || this._err ? 'error' : ''}
      >
        ${feedback}
      </div>
    </div>`;
  }
}
