// What <comment-form> shows once the reader has touched it: the client-side checks (zod/mini,
// the same schemas the server validates with) and the hints under the fields. Loaded on the
// first focus or input, so it stays out of the file every page downloads. It sees its form
// only through a FormHost.
import { html } from 'lit';
import { emailSchema, messageSchema, nameSchema } from '../../../contract/fields.js';
import { LIMITS } from '../../../contract/limits.js';
import { enLater } from '../../../i18n/en-later.js';
import { addEnglish } from '../../../i18n/index.js';
import type { MessageKey } from '../../../i18n/types.js';
import { adoptOnce } from '../../shared/adopt-once.js';
import type { CaptchaElement, Field, FormHost, Hint } from '../comment-form.js';
import { hintStyles } from '../hint.styles.js';

// The English this chunk shows (field checks, server answers, captcha, vote results).
addEnglish(enLater);

/** The fields that carry an inline hint, in the order a reader meets them. */
export const FIELDS: readonly Field[] = ['email', 'name', 'message', 'rating', 'captcha'];
export const schemas = { email: emailSchema, name: nameSchema, message: messageSchema };

export const captchaOf = ({ element }: FormHost): CaptchaElement | null =>
  element.renderRoot.querySelector('af-captcha');
export const ratingAvailable = ({ element }: FormHost): boolean =>
  element.withRating && !!customElements.get('article-rating');

export function captchaActive(host: FormHost): boolean {
  const captcha = captchaOf(host);
  return host.element.captcha !== 'none' && !!captcha && captcha.active !== false;
}

/** The message key of a field's verdict (the server's, else the client-side check's), or null when it passes. */
function errorKey(host: FormHost, field: Field): string | null {
  const { values, serverErrors, captchaError } = host.state;
  const server = serverErrors[field];
  if (server) return server;
  if (field === 'captcha') return captchaError || null;
  if (field !== 'rating') {
    const result = schemas[field].safeParse(values[field]);
    return result.success ? null : (result.error.issues[0]?.message ?? 'field.invalid');
  }
  if (!ratingAvailable(host)) return null;
  const { ratingRequired, ratingMax } = host.element;
  if (!values.rating) return ratingRequired ? 'rating.required' : null;
  return Number.isInteger(values.rating) && values.rating >= 1 && values.rating <= ratingMax ? null : 'rating.range';
}

/** A field is there to be checked (a server's captcha verdict shows even without a captcha element). */
export function hasField(host: FormHost, field: Field): boolean {
  if (field === 'rating') return ratingAvailable(host);
  return field !== 'captcha' || host.element.captcha !== 'none' || !!host.state.captchaError;
}

/** The text of a message key (an unknown key says "This value is not valid."). */
export function messageText(host: FormHost, key: string): string {
  const tr = host.translator;
  const known: MessageKey = tr.has(key) ? key : 'field.invalid';
  const [field, rule] = known.split('.');
  const max = rule === 'tooLong' ? LIMITS[`${field}Max` as 'nameMax'] : undefined;
  return tr.t(known, { max: max ?? host.element.ratingMax });
}

/** The hint under a field once it is shown; the rating's only with something to say, the captcha's only an error. */
export function hint(host: FormHost, field: Field): Hint | undefined {
  const form = host.element;
  // The hints' looks (../hint.styles.ts), added to the sheets the form already has: the formatting
  // help's sheet may have come first, and setting the list anew would drop it.
  adoptOnce(form, hintStyles);
  if (!host.state.touched.has(field)) return undefined;
  const key = errorKey(host, field);
  if (
    field === 'rating'
      ? !(ratingAvailable(host) && (form.ratingRequired || host.state.values.rating > 0 || key))
      : field === 'captcha' && !key
  )
    return undefined;
  const id = `${field}-hint`;
  const state = key ? 'invalid' : 'valid';
  return {
    id,
    invalid: !!key,
    className: `is-${state}`,
    template: html`
      <div id=${id} class="feedback ${state}" part="feedback ${state}-feedback">
        ${key ? messageText(host, key) : host.translator.t('form.valid')}
      </div>
    `,
  };
}

/** The captcha changed state: a "please complete the captcha" goes once it has a token. */
export async function captchaStateChanged(host: FormHost): Promise<void> {
  if (host.state.captchaError && (await quickToken(host))) await host.update({ captchaError: null });
}

/** The captcha token if it is there at once; `undefined` while it is still being worked out. */
export async function quickToken(host: FormHost): Promise<string | null | undefined> {
  const captcha = captchaOf(host);
  return captcha?.token && Promise.race([captcha.token(), new Promise<undefined>((r) => setTimeout(r, 100))]);
}

export const visibleFields = (host: FormHost): Field[] => FIELDS.filter((field) => hasField(host, field));
export const invalidFields = (host: FormHost): Field[] => visibleFields(host).filter((field) => errorKey(host, field));

/** Every hint shown, the first invalid field focused, the number of them announced. */
export async function failValidation(host: FormHost): Promise<void> {
  const invalid = invalidFields(host);
  await host.update({ touched: new Set(visibleFields(host)) });
  // A field by its name; the captcha (no name) is the last control, after every named one.
  if (invalid[0]) host.element.renderRoot.querySelector<HTMLElement>(`[name=${invalid[0]}],af-captcha`)?.focus();
  host.say(host.translator.plural('form.invalidCount', invalid.length));
}

/** The captcha could not be set up (config request or provider script failed). */
export const captchaBroken = (host: FormHost): boolean =>
  captchaActive(host) && captchaOf(host)?.captchaState === 'unavailable';

export const captchaRequiredKey = (host: FormHost): string => captchaOf(host)?.requiredKey ?? 'captcha.requiredOther';
