/**
 * The one source of truth for what crosses the wire (SPEC §3). The widget and the server both
 * validate with these schemas; every check carries a message key, never English text.
 */
import * as z from 'zod/mini';
import {
  CONTROL_CHARS,
  EMAIL_PATTERN,
  ID_PATTERN,
  LIMITS,
  MESSAGE_CONTROL_CHARS,
  THREAD_PATTERN,
  VOTER_PATTERN,
} from './limits.js';

const noControl = (key: string) => z.refine<string>((s) => !CONTROL_CHARS.test(s), { error: key });

/** Trimmed, NFC-normalised text. */
const text = () => z.string({ error: 'field.invalid' }).check(z.normalize('NFC'), z.trim());

export const nameSchema = text().check(
  z.minLength(1, { error: 'name.required' }),
  z.maxLength(LIMITS.nameMax, { error: 'name.tooLong' }),
  noControl('name.control'),
);

export const emailSchema = text().check(
  z.minLength(1, { error: 'email.required' }),
  z.maxLength(LIMITS.emailMax, { error: 'email.tooLong' }),
  z.regex(EMAIL_PATTERN, { error: 'email.invalid' }),
);

export const messageSchema = text().check(
  z.minLength(1, { error: 'message.required' }),
  z.maxLength(LIMITS.messageMax, { error: 'message.tooLong' }),
  z.refine((s: string) => !MESSAGE_CONTROL_CHARS.test(s), { error: 'message.control' }),
);

/** A star value on any scale the server may use; the server checks it against RATING_MAX. */
export const ratingValueSchema = z.number({ error: 'rating.range' }).check(
  z.int({ error: 'rating.range' }),
  z.gte(1, { error: 'rating.range' }),
  z.lte(LIMITS.ratingScaleMax, { error: 'rating.range' }),
);

export const voterSchema = z.string({ error: 'voter.invalid' }).check(z.regex(VOTER_PATTERN, { error: 'voter.invalid' }));

export const commentIdSchema = z.string({ error: 'parent.invalid' }).check(z.regex(ID_PATTERN, { error: 'parent.invalid' }));

export const threadSchema = z.string().check(z.regex(THREAD_PATTERN, { error: 'thread.invalid' }));

/** Body of `POST /threads/:thread/comments`. */
export const commentInputSchema = z.object({
  name: nameSchema,
  email: emailSchema,
  message: messageSchema,
  rating: z.optional(z.nullable(ratingValueSchema)),
  voter: z.optional(voterSchema),
  parent: z.optional(z.nullable(commentIdSchema)),
  captcha: z.optional(z.string({ error: 'captcha.invalid' }).check(z.maxLength(LIMITS.captchaMax, { error: 'captcha.invalid' }))),
  website: z.optional(z.string({ error: 'field.invalid' }).check(z.maxLength(LIMITS.honeypotMax, { error: 'field.invalid' }))),
});
export type CommentInput = z.output<typeof commentInputSchema>;
export type CommentInputRaw = z.input<typeof commentInputSchema>;

/** Body of `PUT /threads/:thread/rating`. */
export const ratingInputSchema = z.object({
  value: ratingValueSchema,
  voter: voterSchema,
});
export type RatingInput = z.output<typeof ratingInputSchema>;

export const commentStatusSchema = z.enum(['published', 'pending']);
export type CommentStatus = z.output<typeof commentStatusSchema>;

export const commentSchema = z.object({
  id: z.string(),
  thread: z.string(),
  parent: z.nullable(z.string()),
  name: z.string(),
  message: z.string(),
  rating: z.nullable(z.number()),
  createdAt: z.string(),
  status: commentStatusSchema,
});
export type Comment = z.output<typeof commentSchema>;

export const adminCommentSchema = z.object({
  id: z.string(),
  thread: z.string(),
  parent: z.nullable(z.string()),
  name: z.string(),
  email: z.string(),
  message: z.string(),
  rating: z.nullable(z.number()),
  createdAt: z.string(),
  status: z.enum(['published', 'pending', 'spam']),
});
export type AdminComment = z.output<typeof adminCommentSchema>;

export const sortSchema = z.enum(['newest', 'oldest']);
export type Sort = z.output<typeof sortSchema>;

/** Query of `GET /threads/:thread/comments`. Values arrive as strings. */
export const listQuerySchema = z.object({
  limit: z.optional(
    z.pipe(
      z.string().check(z.regex(/^\d{1,3}$/)),
      z.transform((s: string) => Number(s)),
    ).check(z.refine((n: number) => n >= 1 && n <= LIMITS.pageSizeMax)),
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

export const commentCreatedSchema = z.object({ comment: commentSchema });

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
export function fieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'body');
    if (!(field in out)) out[field] = issue.message;
  }
  return out;
}
