/**
 * Edit tokens (#18, SPEC §6.3): the secret that lets the browser that posted a comment edit or
 * delete it for EDIT_WINDOW_MINUTES.
 *
 * The token is HMAC-SHA256(SECRET, "edit-token" + comment id): 256 bits nobody can compute
 * without SECRET, given out once with the 201/202. The comments table keeps only its SHA-256,
 * which is what a request's token is checked against, so a copy of the database edits nothing.
 * Deriving it (rather than drawing it at random) is what lets an idempotent replay hand the same
 * token out again while the stored replay body itself never holds it.
 */
import { timingSafeEqual } from 'node:crypto';
import { hmacSha256, sha256 } from './digest.js';

/** The comment's edit token. */
export function editTokenFor(secret: string, commentId: string): string {
  return hmacSha256(secret, `edit-token\n${commentId}`, 'base64url');
}

/** What the database keeps of a token. */
export function editTokenHash(token: string): string {
  return sha256(token, 'base64url');
}

/** Whether a presented token is the one whose hash was stored; constant time. */
export function editTokenMatches(token: string, storedHash: string | null): boolean {
  if (!storedHash) return false;
  const given = Buffer.from(editTokenHash(token));
  const expected = Buffer.from(storedHash);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The token of `Authorization: Bearer <token>`, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+([A-Za-z0-9_-]{1,200})\s*$/i.exec(header ?? '');
  return match ? match[1]! : null;
}

/**
 * A post's answer with the edit token added: the stored first answer (which leaves it out) made
 * whole again for the reader, first time and replay alike, byte for byte the same.
 */
export function withEditToken(secret: string, storedBody: string): string {
  const answer = JSON.parse(storedBody) as { comment: { id: string } };
  return JSON.stringify({ ...answer, editToken: editTokenFor(secret, answer.comment.id) });
}
