/**
 * Message keys of the contract. A 422 answer names one of these per field, and the widget
 * shows the matching catalogue text in the reader's language (SPEC §3).
 */
export const FIELD_ERROR_KEYS = [
  'email.required',
  'email.invalid',
  'email.tooLong',
  'name.required',
  'name.tooLong',
  'name.control',
  'message.required',
  'message.tooLong',
  'message.control',
  'rating.required',
  'rating.range',
  'captcha.required',
  'captcha.invalid',
  'parent.invalid',
  'voter.invalid',
  'field.invalid',
] as const;

export type FieldErrorKey = (typeof FIELD_ERROR_KEYS)[number];

/** The fields a 422 can name (SPEC §3). */
export const ERROR_FIELDS = ['name', 'email', 'message', 'rating', 'captcha', 'parent', 'voter'] as const;
export type ErrorField = (typeof ERROR_FIELDS)[number];

/** Machine-readable `error` codes of error bodies: every code the server may send. */
export const ERROR_CODES = [
  'bad_request',
  'malformed_json',
  'validation',
  'captcha_failed',
  'captcha_unavailable',
  'idempotency_conflict',
  'origin_not_allowed',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'unauthorized',
  'not_found',
  'method_not_allowed',
  'not_built',
  'internal',
  // ---- #18: editing and deleting your own comment (SPEC §6.3) ----
  'edit_not_allowed',
  'edit_window_closed',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export function isFieldErrorKey(value: unknown): value is FieldErrorKey {
  return typeof value === 'string' && (FIELD_ERROR_KEYS as readonly string[]).includes(value);
}
