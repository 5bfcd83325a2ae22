/** `/api/admin/comments`: moderation, behind `Authorization: Bearer <ADMIN_TOKEN>`. */
import { Hono } from 'hono';
import { adminListQuerySchema, adminPatchSchema } from '../../src/contract/schemas.js';
import { LIMITS } from '../../src/contract/limits.js';
import type { AppDeps } from '../deps.js';
import { errors } from '../errors.js';
import { jsonBody, methodNotAllowed, requireAdmin } from '../http/middleware.js';
import { commentIdParam, decodeCursorParam, parseQuery, readBody } from '../http/request.js';
import { adminComment, pageBody } from '../http/shape.js';

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
    const updated = await store.setStatus(id, input.status);
    if (!updated) throw errors.notFound('No comment with this id.');
    return c.json({ comment: adminComment(updated) });
  });

  routes.delete('/admin/comments/:id', admin, async (c) => {
    const id = commentIdParam(c);
    if (!(await store.deleteComment(id))) throw errors.notFound('No comment with this id.');
    c.header('Cache-Control', 'no-store');
    return c.body(null, 204);
  });

  routes.all('/admin/comments', methodNotAllowed('GET, HEAD, OPTIONS'));
  routes.all('/admin/comments/:id', methodNotAllowed('PATCH, DELETE, OPTIONS'));
  return routes;
}
