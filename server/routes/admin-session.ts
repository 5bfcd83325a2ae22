/**
 * `/api/admin/session` (#15): the dashboard's sign-in, its check and its sign-out.
 *
 * Sign-in takes `ADMIN_TOKEN`, or `ADMIN_PASSWORD` when that is set (checked against its scrypt
 * hash). Every attempt counts against the client's budget of five a minute, kept in the
 * database so it holds across instances, before anything is checked; every failure answers the
 * same 401, whatever was wrong (the token, the body, its absence).
 */
import { randomBytes } from 'node:crypto';
import { Hono, type MiddlewareHandler } from 'hono';
import * as z from 'zod/mini';
import { signInSchema } from '../../src/contract/admin.js';
import type { AppDeps } from '../deps.js';
import { errors, HttpError } from '../errors.js';
import {
  adminEnabled,
  adminTokenCheck,
  clearSessionCookie,
  currentSession,
  hasSessionCookies,
  requireOwnOrigin,
  sessionIdHash,
  setSessionCookie,
} from '../http/admin-auth.js';
import { rateLimitKey } from '../http/address.js';
import { jsonBody, methodNotAllowed } from '../http/middleware.js';
import { addressHash, clientAddress } from '../http/request.js';
import { verifyPassword } from '../password.js';
import { DatabaseRateLimiter } from '../store/rate-limit.js';

/** Sign-in attempts per client per minute. */
export const SIGN_IN_ATTEMPTS_PER_MINUTE = 5;

const signInFailed = () =>
  new HttpError(401, 'unauthorized', 'Sign-in failed. Check the token or password and try again.');

export function adminSessionRoutes(deps: AppDeps): Hono {
  const { config, store } = deps;
  const limiter = new DatabaseRateLimiter(store, SIGN_IN_ATTEMPTS_PER_MINUTE);
  const isAdminToken = adminTokenCheck(config);
  const routes = new Hono();

  const adminOn: MiddlewareHandler = async (_c, next) => {
    if (!adminEnabled(config))
      throw errors.notFound('The admin API is off: set ADMIN_TOKEN (or ADMIN_PASSWORD) to turn it on.');
    await next();
  };

  /** Whether what was typed is the password (when set) or else the admin token. */
  const rightSecret = async (typed: string): Promise<boolean> => {
    if (config.adminPassword) return verifyPassword(typed, config.adminPassword);
    return isAdminToken(typed);
  };

  routes.post('/admin/session', adminOn, ...jsonBody, async (c) => {
    c.header('Cache-Control', 'no-store');
    // A sign-in form on another site must not sign this browser in (login CSRF).
    const origin = c.req.header('Origin');
    if (origin !== undefined) requireOwnOrigin(c, config);

    const network = rateLimitKey(clientAddress(c, config), config.rateLimitIpv6Prefix);
    const verdict = await limiter.hit(`signin:${addressHash(config, network)}`, deps.now());
    if (!verdict.ok) {
      throw new HttpError(
        429,
        'rate_limited',
        `Too many sign-in attempts. Try again in ${verdict.retryAfter} seconds.`,
        undefined,
        { 'Retry-After': String(verdict.retryAfter) },
      );
    }

    let typed: string | null = null;
    try {
      const parsed = z.safeParse(signInSchema, JSON.parse(await c.req.text()));
      if (parsed.success) typed = parsed.data.token;
    } catch {
      /* answered as any other failure */
    }
    if (typed === null || !(await rightSecret(typed))) throw signInFailed();

    const sessionId = randomBytes(32).toString('base64url');
    const expiresAt = deps.now() + config.adminSessionHours * 3_600_000;
    await store.admin.createSession(sessionIdHash(sessionId), expiresAt);
    setSessionCookie(c, config, sessionId);
    return c.json({ expiresAt: new Date(expiresAt).toISOString() });
  });

  // Whether the browser's cookie still names a session: the dashboard asks on load (when it has
  // the signed-in cookie). A session that has ended takes its cookies with it, so the next
  // load does not ask again.
  routes.get('/admin/session', adminOn, async (c) => {
    c.header('Cache-Control', 'no-store');
    const session = await currentSession(c, deps);
    if (!session) {
      if (hasSessionCookies(c)) clearSessionCookie(c, config);
      throw signInFailed();
    }
    return c.json({ expiresAt: new Date(session.expiresAt).toISOString() });
  });

  // Signing out ends the session in the database (on every instance) and clears the cookie;
  // without a session there is nothing to end, and the answer is the same.
  routes.delete('/admin/session', adminOn, async (c) => {
    requireOwnOrigin(c, config);
    const session = await currentSession(c, deps);
    if (session) await store.admin.deleteSession(session.idHash);
    clearSessionCookie(c, config);
    c.header('Cache-Control', 'no-store');
    return c.body(null, 204);
  });

  routes.all('/admin/session', methodNotAllowed('GET, HEAD, POST, DELETE, OPTIONS'));
  return routes;
}
