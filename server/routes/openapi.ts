/** `GET /api/openapi.json`: the contract as OpenAPI 3.1, built once at start. */
import { Hono } from 'hono';
import { etag } from 'hono/etag';
import type { AppDeps } from '../deps.js';
import { methodNotAllowed } from '../http/middleware.js';
import { openApiDocument } from '../openapi.js';

export function openApiRoutes(deps: AppDeps): Hono {
  const document = JSON.stringify(openApiDocument(deps.config.ratingMax));
  const routes = new Hono();
  routes.get('/openapi.json', etag(), (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(document, 200, { 'Content-Type': 'application/json; charset=UTF-8' });
  });
  routes.all('/openapi.json', methodNotAllowed('GET, HEAD, OPTIONS'));
  return routes;
}
