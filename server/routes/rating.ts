/** `GET/PUT /api/threads/:thread/rating`: the aggregate and casting a vote. */
import { Hono } from 'hono';
import { ratingInputSchema } from '../../src/contract/schemas.js';
import type { AppDeps } from '../deps.js';
import { jsonBody, methodNotAllowed, rateLimit } from '../http/middleware.js';
import { readBody, threadParam } from '../http/request.js';
import { answerByVersion, versionEtag } from '../http/versioned.js';
import { castVote, ratingAggregate } from '../use-cases/rating.js';

export function ratingRoutes(deps: AppDeps): Hono {
  const routes = new Hono();

  // Answered from the thread's version (http/versioned.ts); the scale is part of the answer.
  routes.get('/threads/:thread/rating', async (c) => {
    const thread = threadParam(c);
    const read = () => deps.versions.thread(thread);
    const version = await read();
    return answerByVersion(c, {
      cache: deps.answers,
      key: `rating ${thread}`,
      version,
      etag: versionEtag('r', version, String(deps.config.ratingMax)),
      produce: () => ratingAggregate(deps, thread),
      replay: { cache: deps.replays, read },
    });
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
