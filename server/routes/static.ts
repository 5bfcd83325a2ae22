/**
 * The widget bundle from `dist/` (embeddable from any origin) and the demo from `demo/`.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { etag } from 'hono/etag';
import { serveStatic } from '@hono/node-server/serve-static';
import { errors } from '../errors.js';

export function staticRoutes(root: string): Hono {
  const distDir = join(root, 'dist');
  const demoDir = join(root, 'demo');
  const routes = new Hono();

  routes.get('/article-feedback.js', async (_c, next) => {
    if (existsSync(join(distDir, 'article-feedback.js'))) return next();
    throw errors.notBuilt();
  });
  const staticHeaders = (_path: string, c: Context) => {
    c.header('Cache-Control', 'no-cache');
  };
  // The bundle is loaded by publishers' pages on other origins as `<script type="module">`,
  // which the browser fetches in CORS mode: without this header no other site could embed it.
  const bundleHeaders = (path: string, c: Context) => {
    staticHeaders(path, c);
    c.header('Access-Control-Allow-Origin', '*');
  };
  routes.use('*', etag());
  routes.use('*', serveStatic({ root: distDir, onFound: bundleHeaders }));
  routes.use('*', serveStatic({ root: demoDir, onFound: staticHeaders }));
  return routes;
}
