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

/** A BCP 47 language tag as the widget sends it (`en`, `pt-BR`, `zh-Hant`). */
const LANG_PATTERN = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,3}$/;

const noControl = (key: string) => z.refine<string>((s) => !CONTROL_CHARS.test(s), { error: key });

/**
 * Half of a UTF-16 surrogate pair without its other half: not a character. Stored, it would
 * become ill-formed UTF-8 and read back as three U+FFFD, so the stored text would no longer be
 * the text acknowledged. It is replaced by one U+FFFD before any check (the widget's own
 * `maxlength` can split a pair; refusing would ask the reader to find a character they cannot see).
 */
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * What shows nothing: default-ignorable code points (zero-width spaces and joiners, soft
 * hyphen, Hangul fillers, bidi marks, variation selectors, tags…), whitespace, blank braille.
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{White_Space}\u2800]/gu;

/** Bidirectional embeddings, overrides and isolates: they can make a name read as another. */
const DIRECTION_OVERRIDES = /[\u202A-\u202E\u2066-\u2069]/;

/** Refuses text that is empty once the invisible characters are removed. */
const visible = (key: string) => z.refine<string>((s) => s.replace(INVISIBLE, '') !== '', { error: key });

/** Trimmed, NFC-normalised text, lone surrogates replaced (so the length counted is the length stored). */
const text = () =>
  z.string({ error: 'field.invalid' }).check(
    z.overwrite((s) => s.replace(LONE_SURROGATES, '\uFFFD')),
    z.normalize('NFC'),
    z.trim(),
  );

export const nameSchema = text().check(
  z.minLength(1, { error: 'name.required' }),
  visible('name.required'),
  z.maxLength(LIMITS.nameMax, { error: 'name.tooLong' }),
  noControl('name.control'),
  z.refine((s: string) => !DIRECTION_OVERRIDES.test(s), { error: 'name.control' }),
);

export const emailSchema = text().check(
  z.minLength(1, { error: 'email.required' }),
  z.maxLength(LIMITS.emailMax, { error: 'email.tooLong' }),
  z.regex(EMAIL_PATTERN, { error: 'email.invalid' }),
);

export const messageSchema = text().check(
  z.minLength(1, { error: 'message.required' }),
  visible('message.required'),
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
  /** The token a previous post answered with (MODERATION=first-time: an approved author's proof). */
  authorToken: z.optional(
    z.string({ error: 'field.invalid' }).check(z.maxLength(LIMITS.authorTokenMax, { error: 'field.invalid' })),
  ),
  // ---- notifications (#16) ----
  /** "Email me when someone replies" (SPEC §6.7); unticked = absent or false. */
  notify: z.optional(z.boolean({ error: 'field.invalid' })),
  /** The widget's language (a BCP 47 tag), for emails about this comment. */
  lang: z.optional(z.string({ error: 'field.invalid' }).check(z.regex(LANG_PATTERN, { error: 'field.invalid' }))),
});
export type CommentInput = z.output<typeof commentInputSchema>;
export type CommentInputRaw = z.input<typeof commentInputSchema>;

/** Body of `PUT /threads/:thread/rating`. */
export const ratingInputSchema = z.object({
  value: ratingValueSchema,
  voter: voterSchema,
});
export type RatingInput = z.output<typeof ratingInputSchema>;

// ---- formatting, votes, editing, counts (#18) ----

/** Body of `PUT /threads/:thread/comments/:id/vote` (SPEC §6.2): 1 up, -1 down, 0 removes the vote. */
export const commentVoteInputSchema = z.object({
  voter: voterSchema,
  value: z.union([z.literal(1), z.literal(-1), z.literal(0)], { error: 'field.invalid' }),
});
export type CommentVoteInput = z.output<typeof commentVoteInputSchema>;

/**
 * Body of `PATCH /threads/:thread/comments/:id` (SPEC §6.3), with
 * `Authorization: Bearer <editToken>`: the new message, checked as a new comment's is.
 */
export const commentEditInputSchema = z.object({ message: messageSchema });
export type CommentEditInput = z.output<typeof commentEditInputSchema>;
