// The limits and the pattern the elements need before the reader acts (SPEC §1–§3). A module of
// its own, apart from the full table in limits.ts: the script-tag bundle takes whole modules that
// it shares with its on-demand chunks, so what only the checks and the server use (the LIMITS
// table, the e-mail and control-character patterns) must not sit next to these.

export const MESSAGE_MAX = 5000;
/** The form starts showing a live character count at this many characters. */
export const MESSAGE_COUNT_FROM = 4500;
export const RATING_SCALE_MAX = 10;
export const PAGE_SIZE_MAX = 100;
export const PAGE_SIZE_DEFAULT = 20;

export const THREAD_PATTERN = /^[A-Za-z0-9._~:/-]{1,200}$/;

// ---- formatting, votes, editing, counts (#18) ----
/** `GET /counts` answers at most this many threads per request (SPEC §6.4). */
export const COUNTS_THREADS_MAX = 100;
