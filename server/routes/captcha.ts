/** `GET /api/captcha`: what the widget must show (SPEC §4). */
import { Hono } from 'hono';
import type { AppDeps } from '../deps.js';
import { methodNotAllowed } from '../http/middleware.js';

export function captchaRoutes(deps: AppDeps): Hono {
  const routes = new Hono();
  routes.get('/captcha', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await deps.captcha.describe());
  });
  routes.all('/captcha', methodNotAllowed('GET, HEAD, OPTIONS'));
  return routes;
}
