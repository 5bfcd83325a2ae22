import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { MESSAGE_COUNT_FROM, MESSAGE_MAX } from '../../contract/constants.js';
import { draftKey, loadDraft, loadIdentity, saveDraft } from '../../client/drafts.js';
import { resolveEndpoint, resolveThread } from '../../client/endpoint.js';
import { LocaleController } from '../../i18n/controller.js';
import type { Messages } from '../../i18n/types.js';
import { emit, type CommentErrorDetail } from '../shared/events.js';
import { tokens } from '../shared/tokens.styles.js';
import { styles } from './comment-form.styles.js';

/** The checks, the hints and the sending, loaded on the reader's first touch (./actions.ts). */
type Actions = typeof import('./actions.js');

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

export interface Values {
  email: string;
  name: string;
  message: string;
  rating: number;
}

/** What sending ended with: in the status region, or (`failed`) in the alert region with an optional "Try again". */
export interface Outcome {
  text: string;
  failed?: boolean;
  retry?: boolean;
}

/** A field's hint while it is shown (made by ./actions.ts): its id, its state class and the element. */
export interface Hint {
  id: string;
  bad: boolean;
  cls: string;
  view: TemplateResult;
}

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
    _values: { state: true },
    _touched: { state: true },
    _serverErrors: { state: true },
    _captchaError: { state: true },
    _sending: { state: true },
    _outcome: { state: true },
    _announcement: { state: true },
    _draftRestored: { state: true },
    _actions: { state: true },
    // The `lang` attribute, watched through the setter below; the element's `lang` property stays the platform's.
    _lang: { attribute: 'lang', noAccessor: true },
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

  // Internal state. Not `private`: ./actions.ts works on it (`f._values`).
  // The first four are set by _restoreDraft() when the form is connected.
  /** @internal */
  _values!: Values;
  /** @internal Fields whose hint is shown: left once by the reader, or all after a submit attempt. */
  _touched!: Set<Field>;
  /** @internal Message keys the server named in a 422, shown until the reader edits that field. */
  _serverErrors!: Partial<Record<Field, string>>;
  /** @internal */
  _draftRestored!: boolean;
  /** @internal The captcha's verdict (a message key), from the checks or the server. */
  _captchaError?: string | null;
  /** @internal */
  _sending = false;
  /** @internal */
  _outcome?: Outcome | null;
  /** @internal */
  _announcement?: string;
  /** @internal The loaded ./actions.ts; until then no field shows a hint. */
  _actions?: Actions;
  /** @internal */
  readonly _l10n = new LocaleController(this);
  /** @internal The storage key of this form's draft. */
  _drafts?: string;
  private _actionsLoad?: Promise<Actions>;
  private _captchaLoad?: Promise<unknown>;
  /** @internal Whether ./actions.ts has given this form the hints' looks. */
  _hintStyled?: boolean;
  private _countTimer?: ReturnType<typeof setTimeout>;

  /** @internal A change of the `lang` attribute picks the texts again. */
  set _lang(_value: string | null) {
    this._l10n.refresh();
    this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._restoreDraft();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('messages')) this._l10n.refresh();
    if (changed.has('thread') || changed.has('parent')) this._restoreDraft();
  }

  /** Sends what the form holds, as the submit button does (validation included). */
  submit(): Promise<void> {
    return this._send();
  }

  /** @internal */
  get _threadId(): string | null {
    return resolveThread(this);
  }

  /** @internal */
  get _apiBase(): string | null {
    return resolveEndpoint(this);
  }

  /** Loads the draft of this thread/parent, else the remembered name and email. */
  private _restoreDraft(): void {
    const key = draftKey(this._threadId ?? '', this.parent || null);
    if (key === this._drafts) return;
    this._drafts = key;
    const draft = loadDraft(key);
    const identity = loadIdentity();
    this._values = {
      email: draft?.email || identity?.email || '',
      name: draft?.name || identity?.name || '',
      message: draft?.message ?? '',
      rating: draft?.rating ?? 0,
    };
    this._draftRestored = !!draft?.message.trim();
    this._touched = new Set();
    this._serverErrors = {};
  }

  /** Shows the hint of this field. */
  private _touch(field: Field): void {
    this._touched = new Set([...this._touched, field]);
  }

  /** A reader's change of a field: kept, saved as a draft, and no longer judged by the server. */
  private _set(field: keyof Values, value: string | number): void {
    this._values = { ...this._values, [field]: value };
    this._serverErrors = { ...this._serverErrors, [field]: undefined };
    const v = this._values;
    if (this._drafts) saveDraft(this._drafts, { ...v, rating: v.rating || null });
  }

  private _onInput(e: Event): void {
    const { name, value } = e.target as HTMLInputElement;
    this._set(name as TextField, value);
    this._draftRestored = false;
    if (name === 'message') {
      clearTimeout(this._countTimer);
      this._countTimer = setTimeout(() => {
        const left = this._charsLeft;
        // Not for a form taken out of the page meanwhile.
        if (left !== null && this.isConnected) this._say(this._l10n.tr.plural('form.charsLeft', Math.max(0, left)));
      }, 700);
    }
  }

  /** Leaving a field (focusout bubbles from every control) shows its hint. */
  private _onFocusOut(e: FocusEvent): void {
    const target = e.target as Element;
    const field = target.getAttribute('name') as Field | null;
    // Moving between stars retargets to the rating itself: only leaving the group counts.
    if (!field || e.relatedTarget === target || this._touched.has(field)) return;
    // Not after a send that finished first (in WebKit a quick reply beats the timer): its reset emptied the message.
    const outcome = this._outcome;
    if (pointerDown) afterClick!.push(() => this._outcome === outcome && this._touch(field));
    else this._touch(field);
  }

  private _onRatingChange(e: CustomEvent<{ value: number }>): void {
    const value = Number(e.detail?.value ?? (e.target as HTMLInputElement).value);
    this._set('rating', Number.isFinite(value) ? value : 0);
    this._touch('rating');
  }

  /**
   * The reader's first touch loads what only an interaction needs: the checks, and the captcha
   * (started at once: the proof-of-work solves in the background). A `captcha="none"` form
   * never loads the captcha.
   */
  private _onFirstTouch(): void {
    watchPointer();
    this._load().catch(() => undefined);
  }

  /** ./actions.ts and the captcha (both loading at once); a failed load is tried again next time. */
  private _load(): Promise<[Actions, unknown]> {
    return Promise.all([
      (this._actionsLoad ??= import('./actions.js').then(
        (m) => (this._actions = m),
        (err: unknown) => {
          this._actionsLoad = undefined;
          throw err;
        },
      )),
      this.captcha === 'none' ||
        (this._captchaLoad ??= import('../af-captcha/define.js')
          .then(() => customElements.whenDefined('af-captcha'))
          .then(
            () => this.renderRoot.querySelector<CaptchaElement>('af-captcha')?.start?.(),
            (err: unknown) => {
              this._captchaLoad = undefined;
              throw err;
            },
          )),
    ]);
  }

  /** The submit button, "Try again", Ctrl+Enter and `submit()`. */
  private async _send(e?: Event): Promise<void> {
    e?.preventDefault();
    if (this._sending) return;
    this._outcome = null;
    this._sending = true;
    // Both are usually there since the first touch; a submit without them loads them now.
    const [actions] = await this._load().catch(() => []);
    this._sending = false;
    return actions ? actions.send(this) : this._fail(0, this._l10n.tr.t('form.failed'), true);
  }

  private _onKeydown(e: KeyboardEvent): void {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      (e.target as HTMLTextAreaElement).form!.requestSubmit();
    }
  }

  private get _charsLeft(): number | null {
    const length = this._values.message.normalize('NFC').trim().length;
    return length < MESSAGE_COUNT_FROM ? null : MESSAGE_MAX - length;
  }

  /** @internal Puts a sentence in the polite live region; a repeated sentence is announced again. */
  _say(text: string): void {
    this._announcement = '';
    requestAnimationFrame(() => (this._announcement = text));
  }

  /** @internal */
  async _fail(status: number, text: string, retry: boolean): Promise<void> {
    this._outcome = { text, failed: true, retry };
    await this.updateComplete;
    emit<CommentErrorDetail>(this, 'comment-error', { status, message: text });
  }

  // ---------------------------------------------------------------- rendering

  /** Email, name or message: label, control, hint (and the character count for the message). */
  private _field(field: TextField): TemplateResult {
    const h = this._actions?.hint(this, field);
    const tr = this._l10n.tr;
    const left = field === 'message' ? this._charsLeft : null;
    return html`
      <div class="field">
        <label part="label" for=${field}>${tr.t(`form.${field}`)}</label>
        ${
          field === 'message'
            ? html`<textarea
                  id=${field}
                  part="textarea"
                  class="control ${h?.cls}"
                  name=${field}
                  rows="5"
                  required
                  aria-invalid=${!!h?.bad}
                  aria-describedby=${[h?.id, left !== null && 'count'].filter(Boolean).join(' ') || nothing}
                  ?readonly=${this._sending}
                  .value=${this._values[field]}
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
                class="control ${h?.cls}"
                name=${field}
                type=${field === 'email' ? 'email' : 'text'}
                autocomplete=${field}
                spellcheck=${field !== 'email'}
                required
                aria-invalid=${!!h?.bad}
                aria-describedby=${h?.id ?? nothing}
                ?readonly=${this._sending}
                .value=${this._values[field]}
                @input=${this._onInput}
              />`
        }
        ${h?.view}
      </div>
    `;
  }

  protected override render(): TemplateResult {
    const tr = this._l10n.tr;
    const o = this._outcome;
    const rating = this._actions?.hint(this, 'rating');
    const captcha = this._actions?.hint(this, 'captcha');
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
        ${this._draftRestored ? html`<p class="note">${tr.t('form.draftRestored')}</p>` : nothing}
        ${this._field('email')} ${this._field('name')} ${this._field('message')}
        ${
          this.withRating
            ? html`<div class="field rating-field ${rating?.cls}">
                <article-rating
                  name="rating"
                  .max=${this.ratingMax}
                  .value=${this._values.rating}
                  ?required=${this.ratingRequired}
                  label=${tr.t('form.rating')}
                  lang=${this.getAttribute('lang') ?? nothing}
                  theme=${this.theme ?? nothing}
                  aria-invalid=${rating?.bad || nothing}
                  aria-describedby=${rating?.id ?? nothing}
                  @rating-change=${this._onRatingChange}
                ></article-rating>
                ${rating?.view}
              </div>`
            : nothing
        }
        ${
          this.captcha !== 'none' || captcha
            ? html`<div class="field captcha-field ${captcha?.cls}">
                ${
                  this.captcha === 'none'
                    ? nothing
                    : html`<af-captcha
                        .endpoint=${this._apiBase ?? ''}
                        .provider=${this.captcha}
                        .siteKey=${this.captchaSiteKey ?? ''}
                        .lang=${tr.lang}
                        .theme=${this.theme ?? 'auto'}
                        aria-describedby=${captcha?.id ?? nothing}
                        @captcha-state=${this._actions?.onCaptchaState}
                      ></af-captcha>`
                }
                ${captcha?.view}
              </div>`
            : nothing
        }
        <div class="honeypot" aria-hidden="true">
          <label for="website">${tr.t('form.honeypot')}</label>
          <input id="website" name="website" tabindex="-1" autocomplete="off" />
        </div>
        <button
          type="submit"
          class="btn primary"
          part="button submit"
          ?disabled=${this._sending}
          aria-busy=${this._sending}
        >
          ${
            this._sending
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
                ?disabled=${this._sending}
                @click=${this._send}
              >
                ${tr.t('form.retry')}
              </button>`
            : nothing
        }
        <div class="visually-hidden" role="status" aria-live="polite" data-announcer>${this._announcement}</div>
      </form>
    `;
  }
}
