/**
 * `/admin` (#15): the moderation dashboard's page. A fixed document with no inline script or
 * style (the strict CSP of http/csp.ts applies); the Lit app is `dist/admin/admin.js`, built by
 * `vite.admin.config.ts` from `src/admin/`, and served from `dist/` by the static routes.
 * `/admin?comment=<id>` opens with that comment focused (the notification emails link there).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import type { AppDeps } from '../deps.js';
import { errors } from '../errors.js';
import { adminEnabled } from '../http/admin-auth.js';

export const DASHBOARD_TITLE = 'Moderation — article-feedback';

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="robots" content="noindex">
<title>${DASHBOARD_TITLE}</title>
<link rel="icon" href="data:,">
<script type="module" src="/admin/admin.js"></script>
</head>
<body>
<moderation-desk></moderation-desk>
<noscript>The moderation dashboard needs JavaScript.</noscript>
</body>
</html>
`;

export function dashboardRoutes(deps: AppDeps, root: string): Hono {
  const script = join(root, 'dist', 'admin', 'admin.js');
  const routes = new Hono();
  const page = () => {
    if (!adminEnabled(deps.config))
      throw errors.notFound('The dashboard is off: set ADMIN_TOKEN (or ADMIN_PASSWORD) to turn it on.');
    if (!existsSync(script)) throw errors.notBuilt();
    return new Response(PAGE, {
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        // The dashboard's addresses (comment ids) are nobody else's business.
        'Referrer-Policy': 'same-origin',
      },
    });
  };
  routes.get('/admin', page);
  routes.get('/admin/', page);
  return routes;
}
