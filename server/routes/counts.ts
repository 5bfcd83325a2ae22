/** `GET /api/counts?thread=a&thread=b…` (#18, SPEC §6.4): comment counts and ratings for index pages. */
import { Hono } from 'hono';
import { etag } from 'hono/etag';
import * as z from 'zod/mini';
import { countsThreadsSchema } from '../../src/contract/schemas.js';
import { LIMITS } from '../../src/contract/limits.js';
import type { AppDeps } from '../deps.js';
import { errors } from '../errors.js';
import { cacheable, methodNotAllowed } from '../http/middleware.js';
import { threadCounts } from '../use-cases/counts.js';

export function countsRoutes(deps: AppDeps): Hono {
  const routes = new Hono();

  routes.get('/counts', etag(), cacheable('no-cache'), async (c) => {
    // Repeated values name the same thread once.
    const threads = [...new Set(c.req.queries('thread') ?? [])];
    if (!z.safeParse(countsThreadsSchema, threads).success)
      throw errors.badRequest(
        `Name 1–${LIMITS.countsThreadsMax} threads as thread=… parameters, each 1–200 characters of A–Z, a–z, 0–9 and . _ ~ : / -`,
      );
    return c.json(await threadCounts(deps, threads));
  });

  routes.all('/counts', methodNotAllowed('GET, HEAD, OPTIONS'));
  return routes;
}
