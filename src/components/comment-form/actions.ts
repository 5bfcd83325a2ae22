// What <comment-form> needs only once the reader has touched it: the client-side checks
// (zod/mini, the same schemas the server validates with) and sending (the submit, the answer,
// the errors). Loaded on the first focus or input, and awaited by a submit, so it stays out of
// the file every page downloads. Functions of the form: they use its private members through
// `f['name']`, which TypeScript types and allows for exactly this.
import { ApiClient, ApiError } from '../../client/api.js';
import { identityStore } from '../../client/drafts.js';
import { pendingComments } from '../../client/pending.js';
import { voterId } from '../../client/voter.js';
import { emailSchema, messageSchema, nameSchema } from '../../contract/fields.js';
import { isFieldErrorKey } from '../../contract/keys.js';
import type { Comment, CommentInputRaw } from '../../contract/schemas.js';
import { emit, type CommentErrorDetail, type CommentSubmitDetail, type CommentSubmittedDetail } from '../shared/events.js';
import { EMPTY, FIELD_ORDER, type CommentForm, type Field, type TextField } from './comment-form.js';

const schemas = { email: emailSchema, name: nameSchema, message: messageSchema };

/** The parsed (trimmed, NFC) value, or the message key of the first failed check. */
export function check(field: TextField, value: string): { ok: true; value: string } | { ok: false; key: string } {
  const r = schemas[field].safeParse(value);
  return r.success ? { ok: true, value: r.data } : { ok: false, key: r.error.issues[0]?.message ?? 'field.invalid' };
}

export async function onCaptchaState(f: CommentForm): Promise<void> {
  if (!f['captchaError']) return;
  const token = await quickToken(f);
  if (typeof token === 'string' && token) {
    f['captchaError'] = null;
    f['clearServerError']('captcha');
  }
}

/** The captcha token if it is there at once; `undefined` while it is still being worked out. */
async function quickToken(f: CommentForm): Promise<string | null | undefined> {
  const el = f['captchaEl'];
  if (!el?.token) return undefined;
  return Promise.race([el.token(), new Promise<undefined>((r) => setTimeout(() => r(undefined), 100))]);
}

function visibleFields(f: CommentForm): Field[] {
  return FIELD_ORDER.filter((x) => f['hasField'](x));
}

function invalidFields(f: CommentForm): Field[] {
  return visibleFields(f).filter((x) => f['errorKey'](x) !== null);
}

async function failValidation(f: CommentForm): Promise<void> {
  const invalid = invalidFields(f);
  f['touched'] = new Set(visibleFields(f));
  await f.updateComplete;
  const first = invalid[0];
  if (first) focusField(f, first);
  f['say'](f['l10n'].tr.plural('form.invalidCount', invalid.length));
}

function focusField(f: CommentForm, field: Field): void {
  const target = f.renderRoot.querySelector<HTMLElement>(`[data-field="${field}"]`);
  target?.focus();
}

/** The submit, once the form has loaded this module and the captcha (see CommentForm#send). */
export async function send(f: CommentForm): Promise<void> {
  // Everything the reader can see gets its hint from now on.
  f['touched'] = new Set(visibleFields(f));

  const fieldsInvalid = invalidFields(f).some((x) => x !== 'captcha');
  if (fieldsInvalid) {
    // Also flag a captcha that is clearly not done (an unticked checkbox), without waiting
    // for a proof-of-work that is still being solved.
    if (f['captchaActive']) {
      const token = await quickToken(f);
      if (token === null && f['captchaActive'] && !captchaBroken(f)) f['captchaError'] = captchaRequiredKey(f);
      else if (token) f['captchaError'] = null;
    }
    await failValidation(f);
    return;
  }

  f['sending'] = true;
  try {
    let captchaToken: string | undefined;
    if (f['captchaActive'] && f['captchaEl']?.token) {
      const token = await f['captchaEl'].token();
      // The captcha could not be loaded (e.g. `GET /captcha` failed): nothing the reader can
      // tick would help; the comment could not be sent, the words stay, "Try again" retries.
      if (!token && captchaBroken(f)) {
        f['captchaError'] = null;
        await f['showFailure'](0, f['l10n'].tr.t('form.failed'), true);
        return;
      }
      // With `auto`, the server may answer that there is no captcha: a null then means "none".
      if (!token && f['captchaActive']) {
        f['captchaError'] = captchaRequiredKey(f);
        f['sending'] = false;
        await failValidation(f);
        return;
      }
      f['captchaError'] = null;
      captchaToken = token || undefined;
    }

    const thread = f['threadId'];
    const body = payload(f, captchaToken);
    const detail: CommentSubmitDetail = { ...body, thread: thread ?? '' };
    if (!emit(f, 'comment-submit', detail, true)) return;

    const base = f['apiBase'];
    if (!base || !thread) {
      await f['showFailure'](0, f['l10n'].tr.t('form.failed'), true);
      return;
    }
    // The key depends on the words only, not on the captcha token, so a retry of the same
    // text after a failure carries the same key even when the captcha was solved anew.
    const { captcha: _token, ...text } = body;
    const key = f['drafts']?.idempotencyKey(text) ?? `af-${Date.now()}`;
    try {
      const result = await new ApiClient(base).postComment(thread, body, key);
      await succeed(f, thread, result.status, result.comment);
    } catch (err) {
      await handleError(f, err);
    }
  } finally {
    f['sending'] = false;
  }
}

/** The captcha could not be set up (config request or provider script failed). */
function captchaBroken(f: CommentForm): boolean {
  return f['captchaActive'] && f['captchaEl']?.captchaState === 'unavailable';
}

function captchaRequiredKey(f: CommentForm): string {
  return f['captchaEl']?.requiredKey ?? 'captcha.requiredOther';
}

function payload(f: CommentForm, captchaToken: string | undefined): CommentInputRaw {
  const clean = (field: TextField): string => {
    const r = check(field, f['values'][field]);
    return r?.ok ? r.value : f['values'][field];
  };
  const payload: CommentInputRaw = { name: clean('name'), email: clean('email'), message: clean('message') };
  if (f['ratingAvailable'] && f['values'].rating > 0) {
    payload.rating = f['values'].rating;
    payload.voter = voterId();
  }
  if (f.parent) payload.parent = f.parent;
  if (captchaToken) payload.captcha = captchaToken;
  payload.website = f.renderRoot.querySelector<HTMLInputElement>('input[name="website"]')?.value ?? '';
  return payload;
}

async function succeed(f: CommentForm, thread: string, httpStatus: 201 | 202, comment: Comment): Promise<void> {
  const status = httpStatus === 202 ? 'pending' : 'published';
  const { name, email } = f['values'];
  identityStore.save(name.trim(), email.trim());
  f['drafts']?.clear();
  if (status === 'pending') pendingComments.add(thread, comment);
  f['values'] = { ...EMPTY, name, email };
  f['touched'] = new Set();
  f['serverErrors'] = {};
  f['captchaError'] = null;
  f['draftRestored'] = false;
  // A fresh challenge for the next comment (a used proof-of-work is refused by the server).
  if (f['captchaActive']) f['captchaEl']?.reset?.();
  f['outcome'] = { kind: status, text: f['l10n'].tr.t(status === 'pending' ? 'form.pending' : 'form.published') };
  await f.updateComplete;
  emit<CommentSubmittedDetail>(f, 'comment-submitted', { comment, status });
}

async function handleError(f: CommentForm, err: unknown): Promise<void> {
  const tr = f['l10n'].tr;
  if (!(err instanceof ApiError)) {
    await f['showFailure'](0, tr.t('form.failed'), true);
    return;
  }
  const { status } = err;
  const fields = err.fields;
  if (fields.captcha) {
    f['captchaError'] = isFieldErrorKey(fields.captcha) ? fields.captcha : 'captcha.invalid';
    f['captchaEl']?.reset?.();
  }
  if (status === 429) {
    const seconds = err.retryAfter ?? 60;
    await f['showFailure'](status, tr.plural('form.rateLimited', seconds), false);
    return;
  }
  if (status >= 500) {
    await f['showFailure'](status, tr.t('form.failed'), true);
    return;
  }
  if (status === 422 || (status === 403 && fields.captcha)) {
    const onFields: Partial<Record<Field, string>> = {};
    const elsewhere: string[] = [];
    for (const [field, key] of Object.entries(fields)) {
      const known = isFieldErrorKey(key) ? key : 'field.invalid';
      if (field === 'captcha') continue;
      if ((FIELD_ORDER as readonly string[]).includes(field) && f['hasField'](field as Field)) onFields[field as Field] = known;
      else elsewhere.push(f['text'](known));
    }
    f['serverErrors'] = onFields;
    const shown = invalidFields(f);
    const message = elsewhere.length ? elsewhere.join(' ') : shown.length ? err.message : tr.t('form.rejected');
    if (elsewhere.length || !shown.length) f['outcome'] = { kind: 'failed', text: elsewhere.length ? elsewhere.join(' ') : tr.t('form.rejected'), retry: false };
    if (shown.length) await failValidation(f);
    else await f.updateComplete;
    emit<CommentErrorDetail>(f, 'comment-error', { status, message });
    return;
  }
  await f['showFailure'](status, tr.t('form.rejected'), false);
}
