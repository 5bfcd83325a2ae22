import type {
  CaptchaConfig,
  PublicComment,
  CommentInputRaw,
  RatingAggregate,
  RatingInput,
  ServerConfig,
} from '../contract/schemas.js';
import { json, send } from './api.js';
import { threadPath } from './endpoint.js';

// The API calls made on the reader's action: posting a comment, voting, fetching a captcha.
// Only the on-demand chunks (the form's sending, the vote, the captcha) import this module, so
// the script-tag bundle does not carry it.

/** What `POST /threads/:thread/comments` answered: 201 published or 202 pending. */
export interface PostResult {
  status: 201 | 202;
  comment: PublicComment;
  /** Kept by the form and sent with the reader's next posts (see client/author-token.ts). */
  authorToken?: string;
}

export async function postComment(
  base: string,
  thread: string,
  payload: CommentInputRaw,
  idempotencyKey: string,
): Promise<PostResult> {
  const res = await send(base, 'POST', `${threadPath(thread)}/comments`, {
    body: payload,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
  const answer = (await res.json()) as { comment: PublicComment; authorToken?: string };
  return { status: res.status === 202 ? 202 : 201, comment: answer.comment, authorToken: answer.authorToken };
}

export function putRating(base: string, thread: string, input: RatingInput): Promise<RatingAggregate> {
  return json(base, 'PUT', `${threadPath(thread)}/rating`, { body: input });
}

export function getCaptcha(base: string, signal?: AbortSignal): Promise<CaptchaConfig> {
  return json(base, 'GET', '/captcha', { signal });
}

// ---- notifications (#16) ----

/** `GET /config` (SPEC §6.7): whether the server sends email, among others. */
export function getServerConfig(base: string, signal?: AbortSignal): Promise<ServerConfig> {
  return json(base, 'GET', '/config', { signal });
}
