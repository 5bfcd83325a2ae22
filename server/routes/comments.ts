/**
 * `GET/POST /api/threads/:thread/comments`: the published list and posting a comment; and (#18)
 * voting on a comment, its author editing or deleting it.
 */
import { Hono, type Context } from 'hono';
import {
  commentEditInputSchema,
  commentInputSchema,
  commentVoteInputSchema,
  listQuerySchema,
} from '../../src/contract/schemas.js';
import { IDEMPOTENCY_KEY_PATTERN, LIMITS } from '../../src/contract/limits.js';
import type { AppDeps } from '../deps.js';
import { errors } from '../errors.js';
import { jsonBody, methodNotAllowed, rateLimit } from '../http/middleware.js';
import {
  clientAddress,
  commentIdParam,
  decodeCursorParam,
  ownOrigin,
  parseQuery,
  readBody,
  threadParam,
} from '../http/request.js';
import { postAnswerHeaders } from '../http/shape.js';
import { answerByVersion, versionEtag } from '../http/versioned.js';
import { bearerToken } from '../edit-token.js';
import { voteOnComment } from '../use-cases/comment-votes.js';
import { authoriseOwnEdit, deleteOwnComment, editOwnComment } from '../use-cases/own-comment.js';
import { listComments } from '../use-cases/list-comments.js';
import { postComment } from '../use-cases/post-comment.js';

export function commentRoutes(deps: AppDeps): Hono {
  const { config } = deps;
  const routes = new Hono();

  // Answered from the thread's version (http/versioned.ts): 304 or a kept page without reading comments.
  routes.get('/threads/:thread/comments', async (c) => {
    const thread = threadParam(c);
    const query = parseQuery(listQuerySchema, c);
    const request = {
      thread,
      limit: query.limit ?? LIMITS.pageSizeDefault,
      after: decodeCursorParam(query.cursor),
      sort: query.sort ?? 'newest',
    };
    const read = () => deps.versions.thread(thread);
    const version = await read();
    const page = `${request.sort} ${request.limit} ${query.cursor ?? ''}`;
    return answerByVersion(c, {
      cache: deps.answers,
      key: `comments ${thread} ${page}`,
      version,
      etag: versionEtag('c', version, page),
      produce: () => listComments(deps, request),
      replay: { cache: deps.replays, read },
    });
  });

  routes.post('/threads/:thread/comments', rateLimit(deps, 'form.rateLimited'), ...jsonBody, async (c) => {
    const thread = threadParam(c);
    const idempotencyKey = c.req.header('Idempotency-Key') ?? null;
    if (idempotencyKey !== null && !IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) {
      throw errors.badRequest('The Idempotency-Key header must be 8–128 characters of A–Z, a–z, 0–9 and _ . : -');
    }
    const input = await readBody(c, commentInputSchema, config.ratingMax);
    const result = await postComment(deps, {
      thread,
      input,
      idempotencyKey,
      clientAddress: clientAddress(c, config),
      links: { publicUrl: config.publicUrl ?? ownOrigin(c, config), pageOrigin: c.req.header('Origin') },
    });
    return c.body(result.body, result.status, postAnswerHeaders(result));
  });

  routes.all('/threads/:thread/comments', methodNotAllowed('GET, HEAD, POST, OPTIONS'));

  // ---- votes on comments, editing and deleting one's own (#18, SPEC §6.2–6.3) ----

  // A vote counts toward the same write limit as a post.
  routes.put('/threads/:thread/comments/:id/vote', rateLimit(deps, 'rating.rateLimited'), ...jsonBody, async (c) => {
    const thread = threadParam(c);
    const commentId = commentIdParam(c);
    const input = await readBody(c, commentVoteInputSchema, config.ratingMax);
    const result = await voteOnComment(deps, { thread, commentId, input });
    c.header('Cache-Control', 'no-store');
    return c.json(result);
  });
  routes.all('/threads/:thread/comments/:id/vote', methodNotAllowed('PUT, OPTIONS'));

  const ownComment = (c: Context) => ({
    thread: threadParam(c),
    commentId: commentIdParam(c),
    token: bearerToken(c.req.header('Authorization')),
    publicUrl: config.publicUrl ?? ownOrigin(c, config),
  });
  routes.patch('/threads/:thread/comments/:id', rateLimit(deps, 'form.rateLimited'), ...jsonBody, async (c) => {
    const request = ownComment(c);
    // Who may edit is settled before the body is read: a stranger gets 403, never a 422.
    await authoriseOwnEdit(deps, request);
    const input = await readBody(c, commentEditInputSchema, config.ratingMax);
    const comment = await editOwnComment(deps, { ...request, input });
    c.header('Cache-Control', 'no-store');
    return c.json({ comment });
  });
  routes.delete('/threads/:thread/comments/:id', rateLimit(deps, 'form.rateLimited'), async (c) => {
    await deleteOwnComment(deps, ownComment(c));
    c.header('Cache-Control', 'no-store');
    return c.body(null, 204);
  });
  routes.all('/threads/:thread/comments/:id', methodNotAllowed('PATCH, DELETE, OPTIONS'));
  return routes;
}
