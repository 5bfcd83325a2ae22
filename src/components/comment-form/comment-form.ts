import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { LIMITS } from '../../contract/limits.js';
import { DraftStore, identityStore } from '../../client/drafts.js';
import { isValidThread, resolveEndpoint, resolveThread } from '../../client/endpoint.js';
import { LocaleController } from '../../i18n/controller.js';
import type { MessageKey, Messages } from '../../i18n/types.js';
import { emit, type CommentErrorDetail } from '../shared/events.js';
import { tokens } from '../shared/tokens.styles.js';
import { styles } from './comment-form.styles.js';

/** The checks and the sending, loaded on the reader's first touch (./actions.ts). */
type Actions = typeof import('./actions.js');

/** The fields that carry an inline hint, in the order a reader meets them. */
/** The reader's text fields, checked by ./actions.ts. */
export type TextField = 'email' | 'name' | 'message';
export type Field = 'email' | 'name' | 'message' | 'rating' | 'captcha';
export const FIELD_ORDER: readonly Field[] = ['email', 'name', 'message', 'rating', 'captcha'];

/** The part of `<af-captcha>` the form relies on; every member is optional so the form works without it. */
interface CaptchaElement extends HTMLElement {
  start?: () => void;
  token?: () => Promise<string | null>;
  reset?: () => void;
  readonly active?: boolean;
  readonly requiredKey?: string;
  readonly captchaState?: string;
}

/** The part of `<article-rating>` the form relies on. */
interface RatingElement extends HTMLElement {
  value?: number;
}

interface Values {
  email: string;
  name: string;
  message: string;
  rating: number;
}

type Outcome =
  | { kind: 'published' | 'pending'; text: string }
  | { kind: 'failed'; text: string; retry: boolean };

export const EMPTY: Values = { email: '', name: '', message: '', rating: 0 };

/**
 * A comment form: email, name and message with inline validation ("Please enter your name." /
 * "Looks good!"), an optional star rating, the captcha, a honeypot, and a submit that never
 * loses a word (drafts in `localStorage`, retries with the same `Idempotency-Key`).
 *
 * @summary Write a comment (or a reply, with `parent`).
 *
 * @attr endpoint - Base URL of the API; defaults to the enclosing `<article-feedback>`'s.
 * @attr thread - Discussion id; defaults to the canonical link's path, else `location.pathname`.
 * @attr parent - Id of the comment this form replies to; the button then says "Post reply".
 * @attr lang - Language of the texts; defaults to the nearest ancestor's `lang`, else `en`.
 * @attr theme - `light` | `dark` | `auto`.
 * @attr captcha - `auto` (ask the server, default) | `none` | `pow` | `recaptcha` | `hcaptcha` | `turnstile`.
 * @attr captcha-site-key - Site key of the captcha provider, when `captcha` names one.
 * @attr with-rating - Adds an `<article-rating name="rating">` field to the form.
 * @attr rating-required - The rating must be picked before the comment can be sent.
 * @attr rating-max - Number of stars of the rating field (default 5).
 *
 * @fires comment-submit - Cancelable, before sending. Detail: the payload (`name`, `email`, `message`, `rating?`, `parent?`, …) plus `thread`. Call `preventDefault()` to send it yourself.
 * @fires comment-submitted - After a 2xx. Detail: `{ comment, status }`, status `"published"` or `"pending"`.
 * @fires comment-error - When sending failed. Detail: `{ status, message }`; status 0 for a network failure.
 *
 * @csspart form - The `<form>` element.
 * @csspart label - Each field's label.
 * @csspart input - The email, name (and honeypot) inputs.
 * @csspart textarea - The message field.
 * @csspart feedback - Each field's hint ("Looks good!" or its error).
 * @csspart count - The character count near the message limit.
 * @csspart button - The submit and retry buttons.
 * @csspart status - The outcome message after sending.
 *
 * @cssprop --af-font - Font family (inherits the page's by default).
 * @cssprop --af-font-size - Base font size.
 * @cssprop --af-color-text - Text colour.
 * @cssprop --af-color-muted - Secondary text colour (character count).
 * @cssprop --af-color-bg - Field background.
 * @cssprop --af-color-border - Field border.
 * @cssprop --af-color-accent - Submit button and focus border colour.
 * @cssprop --af-color-accent-text - Submit button text colour.
 * @cssprop --af-color-valid - Valid field border and "Looks good!" colour.
 * @cssprop --af-color-invalid - Invalid field border and error colour.
 * @cssprop --af-color-focus - Focus ring colour.
 * @cssprop --af-radius - Corner radius of fields and buttons.
 * @cssprop --af-spacing - Space between fields.
 */
export class CommentForm extends LitElement {
  static override properties: PropertyDeclarations = {
    endpoint: {},
    thread: {},
    parent: {},
    theme: { reflect: true },
    captcha: {},
    captchaSiteKey: { attribute: 'captcha-site-key' },
    withRating: { type: Boolean, attribute: 'with-rating' },
    ratingRequired: { type: Boolean, attribute: 'rating-required' },
    ratingMax: { type: Number, attribute: 'rating-max' },
    messages: { attribute: false },
    values: { state: true },
    touched: { state: true },
    serverErrors: { state: true },
    captchaError: { state: true },
    sending: { state: true },
    outcome: { state: true },
    announcement: { state: true },
    draftRestored: { state: true },
  };
  static override styles = [tokens, styles];

  /** Base URL of the API. */
  declare endpoint?: string;
  /** Discussion id. */
  declare thread?: string;
  /** Id of the comment this form replies to. */
  declare parent?: string;
  /** `light` | `dark` | `auto`. */
  declare theme?: string;
  /** Captcha provider: `auto` asks the server (`GET /captcha`). */
  captcha = 'auto';
  declare captchaSiteKey?: string;
  withRating = false;
  ratingRequired = false;
  ratingMax = 5;
  /** Overrides of catalogue entries, e.g. `{ 'form.submit': 'Send' }`. */
  declare messages?: Messages;

  private values: Values = { ...EMPTY };
  /** Fields whose hint is shown: left once by the reader, or all after a submit attempt. */
  private touched = new Set<Field>();
  /** Message keys the server named in a 422/403, shown until the reader edits that field. */
  private serverErrors: Partial<Record<Field, string>> = {};
  private captchaError: string | null = null;
  private sending = false;
  private outcome: Outcome | null = null;
  private announcement = '';
  private draftRestored = false;

  private get formEl(): HTMLFormElement {
    return this.renderRoot.querySelector('form')!;
  }
  private get captchaEl(): CaptchaElement | null {
    return this.renderRoot.querySelector('af-captcha');
  }

  private readonly l10n = new LocaleController(this);
  private drafts: DraftStore | null = null;
  private draftKey = '';
  /** The captcha element's code, loaded and started on the reader's first touch. */
  private captchaLoad: Promise<void> | null = null;
  /** The client-side checks (zod/mini), loaded on the reader's first touch. */
  private actions: Actions | null = null;
  private actionsLoad: Promise<Actions> | null = null;
  private countTimer: ReturnType<typeof setTimeout> | undefined;
  private static idSeq = 0;
  private readonly uid = `cf${++CommentForm.idSeq}`;

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang' && old !== value) {
      this.l10n.refresh();
      this.requestUpdate();
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.restoreDraft();
    document.addEventListener('pointerdown', this.onPointerDown, true);
    document.addEventListener('pointerup', this.onPointerUp, true);
    document.addEventListener('pointercancel', this.onPointerUp, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.countTimer);
    document.removeEventListener('pointerdown', this.onPointerDown, true);
    document.removeEventListener('pointerup', this.onPointerUp, true);
    document.removeEventListener('pointercancel', this.onPointerUp, true);
  }

  /*
   * A hint that appears when a field is left pushes everything below it down. When the field
   * is left by pressing the mouse on the submit button (or any button below), the button would
   * move away between mousedown and mouseup and the click would be lost. So while a pointer is
   * down, leaving a field only queues its hint; it shows once the click has happened.
   */
  private pointerDown = false;
  private queuedTouches = new Set<Field>();

  private readonly onPointerDown = (): void => {
    this.pointerDown = true;
  };

  private readonly onPointerUp = (): void => {
    if (!this.pointerDown) return;
    // After the click that follows this pointerup (same task), not before it.
    setTimeout(() => {
      this.pointerDown = false;
      if (!this.queuedTouches.size) return;
      const next = new Set(this.touched);
      for (const f of this.queuedTouches) next.add(f);
      this.queuedTouches.clear();
      this.touched = next;
    }, 0);
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('messages')) this.l10n.refresh();
    if (this.hasUpdated && (changed.has('thread') || changed.has('parent'))) this.restoreDraft();
  }

  /** Sends what the form holds, as the submit button does (validation included). */
  submit(): Promise<void> {
    return this.send();
  }

  // ---------------------------------------------------------------- state helpers

  private get threadId(): string | null {
    if (this.thread && isValidThread(this.thread)) return this.thread;
    return resolveThread(this);
  }

  private get apiBase(): string | null {
    if (this.endpoint) return this.endpoint.replace(/\/+$/, '');
    return resolveEndpoint(this);
  }

  /** Loads the draft of this thread/parent, else the remembered name and email. */
  private restoreDraft(): void {
    const thread = this.threadId ?? '';
    const store = new DraftStore(thread, this.parent || null);
    if (store.storageKey === this.draftKey) return;
    this.drafts = store;
    this.draftKey = store.storageKey;
    const draft = store.load();
    const identity = identityStore.load();
    if (draft) {
      this.values = {
        email: draft.email || identity?.email || '',
        name: draft.name || identity?.name || '',
        message: draft.message,
        rating: typeof draft.rating === 'number' ? draft.rating : 0,
      };
      this.draftRestored = draft.message.trim() !== '';
    } else {
      this.values = { ...EMPTY, email: identity?.email ?? '', name: identity?.name ?? '' };
      this.draftRestored = false;
    }
    this.touched = new Set();
    this.serverErrors = {};
  }

  private saveDraft(): void {
    const { name, email, message, rating } = this.values;
    this.drafts?.save({ name, email, message, rating: rating || null });
  }

  private get ratingAvailable(): boolean {
    return this.withRating && customElements.get('article-rating') !== undefined;
  }

  private get captchaAvailable(): boolean {
    return this.captcha !== 'none';
  }

  private get captchaActive(): boolean {
    const el = this.captchaEl;
    return this.captchaAvailable && !!el && el.active !== false;
  }

  /** The message key of a field's client-side check, or null when it passes. */
  private clientError(field: Field): string | null {
    const v = this.values;
    switch (field) {
      case 'email':
      case 'name':
      case 'message': {
        const r = this.actions?.check(field, v[field]);
        return r && !r.ok ? r.key : null;
      }
      case 'rating':
        if (!this.ratingAvailable) return null;
        if (v.rating === 0) return this.ratingRequired ? 'rating.required' : null;
        return Number.isInteger(v.rating) && v.rating >= 1 && v.rating <= this.ratingMax ? null : 'rating.range';
      case 'captcha':
        return this.captchaError;
    }
  }

  private errorKey(field: Field): string | null {
    return this.serverErrors[field] ?? this.clientError(field);
  }

  private hasField(field: Field): boolean {
    if (field === 'rating') return this.ratingAvailable;
    // A captcha verdict of the server is shown even when no captcha element is on the page.
    if (field === 'captcha') return this.captchaAvailable || this.captchaError !== null;
    return true;
  }

  private text(key: string): string {
    const tr = this.l10n.tr;
    const k: MessageKey = tr.has(key) ? key : 'field.invalid';
    const max = k === 'name.tooLong' ? LIMITS.nameMax : k === 'message.tooLong' ? LIMITS.messageMax : k === 'email.tooLong' ? LIMITS.emailMax : this.ratingMax;
    return tr.t(k, { max });
  }

  // ---------------------------------------------------------------- reader input

  private onInput(field: 'email' | 'name' | 'message', e: Event): void {
    const value = (e.target as HTMLInputElement | HTMLTextAreaElement).value;
    this.values = { ...this.values, [field]: value };
    this.clearServerError(field);
    this.draftRestored = false;
    this.saveDraft();
    if (field === 'message') this.scheduleCountAnnouncement();
  }

  private onBlur(field: Field): void {
    if (this.touched.has(field)) return;
    if (this.pointerDown) {
      this.queuedTouches.add(field);
      return;
    }
    this.touched = new Set(this.touched).add(field);
  }

  private onRatingChange(e: CustomEvent<{ value: number }>): void {
    const value = Number(e.detail?.value ?? (e.target as RatingElement).value ?? 0);
    this.values = { ...this.values, rating: Number.isFinite(value) ? value : 0 };
    this.clearServerError('rating');
    this.touched = new Set(this.touched).add('rating');
    this.saveDraft();
  }

  private onRatingFocusOut(e: FocusEvent): void {
    // Moving between stars retargets to the rating itself: only leaving the group counts.
    if (e.relatedTarget === e.currentTarget) return;
    this.onBlur('rating');
  }

  private clearServerError(field: Field): void {
    if (!(field in this.serverErrors)) return;
    const next = { ...this.serverErrors };
    delete next[field];
    this.serverErrors = next;
  }

  /**
   * The reader's first touch loads what only an interaction needs: the checks, and the captcha
   * (started at once: the proof-of-work solves in the background). A `captcha="none"` form
   * never loads the captcha.
   */
  private onFirstTouch(): void {
    void this.loadActions().catch(() => undefined);
    void this.startCaptcha().catch(() => undefined);
  }

  private loadActions(): Promise<Actions> {
    this.actionsLoad ??= import('./actions.js').then(
      (m) => {
        this.actions = m;
        this.requestUpdate();
        return m;
      },
      (err: unknown) => {
        this.actionsLoad = null; // a later touch or submit tries again
        throw err;
      },
    );
    return this.actionsLoad;
  }

  private async onCaptchaState(): Promise<void> {
    if (this.captchaError) (await this.loadActions()).onCaptchaState(this);
  }

  private async send(): Promise<void> {
    if (this.sending) return;
    this.queuedTouches.clear(); // a submit shows every hint anyway
    this.outcome = null;
    this.sending = true;
    let actions: Actions;
    try {
      // Both are usually there since the first touch; a submit without them loads them now.
      [actions] = await Promise.all([this.loadActions(), this.startCaptcha()]);
    } catch {
      this.sending = false;
      return this.showFailure(0, this.l10n.tr.t('form.failed'), true);
    }
    this.sending = false;
    return actions.send(this);
  }

  private startCaptcha(): Promise<void> {
    if (!this.captchaAvailable) return Promise.resolve();
    this.captchaLoad ??= import('../af-captcha/define.js')
      .then(() => customElements.whenDefined('af-captcha'))
      .then(
        () => this.captchaEl?.start?.(),
        (err: unknown) => {
          this.captchaLoad = null;
          throw err;
        },
      );
    return this.captchaLoad;
  }



  private onTextareaKeydown(e: KeyboardEvent): void {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      this.formEl.requestSubmit();
    }
  }

  private onSubmit(e: SubmitEvent): void {
    e.preventDefault();
    void this.send();
  }

  private scheduleCountAnnouncement(): void {
    clearTimeout(this.countTimer);
    this.countTimer = setTimeout(() => {
      const left = this.charsLeft;
      if (left !== null) this.say(this.l10n.tr.plural('form.charsLeft', Math.max(0, left)));
    }, 700);
  }

  private get charsLeft(): number | null {
    const length = this.values.message.normalize('NFC').trim().length;
    return length >= LIMITS.messageCountFrom ? LIMITS.messageMax - length : null;
  }

  /** Puts a sentence in the polite live region; a repeated sentence is announced again. */
  private say(text: string): void {
    this.announcement = '';
    requestAnimationFrame(() => {
      this.announcement = text;
    });
  }

  // ---------------------------------------------------------------- sending











  private async showFailure(status: number, text: string, retry: boolean): Promise<void> {
    this.outcome = { kind: 'failed', text, retry };
    await this.updateComplete;
    emit<CommentErrorDetail>(this, 'comment-error', { status, message: text });
  }

  private onRetry(): void {
    void this.send();
  }

  // ---------------------------------------------------------------- rendering

  /** The hint under a field, and the ARIA it needs. */
  private hint(field: Field): { shown: boolean; error: string | null; id: string } {
    const id = `${this.uid}-${field}-hint`;
    const key = this.errorKey(field);
    // Until the checks have loaded, a text field has no verdict (not even "Looks good!").
    const unknown = !this.actions && !key && field !== 'rating' && field !== 'captcha';
    if (!this.touched.has(field) || unknown) return { shown: false, error: null, id };
    return { shown: true, error: key ? this.text(key) : null, id };
  }

  private renderHint(h: { shown: boolean; error: string | null; id: string }, showValid = true): TemplateResult | typeof nothing {
    if (!h.shown || (!h.error && !showValid)) return html`<div id=${h.id} class="feedback" part="feedback" hidden></div>`;
    return h.error
      ? html`<div id=${h.id} class="feedback invalid" part="feedback invalid-feedback">${h.error}</div>`
      : html`<div id=${h.id} class="feedback valid" part="feedback valid-feedback">${this.l10n.tr.t('form.valid')}</div>`;
  }

  private stateClass(h: { shown: boolean; error: string | null }): string {
    if (!h.shown) return '';
    return h.error ? 'is-invalid' : 'is-valid';
  }

  private renderInput(field: 'email' | 'name', type: string, autocomplete: string, label: string): TemplateResult {
    const h = this.hint(field);
    const inputId = `${this.uid}-${field}`;
    return html`
      <div class="field">
        <label part="label" for=${inputId}>${label}</label>
        <input
          id=${inputId}
          part="input"
          class="control ${this.stateClass(h)}"
          data-field=${field}
          name=${field}
          type=${type}
          autocomplete=${autocomplete}
          spellcheck=${type === 'email' ? 'false' : 'true'}
          required
          aria-required="true"
          aria-invalid=${h.shown ? String(!!h.error) : 'false'}
          aria-describedby=${h.shown ? h.id : nothing}
          ?readonly=${this.sending}
          .value=${this.values[field]}
          @input=${(e: Event) => this.onInput(field, e)}
          @blur=${() => this.onBlur(field)}
        />
        ${this.renderHint(h)}
      </div>
    `;
  }

  private renderMessage(): TemplateResult {
    const tr = this.l10n.tr;
    const h = this.hint('message');
    const id = `${this.uid}-message`;
    const countId = `${this.uid}-count`;
    const left = this.charsLeft;
    const describedBy = [h.shown ? h.id : '', left !== null ? countId : ''].filter(Boolean).join(' ');
    return html`
      <div class="field">
        <label part="label" for=${id}>${tr.t('form.message')}</label>
        <textarea
          id=${id}
          part="textarea"
          class="control ${this.stateClass(h)}"
          data-field="message"
          name="message"
          rows="5"
          required
          aria-required="true"
          aria-invalid=${h.shown ? String(!!h.error) : 'false'}
          aria-describedby=${describedBy || nothing}
          ?readonly=${this.sending}
          .value=${this.values.message}
          @input=${(e: Event) => this.onInput('message', e)}
          @blur=${() => this.onBlur('message')}
          @keydown=${this.onTextareaKeydown}
        ></textarea>
        ${left !== null
          ? html`<div id=${countId} class="count ${left < 0 ? 'over' : ''}" part="count">
              ${tr.plural('form.charsLeft', Math.max(0, left))}
            </div>`
          : nothing}
        ${this.renderHint(h)}
      </div>
    `;
  }

  private renderRating(): TemplateResult | typeof nothing {
    if (!this.withRating) return nothing;
    const h = this.hint('rating');
    const showHint = h.shown && this.ratingAvailable && (this.ratingRequired || this.values.rating > 0 || !!h.error);
    return html`
      <div class="field rating-field ${showHint ? this.stateClass(h) : ''}">
        <article-rating
          data-field="rating"
          name="rating"
          .max=${this.ratingMax}
          .value=${this.values.rating}
          ?required=${this.ratingRequired}
          label=${this.l10n.tr.t('form.rating')}
          lang=${this.getAttribute('lang') ?? nothing}
          theme=${this.theme ?? nothing}
          aria-invalid=${showHint && h.error ? 'true' : nothing}
          aria-describedby=${showHint ? h.id : nothing}
          @rating-change=${this.onRatingChange}
          @focusout=${this.onRatingFocusOut}
        ></article-rating>
        ${this.renderHint({ ...h, shown: showHint })}
      </div>
    `;
  }

  private renderCaptcha(): TemplateResult | typeof nothing {
    const h = this.hint('captcha');
    const error = h.shown ? h.error : null;
    if (this.captcha === 'none' && !error) return nothing;
    return html`
      <div class="field captcha-field ${error ? 'is-invalid' : ''}">
        ${this.captcha === 'none' ? nothing : this.renderCaptchaElement(error ? h.id : undefined)}
        ${this.renderHint({ ...h, shown: !!error, error }, false)}
      </div>
    `;
  }

  private renderCaptchaElement(describedBy: string | undefined): TemplateResult {
    return html`
        <af-captcha
          data-field="captcha"
          .endpoint=${this.apiBase ?? ''}
          .provider=${this.captcha}
          .siteKey=${this.captchaSiteKey ?? ''}
          .lang=${this.l10n.tr.lang}
          .theme=${this.theme ?? 'auto'}
          aria-describedby=${describedBy ?? nothing}
          @captcha-state=${this.onCaptchaState}
        ></af-captcha>
    `;
  }

  private renderOutcome(): TemplateResult {
    const o = this.outcome;
    const success = o && o.kind !== 'failed' ? o : null;
    const failure = o && o.kind === 'failed' ? o : null;
    return html`
      <div class="status success" part="status" role="status">${success ? success.text : nothing}</div>
      <div class="status failure" part="status" role="alert">${failure ? failure.text : nothing}</div>
      ${failure?.retry
        ? html`<button type="button" class="btn retry" part="button retry" ?disabled=${this.sending} @click=${this.onRetry}>
            ${this.l10n.tr.t('form.retry')}
          </button>`
        : nothing}
    `;
  }

  protected override render(): TemplateResult {
    const tr = this.l10n.tr;
    const label = this.parent ? tr.t('form.reply') : tr.t('form.submit');
    return html`
      <form
        part="form"
        novalidate
        aria-label=${tr.t('form.label')}
        @submit=${this.onSubmit}
        @focusin=${this.onFirstTouch}
        @input=${this.onFirstTouch}
      >
        ${this.draftRestored ? html`<p class="note">${tr.t('form.draftRestored')}</p>` : nothing}
        ${this.renderInput('email', 'email', 'email', tr.t('form.email'))}
        ${this.renderInput('name', 'text', 'name', tr.t('form.name'))} ${this.renderMessage()} ${this.renderRating()}
        ${this.renderCaptcha()}
        <div class="honeypot" aria-hidden="true">
          <label for="${this.uid}-website">${tr.t('form.honeypot')}</label>
          <input id="${this.uid}-website" name="website" type="text" tabindex="-1" autocomplete="off" value="" />
        </div>
        <div class="actions">
          <button
            type="submit"
            class="btn primary"
            part="button submit"
            ?disabled=${this.sending}
            aria-busy=${this.sending ? 'true' : 'false'}
          >
            ${this.sending ? html`<span class="spinner" aria-hidden="true"></span>${tr.t('form.sending')}` : label}
          </button>
        </div>
        ${this.renderOutcome()}
        <div class="visually-hidden" role="status" aria-live="polite" data-announcer>${this.announcement}</div>
      </form>
    `;
  }
}
