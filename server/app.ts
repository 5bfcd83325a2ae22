/**
 * The reference server's HTTP app (SPEC §3, §5): the API under `/api`, `/healthz`, the widget
 * bundle from `dist/` and the demo from `demo/`. This file only composes: cross-cutting
 * middleware (http/middleware.ts), one route module per concern (routes/), the one error
 * handler (http/error-handler.ts). Use cases live in use-cases/.
 */
import type { RequestListener } from 'node:http';
import { join } from 'node:path';
import { Hono } from 'hono';
import type { Captcha } from './captcha/types.js';
import type { Config } from './config.js';
import type { Notifier } from './notify/index.js';
import type { AppDeps } from './deps.js';
import { errors } from './errors.js';
import { createErrorHandling, handleNotFound } from './http/error-handler.js';
import { cors, securityHeaders } from './http/middleware.js';
import { defaultStaticDirs } from './paths.js';
import { withFastPost } from './http/fast-post.js';
import { createNodeListener, ReplayCache } from './http/replay.js';
import { AnswerCache } from './http/versioned.js';
import { ThreadVersions } from './http/versions.js';
import { MemoryRateLimiter, type RateLimiter } from './rate-limit.js';
import { adminRoutes } from './routes/admin.js';
import { adminSessionRoutes } from './routes/admin-session.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { captchaRoutes } from './routes/captcha.js';
import { commentRoutes } from './routes/comments.js';
import { configRoutes } from './routes/config.js';
import { deliveryRoutes } from './routes/deliveries.js';
import { unsubscribeRoutes } from './routes/unsubscribe.js';
import { countsRoutes } from './routes/counts.js';
import { openApiRoutes } from './routes/openapi.js';
import { ratingRoutes } from './routes/rating.js';
import { renderedRoutes } from './routes/rendered.js';
import { staticRoutes } from './routes/static.js';
import type { Store } from './store/types.js';

export { decodeCursor, encodeCursor } from './http/shape.js';

export interface AppOptions {
  config: Config;
  store: Store;
  captcha: Captcha;
  /** A folder holding `dist/` and `demo/` to serve (tests). Default: see server/paths.ts. */
  root?: string;
  /** Clock, injected by tests. */
  now?: () => number;
  /** Write limits; default: in memory, `config.rateLimitWrites` per minute per client. */
  rateLimiter?: RateLimiter;
  /** The delivery worker to wake when something is queued (#16); default: none (rows wait in the outbox). */
  notifier?: Notifier;
  /** Thread versions within READ_STALE_MS (cli.ts hands in the one its LISTEN connection tells); default: a new one. */
  versions?: ThreadVersions;
}

export function createApp(options: AppOptions) {
  return buildApp(options).app;
}

/**
 * The app and the `node:http` listener in front of it (http/fast-post.ts: a new comment answered
 * without Hono; http/replay.ts: versioned GETs answered again without Hono while their version
 * holds). The one way a server is built to listen (cli.ts `serve`; tests that need a socket).
 * `wrapFetch` lets a test see which requests reach Hono.
 */
export function createAppListener(
  options: AppOptions,
  hooks: {
    hostname?: string;
    wrapFetch?: (fetch: App['fetch']) => App['fetch'];
    /** false: new comments go through Hono too (tests compare the two paths). */
    fastPost?: boolean;
  } = {},
): { app: App; listener: RequestListener } {
  const { app, deps, errorHandling } = buildApp(options);
  const fetch = hooks.wrapFetch ? hooks.wrapFetch(app.fetch) : app.fetch;
  const listener = createNodeListener(fetch, deps.replays, { hostname: hooks.hostname });
  if (hooks.fastPost === false) return { app, listener };
  return { app, listener: withFastPost(deps, errorHandling.httpErrorOf, listener) };
}

function buildApp(options: AppOptions) {
  const { config } = options;
  const deps: AppDeps = {
    config,
    store: options.store,
    captcha: options.captcha,
    now: options.now ?? Date.now,
    rateLimiter: options.rateLimiter ?? new MemoryRateLimiter(config.rateLimitWrites),
    answers: new AnswerCache(config.readCacheBytes),
    replays: new ReplayCache(config.readCacheBytes),
    versions: options.versions ?? new ThreadVersions(options.store, config.readStaleMs),
    notifier: options.notifier ?? { wake: () => {} },
  };

  const app = new Hono();
  app.use('*', securityHeaders(config));
  app.use('/api/*', cors(config));
  // A write through this instance: the thread versions it kept (READ_STALE_MS) are dropped
  // before the answer leaves, so its writer's next read here sees the write.
  app.on(['POST', 'PUT', 'PATCH', 'DELETE'], '/api/*', async (_c, next) => {
    try {
      await next();
    } finally {
      deps.versions.forget(null);
    }
  });

  app.route('/api', commentRoutes(deps));
  app.route('/api', ratingRoutes(deps));
  app.route('/api', captchaRoutes(deps));
  app.route('/api', openApiRoutes(deps));
  app.route('/api', adminSessionRoutes(deps));
  app.route('/api', adminRoutes(deps));
  // ---- notifications (#16) ----
  app.route('/api', configRoutes(deps));
  app.route('/api', deliveryRoutes(deps));
  app.route('/api', unsubscribeRoutes(deps));
  app.route('/api', countsRoutes(deps)); // #18
  app.route('/api', renderedRoutes(deps)); // #19
  app.all('/api/*', () => {
    throw errors.notFound('No such API endpoint.');
  });

  app.get('/healthz', async (c) => {
    c.header('Cache-Control', 'no-store');
    // The outbox depth (#16): rows waiting to be delivered, and those that gave up.
    return c.json({ status: 'ok', outbox: await deps.store.outbox.depth() });
  });
  const { root } = options;
  const dirs = root ? { dist: join(root, 'dist'), demo: join(root, 'demo') } : defaultStaticDirs();
  app.route('/', dashboardRoutes(deps, dirs.dist));
  app.route('/', staticRoutes(dirs));

  app.notFound(handleNotFound);
  const errorHandling = createErrorHandling({ now: deps.now });
  app.onError(errorHandling.handler);
  return { app, deps, errorHandling };
}

export type App = ReturnType<typeof buildApp>['app'];
