/**
 * The reference server's HTTP app (SPEC §3, §5): the API under `/api`, `/healthz`, the widget
 * bundle from `dist/` and the demo from `demo/`. This file only composes: cross-cutting
 * middleware (http/middleware.ts), one route module per concern (routes/), the one error
 * handler (http/error-handler.ts). Use cases live in use-cases/.
 */
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import type { Captcha } from './captcha/types.js';
import type { Config } from './config.js';
import type { AppDeps } from './deps.js';
import { errors } from './errors.js';
import { createErrorHandler, handleNotFound } from './http/error-handler.js';
import { cors, securityHeaders } from './http/middleware.js';
import { MemoryRateLimiter, type RateLimiter } from './rate-limit.js';
import { adminRoutes } from './routes/admin.js';
import { captchaRoutes } from './routes/captcha.js';
import { commentRoutes } from './routes/comments.js';
import { countsRoutes } from './routes/counts.js';
import { openApiRoutes } from './routes/openapi.js';
import { ratingRoutes } from './routes/rating.js';
import { staticRoutes } from './routes/static.js';
import type { Store } from './store/types.js';

export { decodeCursor, encodeCursor } from './http/shape.js';

export interface AppOptions {
  config: Config;
  store: Store;
  captcha: Captcha;
  /** Where `dist/` and `demo/` live. Default: the repository root. */
  root?: string;
  /** Clock, injected by tests. */
  now?: () => number;
  /** Write limits; default: in memory, `config.rateLimitWrites` per minute per client. */
  rateLimiter?: RateLimiter;
}

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

export function createApp(options: AppOptions) {
  const { config } = options;
  const deps: AppDeps = {
    config,
    store: options.store,
    captcha: options.captcha,
    now: options.now ?? Date.now,
    rateLimiter: options.rateLimiter ?? new MemoryRateLimiter(config.rateLimitWrites),
  };

  const app = new Hono();
  app.use('*', securityHeaders(config));
  app.use('/api/*', cors(config));

  app.route('/api', commentRoutes(deps));
  app.route('/api', ratingRoutes(deps));
  app.route('/api', captchaRoutes(deps));
  app.route('/api', openApiRoutes(deps));
  app.route('/api', adminRoutes(deps));
  app.route('/api', countsRoutes(deps)); // #18
  app.all('/api/*', () => {
    throw errors.notFound('No such API endpoint.');
  });

  app.get('/healthz', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'ok' });
  });
  app.route('/', staticRoutes(options.root ?? REPO_ROOT));

  app.notFound(handleNotFound);
  app.onError(createErrorHandler({ now: deps.now }));
  return app;
}

export type App = ReturnType<typeof createApp>;
