import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { MESSAGE_COUNT_FROM, MESSAGE_MAX } from '../../contract/constants.js';
import { draftKey, loadDraft, loadIdentity, saveDraft } from '../../client/drafts.js';
import { resolveEndpoint, resolveThread } from '../../client/endpoint.js';
import type { Translator } from '../../i18n/index.js';
import { emit, type CommentErrorDetail } from '../shared/events.js';
import { FeedbackElement } from '../shared/feedback-element.js';
import { onDemand } from '../shared/on-demand.js';
import { tokens } from '../shared/tokens.styles.js';
import { styles } from './comment-form.styles.js';

/** The client-side checks and the hints under the fields: loaded on the reader's first touch. */
const loadChecks = onDemand(() => import('./lazy/checks.js'));
/** The submit, the server's answer and its errors: loaded on the first touch too, awaited by a submit. */
const loadSending = onDemand(() => import('./lazy/sending.js'));
/**
 * "Email me when someone replies" (#16, offered when the server sends email), Preview and the
 * formatting help (#18): loaded on the first touch too.
 */
const loadExtraControls = onDemand(() => import('./lazy/extra-controls.js'));
/** The `<af-captcha>` element (proof-of-work or a provider's checkbox): loaded on the first touch. */
const loadCaptcha = onDemand(() => import('./lazy/captcha.js'));

/**
 * Fetches the checks (the hints under the fields, and what they import) once a form is on screen
 * (#24), so that the reader's first hint waits for no network: a reader who scrolls down to the
 * form is likely to write, and one who never reaches a form downloads nothing more. The sending
 * still loads at the first touch (a submit comes later), and the captcha starts there. Each form
 * watches itself; the module loads once per page.
 */
function warmWhenSeen(form: Element): void {
  new IntersectionObserver(([entry], seen) => {
    if (!entry!.isIntersecting) return;
    seen.disconnect();
    // Observations are delivered after a frame is painted: the form is on screen by now.
    loadChecks().catch(Boolean);
  }).observe(form);
}

/*
 * A hint that appears when a field is left pushes everything below it down. When the field is
 * left by pressing the mouse on the submit button (or any button below), the button would move
 * away between mousedown and mouseup and the click would be lost. So while a pointer is down,
 * leaving a field only queues its hint; it shows once the click has happened. One watcher for
 * every form on the page, started by the first touch of one (a field can only be left after
 * it was focused, which is a touch).
 */
let pointerDown = false;
let afterClick: (() => void)[] | undefined;

function watchPointer(): void {
  if (afterClick) return;
  afterClick = [];
  const onPointer = (e: Event): void => {
    if (e.type === 'pointerdown') pointerDown = true;
    // After the click that follows this pointerup (same task), not before it.
    else if (pointerDown)
      setTimeout(() => {
        pointerDown = false;
        for (const show of afterClick!.splice(0)) show();
      });
  };
  for (const type of ['pointerdown', 'pointerup', 'pointercancel']) document.addEventListener(type, onPointer, true);
}

/** The reader's text fields. */
export type TextField = 'email' | 'name' | 'message';
/** The fields that carry an inline hint. */
export type Field = TextField | 'rating' | 'captcha';

/** The part of `<af-captcha>` the form relies on; every member is optional so the form works without it. */
export interface CaptchaElement extends HTMLElement {
  start?: () => void;
  token?: () => Promise<string | null>;
  reset?: () => void;
  readonly active?: boolean;
  readonly requiredKey?: string;
  readonly captchaState?: string;
}

/** What the reader has typed, and the rating picked (0 = none). */
export interface FormValues {
  email: string;
  name: string;
  message: string;
  rating: number;
}

/** What sending ended with: in the status region, or (`failed`) in the alert region with an optional "Try again". */
export interface SendOutcome {
  text: string;
  failed?: boolean;
  retry?: boolean;
}

/** Everything the form shows besides its settings. Replaced as a whole on each change, which re-renders. */
export interface FormState {
  values: FormValues;
  /** Fields whose hint is shown: left once by the reader, or all after a submit attempt. */
  touched: ReadonlySet<Field>;
  /** Message keys the server named in a 422, shown until the reader edits that field. */
  serverErrors: Partial<Record<Field, string>>;
  /** The captcha's verdict (a message key), from the checks or the server. */
  captchaError: string | null;
  sending: boolean;
  outcome: SendOutcome | null;
  /** The sentence in the polite live region. */
  announcement: string;
  /** A draft was restored and not edited yet: says so above the fields. */
  draftRestored: boolean;
  /** The server sends email: the form offers "Email me when someone replies" (#16). */
  mailOption: boolean;
  /** The reader ticked it (never by default). */
  notify: boolean;
}

/**
 * What the on-demand modules (./lazy/checks.ts, ./lazy/sending.ts) may read and do of their
 * form. Its public settings (`withRating`, `captcha`, `parent`, …), its shadow root and its
 * events go through `element`; its state only through `state` and `update`.
 */
export interface FormHost {
  readonly element: CommentForm;
  readonly translator: Translator;
  readonly state: Readonly<FormState>;
  /** Changes the state and re-renders; resolves once rendered. */
  update(changes: Partial<FormState>): Promise<unknown>;
  /** The storage key of this form's draft. */
  readonly draftKey: string | undefined;
  /** Puts a sentence in the polite live region; a repeated sentence is announced again. */
  say(text: string): void;
  /** Shows a failure in the alert region (with "Try again" when `retry`) and fires `comment-error`. */
  fail(status: number, text: string, retry: boolean): Promise<void>;
}

/** A field's hint while it is shown (made by ./lazy/checks.ts): its id, its state and the element. */
export interface Hint {
  id: string;
  invalid: boolean;
  /** `is-valid` or `is-invalid`, for the field's box. */
  className: string;
  template: TemplateResult;
}

/**
 * A comment form: email, name and message with inline validation ("Please enter your name." /
 * "Looks good!"), an optional star rating, the captcha, a honeypot, and a submit that never
 * loses a word (drafts in `localStorage`, retries with the same `Idempotency-Key`).
 *
 * @summary Write a comment (or a reply, with `parent`).
 *
 * @attr parent - Id of the comment this form replies to; the button then says "Post reply".
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
export class CommentForm extends FeedbackElement {
  static override properties: PropertyDeclarations = {
    parent: {},
    captcha: {},
    captchaSiteKey: { attribute: 'captcha-site-key' },
    withRating: { type: Boolean, attribute: 'with-rating' },
    ratingRequired: { type: Boolean, attribute: 'rating-required' },
    ratingMax: { type: Number, attribute: 'rating-max' },
    _state: { state: true },
    _checks: { state: true },
  };
  static override styles = [tokens, styles];

  /** Id of the comment this form replies to. */
  declare parent?: string;
  /** Captcha provider: `auto` asks the server (`GET /captcha`). */
  captcha = 'auto';
  declare captchaSiteKey?: string;
  withRating = false;
  ratingRequired = false;
  ratingMax = 5;

  /** @internal What the form shows (see FormState); its draft part is set by `_restoreDraft()` on connect. */
  private _state: FormState = {
    values: { email: '', name: '', message: '', rating: 0 },
    touched: new Set(),
    serverErrors: {},
    captchaError: null,
    sending: false,
    outcome: null,
    announcement: '',
    draftRestored: false,
    mailOption: false,
    notify: false,
  };
  /** @internal ./lazy/checks.ts once loaded; until then no field shows a hint. */
  private _checks?: typeof import('./lazy/checks.js');
  /** @internal ./lazy/extra-controls.ts once loaded. */
  private _extraControls?: typeof import('./lazy/extra-controls.js');
  /** @internal The storage key of this form's draft. */
  private _draftKey?: string;
  /** @internal */
  private _countTimer?: ReturnType<typeof setTimeout>;
  /** @internal The captcha's loading and start (see `_startCaptcha`). */
  private _captchaStart?: Promise<unknown>;
  /** @internal The on-demand modules' view of this form. */
  private readonly _host: FormHost = this._createHost();

  override connectedCallback(): void {
    super.connectedCallback();
    this._restoreDraft();
    warmWhenSeen(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('thread') || changed.has('parent')) this._restoreDraft();
  }

  /** Sends what the form holds, as the submit button does (validation included). */
  submit(): Promise<void> {
    return this._send();
  }

  /** @internal */
  private _createHost(): FormHost {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the getters below read the form, not the host object
    const form = this;
    return {
      element: form,
      get translator() {
        return form._locale.tr;
      },
      get state() {
        return form._state;
      },
      get draftKey() {
        return form._draftKey;
      },
      update: (changes) => {
        form._update(changes);
        return form.updateComplete;
      },
      say: (text) => form._say(text),
      fail: (status, text, retry) => form._fail(status, text, retry),
    };
  }

  /** @internal */
  private _update(changes: Partial<FormState>): void {
    this._state = { ...this._state, ...changes };
  }

  /** @internal Loads the draft of this thread/parent, else the remembered name and email. */
  private _restoreDraft(): void {
    const key = draftKey(resolveThread(this) ?? '', this.parent || null);
    if (key === this._draftKey) return;
    this._draftKey = key;
    const draft = loadDraft(key);
    const identity = loadIdentity();
    this._update({
      values: {
        email: draft?.email || identity?.email || '',
        name: draft?.name || identity?.name || '',
        message: draft?.message ?? '',
        rating: draft?.rating ?? 0,
      },
      draftRestored: !!draft?.message.trim(),
      touched: new Set(),
      serverErrors: {},
    });
  }

  /** @internal Shows the hint of this field. */
  private _touch(field: Field): void {
    this._update({ touched: new Set([...this._state.touched, field]) });
  }

  /** @internal A reader's change of a field: kept, saved as a draft, and no longer judged by the server. */
  private _set(field: keyof FormValues, value: string | number): void {
    const values = { ...this._state.values, [field]: value };
    this._update({ values, serverErrors: { ...this._state.serverErrors, [field]: undefined } });
    if (this._draftKey) saveDraft(this._draftKey, { ...values, rating: values.rating || null });
  }

  /** @internal */
  private _onInput(e: Event): void {
    const { name, value } = e.target as HTMLInputElement;
    this._set(name as TextField, value);
    this._update({ draftRestored: false });
    if (name === 'message') {
      clearTimeout(this._countTimer);
      this._countTimer = setTimeout(() => {
        const left = this._charsLeft;
        // Not for a form taken out of the page meanwhile.
        if (left !== null && this.isConnected) this._say(this._locale.tr.plural('form.charsLeft', Math.max(0, left)));
      }, 700);
    }
  }

  /** @internal Leaving a field (focusout bubbles from every control) shows its hint. */
  private _onFocusOut(e: FocusEvent): void {
    const target = e.target as Element;
    const field = target.getAttribute('name') as Field | null;
    // Moving between stars retargets to the rating itself: only leaving the group counts.
    if (!field || e.relatedTarget === target || this._state.touched.has(field)) return;
    // Not after a send that finished first (in WebKit a quick reply beats the timer): its reset emptied the message.
    const outcome = this._state.outcome;
    if (pointerDown) afterClick!.push(() => this._state.outcome === outcome && this._touch(field));
    else this._touch(field);
  }

  /** @internal */
  private _onRatingChange(e: CustomEvent<{ value: number }>): void {
    const value = Number(e.detail?.value ?? (e.target as HTMLInputElement).value);
    this._set('rating', Number.isFinite(value) ? value : 0);
    this._touch('rating');
  }

  /** @internal */
  private _onCaptchaState(): void {
    void this._checks?.captchaStateChanged(this._host);
  }

  /**
   * The reader's first touch loads what only an interaction needs: the checks, the sending,
   * and the captcha (started at once: the proof-of-work solves in the background). A
   * `captcha="none"` form never loads the captcha.
   * @internal
   */
  private _onFirstTouch(): void {
    watchPointer();
    this._load().catch(() => undefined);
    loadExtraControls().then((extra) => {
      this._extraControls = extra;
      this.requestUpdate();
      // Not awaited by a submit: a comment is never held up by this question.
      void extra.offer(this._host);
    }, Boolean);
  }

  /** @internal The on-demand modules, loading at once; a failed load is tried again next time. */
  private _load(): Promise<[typeof import('./lazy/sending.js'), unknown, unknown]> {
    return Promise.all([
      loadSending(),
      loadChecks().then((checks) => (this._checks = checks)),
      this.captcha === 'none' || this._startCaptcha(),
    ]);
  }

  /** @internal Loads the captcha and starts it, once per form (again after a failed load). */
  private _startCaptcha(): Promise<unknown> {
    return (this._captchaStart ??= loadCaptcha()
      .then(() => customElements.whenDefined('af-captcha'))
      .then(
        () => this.renderRoot.querySelector<CaptchaElement>('af-captcha')?.start?.(),
        (err: unknown) => {
          this._captchaStart = undefined;
          throw err;
        },
      ));
  }

  /** @internal The submit button, "Try again", Ctrl+Enter and `submit()`. */
  private async _send(e?: Event): Promise<void> {
    e?.preventDefault();
    if (this._state.sending) return;
    this._update({ outcome: null, sending: true });
    // Usually there since the first touch; a submit without them loads them now.
    const [sending] = await this._load().catch(() => []);
    this._update({ sending: false });
    return sending ? sending.send(this._host) : this._fail(0, this._locale.tr.t('form.failed'), true);
  }

  /** @internal */
  private _onKeydown(e: KeyboardEvent): void {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      (e.target as HTMLTextAreaElement).form!.requestSubmit();
    }
  }

  /** @internal */
  private get _charsLeft(): number | null {
    const length = this._state.values.message.normalize('NFC').trim().length;
    return length < MESSAGE_COUNT_FROM ? null : MESSAGE_MAX - length;
  }

  /** @internal */
  private _say(text: string): void {
    this._update({ announcement: '' });
    requestAnimationFrame(() => this._update({ announcement: text }));
  }

  /** @internal */
  private async _fail(status: number, text: string, retry: boolean): Promise<void> {
    this._update({ outcome: { text, failed: true, retry } });
    await this.updateComplete;
    emit<CommentErrorDetail>(this, 'comment-error', { status, message: text });
  }

  // ---------------------------------------------------------------- rendering

  /** @internal Email, name or message: label, control, hint (and the character count for the message). */
  private _field(field: TextField): TemplateResult {
    const h = this._checks?.hint(this._host, field);
    const tr = this._locale.tr;
    const left = field === 'message' ? this._charsLeft : null;
    return html`
      <div class="field">
        <label part="label" for=${field}>${tr.t(`form.${field}`)}</label>
        ${
          field === 'message'
            ? html`<textarea
                  id=${field}
                  part="textarea"
                  class="control ${h?.className}"
                  name=${field}
                  rows="5"
                  required
                  aria-invalid=${!!h?.invalid}
                  aria-describedby=${[h?.id, left !== null && 'count'].filter(Boolean).join(' ') || nothing}
                  ?readonly=${this._state.sending}
                  .value=${this._state.values[field]}
                  @input=${this._onInput}
                  @keydown=${this._onKeydown}
                ></textarea>
                ${
                  left === null
                    ? nothing
                    : html`<div id="count" class="count ${left < 0 ? 'over' : ''}" part="count">
                        ${tr.plural('form.charsLeft', Math.max(0, left))}
                      </div>`
                }`
            : html`<input
                id=${field}
                part="input"
                class="control ${h?.className}"
                name=${field}
                type=${field === 'email' ? 'email' : 'text'}
                autocomplete=${field}
                spellcheck=${field !== 'email'}
                required
                aria-invalid=${!!h?.invalid}
                aria-describedby=${h?.id ?? nothing}
                ?readonly=${this._state.sending}
                .value=${this._state.values[field]}
                @input=${this._onInput}
              />`
        }
        ${h?.template}
      </div>
    `;
  }

  protected override render(): TemplateResult {
    const tr = this._locale.tr;
    const o = this._state.outcome;
    const rating = this._checks?.hint(this._host, 'rating');
    const captcha = this._checks?.hint(this._host, 'captcha');
    return html`
      <form
        part="form"
        novalidate
        aria-label=${tr.t('form.label')}
        @submit=${this._send}
        @focusin=${this._onFirstTouch}
        @input=${this._onFirstTouch}
        @focusout=${this._onFocusOut}
      >
        ${this._state.draftRestored ? html`<p class="note">${tr.t('form.draftRestored')}</p>` : nothing}
        ${this._field('email')} ${this._field('name')} ${this._field('message')}
        ${this._extraControls?.controls(this._host)}
        ${
          this.withRating
            ? html`<div class="field rating-field ${rating?.className}">
                <article-rating
                  name="rating"
                  .max=${this.ratingMax}
                  .value=${this._state.values.rating}
                  ?required=${this.ratingRequired}
                  label=${tr.t('form.rating')}
                  lang=${this.lang || nothing}
                  theme=${this.theme ?? nothing}
                  aria-invalid=${rating?.invalid || nothing}
                  aria-describedby=${rating?.id ?? nothing}
                  @rating-change=${this._onRatingChange}
                ></article-rating>
                ${rating?.template}
              </div>`
            : nothing
        }
        ${this._extraControls?.field(this._host)}
        ${
          this.captcha !== 'none' || captcha
            ? html`<div class="field captcha-field ${captcha?.className}">
                ${
                  this.captcha === 'none'
                    ? nothing
                    : html`<af-captcha
                        .endpoint=${resolveEndpoint(this) ?? ''}
                        .provider=${this.captcha}
                        .siteKey=${this.captchaSiteKey ?? ''}
                        .lang=${tr.lang}
                        .theme=${this.theme ?? 'auto'}
                        aria-describedby=${captcha?.id ?? nothing}
                        @captcha-state=${this._onCaptchaState}
                      ></af-captcha>`
                }
                ${captcha?.template}
              </div>`
            : nothing
        }
        <!-- The trap for bots: hidden from people and from assistive technology. Clipped to
             nothing (visually-hidden) rather than pushed off-screen: an offset widens the page
             (sideways scroll) whenever the page and the block run in different directions.
             A control's font (inherited), not the browser's own for inputs: one font less to
             look up before the form's first frame (#24). -->
        <div class="honeypot visually-hidden" aria-hidden="true">
          <label for="website">${tr.t('form.honeypot')}</label>
          <input id="website" class="control" name="website" tabindex="-1" autocomplete="off" />
        </div>
        <button
          type="submit"
          class="btn primary"
          part="button submit"
          ?disabled=${this._state.sending}
          aria-busy=${this._state.sending}
        >
          ${
            this._state.sending
              ? html`<span class="spinner" aria-hidden="true"></span>${tr.t('form.sending')}`
              : tr.t(this.parent ? 'form.reply' : 'form.submit')
          }
        </button>
        <div class="status success" part="status" role="status">${o?.failed ? nothing : o?.text}</div>
        <div class="status failure" part="status" role="alert">${o?.failed ? o.text : nothing}</div>
        ${
          o?.retry
            ? html`<button
                type="button"
                class="btn retry"
                part="button retry"
                ?disabled=${this._state.sending}
                @click=${this._send}
              >
                ${tr.t('form.retry')}
              </button>`
            : nothing
        }
        <div class="visually-hidden" role="status" aria-live="polite" data-announcer>${this._state.announcement}</div>
      </form>
    `;
  }
}
