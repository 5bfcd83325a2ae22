/**
 * Author tokens (#20.4). Under `MODERATION=first-time` an email is not an identity: anyone can
 * type anyone's. What makes an author "approved" is a token their browser got back when they
 * posted: `<comment id>.<HMAC(SECRET, comment id + email)>`. It is honoured when the comment
 * it names is published and has the same email. A token obtained by posting with someone
 * else's email names the poster's own comment, which stays pending, so it publishes nothing.
 */
import { timingSafeEqual } from 'node:crypto';
import { ID_PATTERN } from '../src/contract/limits.js';
import { hmacSha256 } from './digest.js';
import type { Store } from './store/types.js';

/** Emails compare case-insensitively, as moderation always did. */
function normalisedEmail(email: string): string {
  return email.trim().toLowerCase();
}

function mac(secret: string, commentId: string, email: string): Buffer {
  return hmacSha256(secret, `author-token\n${commentId}\n${normalisedEmail(email)}`);
}

/** The token for the author of `commentId`, who posted with `email`. */
export function signAuthorToken(secret: string, commentId: string, email: string): string {
  return `${commentId}.${mac(secret, commentId, email).toString('base64url')}`;
}

/** The comment id a token names, when it was signed by this server for this email; else null. */
function verifiedCommentId(secret: string, token: string, email: string): string | null {
  const dot = token.lastIndexOf('.');
  const commentId = token.slice(0, dot);
  if (dot < 1 || !ID_PATTERN.test(commentId)) return null;
  const given = Buffer.from(token.slice(dot + 1), 'base64url');
  const expected = mac(secret, commentId, email);
  return given.length === expected.length && timingSafeEqual(given, expected) ? commentId : null;
}

/**
 * True when `token` names a published comment of `email`: the poster is an author a moderator
 * approved, posting from the browser that got the token.
 */
export async function isApprovedAuthor(
  deps: { secret: string; store: Pick<Store, 'getComment'> },
  token: string | undefined,
  email: string,
): Promise<boolean> {
  if (!token) return false;
  const commentId = verifiedCommentId(deps.secret, token, email);
  if (!commentId) return false;
  const comment = await deps.store.getComment(commentId);
  return comment?.status === 'published' && normalisedEmail(comment.email) === normalisedEmail(email);
}
