/**
 * Third-party captchas (SPEC §4): reCAPTCHA, hCaptcha and Cloudflare Turnstile. The widget
 * renders the provider's checkbox and sends its token; we ask the provider whether the token
 * is good, with the publisher's secret. All three speak the same "siteverify" protocol:
 * a form-encoded POST of `secret`, `response`, `remoteip`, answered `{ success: boolean }`.
 */
import { isIP } from 'node:net';
import type { CaptchaConfig } from '../../src/contract/schemas.js';
import type { Captcha, CaptchaVerdict } from './types.js';

export type CaptchaProviderName = 'recaptcha' | 'hcaptcha' | 'turnstile';

export const PROVIDER_VERIFY_URLS: Record<CaptchaProviderName, string> = {
  recaptcha: 'https://www.google.com/recaptcha/api/siteverify',
  hcaptcha: 'https://api.hcaptcha.com/siteverify',
  turnstile: 'https://challenges.cloudflare.com/turnstile/v0/siteverify',
};

/** A provider that does not answer within this many milliseconds counts as down. */
export const PROVIDER_TIMEOUT_MS = 5000;

/** The settings this module reads (a subset of the server's configuration). */
export interface ProviderCaptchaConfig {
  captcha: CaptchaProviderName | 'pow' | 'none';
  captchaSiteKey?: string | undefined;
  captchaSecret?: string | undefined;
  /** Overrides the provider's verification URL (tests point it at a local stand-in). */
  captchaVerifyUrl?: string | undefined;
  /** When not empty, the `hostname` the provider reports must be one of these (lower case). */
  captchaHostnames?: string[] | undefined;
  /** When set, an `action` the provider reports must be this one. */
  captchaAction?: string | undefined;
}

/** The part of a siteverify answer we read. */
interface SiteverifyAnswer {
  success: boolean;
  /** Where the token was solved (all three providers report it). */
  hostname?: unknown;
  /** reCAPTCHA v3 and Turnstile: the action the page named when rendering the widget. */
  action?: unknown;
}

export function isProviderName(value: unknown): value is CaptchaProviderName {
  return value === 'recaptcha' || value === 'hcaptcha' || value === 'turnstile';
}

export function createProviderCaptcha(
  config: ProviderCaptchaConfig,
  fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis),
  timeoutMs: number = PROVIDER_TIMEOUT_MS,
): Captcha {
  const provider = config.captcha;
  if (!isProviderName(provider)) throw new Error(`Not a captcha provider: ${String(provider)}`);
  const siteKey = config.captchaSiteKey;
  const secret = config.captchaSecret;
  if (!siteKey) throw new Error(`CAPTCHA=${provider} needs CAPTCHA_SITE_KEY.`);
  if (!secret) throw new Error(`CAPTCHA=${provider} needs CAPTCHA_SECRET.`);
  const verifyUrl = config.captchaVerifyUrl || PROVIDER_VERIFY_URLS[provider];

  return {
    describe(): Promise<CaptchaConfig> {
      return Promise.resolve({ provider, siteKey });
    },

    async verify(token: string | undefined, remoteIp: string | undefined): Promise<CaptchaVerdict> {
      if (token === undefined || token.trim() === '') return 'missing';
      const form = new URLSearchParams({ secret, response: token });
      // Only a real address is worth passing on (the app says 'unknown' when it has none).
      if (remoteIp && isIP(remoteIp)) form.set('remoteip', remoteIp);
      let res: Response;
      try {
        res = await fetchImpl(verifyUrl, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
          body: form.toString(),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch {
        return 'unavailable';
      }
      if (!res.ok) {
        await res.body?.cancel().catch(() => undefined);
        return 'unavailable';
      }
      let data: unknown;
      try {
        data = await res.json();
      } catch {
        return 'unavailable';
      }
      if (!data || typeof data !== 'object' || typeof (data as { success?: unknown }).success !== 'boolean') {
        return 'unavailable';
      }
      const answer = data as SiteverifyAnswer;
      if (!answer.success) return 'invalid';
      // A token solved on another site (one that uses the same site key, or a copy of this
      // page) is not a proof for this one: the providers leave that check to the server.
      const hostnames = config.captchaHostnames ?? [];
      if (
        hostnames.length &&
        !(typeof answer.hostname === 'string' && hostnames.includes(answer.hostname.toLowerCase()))
      )
        return 'invalid';
      const action = config.captchaAction;
      if (action && typeof answer.action === 'string' && answer.action !== '' && answer.action !== action)
        return 'invalid';
      return 'ok';
    },
  };
}
