/**
 * `/admin` (#15): the moderation dashboard's page. A fixed document with no inline script or
 * style (the strict CSP of http/csp.ts applies); the Lit app is `dist/admin/admin.js`, built by
 * `vite.admin.config.ts` from `src/admin/`, and served from `dist/` by the static routes.
 * `/admin?comment=<id>` opens with that comment focused (the notification emails link there).
 * The page gives a current session its readable SIGNED_IN_COOKIE back when the browser lacks it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { SIGNED_IN_COOKIE } from '../../src/contract/admin-cookies.js';
import type { AppDeps } from '../deps.js';
import { errors } from '../errors.js';
import { adminEnabled, currentSession, setSignedInCookie } from '../http/admin-auth.js';

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

/** `distDir`: the folder holding the built `admin/admin.js` (the widget's `dist/`). */
export function dashboardRoutes(deps: AppDeps, distDir: string): Hono {
  const script = join(distDir, 'admin', 'admin.js');
  const routes = new Hono();
  const page = async (c: Context) => {
    if (!adminEnabled(deps.config))
      throw errors.notFound('The dashboard is off: set ADMIN_TOKEN (or ADMIN_PASSWORD) to turn it on.');
    if (!existsSync(script)) throw errors.notBuilt();
    // The page's script shows the queue only with SIGNED_IN_COOKIE (it cannot read the session's
    // own): a current session without it gets it back, for the session's remaining time. One
    // read of the session, only then (none without a session cookie).
    if (getCookie(c, SIGNED_IN_COOKIE) === undefined) {
      const session = await currentSession(c, deps);
      if (session) setSignedInCookie(c, deps.config, Math.floor((session.expiresAt - deps.now()) / 1000));
    }
    return c.body(PAGE, 200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      // The dashboard's addresses (comment ids) are nobody else's business.
      'Referrer-Policy': 'same-origin',
    });
  };
  routes.get('/admin', page);
  routes.get('/admin/', page);
  return routes;
}
