/**
 * The widget bundle and `<comment-count>`'s entry from the widget package's `dist/` (embeddable
 * from any origin) and the demo pages (server/paths.ts says where both are).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { etag } from 'hono/etag';
import { serveStatic } from '@hono/node-server/serve-static';
import { errors } from '../errors.js';
import type { StaticDirs } from '../paths.js';

export function staticRoutes({ dist: distDir, demo: demoDir }: StaticDirs): Hono {
  const routes = new Hono();

  // The script-tag bundle and `<comment-count>`'s own entry (#18, with its chunks in count/):
  // a clear 503 when the build has not written them, rather than a 404.
  for (const entry of ['article-feedback.js', 'comment-count.js']) {
    routes.get(`/${entry}`, async (_c, next) => {
      if (existsSync(join(distDir, entry))) return next();
      throw errors.notBuilt();
    });
  }
  const staticHeaders = (_path: string, c: Context) => {
    c.header('Cache-Control', 'no-cache');
  };
  // The bundle is loaded by publishers' pages on other origins as `<script type="module">`,
  // which the browser fetches in CORS mode: without this header no other site could embed it.
  const bundleHeaders = (path: string, c: Context) => {
    staticHeaders(path, c);
    c.header('Access-Control-Allow-Origin', '*');
  };
  // The type table knows `.ts` only as an MPEG transport stream (video/mp2t); the shipped
  // declarations (`.d.ts`) are text.
  routes.use('*', async (c, next) => {
    await next();
    if (/\.[cm]?ts$/.test(c.req.path) && c.res.headers.get('Content-Type') === 'video/mp2t')
      c.res.headers.set('Content-Type', 'text/plain; charset=UTF-8');
  });
  routes.use('*', etag());
  routes.use('*', serveStatic({ root: distDir, onFound: bundleHeaders }));
  routes.use('*', serveStatic({ root: demoDir, onFound: staticHeaders }));
  return routes;
}
