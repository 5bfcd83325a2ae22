/**
 * Posting a comment (SPEC §3): idempotent retries, the parent check, the captcha, moderation,
 * and one transaction for the comment, its vote and its idempotency record. No HTTP here:
 * the route reads the request and writes the answer; this decides what happens.
 */
import { randomBytes } from 'node:crypto';
import type { CommentInput } from '../../src/contract/schemas.js';
import type { AppDeps } from '../deps.js';
import { sha256 } from '../digest.js';
import { isApprovedAuthor, signAuthorToken } from '../author-token.js';
import { errors } from '../errors.js';
import { addressHash, validationError } from '../http/request.js';
import { bodyJsonOf, publicComment } from '../http/shape.js';
import { articleUrlFor, newCommentOutbox } from '../notify/events.js';
import { editTokenFor, editTokenHash, withEditToken } from '../edit-token.js';
import type { StoredComment, StoredStatus } from '../store/types.js';

export interface PostCommentRequest {
  thread: string;
  /** The body, already validated with `commentInputSchema`. */
  input: CommentInput;
  /** The `Idempotency-Key` header (pattern already checked), or null. */
  idempotencyKey: string | null;
  /** The client's address, for the captcha provider and the stored address hash. */
  clientAddress: string;
  /** For the links in notifications (#16): PUBLIC_URL or the server's origin, and the page's origin. */
  links?: { publicUrl: string; pageOrigin: string | undefined };
}

export interface PostCommentResult {
  /** 201 published, 202 held for moderation. */
  status: 201 | 202;
  /** The JSON answer; a replay repeats the first answer byte for byte. */
  body: string;
  /** True when this answers a retry of an earlier request with the same key. */
  replayed: boolean;
}

/** Random bytes drawn 7 KiB at a time (one call to the system's generator per 1,024 ids, #24). */
const ID_BYTES = 7;
/** Of each id's 7 random bytes (10 characters), 9 characters: 54 bits. */
const RANDOM_DIGITS = 9;
let idPool = Buffer.alloc(0);
let idOffset = 0;

/**
 * The 64 URL-safe characters in ASCII order, so that strings of them compare (SQLite's BINARY,
 * a "C" collation, JavaScript's `<`) as the numbers they write do.
 */
const ORDERED_DIGITS = '-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';
/** 7 digits of 6 bits: milliseconds since 1970 up to the year 2109. */
const TIME_DIGITS = 7;

/**
 * Comment ids, 16 characters: the time of posting in 7 that sort as the time does, then 9 URL-safe
 * random ones (54 bits: unguessable, and unique among the ids of one millisecond; before #24 an
 * id was 12 random characters, 72 bits, which old comments keep). Ids of comments posted together
 * are neighbours in every index keyed by id (the comments' primary key, `comment_notify`'s),
 * so a batch writes a few index pages instead of one page per comment; random ids touched
 * about 40 of a batch's 55 pages, and on a database of 265,000 comments each random insert
 * also read its page from the file (#24, docs/performance-history.md "POST, fifth round"). The time in an id says
 * nothing the comment's `createdAt` does not.
 */
function newCommentId(createdAt: number): string {
  if (idOffset + ID_BYTES > idPool.length) {
    idPool = randomBytes(ID_BYTES * 1024);
    idOffset = 0;
  }
  idOffset += ID_BYTES;
  let time = '';
  for (let i = 0, rest = Math.max(0, Math.floor(createdAt)); i < TIME_DIGITS; i++, rest = Math.floor(rest / 64))
    time = ORDERED_DIGITS[rest % 64]! + time;
  return time + idPool.toString('base64url', idOffset - ID_BYTES, idOffset).slice(0, RANDOM_DIGITS);
}

/** Throws the `HttpError` the client should see when the comment is refused. */
export async function postComment(deps: AppDeps, request: PostCommentRequest): Promise<PostCommentResult> {
  const { config, store, captcha, now } = deps;
  const { thread, input } = request;
  if (input.rating != null && input.rating > config.ratingMax)
    throw validationError({ rating: 'rating.range' }, config.ratingMax);

  // What identifies "the same request" for a retry: everything but the captcha token, which
  // the widget may renew between attempts.
  const { captcha: token, ...sent } = input;
  const idemKey = request.idempotencyKey ? `${thread} ${request.idempotencyKey}` : null;
  const fingerprint = sha256(JSON.stringify(sent), 'base64url');
  const replay = (status: number, body: string): PostCommentResult => ({
    status: status === 202 ? 202 : 201,
    body: withEditToken(config.secret, body),
    replayed: true,
  });
  // The key's earlier answer and the author's blocks (#15), read in one statement (#24).
  const clientHash = addressHash(config, request.clientAddress);
  const { earlier, blocked: blockedAuthor } = await store.beforeComment(idemKey, input.email, clientHash);
  if (earlier) {
    if (earlier.fingerprint !== fingerprint) throw errors.idempotencyConflict();
    return replay(earlier.status, earlier.body);
  }

  // A honeypot catch is stored as spam without further checks, and looks accepted to the bot.
  const spam = (input.website ?? '').trim() !== '';
  if (input.parent && !spam) {
    const parent = await store.getComment(input.parent);
    if (!parent || parent.thread !== thread || parent.status !== 'published') {
      throw validationError({ parent: 'parent.invalid' }, config.ratingMax);
    }
  }
  if (!spam) {
    const verdict = await captcha.verify(token, request.clientAddress);
    if (verdict === 'missing') throw errors.captchaMissing(config.captcha);
    if (verdict === 'invalid') throw errors.captchaFailed();
    if (verdict === 'unavailable') throw errors.captchaUnavailable();
  }

  // Under first-time moderation only a token from the author's browser makes them known: the
  // email alone would let anyone post as an approved author, and 201/202 would tell who is one.
  const approvedAuthor = await isApprovedAuthor({ secret: config.secret, store }, input.authorToken, input.email);
  let status: StoredStatus = 'published';
  if (spam) status = 'spam';
  else if (config.moderation === 'all') status = 'pending';
  else if (config.moderation === 'first-time' && !approvedAuthor) status = 'pending';

  // A blocked author (#15) is answered as anyone else would be, so the block does not announce
  // itself, but the comment is stored as spam; its rating then never counts (votes follow comments).
  const blocked = !spam && blockedAuthor;

  const createdAt = now();
  const comment: StoredComment = {
    id: newCommentId(createdAt),
    thread,
    parent: input.parent ?? null,
    name: input.name,
    email: input.email,
    message: input.message,
    rating: input.rating ?? null,
    voter: input.voter ?? null,
    status,
    createdAt,
    clientHash,
    editedAt: null,
    // #18: the formatted body, parsed once here, and what the edit token is checked against.
    bodyJson: bodyJsonOf(input.message),
    editTokenHash: null,
  };
  const editToken = editTokenFor(config.secret, comment.id);
  comment.editTokenHash = editTokenHash(editToken);
  const httpStatus = status === 'pending' ? 202 : 201;
  // An approved author keeps the token they sent; anyone else gets one naming this comment,
  // which starts to publish at once when a moderator publishes this comment.
  const authorToken = approvedAuthor ? input.authorToken! : signAuthorToken(config.secret, comment.id, comment.email);
  const body = JSON.stringify({ comment: publicComment(comment), authorToken });
  if (blocked) comment.status = 'spam';
  const vote =
    !spam && comment.rating !== null && comment.voter
      ? { thread, voter: comment.voter, value: comment.rating }
      : undefined;
  // The notifications go in the comment's own transaction: stored together or not at all (#16).
  const outbox = request.links
    ? await newCommentOutbox(deps, comment, {
        publicUrl: request.links.publicUrl,
        articleUrl: articleUrlFor(thread, request.links.pageOrigin),
        lang: input.lang,
        notify: input.notify ?? false,
      })
    : undefined;
  const result = await store.createComment(comment, {
    ...(vote ? { vote } : {}),
    ...(outbox ? { outbox } : {}),
    ...(idemKey ? { idempotency: { key: idemKey, fingerprint, status: httpStatus, body, createdAt: now() } } : {}),
  });
  // A concurrent request with the same key won the race: answer as it did.
  if (result.kind === 'replay') return replay(result.record.status, result.record.body);
  if (result.kind === 'conflict') throw errors.idempotencyConflict();
  if (outbox?.deliveries.length) deps.notifier?.wake();
  // The edit token goes out with this answer (and a replay) only: the stored record leaves it out.
  // What withEditToken(secret, body) gives, without parsing back the JSON just written (#24).
  return {
    status: httpStatus,
    body: `${body.slice(0, -1)},"editToken":${JSON.stringify(editToken)}}`,
    replayed: false,
  };
}
