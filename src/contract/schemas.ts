/**
 * The one source of truth for what crosses the wire (SPEC §3). The widget and the server both
 * validate with these schemas; every check carries a message key, never English text.
 * Input schemas live in fields.ts (the widget imports only those); answers are here.
 */
import * as z from 'zod/mini';
import type { BodyBlock, BodyInline } from './body.js';
import { LIMITS } from './limits.js';
import { threadSchema } from './fields.js';

export * from './fields.js';
export * from './body.js';

/**
 * `deleted` (SPEC §6.3): its author deleted it but published replies hang under it, so it is
 * listed with an empty name, message and body to keep the thread readable.
 */
export const commentStatusSchema = z.enum(['published', 'pending', 'deleted']);
export type CommentStatus = z.output<typeof commentStatusSchema>;

// ---- the formatted body (SPEC §6.1, #18): types in body.ts ----
const styledTypes = ['strong', 'emphasis'] as const;
export const bodyInlineSchema: z.ZodMiniType<BodyInline> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({
    type: z.enum(styledTypes),
    get children() {
      return z.array(bodyInlineSchema);
    },
  }),
  z.object({ type: z.literal('code'), text: z.string() }),
  z.object({
    type: z.literal('link'),
    href: z.string(),
    get children() {
      return z.array(bodyInlineSchema);
    },
  }),
  z.object({ type: z.literal('break') }),
]);
export const bodyBlockSchema: z.ZodMiniType<BodyBlock> = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), children: z.array(bodyInlineSchema) }),
  z.object({
    type: z.literal('quote'),
    get children() {
      return z.array(bodyBlockSchema);
    },
  }),
  z.object({
    type: z.literal('list'),
    ordered: z.boolean(),
    get items() {
      return z.array(z.array(bodyBlockSchema));
    },
  }),
  z.object({ type: z.literal('code'), text: z.string() }),
]);
/** `Comment.body`: absent when the message has no formatting (show `message` as plain text). */
export const bodySchema = z.array(bodyBlockSchema);

/** A comment's votes (SPEC §6.2). */
export const commentVotesSchema = z.object({ up: z.number(), down: z.number() });
export type CommentVotes = z.output<typeof commentVotesSchema>;

export const commentSchema = z.object({
  id: z.string(),
  thread: z.string(),
  parent: z.nullable(z.string()),
  name: z.string(),
  message: z.string(),
  rating: z.nullable(z.number()),
  createdAt: z.string(),
  /** When the text was last edited (SPEC §6.3); absent when never edited. */
  editedAt: z.optional(z.string()),
  status: commentStatusSchema,
  /** The message as a formatted tree (SPEC §6.1); absent: show `message` as plain text. */
  body: z.optional(bodySchema),
  /** Up and down votes (SPEC §6.2); optional for backends of the first round. */
  votes: z.optional(commentVotesSchema),
});
export type PublicComment = z.output<typeof commentSchema>;

export const adminCommentSchema = z.object({
  id: z.string(),
  thread: z.string(),
  parent: z.nullable(z.string()),
  name: z.string(),
  email: z.string(),
  message: z.string(),
  rating: z.nullable(z.number()),
  createdAt: z.string(),
  editedAt: z.optional(z.string()),
  status: z.enum(['published', 'pending', 'spam']),
  /** The message as a formatted tree, as in the public shape: the dashboard shows it formatted. */
  body: z.optional(bodySchema),
});
export type AdminComment = z.output<typeof adminCommentSchema>;

/** `best`: by the Wilson lower bound of up against down votes, ties newest first (SPEC §6.2). */
export const sortSchema = z.enum(['newest', 'oldest', 'best']);
export type Sort = z.output<typeof sortSchema>;

/** Query of `GET /threads/:thread/comments`. Values arrive as strings. */
export const listQuerySchema = z.object({
  limit: z.optional(
    z
      .pipe(
        z.string().check(z.regex(/^\d{1,3}$/)),
        z.transform((s: string) => Number(s)),
      )
      .check(z.refine((n: number) => n >= 1 && n <= LIMITS.pageSizeMax)),
  ),
  cursor: z.optional(z.string().check(z.maxLength(200), z.regex(/^[A-Za-z0-9_-]+$/))),
  sort: z.optional(sortSchema),
});

export const commentPageSchema = z.object({
  comments: z.array(commentSchema),
  nextCursor: z.nullable(z.string()),
  total: z.number(),
});
export type CommentPage = z.output<typeof commentPageSchema>;

/**
 * Answer to a post (201 published, 202 pending). `authorToken`: keep it with the reader's name
 * and email and send it with their later posts; under first-time moderation it is what lets an
 * approved author publish at once (optional: servers before it did not send one).
 */
export const commentCreatedSchema = z.object({
  comment: commentSchema,
  authorToken: z.optional(z.string()),
  /**
   * The secret that lets this browser edit or delete the comment for EDIT_WINDOW_MINUTES
   * (SPEC §6.3): sent once, here (and in an idempotent replay), never in any other answer.
   */
  editToken: z.optional(z.string()),
});
export type CommentCreated = z.output<typeof commentCreatedSchema>;

export const ratingAggregateSchema = z.object({
  average: z.number(),
  count: z.number(),
  max: z.number(),
  histogram: z.array(z.number()),
  yours: z.optional(z.nullable(z.number())),
});
export type RatingAggregate = z.output<typeof ratingAggregateSchema>;

export const captchaProviderSchema = z.enum(['none', 'pow', 'recaptcha', 'hcaptcha', 'turnstile']);
export type CaptchaProvider = z.output<typeof captchaProviderSchema>;

/** ALTCHA-style proof-of-work challenge (SPEC §4). */
export const powChallengeSchema = z.object({
  algorithm: z.literal('SHA-256'),
  challenge: z.string(),
  maxnumber: z.number(),
  salt: z.string(),
  signature: z.string(),
});
export type PowChallenge = z.output<typeof powChallengeSchema>;

export const captchaConfigSchema = z.discriminatedUnion('provider', [
  z.object({ provider: z.literal('none') }),
  z.object({ provider: z.literal('pow'), challenge: powChallengeSchema }),
  z.object({ provider: z.enum(['recaptcha', 'hcaptcha', 'turnstile']), siteKey: z.string() }),
]);
export type CaptchaConfig = z.output<typeof captchaConfigSchema>;

export const adminListQuerySchema = z.object({
  status: z.optional(z.enum(['pending', 'published', 'spam'])),
  limit: listQuerySchema.shape.limit,
  cursor: listQuerySchema.shape.cursor,
});

export const adminPageSchema = z.object({
  comments: z.array(adminCommentSchema),
  nextCursor: z.nullable(z.string()),
});

export const adminPatchSchema = z.object({ status: z.enum(['published', 'spam']) });

// ---- votes, editing, counts (#18) ----

/** Answer to `PUT …/comments/:id/vote`: the comment's votes and this voter's (0 = none). */
export const commentVoteResultSchema = z.object({
  up: z.number(),
  down: z.number(),
  yours: z.union([z.literal(1), z.literal(-1), z.literal(0)]),
});
export type CommentVoteResult = z.output<typeof commentVoteResultSchema>;

/** Answer to `PATCH …/comments/:id`: the comment as now listed, with `editedAt`. */
export const commentEditedSchema = z.object({ comment: commentSchema });

/** The repeated `thread` values of `GET /counts?thread=a&thread=b` (SPEC §6.4). */
export const countsThreadsSchema = z.array(threadSchema).check(z.minLength(1), z.maxLength(LIMITS.countsThreadsMax));

/** One thread's numbers on an index page: published comments, the rating's average and count. */
export const threadCountSchema = z.object({
  comments: z.number(),
  rating: z.object({ average: z.number(), count: z.number() }),
});
export type ThreadCount = z.output<typeof threadCountSchema>;

/** Answer to `GET /counts`: every asked thread, unknown ones with zeros. */
export const countsSchema = z.object({ counts: z.record(z.string(), threadCountSchema) });
export type Counts = z.output<typeof countsSchema>;

export const errorBodySchema = z.object({
  error: z.string(),
  message: z.string(),
  fields: z.optional(z.record(z.string(), z.string())),
});
export type ErrorBody = z.output<typeof errorBodySchema>;

/**
 * Turns zod issues into `{ field: key }`, first issue per field wins. Used by the server for
 * 422 bodies and by the widget for inline hints, so both name the same keys.
 */
export function fieldErrors(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'body');
    if (!(field in out)) out[field] = issue.message;
  }
  return out;
}

// ---- notifications (#16) ----

/** `GET /config` (SPEC §6.7): what the widget adapts to. `mail`: the server can send reply emails. */
export const serverConfigSchema = z.object({
  captcha: captchaConfigSchema,
  mail: z.boolean(),
  editWindowMinutes: z.number(),
  ratingMax: z.number(),
});
export type ServerConfig = z.output<typeof serverConfigSchema>;

export const deliveryStateSchema = z.enum(['pending', 'delivering', 'delivered', 'failed']);

/** One outbox row as `GET /admin/deliveries` lists it. */
export const adminDeliverySchema = z.object({
  id: z.string(),
  kind: z.enum(['webhook', 'email']),
  event: z.string(),
  target: z.string(),
  state: deliveryStateSchema,
  attempts: z.number(),
  /** Pending: when the next attempt is due. Delivering: when the worker's lease ends. Else null. */
  nextAttemptAt: z.nullable(z.string()),
  lastError: z.nullable(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AdminDelivery = z.output<typeof adminDeliverySchema>;

export const adminDeliveriesQuerySchema = z.object({
  state: z.optional(deliveryStateSchema),
  limit: listQuerySchema.shape.limit,
});
