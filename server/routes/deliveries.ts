/**
 * `/api/admin/deliveries` (#16): the outbox as moderators see it (recent rows, their state,
 * attempts and last error) and "retry" for a failed one; behind the admin bearer token.
 */
import { Hono } from 'hono';
import { adminDeliveriesQuerySchema, type AdminDelivery } from '../../src/contract/schemas.js';
import type { AppDeps } from '../deps.js';
import { errors } from '../errors.js';
import { requireModerator } from '../http/admin-auth.js';
import { methodNotAllowed } from '../http/middleware.js';
import { parseQuery } from '../http/request.js';
import type { Delivery } from '../store/outbox.js';

const DEFAULT_LIMIT = 50;
const DELIVERY_ID = /^msg_[A-Za-z0-9_-]{1,64}$/;

function adminDelivery(d: Delivery): AdminDelivery {
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    id: d.id,
    kind: d.kind,
    event: d.event,
    target: d.target,
    state: d.state,
    attempts: d.attempts,
    nextAttemptAt: d.state === 'pending' || d.state === 'delivering' ? iso(d.nextAttemptAt) : null,
    lastError: d.lastError,
    createdAt: iso(d.createdAt),
    updatedAt: iso(d.updatedAt),
  };
}

export function deliveryRoutes(deps: AppDeps): Hono {
  const { store } = deps;
  const admin = requireModerator(deps);
  const routes = new Hono();

  routes.get('/admin/deliveries', admin, async (c) => {
    const query = parseQuery(adminDeliveriesQuerySchema, c);
    const rows = await store.outbox.list({ limit: query.limit ?? DEFAULT_LIMIT, state: query.state });
    return c.json({ deliveries: rows.map(adminDelivery), depth: await store.outbox.depth() });
  });

  // One more attempt now for a failed (or waiting) row; a delivered row is not sent again.
  routes.post('/admin/deliveries/:id/retry', admin, async (c) => {
    const id = c.req.param('id');
    if (!DELIVERY_ID.test(id)) throw errors.notFound('No delivery with this id.');
    const delivery = await store.outbox.retry(id);
    if (!delivery) throw errors.notFound('No delivery with this id.');
    if (delivery.state === 'pending') deps.notifier?.wake();
    return c.json({ delivery: adminDelivery(delivery) });
  });

  routes.all('/admin/deliveries', methodNotAllowed('GET, HEAD, OPTIONS'));
  routes.all('/admin/deliveries/:id/retry', methodNotAllowed('POST, OPTIONS'));
  return routes;
}
