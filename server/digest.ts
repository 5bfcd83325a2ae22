/**
 * SHA-256, and HMAC-SHA256 keyed with a text secret (SECRET): every one the server computes goes
 * through here, except the webhooks' signatures (their key is the bytes a `whsec_` setting
 * decodes to, notify/webhooks.ts). A post signs and hashes four times (#24): the secret becomes
 * a KeyObject once (a string key is imported again on every createHmac, a third of its cost),
 * and a plain digest is one call (`crypto.hash`) instead of a Hash object.
 */
import { createHmac, createSecretKey, hash, type BinaryToTextEncoding, type KeyObject } from 'node:crypto';

const keys = new Map<string, KeyObject>();

function keyOf(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    // One SECRET per process in practice; tests make a few. Never many: cleared past a handful.
    if (keys.size >= 16) keys.clear();
    keys.set(secret, (key = createSecretKey(Buffer.from(secret, 'utf8'))));
  }
  return key;
}

/** HMAC-SHA256(secret, data), the secret taken as its UTF-8 bytes (as `createHmac(…, secret)` does). */
export function hmacSha256(secret: string, data: string): Buffer;
export function hmacSha256(secret: string, data: string, encoding: BinaryToTextEncoding): string;
export function hmacSha256(secret: string, data: string, encoding?: BinaryToTextEncoding): Buffer | string {
  const mac = createHmac('sha256', keyOf(secret)).update(data);
  return encoding ? mac.digest(encoding) : mac.digest();
}

/** SHA-256 of a string's UTF-8 bytes. */
export function sha256(data: string): Buffer;
export function sha256(data: string, encoding: BinaryToTextEncoding): string;
export function sha256(data: string, encoding?: BinaryToTextEncoding): Buffer | string {
  return encoding ? hash('sha256', data, encoding) : hash('sha256', data, 'buffer');
}
