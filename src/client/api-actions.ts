import type {
  CaptchaConfig,
  CommentVoteResult,
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
  /** Lets this browser edit or delete the comment for a while (SPEC §6.3, client/edit-tokens.ts). */
  editToken?: unknown;
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
  const answer = (await res.json()) as { comment: PublicComment; authorToken?: string; editToken?: unknown };
  return {
    status: res.status === 202 ? 202 : 201,
    comment: answer.comment,
    authorToken: answer.authorToken,
    editToken: answer.editToken,
  };
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

// ---- votes on comments, editing and deleting one's own (#18, SPEC §6.2–6.3) ----

const commentPath = (thread: string, id: string) => `${threadPath(thread)}/comments/${encodeURIComponent(id)}`;

/** `PUT …/comments/:id/vote`: 1 up, -1 down, 0 takes the vote back. */
export function voteOnComment(
  base: string,
  thread: string,
  id: string,
  input: { voter: string; value: 1 | -1 | 0 },
): Promise<CommentVoteResult> {
  return json(base, 'PUT', `${commentPath(thread, id)}/vote`, { body: input });
}

/** `PATCH …/comments/:id` with the edit token: the comment as now listed (with `editedAt`). */
export async function editOwnComment(
  base: string,
  thread: string,
  id: string,
  token: string,
  message: string,
): Promise<PublicComment> {
  const answer = await json<{ comment: PublicComment }>(base, 'PATCH', commentPath(thread, id), {
    body: { message },
    headers: { Authorization: `Bearer ${token}` },
  });
  return answer.comment;
}

/** `DELETE …/comments/:id` with the edit token (204). */
export async function deleteOwnComment(base: string, thread: string, id: string, token: string): Promise<void> {
  await send(base, 'DELETE', commentPath(thread, id), { headers: { Authorization: `Bearer ${token}` } });
}
