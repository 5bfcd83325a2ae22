/**
 * How stored rows leave the server: the public and admin comment shapes (SPEC §3), the
 * opaque listing cursors, and the headers of a new comment's answer.
 */
import type { AdminComment, CommentBody, PublicComment } from '../../src/contract/schemas.js';
import { formattedBody } from '../../src/markdown/to-body.js';
import { ID_PATTERN } from '../../src/contract/limits.js';
import { errors } from '../errors.js';
import type { Position, StoredComment } from '../store/types.js';
import type { PostCommentResult } from '../use-cases/post-comment.js';

export function publicComment(c: StoredComment): PublicComment {
  // #18: a comment its author deleted while it had replies is an empty placeholder (SPEC §6.3).
  if (c.deletedAt != null)
    return {
      id: c.id,
      thread: c.thread,
      parent: c.parent,
      name: '',
      message: '',
      rating: null,
      createdAt: new Date(c.createdAt).toISOString(),
      status: 'deleted',
      body: [],
      votes: { up: 0, down: 0 },
    };
  const body = storedBody(c);
  return {
    id: c.id,
    thread: c.thread,
    parent: c.parent,
    name: c.name,
    message: c.message,
    rating: c.rating,
    createdAt: new Date(c.createdAt).toISOString(),
    ...(c.editedAt === null ? {} : { editedAt: new Date(c.editedAt).toISOString() }),
    // A honeypot catch looks published to the bot that sent it.
    status: c.status === 'pending' ? 'pending' : 'published',
    ...(body ? { body } : {}),
    votes: { up: c.votesUp ?? 0, down: c.votesDown ?? 0 },
  };
}

/**
 * The body tree stored with the comment (#18), or parsed now for rows stored without one
 * (before migration 008, imports); undefined when the message has no formatting.
 */
function storedBody(c: StoredComment): CommentBody | undefined {
  if (c.bodyJson == null) return formattedBody(c.message);
  return (JSON.parse(c.bodyJson) as CommentBody | null) ?? undefined;
}

/** The body column's value for a message: its tree as JSON, `null` in JSON when plain. */
export function bodyJsonOf(message: string): string {
  return JSON.stringify(formattedBody(message) ?? null);
}

export function adminComment(c: StoredComment): AdminComment {
  // The body goes along (the dashboard shows a comment formatted as readers see it); votes do not.
  const { votes: _votes, ...shown } = publicComment(c);
  return { ...shown, email: c.email, status: c.status };
}

export function encodeCursor(position: Position): string {
  // The Best order's cursor also carries the vote score, its first sort key (#18).
  const key =
    position.score === undefined
      ? [position.createdAt, position.id]
      : [position.createdAt, position.id, position.score];
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string): Position {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      (value.length === 2 || (value.length === 3 && Number.isFinite(value[2]))) &&
      Number.isSafeInteger(value[0]) &&
      typeof value[1] === 'string' &&
      ID_PATTERN.test(value[1])
    ) {
      const position: Position = { createdAt: value[0] as number, id: value[1] };
      if (value.length === 3) position.score = value[2] as number;
      return position;
    }
  } catch {
    /* fall through */
  }
  throw errors.badRequest('The cursor is not valid. Start again from the first page.');
}

/** A page of stored rows as the API lists it. */
export function pageBody<T>(page: { items: StoredComment[]; next: Position | null }, shape: (c: StoredComment) => T) {
  return { comments: page.items.map(shape), nextCursor: page.next ? encodeCursor(page.next) : null };
}

/** The headers of a new comment's answer, besides CORS and security (the route's and the listener's fast path, http/fast-post.ts). */
export function postAnswerHeaders(result: PostCommentResult): Record<string, string> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=UTF-8' };
  if (result.replayed) headers['Idempotent-Replayed'] = 'true';
  else headers['Cache-Control'] = 'no-store';
  return headers;
}
