/**
 * Who may moderate (#15): a script with `Authorization: Bearer <ADMIN_TOKEN>`, or the dashboard
 * with its session cookie. The cookie is `HttpOnly` (no script reads it), `SameSite=Strict`, and
 * names a session stored (as a SHA-256 only) in the database, so every instance knows it and
 * signing out ends it everywhere. A write made with the cookie must also come from the server's
 * own origin: `SameSite` treats every port and subdomain of a site alike, `Origin` does not.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../config.js';
import { sha256 } from '../digest.js';
import type { AppDeps } from '../deps.js';
import { errors, HttpError } from '../errors.js';
import { SIGNED_IN_COOKIE } from '../../src/contract/admin-cookies.js';
import { ownOrigin } from './request.js';

export const SESSION_COOKIE = 'af_admin_session';

/** What the database keeps of a session id. */
export function sessionIdHash(sessionId: string): string {
  return sha256(sessionId, 'base64url');
}

/** Whether the browser reached us over https (behind a trusted proxy: as the proxy says). */
function isHttps(c: Context, config: Config): boolean {
  return ownOrigin(c, config).startsWith('https:');
}

/**
 * Sets the session cookie and, beside it, the readable SIGNED_IN_COOKIE (src/contract/admin-cookies.ts):
 * with it a signed-out dashboard shows its sign-in form without asking `GET /api/admin/session`,
 * whose 401 browsers log as an error on every such load. The server never reads it as a credential.
 */
export function setSessionCookie(c: Context, config: Config, sessionId: string): void {
  const options = cookieOptions(c, config, config.adminSessionHours * 3600);
  setCookie(c, SESSION_COOKIE, sessionId, { ...options, httpOnly: true });
  setCookie(c, SIGNED_IN_COOKIE, '1', options);
}

/**
 * Sets SIGNED_IN_COOKIE alone, for a session that lasts `seconds` more: the dashboard's page gives
 * it back to a browser whose session cookie names a current session but which lacks it (a session
 * begun before the cookie existed, or the cookie cleared alone), or its moderator would be shown
 * the sign-in form with a session still running.
 */
export function setSignedInCookie(c: Context, config: Config, seconds: number): void {
  setCookie(c, SIGNED_IN_COOKIE, '1', cookieOptions(c, config, seconds));
}

function cookieOptions(c: Context, config: Config, maxAge: number) {
  return { sameSite: 'Strict', secure: isHttps(c, config), path: '/', maxAge } as const;
}

export function clearSessionCookie(c: Context, config: Config): void {
  const options = cookieOptions(c, config, 0); // deleteCookie sets Max-Age=0 itself
  deleteCookie(c, SESSION_COOKIE, { ...options, httpOnly: true });
  deleteCookie(c, SIGNED_IN_COOKIE, options);
}

/** Whether the request carries either admin cookie (a session that may have ended). */
export function hasSessionCookies(c: Context): boolean {
  return getCookie(c, SESSION_COOKIE) !== undefined || getCookie(c, SIGNED_IN_COOKIE) !== undefined;
}

/** The session of the request's cookie, when it names one that has not ended. */
export async function currentSession(c: Context, deps: AppDeps): Promise<{ idHash: string; expiresAt: number } | null> {
  const sessionId = getCookie(c, SESSION_COOKIE);
  if (!sessionId || sessionId.length > 200) return null;
  const idHash = sessionIdHash(sessionId);
  const expiresAt = await deps.store.admin.sessionExpiry(idHash);
  return expiresAt === null ? null : { idHash, expiresAt };
}

/**
 * Whether `typed` is ADMIN_TOKEN (false when none is set). Hashing both sides gives equal
 * lengths, so the comparison time says nothing about the token.
 */
export function adminTokenCheck(config: Config): (typed: string) => boolean {
  const tokenHash = config.adminToken ? sha256(config.adminToken) : null;
  return (typed) => tokenHash !== null && timingSafeEqual(sha256(typed), tokenHash);
}

/** Whether the dashboard and the admin API are on at all. */
export function adminEnabled(config: Config): boolean {
  return config.adminToken !== undefined || config.adminPassword !== undefined;
}

/** A write that relies on the cookie must say it comes from this server's own pages. */
export function requireOwnOrigin(c: Context, config: Config): void {
  const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method);
  if (unsafe && c.req.header('Origin') !== ownOrigin(c, config))
    throw new HttpError(
      403,
      'origin_not_allowed',
      'A moderation request made with the dashboard session must come from the dashboard itself.',
    );
}

/**
 * The bearer token when one is sent (scripts), else the session cookie (the dashboard, plus the
 * Origin check on writes). 404 when neither ADMIN_TOKEN nor ADMIN_PASSWORD is set.
 */
export function requireModerator(deps: AppDeps): MiddlewareHandler {
  const { config } = deps;
  const isAdminToken = adminTokenCheck(config);
  return async (c, next) => {
    if (!adminEnabled(config))
      throw errors.notFound('The admin API is off: set ADMIN_TOKEN (or ADMIN_PASSWORD) to turn it on.');
    c.header('Cache-Control', 'no-store');
    const authorization = c.req.header('Authorization');
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      if (!match || !isAdminToken(match[1]!)) throw errors.unauthorized();
      return next();
    }
    if (!(await currentSession(c, deps))) throw errors.unauthorized();
    requireOwnOrigin(c, config);
    return next();
  };
}
