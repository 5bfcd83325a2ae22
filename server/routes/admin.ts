/**
 * `/api/admin/…`: moderation, behind `Authorization: Bearer <ADMIN_TOKEN>` (scripts) or the
 * dashboard's session cookie (#15, http/admin-auth.ts). Every action goes through
 * use-cases/moderate.ts.
 */
import { Hono, type Context } from 'hono';
import { etag } from 'hono/etag';
import {
  blockInputSchema,
  bulkSchema,
  moderationPatchSchema,
  moderationQuerySchema,
  type Block,
  type ModerationComment,
} from '../../src/contract/admin.js';
import { LIMITS, ID_PATTERN } from '../../src/contract/limits.js';
import type { AppDeps } from '../deps.js';
import { errors } from '../errors.js';
import { requireModerator } from '../http/admin-auth.js';
import { jsonBody, methodNotAllowed } from '../http/middleware.js';
import { commentIdParam, decodeCursorParam, ownOrigin, parseQuery, readBody } from '../http/request.js';
import { adminComment, encodeCursor } from '../http/shape.js';
import type { StoredBlock } from '../store/admin.js';
import type { StoredComment } from '../store/types.js';
import { exportFileName, exportStream } from '../transfer/export.js';
import {
  blockAuthor,
  deleteComment,
  editComment,
  liftBlock,
  moderateMany,
  setCommentStatus,
} from '../use-cases/moderate.js';

/** A thread that is an address is its own link; one that is a path links under SITE_URL. */
export function articleUrl(thread: string, siteUrl: string | undefined): string | null {
  if (/^https?:\/\//.test(thread)) return thread;
  if (siteUrl && thread.startsWith('/')) return siteUrl + thread;
  return null;
}

function blockBody(block: StoredBlock): Block {
  return {
    id: block.id,
    kind: block.kind,
    // The whole hash would be of no use to a reader and need not leave the server.
    value: block.kind === 'email' ? block.value : `${block.value.slice(0, 8)}…`,
    label: block.label,
    comment: block.commentId,
    createdAt: new Date(block.createdAt).toISOString(),
  };
}

export function adminRoutes(deps: AppDeps): Hono {
  const { config, store } = deps;
  const admin = requireModerator(deps);
  const routes = new Hono();
  // The notifications of a moderation action (#16) link to the server where PUBLIC_URL is unset.
  const withLinks = (c: Context) => ({ ...deps, publicUrl: ownOrigin(c, config) });

  const moderationComment = (comment: StoredComment, parents: Map<string, string>): ModerationComment => ({
    ...adminComment(comment),
    ...(comment.parent ? { parentMessage: parents.get(comment.parent) ?? null } : {}),
    url: articleUrl(comment.thread, config.siteUrl),
  });

  // Newest first, by status (`all` = every status), words (`q`) and thread. The ETag lets the
  // dashboard poll cheaply: an unchanged page answers 304.
  routes.get('/admin/comments', admin, etag(), async (c) => {
    const query = parseQuery(moderationQuerySchema, c);
    const page = await store.admin.listQueue({
      status: query.status === undefined || query.status === 'all' ? null : query.status,
      search: query.q ?? null,
      thread: query.thread ?? null,
      limit: query.limit ?? LIMITS.pageSizeDefault,
      after: decodeCursorParam(query.cursor),
    });
    const parentIds = [...new Set(page.items.flatMap((comment) => (comment.parent ? [comment.parent] : [])))];
    const parents = await store.admin.messagesOf(parentIds);
    return c.json({
      comments: page.items.map((comment) => moderationComment(comment, parents)),
      nextCursor: page.next ? encodeCursor(page.next) : null,
    });
  });

  routes.get('/admin/counts', admin, etag(), async (c) => {
    const counts = await store.admin.countByStatus();
    return c.json({ counts: { ...counts, all: counts.pending + counts.published + counts.spam } });
  });

  routes.post('/admin/comments/bulk', admin, ...jsonBody, async (c) => {
    const input = await readBody(c, bulkSchema, config.ratingMax);
    return c.json(await moderateMany(withLinks(c), input.action, input.ids));
  });

  // One comment, for the dashboard's deep link `/admin?comment=<id>`.
  routes.get('/admin/comments/:id', admin, async (c) => {
    const comment = await store.getComment(commentIdParam(c));
    if (!comment) throw errors.notFound('No comment with this id.');
    const parents = await store.admin.messagesOf(comment.parent ? [comment.parent] : []);
    return c.json({ comment: moderationComment(comment, parents) });
  });

  routes.patch('/admin/comments/:id', admin, ...jsonBody, async (c) => {
    const id = commentIdParam(c);
    const input = await readBody(c, moderationPatchSchema, config.ratingMax);
    const updated =
      'status' in input
        ? await setCommentStatus(withLinks(c), id, input.status)
        : await editComment(withLinks(c), id, input.message);
    if (!updated) throw errors.notFound('No comment with this id.');
    return c.json({ comment: adminComment(updated) });
  });

  routes.delete('/admin/comments/:id', admin, async (c) => {
    const id = commentIdParam(c);
    if (!(await deleteComment(withLinks(c), id))) throw errors.notFound('No comment with this id.');
    return c.body(null, 204);
  });

  routes.get('/admin/blocks', admin, async (c) => {
    const blocks = await store.admin.listBlocks();
    return c.json({ blocks: blocks.map(blockBody) });
  });

  routes.post('/admin/blocks', admin, ...jsonBody, async (c) => {
    const input = await readBody(c, blockInputSchema, config.ratingMax);
    const result = await blockAuthor(deps, input.comment, input.by);
    if (!result) throw errors.notFound('No comment with this id.');
    return c.json({ blocks: result.blocks.map(blockBody), comment: adminComment(result.comment) }, 201);
  });

  routes.delete('/admin/blocks/:id', admin, async (c) => {
    const id = c.req.param('id');
    if (!ID_PATTERN.test(id) || !(await liftBlock(deps, id))) throw errors.notFound('No block with this id.');
    return c.body(null, 204);
  });

  // Everything, as `article-feedback-server export` writes it (JSON Lines), for the dashboard's download.
  routes.get('/admin/export', admin, (c) => {
    const now = deps.now();
    c.header('Content-Type', 'application/x-ndjson; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${exportFileName(now)}"`);
    return c.body(exportStream(store, now));
  });

  routes.all('/admin/export', methodNotAllowed('GET, HEAD, OPTIONS'));
  routes.all('/admin/counts', methodNotAllowed('GET, HEAD, OPTIONS'));
  routes.all('/admin/comments', methodNotAllowed('GET, HEAD, OPTIONS'));
  routes.all('/admin/comments/bulk', methodNotAllowed('POST, OPTIONS'));
  routes.all('/admin/comments/:id', methodNotAllowed('GET, HEAD, PATCH, DELETE, OPTIONS'));
  routes.all('/admin/blocks', methodNotAllowed('GET, HEAD, POST, OPTIONS'));
  routes.all('/admin/blocks/:id', methodNotAllowed('DELETE, OPTIONS'));
  return routes;
}
