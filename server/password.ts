/**
 * `ADMIN_PASSWORD` (#15) is kept in memory only as a scrypt hash with a random salt, made once
 * when the settings are read; a sign-in is checked by hashing what was typed the same way.
 */
import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';

export interface PasswordHash {
  salt: Buffer;
  hash: Buffer;
}

/** scrypt's cost: N = 2^14, r = 8 (16 MiB, tens of milliseconds per check). */
const SCRYPT_OPTIONS = { N: 16_384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

export function hashPassword(password: string): PasswordHash {
  const salt = randomBytes(16);
  return { salt, hash: scryptSync(password.normalize('NFC'), salt, KEY_LENGTH, SCRYPT_OPTIONS) };
}

/** Whether `attempt` is the password; off the main thread, constant time in the comparison. */
export function verifyPassword(attempt: string, stored: PasswordHash): Promise<boolean> {
  return new Promise((resolve, reject) => {
    scrypt(attempt.normalize('NFC'), stored.salt, KEY_LENGTH, SCRYPT_OPTIONS, (error, derived) => {
      if (error) reject(error);
      else resolve(timingSafeEqual(derived, stored.hash));
    });
  });
}
