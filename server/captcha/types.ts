import type { CaptchaConfig } from '../../src/contract/schemas.js';

/** What the server's captcha check concluded about a comment's `captcha` field. */
export type CaptchaVerdict = 'ok' | 'missing' | 'invalid' | 'unavailable';

/**
 * The server side of SPEC §4. Routes call only this; the provider (none, proof-of-work,
 * reCAPTCHA, hCaptcha, Turnstile) is chosen once from the configuration.
 *
 * Routes map verdicts to answers:
 *   missing     → 422 { error: "validation", fields: { captcha: "captcha.required" } }
 *   invalid     → 403 { error: "captcha_failed", fields: { captcha: "captcha.invalid" } }
 *   unavailable → 503 { error: "captcha_unavailable", fields: { captcha: "captcha.unavailable" } }
 */
export interface Captcha {
  /** The body of `GET /api/captcha`. */
  describe(): Promise<CaptchaConfig>;
  /** Checks the token or solution sent in the comment's `captcha` field. */
  verify(token: string | undefined, remoteIp: string | undefined): Promise<CaptchaVerdict>;
}
