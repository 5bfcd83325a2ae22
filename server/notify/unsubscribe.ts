/**
 * The one-click unsubscribe token of reply emails (#16): the id of the comment whose author
 * asked for them, and an HMAC of it with SECRET. The address itself is never in the link; the
 * server looks it up, and stops reply emails to it for the whole thread.
 */
import { timingSafeEqual } from 'node:crypto';
import { ID_PATTERN } from '../../src/contract/limits.js';
import { hmacSha256 } from '../digest.js';

function mac(secret: string, commentId: string): string {
  return hmacSha256(secret, `article-feedback unsubscribe\n${commentId}`, 'base64url').slice(0, 32);
}

export function unsubscribeToken(secret: string, commentId: string): string {
  return `${commentId}.${mac(secret, commentId)}`;
}

/** The comment id the token names, or null when it was not signed with this secret. */
export function verifyUnsubscribeToken(secret: string, token: string): string | null {
  const dot = token.lastIndexOf('.');
  if (dot <= 0) return null;
  const commentId = token.slice(0, dot);
  if (!ID_PATTERN.test(commentId)) return null;
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(mac(secret, commentId));
  return given.length === expected.length && timingSafeEqual(given, expected) ? commentId : null;
}
