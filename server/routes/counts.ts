/** `GET /api/counts?thread=a&thread=b…` (#18, SPEC §6.4): comment counts and ratings for index pages. */
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { countsThreadsSchema } from '../../src/contract/schemas.js';
import { LIMITS } from '../../src/contract/limits.js';
import type { AppDeps } from '../deps.js';
import { errors } from '../errors.js';
import { methodNotAllowed } from '../http/middleware.js';
import { answerByVersion, versionEtag } from '../http/versioned.js';
import { threadCounts } from '../use-cases/counts.js';

export function countsRoutes(deps: AppDeps): Hono {
  const routes = new Hono();

  // Answered from the threads' versions (http/versioned.ts, #24): their sum grows with every write
  // to any of them, so it versions the whole answer.
  routes.get('/counts', async (c) => {
    // Repeated values name the same thread once; sorted, so that any order asks for one answer.
    const threads = [...new Set(c.req.queries('thread') ?? [])].sort();
    if (!z.safeParse(countsThreadsSchema, threads).success)
      throw errors.badRequest(
        `Name 1–${LIMITS.countsThreadsMax} threads as thread=… parameters, each 1–200 characters of A–Z, a–z, 0–9 and . _ ~ : / -`,
      );
    const read = () => deps.versions.threads(threads);
    const version = await read();
    // The key names every thread (sorted) and the rating scale, which shapes the averages.
    const selector = `${deps.config.ratingMax} ${threads.join(' ')}`;
    return answerByVersion(c, {
      cache: deps.answers,
      key: `counts ${selector}`,
      version,
      etag: versionEtag('n', version, selector),
      produce: () => threadCounts(deps, threads),
      replay: { cache: deps.replays, read },
    });
  });

  routes.all('/counts', methodNotAllowed('GET, HEAD, OPTIONS'));
  return routes;
}
