// The submit of <comment-form>: the last checks, the captcha token, the request, and what the
// server answered (the comment, or errors put back on their fields). Loaded with the checks on
// the reader's first touch and awaited by a submit. It sees its form only through a FormHost.
import { ApiError } from '../../../client/api.js';
import { postComment } from '../../../client/api-actions.js';
import { authorTokenFor, rememberAuthorToken } from '../../../client/author-token.js';
import { rememberEditToken } from '../../../client/edit-tokens.js';
import { resolveEndpoint, resolveThread } from '../../../client/endpoint.js';
import { pendingComments } from '../../../client/pending.js';
import { clearDraft, idempotencyKey, saveIdentity } from '../../../client/sent.js';
import { voterId } from '../../../client/voter.js';
import { isFieldErrorKey } from '../../../contract/keys.js';
import type { CommentInputRaw, PublicComment } from '../../../contract/schemas.js';
import {
  emit,
  type CommentErrorDetail,
  type CommentSubmitDetail,
  type CommentSubmittedDetail,
} from '../../shared/events.js';
import type { Field, FormHost, TextField } from '../comment-form.js';
import {
  captchaActive,
  captchaBroken,
  captchaOf,
  captchaRequiredKey,
  failValidation,
  FIELDS,
  hasField,
  invalidFields,
  messageText,
  quickToken,
  ratingAvailable,
  schemas,
  visibleFields,
} from './checks.js';

/** The submit, once the form has loaded this module and the captcha (see CommentForm#_send). */
export async function send(host: FormHost): Promise<void> {
  const form = host.element;
  const tr = host.translator;
  // Everything the reader can see gets its hint from now on.
  void host.update({ touched: new Set(visibleFields(host)) });

  if (invalidFields(host).some((field) => field !== 'captcha')) {
    // Also flag a captcha that is clearly not done (an unticked checkbox), without waiting
    // for a proof-of-work that is still being solved.
    if (captchaActive(host)) {
      const token = await quickToken(host);
      if (token === null && captchaActive(host) && !captchaBroken(host))
        void host.update({ captchaError: captchaRequiredKey(host) });
      else if (token) void host.update({ captchaError: null });
    }
    return failValidation(host);
  }

  void host.update({ sending: true });
  try {
    let captchaToken: string | undefined;
    const captcha = captchaOf(host);
    if (captchaActive(host) && captcha?.token) {
      const token = await captcha.token();
      // The captcha could not be loaded (e.g. `GET /captcha` failed): nothing the reader can
      // tick would help; the comment could not be sent, the words stay, "Try again" retries.
      if (!token && captchaBroken(host)) {
        void host.update({ captchaError: null });
        return await host.fail(0, tr.t('form.failed'), true);
      }
      // With `auto`, the server may answer that there is no captcha: a null then means "none".
      if (!token && captchaActive(host)) {
        void host.update({ captchaError: captchaRequiredKey(host), sending: false });
        return await failValidation(host);
      }
      void host.update({ captchaError: null });
      captchaToken = token || undefined;
    }

    const { values } = host.state;
    const clean = (field: TextField): string => {
      const result = schemas[field].safeParse(values[field]);
      return result.success ? result.data : values[field];
    };
    const body: CommentInputRaw = { name: clean('name'), email: clean('email'), message: clean('message') };
    if (ratingAvailable(host) && values.rating > 0) {
      body.rating = values.rating;
      body.voter = voterId();
    }
    if (form.parent) body.parent = form.parent;
    // The language emails about this comment are written in; the reader's choice of reply emails (#16).
    body.lang = tr.lang;
    if (host.state.mailOption && host.state.notify) body.notify = true;
    if (captchaToken) body.captcha = captchaToken;
    body.website = form.renderRoot.querySelector<HTMLInputElement>('[name=website]')?.value ?? '';

    const thread = resolveThread(form);
    if (!emit<CommentSubmitDetail>(form, 'comment-submit', { ...body, thread: thread ?? '' }, true)) return;

    const endpoint = resolveEndpoint(form);
    if (!endpoint || !thread) return await host.fail(0, tr.t('form.failed'), true);
    // The key depends on the words only, not on the captcha token, so a retry of the same
    // text after a failure carries the same key even when the captcha was solved anew.
    // Sent after the event, which describes the comment: the token is this browser's proof that
    // it wrote an earlier comment with this email (SECURITY.md, "approved authors").
    const authorToken = authorTokenFor(body.email);
    if (authorToken) body.authorToken = authorToken;
    const { captcha: _token, ...words } = body;
    const key = host.draftKey ? idempotencyKey(host.draftKey, words) : `af-${Date.now()}`;
    try {
      const result = await postComment(endpoint, thread, body, key);
      rememberAuthorToken(body.email, result.authorToken);
      // For the list's Edit and Delete on this comment (#18).
      rememberEditToken(endpoint, result.comment, result.editToken);
      await succeed(host, thread, result.status, result.comment);
    } catch (err) {
      await handleError(host, err);
    }
  } finally {
    void host.update({ sending: false });
  }
}

async function succeed(host: FormHost, thread: string, httpStatus: 201 | 202, comment: PublicComment): Promise<void> {
  const status = httpStatus === 202 ? 'pending' : 'published';
  const { name, email } = host.state.values;
  saveIdentity(name.trim(), email.trim());
  if (host.draftKey) clearDraft(host.draftKey);
  if (status === 'pending') pendingComments.add(thread, comment);
  // A fresh challenge for the next comment (a used proof-of-work is refused by the server).
  if (captchaActive(host)) captchaOf(host)?.reset?.();
  await host.update({
    values: { ...host.state.values, message: '', rating: 0 },
    touched: new Set(),
    serverErrors: {},
    captchaError: null,
    draftRestored: false,
    notify: false,
    outcome: { text: host.translator.t(`form.${status}`) },
  });
  emit<CommentSubmittedDetail>(host.element, 'comment-submitted', { comment, status });
}

async function handleError(host: FormHost, err: unknown): Promise<void> {
  const tr = host.translator;
  if (!(err instanceof ApiError)) return host.fail(0, tr.t('form.failed'), true);
  const { status, fields } = err;
  if (fields.captcha) {
    // The server names `captcha.required` whatever the captcha is; its English is reCAPTCHA's
    // "Please check re-captcha.", so the form says what fits the captcha it shows.
    const key = isFieldErrorKey(fields.captcha) ? fields.captcha : 'captcha.invalid';
    void host.update({ captchaError: key === 'captcha.required' ? captchaRequiredKey(host) : key });
    captchaOf(host)?.reset?.();
  }
  if (status === 429) return host.fail(status, tr.plural('form.rateLimited', err.retryAfter ?? 60), false);
  if (status >= 500) return host.fail(status, tr.t('form.failed'), true);
  if (status !== 422 && !(status === 403 && fields.captcha)) return host.fail(status, tr.t('form.rejected'), false);

  const onFields: Partial<Record<Field, string>> = {};
  const elsewhere: string[] = [];
  for (const [field, key] of Object.entries(fields)) {
    const known = isFieldErrorKey(key) ? key : 'field.invalid';
    if (field === 'captcha') continue;
    if (FIELDS.includes(field as Field) && hasField(host, field as Field)) onFields[field as Field] = known;
    else elsewhere.push(messageText(host, known));
  }
  void host.update({ serverErrors: onFields });
  const shown = invalidFields(host).length;
  const message = elsewhere.length ? elsewhere.join(' ') : shown ? err.message : tr.t('form.rejected');
  // Nothing to point at on a field: the alert says it all, as for any other refusal.
  if (!shown) return host.fail(status, message, false);
  if (elsewhere.length) void host.update({ outcome: { text: message, failed: true } });
  await failValidation(host);
  emit<CommentErrorDetail>(host.element, 'comment-error', { status, message });
}
