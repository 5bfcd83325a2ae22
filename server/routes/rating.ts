/** `GET/PUT /api/threads/:thread/rating`: the aggregate and casting a vote. */
import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { ratingInputSchema } from '../../src/contract/schemas.js';
import type { AppDeps } from '../deps.js';
import { cacheable, jsonBody, methodNotAllowed, rateLimit } from '../http/middleware.js';
import { readBody, threadParam } from '../http/request.js';
import { castVote, ratingAggregate } from '../use-cases/rating.js';

export function ratingRoutes(deps: AppDeps): Hono {
  const routes = new Hono();

  routes.get('/threads/:thread/rating', etag(), cacheable('no-cache'), async (c) => {
    return c.json(await ratingAggregate(deps, threadParam(c)));
  });

  routes.put('/threads/:thread/rating', rateLimit(deps, 'rating.rateLimited'), ...jsonBody, async (c) => {
    const thread = threadParam(c);
    const input = await readBody(c, ratingInputSchema, deps.config.ratingMax);
    const aggregate = await castVote(deps, thread, input);
    c.header('Cache-Control', 'no-store');
    return c.json(aggregate);
  });

  routes.all('/threads/:thread/rating', methodNotAllowed('GET, HEAD, PUT, OPTIONS'));
  return routes;
}
