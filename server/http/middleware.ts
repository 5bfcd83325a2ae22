/**
 * Cross-cutting middleware: security headers, CORS, JSON body checks and limits, the rate
 * limit, cache headers and 405 answers (admin authentication is admin-auth.ts). Each is built
 * from the app's dependencies, so nothing here reads global state.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { LIMITS } from '../../src/contract/limits.js';
import type { Config } from '../config.js';
import type { AppDeps } from '../deps.js';
import { english, errors, HttpError } from '../errors.js';
import { rateLimitKey } from './address.js';
import { contentSecurityPolicy, JSON_CSP } from './csp.js';
import { addressHash, clientAddress, ownOrigin } from './request.js';

/** A JSON media type (`application/json`, `application/…+json`), with or without parameters. */
export const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** nosniff and a referrer policy everywhere; a CSP on HTML (the demo) and on JSON. */
export function securityHeaders(config: Config): MiddlewareHandler {
  const csp = contentSecurityPolicy(config.captcha);
  return async (c, next) => {
    await next();
    for (const [name, value] of securityHeadersFor(c.res.headers.get('Content-Type') ?? '', csp))
      c.res.headers.set(name, value);
  };
}

/** What `securityHeaders` sets on an answer of `type`; `htmlCsp` is the demo page's policy. */
export function securityHeadersFor(type: string, htmlCsp: string): [name: string, value: string][] {
  const headers: [string, string][] = [
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ];
  // X-Frame-Options: the same for browsers that predate frame-ancestors.
  if (type.startsWith('text/html')) headers.push(['Content-Security-Policy', htmlCsp], ['X-Frame-Options', 'DENY']);
  else if (type.startsWith('application/json')) headers.push(['Content-Security-Policy', JSON_CSP]);
  return headers;
}

/**
 * Whether a request from `origin` gets CORS headers: one of ALLOWED_ORIGINS or the server's own
 * origin (`own`, worked out only when needed). A write from any other origin is refused.
 */
export function corsAllowed(
  origin: string | undefined,
  allowedOrigins: ReadonlySet<string>,
  own: () => string,
): boolean {
  return origin !== undefined && (allowedOrigins.has(origin) || origin === own());
}

/**
 * The CORS headers of an answer to a request from `origin` (besides an OPTIONS preflight's):
 * `Vary: Origin` on every answer (added to any `Vary` already there), the rest when allowed.
 */
export function corsHeadersFor(origin: string | undefined, allowed: boolean): [name: string, value: string][] {
  const headers: [string, string][] = [['Vary', 'Origin']];
  if (allowed)
    headers.push(
      ['Access-Control-Allow-Origin', origin!],
      ['Access-Control-Expose-Headers', 'Retry-After, ETag, Idempotent-Replayed'],
    );
  return headers;
}

/**
 * CORS for ALLOWED_ORIGINS (and the server's own origin) only; others get no CORS headers,
 * and a write carrying a foreign Origin is refused outright.
 */
export function cors(config: Config): MiddlewareHandler {
  const allowedOrigins = new Set(config.allowedOrigins);
  return async (c, next) => {
    const origin = c.req.header('Origin');
    const allowed = corsAllowed(origin, allowedOrigins, () => ownOrigin(c, config));
    const corsHeaders = (res: Response) => {
      for (const [name, value] of corsHeadersFor(origin, allowed))
        if (name === 'Vary') res.headers.append(name, value);
        else res.headers.set(name, value);
    };
    if (c.req.method === 'OPTIONS') {
      const res = new Response(null, { status: 204 });
      corsHeaders(res);
      if (allowed) {
        res.headers.set('Access-Control-Allow-Methods', 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS');
        res.headers.set('Access-Control-Allow-Headers', 'Content-Type, Idempotency-Key, Authorization, If-None-Match');
        res.headers.set('Access-Control-Max-Age', '600');
      }
      return res;
    }
    const unsafe = !['GET', 'HEAD'].includes(c.req.method);
    if (unsafe && origin !== undefined && !allowed) throw errors.originNotAllowed();
    // Errors thrown further in are rendered by onError before this point, so they get CORS
    // headers too (the widget must be able to read a 422 or a 429).
    await next();
    corsHeaders(c.res);
  };
}

/** Writes: JSON only (415), at most 32 KiB read (413, streamed, never buffered whole). */
export const jsonBody: MiddlewareHandler[] = [
  async (c, next) => {
    if (!JSON_TYPE.test(c.req.header('Content-Type') ?? '')) throw errors.unsupportedMediaType();
    await next();
  },
  declaredLengthOrStreamedLimit(),
];

/**
 * The 32 KiB limit. With a Content-Length (and no Transfer-Encoding) the header decides at once
 * and the body is left to the route, which reads it straight from the socket (issue #24: Hono's
 * streamed limit turns every request into a full fetch Request and a web stream first, a tenth
 * of a POST's time); Node's HTTP parser never hands over more bytes than the declared length.
 * Without one (chunked), the body is counted as it streams in.
 */
function declaredLengthOrStreamedLimit(): MiddlewareHandler {
  const streamed = bodyLimit({
    maxSize: LIMITS.bodyMaxBytes,
    onError: () => {
      throw errors.payloadTooLarge();
    },
  });
  return async (c, next) => {
    const length = c.req.header('Content-Length');
    if (length === undefined || c.req.header('Transfer-Encoding') !== undefined) return streamed(c, next);
    if (!/^\d+$/.test(length) || Number(length) > LIMITS.bodyMaxBytes) throw errors.payloadTooLarge();
    await next();
  };
}

/** Counts the write against the budget of the client's address (IPv6: its network); 429 with Retry-After when it is spent. */
export function rateLimit(deps: AppDeps, messageKey: RateLimitMessage): MiddlewareHandler {
  return async (c, next) => {
    await countWrite(deps, clientAddress(c, deps.config), messageKey);
    await next();
  };
}

export type RateLimitMessage = 'form.rateLimited' | 'rating.rateLimited';

/** One write of the client at `address` counted; throws the 429 when its budget is spent. */
export async function countWrite(deps: AppDeps, address: string, messageKey: RateLimitMessage): Promise<void> {
  const network = rateLimitKey(address, deps.config.rateLimitIpv6Prefix);
  const verdict = await deps.rateLimiter.hit(addressHash(deps.config, network), deps.now());
  if (!verdict.ok) {
    const seconds = verdict.retryAfter;
    throw new HttpError(429, 'rate_limited', english(messageKey, { n: seconds }), undefined, {
      'Retry-After': String(seconds),
    });
  }
}

/** Sets Cache-Control on successful answers only (errors are always no-store). */
export function cacheable(value: string): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.res.status === 200) c.header('Cache-Control', value);
  };
}

/** Known path, unknown method: 405 with Allow. */
export function methodNotAllowed(methods: string): MiddlewareHandler {
  return () => {
    throw errors.methodNotAllowed(methods);
  };
}
