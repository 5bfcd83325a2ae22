/** `GET /api/config` (SPEC §6.7, #16): what the widget adapts to, in one request. */
import { Hono } from 'hono';
import type { ServerConfig } from '../../src/contract/schemas.js';
import type { AppDeps } from '../deps.js';
import { methodNotAllowed } from '../http/middleware.js';
import { mailEnabled } from '../notify/events.js';

export function configRoutes(deps: AppDeps): Hono {
  const { config } = deps;
  const routes = new Hono();
  routes.get('/config', async (c) => {
    // Not cached: the captcha part carries a fresh proof-of-work challenge, as GET /captcha does.
    c.header('Cache-Control', 'no-store');
    const body: ServerConfig = {
      captcha: await deps.captcha.describe(),
      mail: mailEnabled(config),
      editWindowMinutes: config.editWindowMinutes,
      ratingMax: config.ratingMax,
    };
    return c.json(body);
  });
  routes.all('/config', methodNotAllowed('GET, HEAD, OPTIONS'));
  return routes;
}
