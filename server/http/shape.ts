/**
 * How stored rows leave the server: the public and admin comment shapes (SPEC §3) and the
 * opaque listing cursors.
 */
import type { AdminComment, PublicComment } from '../../src/contract/schemas.js';
import { ID_PATTERN } from '../../src/contract/limits.js';
import { errors } from '../errors.js';
import type { Position, StoredComment } from '../store/types.js';

export function publicComment(c: StoredComment): PublicComment {
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
  };
}

export function adminComment(c: StoredComment): AdminComment {
  return { ...publicComment(c), email: c.email, status: c.status };
}

export function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify([position.createdAt, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string): Position {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      Number.isSafeInteger(value[0]) &&
      typeof value[1] === 'string' &&
      ID_PATTERN.test(value[1])
    ) {
      return { createdAt: value[0] as number, id: value[1] };
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
