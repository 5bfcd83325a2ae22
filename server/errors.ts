/**
 * The one error shape of the API: `{ error, message, fields? }` (SPEC §3). Routes throw
 * `HttpError`; the app's error handler turns anything else into a 500 without internals.
 */
import type { ErrorCode } from '../src/contract/keys.js';
import { en } from '../src/i18n/en.js';
import type { Catalogue } from '../src/i18n/types.js';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    /** One of the contract's codes: an unknown code does not compile. */
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'HttpError';
  }

  body(): { error: ErrorCode; message: string; fields?: Record<string, string> } {
    return this.fields
      ? { error: this.code, message: this.message, fields: this.fields }
      : { error: this.code, message: this.message };
  }
}

const plurals = new Intl.PluralRules('en');

/** English text of a catalogue key, with `{name}` placeholders filled. */
export function english(key: string, params: Record<string, string | number> = {}): string {
  const entry = (en as unknown as Record<string, Catalogue[keyof Catalogue] | undefined>)[key];
  let text: string;
  if (typeof entry === 'function') text = entry(plurals.select(Number(params.n ?? 0)) as Intl.LDMLPluralRule);
  else if (typeof entry === 'string') text = entry;
  else text = en['field.invalid'];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export const errors = {
  badRequest: (message: string) => new HttpError(400, 'bad_request', message),
  malformedJson: () => new HttpError(400, 'malformed_json', 'The request body is not valid JSON.'),
  unsupportedMediaType: () =>
    new HttpError(415, 'unsupported_media_type', 'Send the request body as application/json.'),
  payloadTooLarge: () => new HttpError(413, 'payload_too_large', 'The request body is larger than 32 KiB.'),
  originNotAllowed: () =>
    new HttpError(403, 'origin_not_allowed', 'This website is not allowed to send comments to this server.'),
  unauthorized: () =>
    new HttpError(
      401,
      'unauthorized',
      'A valid admin token is required (Authorization: Bearer <ADMIN_TOKEN>).',
      undefined,
      {
        'WWW-Authenticate': 'Bearer realm="article-feedback admin"',
      },
    ),
  notFound: (message = 'Not found.') => new HttpError(404, 'not_found', message),
  methodNotAllowed: (allow: string) =>
    new HttpError(405, 'method_not_allowed', 'This method is not allowed here.', undefined, { Allow: allow }),
  idempotencyConflict: () =>
    new HttpError(
      409,
      'idempotency_conflict',
      'This Idempotency-Key was already used for a different request. Send a new key.',
    ),
  captchaMissing: () => new HttpError(422, 'validation', english('captcha.required'), { captcha: 'captcha.required' }),
  captchaFailed: () => new HttpError(403, 'captcha_failed', english('captcha.invalid'), { captcha: 'captcha.invalid' }),
  captchaUnavailable: () =>
    new HttpError(503, 'captcha_unavailable', english('captcha.unavailable'), { captcha: 'captcha.unavailable' }),
  notBuilt: () =>
    new HttpError(503, 'not_built', 'The widget is not built yet. Run `npm run build` (npm start does it for you).'),
  internal: () => new HttpError(500, 'internal', 'Something went wrong on the server. Please try again later.'),
};
