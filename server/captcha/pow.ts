/**
 * Proof-of-work captcha (SPEC §4, `CAPTCHA=pow`), in the ALTCHA format:
 *
 *   salt      = <random hex>?expires=<unix seconds>&
 *   challenge = SHA-256(salt + secretNumber)          (secretNumber in 1..maxnumber)
 *   signature = HMAC-SHA256(SECRET, challenge)
 *
 * The browser finds the number by trying 0..maxnumber and sends back base64 of
 * `{ algorithm, challenge, number, salt, signature }`. We check the signature, the expiry and
 * the number, then record the challenge as used so a solution works exactly once, even across
 * restarts (the store is persistent).
 */
import { timingSafeEqual } from 'node:crypto';
import { createChallenge } from 'altcha-lib/v1';
import type { CaptchaConfig, PowChallenge } from '../../src/contract/schemas.js';
import type { Captcha, CaptchaVerdict } from './types.js';
import { hmacSha256, sha256 } from '../digest.js';

/**
 * Default difficulty. The answer is uniform in 1..maxnumber, so a reader's browser tries
 * maxnumber/2 hashes on the median. Measured with `npm run bench` (see README "Captcha").
 */
export const DEFAULT_POW_MAX_NUMBER = 50_000;

/** How long a challenge stays valid. The widget fetches a fresh one when it gets close. */
export const POW_CHALLENGE_TTL_MS = 20 * 60 * 1000;

/** The settings this module reads (a subset of the server's configuration). */
export interface PowCaptchaConfig {
  /** HMAC key that signs challenges (SPEC §5 `SECRET`). */
  secret: string;
  /** Upper bound of the secret number (`POW_MAX_NUMBER`). */
  powMaxNumber?: number | undefined;
}

/** The storage call that makes a solution single-use. */
export interface CaptchaSolutionStore {
  /**
   * Records `id` as used until `expiresAt` (milliseconds since the epoch). Resolves false when
   * it was recorded before.
   */
  useCaptchaSolution(id: string, expiresAt: number): Promise<boolean>;
}

export interface PowCaptchaOptions {
  /** Clock, injected by tests. */
  now?: () => number;
}

/** The decoded `captcha` field of a proof-of-work comment. */
export interface PowPayload {
  algorithm: 'SHA-256';
  challenge: string;
  number: number;
  salt: string;
  signature: string;
}

const HEX64 = /^[0-9a-f]{64}$/;
/** Our own salts: hex, then `?expires=<digits>&`. Anything else is not ours. */
const SALT_PATTERN = /^[0-9a-f]{8,64}\?expires=(\d{1,12})&$/;

export function createPowCaptcha(
  config: PowCaptchaConfig,
  store: CaptchaSolutionStore,
  options: PowCaptchaOptions = {},
): Captcha {
  const maxnumber = config.powMaxNumber ?? DEFAULT_POW_MAX_NUMBER;
  const now = options.now ?? Date.now;
  if (!config.secret) throw new Error('The proof-of-work captcha needs a secret.');
  if (!Number.isSafeInteger(maxnumber) || maxnumber < 1) throw new Error('POW_MAX_NUMBER must be a positive integer.');

  return {
    async describe(): Promise<CaptchaConfig> {
      const challenge = await createChallenge({
        algorithm: 'SHA-256',
        hmacKey: config.secret,
        maxnumber,
        expires: new Date(now() + POW_CHALLENGE_TTL_MS),
      });
      const out: PowChallenge = {
        algorithm: 'SHA-256',
        challenge: challenge.challenge,
        maxnumber,
        salt: challenge.salt,
        signature: challenge.signature,
      };
      return { provider: 'pow', challenge: out };
    },

    async verify(token: string | undefined): Promise<CaptchaVerdict> {
      if (token === undefined || token.trim() === '') return 'missing';
      const payload = decodePowPayload(token);
      if (!payload) return 'invalid';

      const expires = SALT_PATTERN.exec(payload.salt)?.[1];
      if (expires === undefined) return 'invalid';
      const expiresAt = Number(expires) * 1000;
      if (expiresAt <= now()) return 'invalid';

      const expectedSignature = hmacSha256(config.secret, payload.challenge);
      if (!timingSafeEqual(expectedSignature, Buffer.from(payload.signature, 'hex'))) return 'invalid';

      const hash = sha256(payload.salt + String(payload.number), 'hex');
      if (hash !== payload.challenge) return 'invalid';

      // The signed challenge names the solution: once used, it never counts again.
      const fresh = await store.useCaptchaSolution(`pow:${payload.challenge}`, expiresAt);
      return fresh ? 'ok' : 'invalid';
    },
  };
}

/** Decodes base64 JSON into a well-formed payload, or null. Never throws. */
export function decodePowPayload(token: string): PowPayload | null {
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
  } catch {
    return null;
  }
  if (!data || typeof data !== 'object') return null;
  const p = data as Record<string, unknown>;
  if (p.algorithm !== 'SHA-256') return null;
  if (typeof p.challenge !== 'string' || !HEX64.test(p.challenge)) return null;
  if (typeof p.signature !== 'string' || !HEX64.test(p.signature)) return null;
  if (typeof p.salt !== 'string' || p.salt.length > 200) return null;
  if (typeof p.number !== 'number' || !Number.isSafeInteger(p.number) || p.number < 0) return null;
  return { algorithm: 'SHA-256', challenge: p.challenge, number: p.number, salt: p.salt, signature: p.signature };
}

/** The payload format the widget sends (base64 of JSON), for tests and the solver. */
export function encodePowPayload(challenge: PowChallenge, number: number): string {
  const { algorithm, challenge: hash, salt, signature } = challenge;
  return Buffer.from(JSON.stringify({ algorithm, challenge: hash, number, salt, signature })).toString('base64');
}
