import {
  COUNTS_THREADS_MAX,
  MESSAGE_COUNT_FROM,
  MESSAGE_MAX,
  PAGE_SIZE_DEFAULT,
  PAGE_SIZE_MAX,
  RATING_SCALE_MAX,
} from './constants.js';

export * from './constants.js';

/** Field limits shared by the widget and the server (SPEC §2, §3). */
export const LIMITS = {
  nameMax: 80,
  emailMax: 254,
  messageMax: MESSAGE_MAX,
  messageCountFrom: MESSAGE_COUNT_FROM,
  threadMax: 200,
  voterMin: 8,
  voterMax: 64,
  idMax: 64,
  captchaMax: 4096,
  honeypotMax: 500,
  ratingScaleMax: RATING_SCALE_MAX,
  pageSizeMax: PAGE_SIZE_MAX,
  pageSizeDefault: PAGE_SIZE_DEFAULT,
  bodyMaxBytes: 32 * 1024,
  idempotencyKeyMax: 128,
  authorTokenMax: 200,
  // ---- #18 ----
  countsThreadsMax: COUNTS_THREADS_MAX,
  /** An edit token as the server hands it out (32 base64url characters); longer is refused unread. */
  editTokenMax: 200,
} as const;

/** A thread id: 1–200 characters of [A-Za-z0-9._~:/-] (SPEC §1). */

/** A per-browser voter id. */
export const VOTER_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

/** Comment ids handed out by the server. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Idempotency-Key header values. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,128}$/;

/** Control characters refused in single-line fields (everything in Cc). */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARS = /[\u0000-\u001F\u007F-\u009F]/;

/** Control characters refused in the message: Cc except tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex
export const MESSAGE_CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/**
 * A practical email check: one @, no spaces, a dot in the domain, sane label characters.
 * Deliberately close to what browsers accept for <input type=email>, plus a required TLD.
 */
export const EMAIL_PATTERN =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,63}$/;
