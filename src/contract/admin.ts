/**
 * The moderation dashboard's part of the contract (#15): what `/admin` and scripts send to the
 * admin API and what it answers. The server validates with these very schemas; the dashboard
 * (src/admin/) imports the types. Not part of the widget's bundle.
 */
import * as z from 'zod/mini';
import { adminCommentSchema, listQuerySchema } from './schemas.js';
import { messageSchema } from './fields.js';
import { ID_PATTERN, THREAD_PATTERN } from './limits.js';

/** `POST /admin/session`: `ADMIN_TOKEN`, or `ADMIN_PASSWORD` when that is set. */
export const signInSchema = z.object({ token: z.string().check(z.minLength(1), z.maxLength(1024)) });

export const sessionSchema = z.object({ expiresAt: z.string() });

/** The statuses a moderator filters by; `all` is every status. */
export const QUEUE_STATUSES = ['pending', 'published', 'spam', 'all'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

/** Query of `GET /admin/comments`. `q` searches text, name, email and thread; `thread` is exact. */
export const moderationQuerySchema = z.object({
  status: z.optional(z.enum(QUEUE_STATUSES)),
  q: z.optional(z.string().check(z.maxLength(200))),
  thread: z.optional(z.string().check(z.regex(THREAD_PATTERN))),
  limit: listQuerySchema.shape.limit,
  cursor: listQuerySchema.shape.cursor,
});

/** A comment as the dashboard lists it: the admin shape, plus what a moderator needs beside it. */
export const moderationCommentSchema = z.extend(adminCommentSchema, {
  /** For a reply: the text of the comment it answers (null when that one is gone). */
  parentMessage: z.optional(z.nullable(z.string())),
  /** The article's address, when the server knows where threads live (`PUBLIC_URL`). */
  url: z.optional(z.nullable(z.string())),
});
export type ModerationComment = z.output<typeof moderationCommentSchema>;

export const moderationPageSchema = z.object({
  comments: z.array(moderationCommentSchema),
  nextCursor: z.nullable(z.string()),
});
export type ModerationPage = z.output<typeof moderationPageSchema>;

export const statusCountsSchema = z.object({
  pending: z.number(),
  published: z.number(),
  spam: z.number(),
  all: z.number(),
});
export type StatusCounts = z.output<typeof statusCountsSchema>;

/** `PATCH /admin/comments/:id`: a new status, or (a moderator's edit) a new text. */
export const moderationPatchSchema = z.union([
  z.object({ status: z.enum(['published', 'spam']) }),
  z.object({ message: messageSchema }),
]);

export const BULK_ACTIONS = ['approve', 'spam', 'delete'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];
/** The most ids one bulk request may name. */
export const BULK_MAX = 200;

const commentId = z.string().check(z.regex(ID_PATTERN));

/** `POST /admin/comments/bulk`. */
export const bulkSchema = z.object({
  action: z.enum(BULK_ACTIONS),
  ids: z.array(commentId).check(z.minLength(1), z.maxLength(BULK_MAX)),
});

/** Answer of a bulk action: the ids it changed, and those that did not exist. */
export const bulkResultSchema = z.object({ done: z.array(z.string()), missing: z.array(z.string()) });

export const BLOCK_KINDS = ['email', 'client'] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

/** `POST /admin/blocks`: block the author of a comment by email, by client address, or both. */
export const blockInputSchema = z.object({
  comment: commentId,
  by: z.array(z.enum(BLOCK_KINDS)).check(z.minLength(1), z.maxLength(2)),
});

export const blockSchema = z.object({
  id: z.string(),
  kind: z.enum(BLOCK_KINDS),
  /** The email for an email block; for a client block only the start of the address hash. */
  value: z.string(),
  /** Who it was: the author's name when blocked. */
  label: z.string(),
  comment: z.nullable(z.string()),
  createdAt: z.string(),
});
export type Block = z.output<typeof blockSchema>;

export const blockListSchema = z.object({ blocks: z.array(blockSchema) });
