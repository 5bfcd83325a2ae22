/**
 * SHA-256 and HMAC-SHA256 as the hot paths need them (#24): a post signs and hashes four times.
 * The secret becomes a KeyObject once (a string key is imported again on every createHmac, a
 * third of its cost), and a plain digest is one call (`crypto.hash`) instead of a Hash object.
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
export function sha256(data: string, encoding: BinaryToTextEncoding): string {
  return hash('sha256', data, encoding);
}
