// What <comment-form> needs only once the reader has touched it: the client-side checks
// (zod/mini, the same schemas the server validates with), the hints under the fields, and
// sending (the submit, the answer, the errors). Loaded on the first focus or input, and
// awaited by a submit, so it stays out of the file every page downloads. Functions of the
// form: they work on its internal `_members`.
import { adoptStyles, html } from 'lit';
import { ApiError } from '../../client/api.js';
import { postComment } from '../../client/api-actions.js';
import { clearDraft, idempotencyKey, saveIdentity } from '../../client/sent.js';
import { pendingComments } from '../../client/pending.js';
import { voterId } from '../../client/voter.js';
import { emailSchema, messageSchema, nameSchema } from '../../contract/fields.js';
import { isFieldErrorKey } from '../../contract/keys.js';
import { LIMITS } from '../../contract/limits.js';
import type { PublicComment, CommentInputRaw } from '../../contract/schemas.js';
import type { MessageKey } from '../../i18n/types.js';
import { enLater } from '../../i18n/en-later.js';
import { addEnglish } from '../../i18n/index.js';
import {
  emit,
  type CommentErrorDetail,
  type CommentSubmitDetail,
  type CommentSubmittedDetail,
} from '../shared/events.js';
import type { CaptchaElement, CommentForm, Field, Hint, TextField } from './comment-form.js';
import { hintStyles } from './hint.styles.js';

// The English this chunk shows (field checks, server answers, captcha, vote results).
addEnglish(enLater);

type Form = CommentForm;

/** The fields that carry an inline hint, in the order a reader meets them. */
const FIELDS: readonly Field[] = ['email', 'name', 'message', 'rating', 'captcha'];
const schemas = { email: emailSchema, name: nameSchema, message: messageSchema };

const captchaEl = (f: Form): CaptchaElement | null => f.renderRoot.querySelector('af-captcha');
const ratingAvailable = (f: Form): boolean => f.withRating && !!customElements.get('article-rating');

function captchaActive(f: Form): boolean {
  const el = captchaEl(f);
  return f.captcha !== 'none' && !!el && el.active !== false;
}

/** The message key of a field's verdict (the server's, else the client-side check's), or null when it passes. */
function errorKey(f: Form, field: Field): string | null {
  const v = f._values;
  const server = f._serverErrors[field];
  if (server) return server;
  if (field === 'captcha') return f._captchaError || null;
  if (field !== 'rating') {
    const r = schemas[field].safeParse(v[field]);
    return r.success ? null : (r.error.issues[0]?.message ?? 'field.invalid');
  }
  if (!ratingAvailable(f)) return null;
  if (!v.rating) return f.ratingRequired ? 'rating.required' : null;
  return Number.isInteger(v.rating) && v.rating >= 1 && v.rating <= f.ratingMax ? null : 'rating.range';
}

/** A field is there to be checked (a server's captcha verdict shows even without a captcha element). */
function hasField(f: Form, field: Field): boolean {
  if (field === 'rating') return ratingAvailable(f);
  return field !== 'captcha' || f.captcha !== 'none' || !!f._captchaError;
}

/** The text of a message key (an unknown key says "This value is not valid."). */
function text(f: Form, key: string): string {
  const tr = f._l10n.tr;
  const k: MessageKey = tr.has(key) ? key : 'field.invalid';
  const [field, rule] = k.split('.');
  const max = rule === 'tooLong' ? LIMITS[`${field}Max` as 'nameMax'] : undefined;
  return tr.t(k, { max: max ?? f.ratingMax });
}

/** The hint under a field once it is shown; the rating's only with something to say, the captcha's only an error. */
export function hint(f: Form, field: Field): Hint | undefined {
  // The first time: the form's styles and then the hints' looks (./hint.styles.ts), as Lit adopts styles.
  if (!f._hintStyled) {
    f._hintStyled = true;
    adoptStyles(f.renderRoot as ShadowRoot, [...(f.constructor as typeof CommentForm).elementStyles, hintStyles]);
  }
  if (!f._touched.has(field)) return undefined;
  const key = errorKey(f, field);
  if (
    field === 'rating'
      ? !(ratingAvailable(f) && (f.ratingRequired || f._values.rating > 0 || key))
      : field === 'captcha' && !key
  )
    return undefined;
  const id = `${field}-hint`;
  const bad = !!key;
  const state = bad ? 'invalid' : 'valid';
  return {
    id,
    bad,
    cls: `is-${state}`,
    view: html`<div id=${id} class="feedback ${state}" part="feedback ${state}-feedback">
      ${key ? text(f, key) : f._l10n.tr.t('form.valid')}
    </div>`,
  };
}

/** The form's `captcha-state` listener (Lit calls it with the form as `this`). */
export async function onCaptchaState(this: Form): Promise<void> {
  if (this._captchaError && (await quickToken(this))) this._captchaError = null;
}

/** The captcha token if it is there at once; `undefined` while it is still being worked out. */
async function quickToken(f: Form): Promise<string | null | undefined> {
  const el = captchaEl(f);
  return el?.token && Promise.race([el.token(), new Promise<undefined>((r) => setTimeout(r, 100))]);
}

const visibleFields = (f: Form): Field[] => FIELDS.filter((x) => hasField(f, x));
const invalidFields = (f: Form): Field[] => visibleFields(f).filter((x) => errorKey(f, x));

/** Every hint shown, the first invalid field focused, the number of them announced. */
async function failValidation(f: Form): Promise<void> {
  const invalid = invalidFields(f);
  f._touched = new Set(visibleFields(f));
  await f.updateComplete;
  // A field by its name; the captcha (no name) is the last control, after every named one.
  if (invalid[0]) f.renderRoot.querySelector<HTMLElement>(`[name=${invalid[0]}],af-captcha`)?.focus();
  f._say(f._l10n.tr.plural('form.invalidCount', invalid.length));
}

/** The captcha could not be set up (config request or provider script failed). */
const captchaBroken = (f: Form): boolean => captchaActive(f) && captchaEl(f)?.captchaState === 'unavailable';

const captchaRequiredKey = (f: Form): string => captchaEl(f)?.requiredKey ?? 'captcha.requiredOther';

/** The submit, once the form has loaded this module and the captcha (see CommentForm#_send). */
export async function send(f: Form): Promise<void> {
  const tr = f._l10n.tr;
  // Everything the reader can see gets its hint from now on.
  f._touched = new Set(visibleFields(f));

  if (invalidFields(f).some((x) => x !== 'captcha')) {
    // Also flag a captcha that is clearly not done (an unticked checkbox), without waiting
    // for a proof-of-work that is still being solved.
    if (captchaActive(f)) {
      const token = await quickToken(f);
      if (token === null && captchaActive(f) && !captchaBroken(f)) f._captchaError = captchaRequiredKey(f);
      else if (token) f._captchaError = null;
    }
    return failValidation(f);
  }

  f._sending = true;
  try {
    let captcha: string | undefined;
    const el = captchaEl(f);
    if (captchaActive(f) && el?.token) {
      const token = await el.token();
      // The captcha could not be loaded (e.g. `GET /captcha` failed): nothing the reader can
      // tick would help; the comment could not be sent, the words stay, "Try again" retries.
      if (!token && captchaBroken(f)) {
        f._captchaError = null;
        return await f._fail(0, tr.t('form.failed'), true);
      }
      // With `auto`, the server may answer that there is no captcha: a null then means "none".
      if (!token && captchaActive(f)) {
        f._captchaError = captchaRequiredKey(f);
        f._sending = false;
        return await failValidation(f);
      }
      f._captchaError = null;
      captcha = token || undefined;
    }

    const v = f._values;
    const clean = (field: TextField): string => {
      const r = schemas[field].safeParse(v[field]);
      return r.success ? r.data : v[field];
    };
    const body: CommentInputRaw = { name: clean('name'), email: clean('email'), message: clean('message') };
    if (ratingAvailable(f) && v.rating > 0) {
      body.rating = v.rating;
      body.voter = voterId();
    }
    if (f.parent) body.parent = f.parent;
    if (captcha) body.captcha = captcha;
    body.website = f.renderRoot.querySelector<HTMLInputElement>('[name=website]')?.value ?? '';

    const thread = f._threadId;
    if (!emit<CommentSubmitDetail>(f, 'comment-submit', { ...body, thread: thread ?? '' }, true)) return;

    const base = f._apiBase;
    if (!base || !thread) return await f._fail(0, tr.t('form.failed'), true);
    // The key depends on the words only, not on the captcha token, so a retry of the same
    // text after a failure carries the same key even when the captcha was solved anew.
    const { captcha: _token, ...words } = body;
    const key = f._drafts ? idempotencyKey(f._drafts, words) : `af-${Date.now()}`;
    try {
      const result = await postComment(base, thread, body, key);
      await succeed(f, thread, result.status, result.comment);
    } catch (err) {
      await handleError(f, err);
    }
  } finally {
    f._sending = false;
  }
}

async function succeed(f: Form, thread: string, httpStatus: 201 | 202, comment: PublicComment): Promise<void> {
  const status = httpStatus === 202 ? 'pending' : 'published';
  const { name, email } = f._values;
  saveIdentity(name.trim(), email.trim());
  if (f._drafts) clearDraft(f._drafts);
  if (status === 'pending') pendingComments.add(thread, comment);
  f._values = { ...f._values, message: '', rating: 0 };
  f._touched = new Set();
  f._serverErrors = {};
  f._captchaError = null;
  f._draftRestored = false;
  // A fresh challenge for the next comment (a used proof-of-work is refused by the server).
  if (captchaActive(f)) captchaEl(f)?.reset?.();
  f._outcome = { text: f._l10n.tr.t(`form.${status}`) };
  await f.updateComplete;
  emit<CommentSubmittedDetail>(f, 'comment-submitted', { comment, status });
}

async function handleError(f: Form, err: unknown): Promise<void> {
  const tr = f._l10n.tr;
  if (!(err instanceof ApiError)) return f._fail(0, tr.t('form.failed'), true);
  const { status, fields } = err;
  if (fields.captcha) {
    f._captchaError = isFieldErrorKey(fields.captcha) ? fields.captcha : 'captcha.invalid';
    captchaEl(f)?.reset?.();
  }
  if (status === 429) return f._fail(status, tr.plural('form.rateLimited', err.retryAfter ?? 60), false);
  if (status >= 500) return f._fail(status, tr.t('form.failed'), true);
  if (status !== 422 && !(status === 403 && fields.captcha)) return f._fail(status, tr.t('form.rejected'), false);

  const onFields: Partial<Record<Field, string>> = {};
  const elsewhere: string[] = [];
  for (const [field, key] of Object.entries(fields)) {
    const known = isFieldErrorKey(key) ? key : 'field.invalid';
    if (field === 'captcha') continue;
    if (FIELDS.includes(field as Field) && hasField(f, field as Field)) onFields[field as Field] = known;
    else elsewhere.push(text(f, known));
  }
  f._serverErrors = onFields;
  const shown = invalidFields(f).length;
  const message = elsewhere.length ? elsewhere.join(' ') : shown ? err.message : tr.t('form.rejected');
  // Nothing to point at on a field: the alert says it all, as for any other refusal.
  if (!shown) return f._fail(status, message, false);
  if (elsewhere.length) f._outcome = { text: message, failed: true };
  await failValidation(f);
  emit<CommentErrorDetail>(f, 'comment-error', { status, message });
}
