/**
 * The input schemas: what a reader sends (SPEC §3). Kept apart from the answer schemas so
 * the widget bundles only these; the server validates with the very same objects.
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
export const ratingValueSchema = z
  .number({ error: 'rating.range' })
  .check(
    z.int({ error: 'rating.range' }),
    z.gte(1, { error: 'rating.range' }),
    z.lte(LIMITS.ratingScaleMax, { error: 'rating.range' }),
  );

export const voterSchema = z
  .string({ error: 'voter.invalid' })
  .check(z.regex(VOTER_PATTERN, { error: 'voter.invalid' }));

export const commentIdSchema = z
  .string({ error: 'parent.invalid' })
  .check(z.regex(ID_PATTERN, { error: 'parent.invalid' }));

export const threadSchema = z.string().check(z.regex(THREAD_PATTERN, { error: 'thread.invalid' }));

/** Body of `POST /threads/:thread/comments`. */
export const commentInputSchema = z.object({
  name: nameSchema,
  email: emailSchema,
  message: messageSchema,
  rating: z.optional(z.nullable(ratingValueSchema)),
  voter: z.optional(voterSchema),
  parent: z.optional(z.nullable(commentIdSchema)),
  captcha: z.optional(
    z.string({ error: 'captcha.invalid' }).check(z.maxLength(LIMITS.captchaMax, { error: 'captcha.invalid' })),
  ),
  website: z.optional(
    z.string({ error: 'field.invalid' }).check(z.maxLength(LIMITS.honeypotMax, { error: 'field.invalid' })),
  ),
});
export type CommentInput = z.output<typeof commentInputSchema>;
export type CommentInputRaw = z.input<typeof commentInputSchema>;

/** Body of `PUT /threads/:thread/rating`. */
export const ratingInputSchema = z.object({
  value: ratingValueSchema,
  voter: voterSchema,
});
export type RatingInput = z.output<typeof ratingInputSchema>;
