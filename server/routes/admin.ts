/** `/api/admin/comments`: moderation, behind `Authorization: Bearer <ADMIN_TOKEN>`. */
import { Hono } from 'hono';
import { adminListQuerySchema, adminPatchSchema } from '../../src/contract/schemas.js';
import { LIMITS } from '../../src/contract/limits.js';
import type { AppDeps } from '../deps.js';
import { errors } from '../errors.js';
import { jsonBody, methodNotAllowed, requireAdmin } from '../http/middleware.js';
import { commentIdParam, decodeCursorParam, ownOrigin, parseQuery, readBody } from '../http/request.js';
import { deletedOutbox, publishedOutbox } from '../notify/events.js';
import { adminComment, pageBody } from '../http/shape.js';
import { exportFileName, exportStream } from '../transfer/export.js';

export function adminRoutes(deps: AppDeps): Hono {
  const { config, store } = deps;
  const admin = requireAdmin(config);
  const routes = new Hono();

  routes.get('/admin/comments', admin, async (c) => {
    const query = parseQuery(adminListQuerySchema, c);
    const page = await store.listByStatus({
      status: query.status ?? null,
      limit: query.limit ?? LIMITS.pageSizeDefault,
      after: decodeCursorParam(query.cursor),
    });
    return c.json(pageBody(page, adminComment));
  });

  routes.patch('/admin/comments/:id', admin, ...jsonBody, async (c) => {
    const id = commentIdParam(c);
    const input = await readBody(c, adminPatchSchema, config.ratingMax);
    // Publishing notifies (#16): written with the change, only when it is one (see setStatus).
    const before = input.status === 'published' ? await store.getComment(id) : null;
    const outbox =
      before && before.status !== 'published'
        ? await publishedOutbox(deps, before, { publicUrl: config.publicUrl ?? ownOrigin(c, config) })
        : undefined;
    const updated = await store.setStatus(id, input.status, outbox);
    if (!updated) throw errors.notFound('No comment with this id.');
    if (outbox?.deliveries.length) deps.notifier?.wake();
    return c.json({ comment: adminComment(updated) });
  });

  routes.delete('/admin/comments/:id', admin, async (c) => {
    const id = commentIdParam(c);
    const before = await store.getComment(id);
    const outbox = before ? deletedOutbox(deps, before) : undefined;
    if (!(await store.deleteComment(id, outbox))) throw errors.notFound('No comment with this id.');
    if (outbox?.deliveries.length) deps.notifier?.wake();
    c.header('Cache-Control', 'no-store');
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
  routes.all('/admin/comments', methodNotAllowed('GET, HEAD, OPTIONS'));
  routes.all('/admin/comments/:id', methodNotAllowed('PATCH, DELETE, OPTIONS'));
  return routes;
}
