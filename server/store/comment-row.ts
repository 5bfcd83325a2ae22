/** A comment as the columns of `comments` that a new comment fills (both stores, kysely-store.ts and pg-batch.ts). */
import type { StoredComment } from './types.js';

/** The columns a new comment fills, in the order the multi-row inserts write them. */
export const COMMENT_COLUMNS = [
  'id',
  'thread',
  'parent',
  'name',
  'email',
  'email_norm',
  'message',
  'rating',
  'voter',
  'status',
  'created_at',
  'client_hash',
  'edited_at',
  'body',
  'edit_token_hash',
] as const;

export function commentRow(comment: StoredComment) {
  return {
    id: comment.id,
    thread: comment.thread,
    parent: comment.parent,
    name: comment.name,
    email: comment.email,
    email_norm: comment.email.toLowerCase(),
    message: comment.message,
    rating: comment.rating,
    voter: comment.voter,
    status: comment.status,
    created_at: comment.createdAt,
    client_hash: comment.clientHash,
    edited_at: comment.editedAt,
    body: comment.bodyJson ?? null,
    edit_token_hash: comment.editTokenHash ?? null,
  };
}
