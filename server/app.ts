/**
 * The reference server's HTTP app (SPEC §3, §5): the API under `/api`, `/healthz`, the widget
 * bundle from `dist/` and the demo from `demo/`. Routes are thin: parse with the contract
 * schema, call the store, shape the JSON. Every error leaves as `{ error, message, fields? }`.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { etag } from 'hono/etag';
import { HTTPException } from 'hono/http-exception';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import * as z from 'zod/mini';
import {
  adminListQuerySchema,
  adminPatchSchema,
  commentInputSchema,
  fieldErrors,
  listQuerySchema,
  ratingInputSchema,
  type AdminComment,
  type PublicComment,
} from '../src/contract/schemas.js';
import { IDEMPOTENCY_KEY_PATTERN, ID_PATTERN, LIMITS, THREAD_PATTERN } from '../src/contract/limits.js';
import { isFieldErrorKey } from '../src/contract/keys.js';
import type { Captcha } from './captcha/types.js';
import type { Config } from './config.js';
import { english, errors, HttpError } from './errors.js';
import { openApiDocument } from './openapi.js';
import { RateLimiter, type RateVerdict } from './rate-limit.js';
import type { Position, Store, StoredComment, StoredStatus } from './store/types.js';

export interface AppOptions {
  config: Config;
  store: Store;
  captcha: Captcha;
  /** Where `dist/` and `demo/` live. Default: the repository root. */
  root?: string;
  /** Clock, injected by tests. */
  now?: () => number;
  /** Counts writes per client; default in memory (one instance). */
  rateLimiter?: { hit(client: string, now: number): Promise<RateVerdict> };
}

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** Third-party origins a provider's widget needs in the demo's CSP (only that provider's). */
const PROVIDER_CSP: Record<string, { script: string[]; frame: string[]; connect: string[]; style: string[] }> = {
  recaptcha: {
    script: ['https://www.google.com', 'https://www.gstatic.com', 'https://www.recaptcha.net'],
    frame: ['https://www.google.com', 'https://www.recaptcha.net'],
    connect: ['https://www.google.com', 'https://www.recaptcha.net'],
    style: [],
  },
  hcaptcha: {
    script: ['https://hcaptcha.com', 'https://*.hcaptcha.com'],
    frame: ['https://hcaptcha.com', 'https://*.hcaptcha.com'],
    connect: ['https://hcaptcha.com', 'https://*.hcaptcha.com'],
    style: ['https://hcaptcha.com', 'https://*.hcaptcha.com'],
  },
  turnstile: {
    script: ['https://challenges.cloudflare.com'],
    frame: ['https://challenges.cloudflare.com'],
    connect: ['https://challenges.cloudflare.com'],
    style: [],
  },
};

function contentSecurityPolicy(provider: string): string {
  const extra = PROVIDER_CSP[provider] ?? { script: [], frame: [], connect: [], style: [] };
  const list = (base: string, more: string[]) => [base, ...more].join(' ');
  return [
    "default-src 'self'",
    `script-src ${list("'self'", extra.script)}`,
    `style-src ${list("'self'", extra.style)}`,
    "img-src 'self' data:",
    `connect-src ${list("'self'", extra.connect)}`,
    extra.frame.length ? `frame-src ${extra.frame.join(' ')}` : "frame-src 'none'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** Comment ids: 12 URL-safe random characters (72 bits). */
function newCommentId(): string {
  return randomBytes(9).toString('base64url');
}

export function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify([position.createdAt, position.id])).toString('base64url');
}

export function decodeCursor(cursor: string): Position {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      Number.isSafeInteger(value[0]) &&
      typeof value[1] === 'string' &&
      ID_PATTERN.test(value[1])
    ) {
      return { createdAt: value[0] as number, id: value[1] };
    }
  } catch {
    /* fall through */
  }
  throw errors.badRequest('The cursor is not valid. Start again from the first page.');
}

function publicComment(c: StoredComment): PublicComment {
  return {
    id: c.id,
    thread: c.thread,
    parent: c.parent,
    name: c.name,
    message: c.message,
    rating: c.rating,
    createdAt: new Date(c.createdAt).toISOString(),
    // A honeypot catch looks published to the bot that sent it.
    status: c.status === 'pending' ? 'pending' : 'published',
  };
}

function adminComment(c: StoredComment): AdminComment {
  return { ...publicComment(c), email: c.email, status: c.status };
}

/** The English sentence for a 422: the first failing field's message. */
function validationError(fields: Record<string, string>, ratingMax: number): HttpError {
  const first = Object.values(fields)[0];
  const params = {
    max: first?.startsWith('name.') ? LIMITS.nameMax : first?.startsWith('message.') ? LIMITS.messageMax : ratingMax,
  };
  const message = first ? english(first, params) : 'The request is not valid.';
  return new HttpError(422, 'validation', message, fields);
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

export function createApp(options: AppOptions) {
  const { config, store, captcha } = options;
  const now = options.now ?? Date.now;
  const root = options.root ?? REPO_ROOT;
  const distDir = join(root, 'dist');
  const demoDir = join(root, 'demo');
  const limiter = options.rateLimiter ?? new RateLimiter(config.rateLimitWrites);
  const adminTokenHash = config.adminToken ? sha256(config.adminToken) : null;
  const allowedOrigins = new Set(config.allowedOrigins);
  const csp = contentSecurityPolicy(config.captcha);
  const openApi = JSON.stringify(openApiDocument(config.ratingMax));

  const app = new Hono();

  // ---- helpers bound to this configuration -------------------------------------------------

  const clientAddress = (c: Context): string => {
    if (config.trustProxy) {
      // The last hop is the one our own proxy appended; earlier entries are client-supplied.
      const forwarded = c.req
        .header('X-Forwarded-For')
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const last = forwarded?.[forwarded.length - 1];
      if (last) return last;
    }
    try {
      return getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      return 'unknown';
    }
  };
  const clientHash = (c: Context): string =>
    createHmac('sha256', config.secret).update(clientAddress(c)).digest('base64url').slice(0, 32);

  const ownOrigin = (c: Context): string => {
    const url = new URL(c.req.url);
    if (config.trustProxy) {
      const proto = c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim();
      const host = c.req.header('X-Forwarded-Host')?.split(',')[0]?.trim();
      if (proto || host) return `${proto ?? url.protocol.replace(':', '')}://${host ?? url.host}`;
    }
    return url.origin;
  };
  const originAllowed = (c: Context, origin: string): boolean => allowedOrigins.has(origin) || origin === ownOrigin(c);

  const threadParam = (c: Context): string => {
    const thread = c.req.param('thread') ?? '';
    if (!THREAD_PATTERN.test(thread)) {
      throw errors.badRequest('The thread id is not valid: use 1–200 characters of A–Z, a–z, 0–9 and . _ ~ : / -');
    }
    return thread;
  };

  const readJson = async (c: Context): Promise<unknown> => {
    const text = await c.req.text();
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw errors.malformedJson();
    }
  };

  const parseBody = <T extends z.ZodMiniType>(schema: T, data: unknown): z.output<T> => {
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      throw new HttpError(422, 'validation', 'The request body must be a JSON object.', {});
    }
    const result = z.safeParse(schema, data);
    if (!result.success) {
      const fields = fieldErrors(result.error.issues);
      // A field left out entirely reads better as "required" than as "not valid".
      for (const [field, key] of Object.entries(fields)) {
        const required = `${field}.required`;
        if (
          key === 'field.invalid' &&
          (data as Record<string, unknown>)[field] === undefined &&
          isFieldErrorKey(required)
        )
          fields[field] = required;
      }
      throw validationError(fields, config.ratingMax);
    }
    return result.data;
  };

  const parseQuery = <T extends z.ZodMiniType>(schema: T, c: Context): z.output<T> => {
    const result = z.safeParse(schema, c.req.query());
    if (!result.success) {
      const names = [...new Set(result.error.issues.map((i) => String(i.path[0] ?? 'query')))];
      throw errors.badRequest(`Invalid query parameter: ${names.join(', ')}.`);
    }
    return result.data;
  };

  const rateLimit =
    (messageKey: 'form.rateLimited' | 'rating.rateLimited'): MiddlewareHandler =>
    async (c, next) => {
      const verdict = await limiter.hit(clientHash(c), now());
      if (!verdict.ok) {
        const seconds = verdict.retryAfter;
        throw new HttpError(429, 'rate_limited', english(messageKey, { n: seconds }), undefined, {
          'Retry-After': String(seconds),
        });
      }
      await next();
    };

  /** Writes: JSON only (415), at most 32 KiB read (413, streamed, never buffered whole). */
  const jsonBody: MiddlewareHandler[] = [
    async (c, next) => {
      if (!JSON_TYPE.test(c.req.header('Content-Type') ?? '')) throw errors.unsupportedMediaType();
      await next();
    },
    bodyLimit({
      maxSize: LIMITS.bodyMaxBytes,
      onError: () => {
        throw errors.payloadTooLarge();
      },
    }),
  ];

  const requireAdmin: MiddlewareHandler = async (c, next) => {
    if (!adminTokenHash) throw errors.notFound('The admin API is off: set ADMIN_TOKEN to turn it on.');
    const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '');
    // Hashing both sides gives equal lengths, so the comparison time says nothing about the token.
    if (!match || !timingSafeEqual(sha256(match[1]!), adminTokenHash)) throw errors.unauthorized();
    c.header('Cache-Control', 'no-store');
    await next();
  };

  const cacheable =
    (value: string): MiddlewareHandler =>
    async (c, next) => {
      await next();
      if (c.res.status === 200) c.header('Cache-Control', value);
    };

  const ratingAggregate = async (thread: string) => {
    const totals = await store.ratingTotals(thread, config.ratingMax);
    const average = totals.count ? Math.round((totals.sum / totals.count) * 100) / 100 : 0;
    return { average, count: totals.count, max: config.ratingMax, histogram: totals.histogram };
  };

  // ---- cross-cutting middleware ------------------------------------------------------------

  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
    c.res.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
    const type = c.res.headers.get('Content-Type') ?? '';
    if (type.startsWith('text/html')) c.res.headers.set('Content-Security-Policy', csp);
    else if (type.startsWith('application/json'))
      c.res.headers.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
  });

  // CORS for ALLOWED_ORIGINS (and the server's own origin) only; others get no CORS headers,
  // and a write carrying a foreign Origin is refused outright.
  app.use('/api/*', async (c, next) => {
    const origin = c.req.header('Origin');
    const allowed = origin !== undefined && originAllowed(c, origin);
    const corsHeaders = (res: Response) => {
      res.headers.append('Vary', 'Origin');
      if (!allowed) return;
      res.headers.set('Access-Control-Allow-Origin', origin);
      res.headers.set('Access-Control-Expose-Headers', 'Retry-After, ETag, Idempotent-Replayed');
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
  });

  // ---- API ---------------------------------------------------------------------------------

  app.get('/api/threads/:thread/comments', etag(), cacheable('no-cache'), async (c) => {
    const thread = threadParam(c);
    const query = parseQuery(listQuerySchema, c);
    const limit = query.limit ?? LIMITS.pageSizeDefault;
    const sort = query.sort ?? 'newest';
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    const [page, total] = await Promise.all([
      store.listPublished(thread, { limit, after, sort }),
      store.countPublished(thread),
    ]);
    return c.json({
      comments: page.items.map(publicComment),
      nextCursor: page.next ? encodeCursor(page.next) : null,
      total,
    });
  });

  app.post('/api/threads/:thread/comments', rateLimit('form.rateLimited'), ...jsonBody, async (c) => {
    const thread = threadParam(c);
    const idemHeader = c.req.header('Idempotency-Key');
    if (idemHeader !== undefined && !IDEMPOTENCY_KEY_PATTERN.test(idemHeader)) {
      throw errors.badRequest('The Idempotency-Key header must be 8–128 characters of A–Z, a–z, 0–9 and _ . : -');
    }
    const input = parseBody(commentInputSchema, await readJson(c));
    if (input.rating != null && input.rating > config.ratingMax)
      throw validationError({ rating: 'rating.range' }, config.ratingMax);

    // What identifies "the same request" for a retry: everything but the captcha token, which
    // the widget may renew between attempts.
    const { captcha: token, ...sent } = input;
    const idemKey = idemHeader ? `${thread} ${idemHeader}` : null;
    const fingerprint = createHash('sha256').update(JSON.stringify(sent)).digest('base64url');
    const replay = (status: number, body: string) =>
      c.body(body, status as 201, { 'Content-Type': 'application/json; charset=UTF-8', 'Idempotent-Replayed': 'true' });
    if (idemKey) {
      const earlier = await store.findIdempotency(idemKey);
      if (earlier) {
        if (earlier.fingerprint !== fingerprint) throw errors.idempotencyConflict();
        return replay(earlier.status, earlier.body);
      }
    }

    const spam = (input.website ?? '').trim() !== '';
    if (input.parent && !spam) {
      const parent = await store.getComment(input.parent);
      if (!parent || parent.thread !== thread || parent.status !== 'published') {
        throw validationError({ parent: 'parent.invalid' }, config.ratingMax);
      }
    }
    if (!spam) {
      const verdict = await captcha.verify(token, clientAddress(c));
      if (verdict === 'missing')
        throw new HttpError(422, 'validation', english('captcha.required'), { captcha: 'captcha.required' });
      if (verdict === 'invalid')
        throw new HttpError(403, 'captcha_failed', english('captcha.invalid'), { captcha: 'captcha.invalid' });
      if (verdict === 'unavailable') {
        throw new HttpError(503, 'captcha_unavailable', english('captcha.unavailable'), {
          captcha: 'captcha.unavailable',
        });
      }
    }

    let status: StoredStatus = 'published';
    if (spam) status = 'spam';
    else if (config.moderation === 'all') status = 'pending';
    else if (config.moderation === 'first-time' && !(await store.hasPublished(input.email))) status = 'pending';

    const comment: StoredComment = {
      id: newCommentId(),
      thread,
      parent: input.parent ?? null,
      name: input.name,
      email: input.email,
      message: input.message,
      rating: input.rating ?? null,
      voter: input.voter ?? null,
      status,
      createdAt: now(),
      clientHash: clientHash(c),
    };
    const httpStatus = status === 'pending' ? 202 : 201;
    const body = JSON.stringify({ comment: publicComment(comment) });
    const vote =
      !spam && comment.rating !== null && comment.voter
        ? { thread, voter: comment.voter, value: comment.rating }
        : undefined;
    const result = await store.createComment(comment, {
      ...(vote ? { vote } : {}),
      ...(idemKey ? { idempotency: { key: idemKey, fingerprint, status: httpStatus, body, createdAt: now() } } : {}),
    });
    // A concurrent request with the same key won the race: answer as it did.
    if (result.kind === 'replay') return replay(result.record.status, result.record.body);
    if (result.kind === 'conflict') throw errors.idempotencyConflict();
    return c.body(body, httpStatus, { 'Content-Type': 'application/json; charset=UTF-8', 'Cache-Control': 'no-store' });
  });

  app.get('/api/threads/:thread/rating', etag(), cacheable('no-cache'), async (c) => {
    return c.json(await ratingAggregate(threadParam(c)));
  });

  app.put('/api/threads/:thread/rating', rateLimit('rating.rateLimited'), ...jsonBody, async (c) => {
    const thread = threadParam(c);
    const input = parseBody(ratingInputSchema, await readJson(c));
    if (input.value > config.ratingMax) throw validationError({ value: 'rating.range' }, config.ratingMax);
    await store.putVote({ thread, voter: input.voter, value: input.value });
    c.header('Cache-Control', 'no-store');
    return c.json({ ...(await ratingAggregate(thread)), yours: input.value });
  });

  app.get('/api/captcha', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await captcha.describe());
  });

  app.get('/api/openapi.json', etag(), (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(openApi, 200, { 'Content-Type': 'application/json; charset=UTF-8' });
  });

  app.get('/api/admin/comments', requireAdmin, async (c) => {
    const query = parseQuery(adminListQuerySchema, c);
    const page = await store.listByStatus({
      status: query.status ?? null,
      limit: query.limit ?? LIMITS.pageSizeDefault,
      after: query.cursor ? decodeCursor(query.cursor) : null,
    });
    return c.json({ comments: page.items.map(adminComment), nextCursor: page.next ? encodeCursor(page.next) : null });
  });

  const commentIdParam = (c: Context): string => {
    const id = c.req.param('id') ?? '';
    if (!ID_PATTERN.test(id)) throw errors.notFound('No comment with this id.');
    return id;
  };

  app.patch('/api/admin/comments/:id', requireAdmin, ...jsonBody, async (c) => {
    const id = commentIdParam(c);
    const input = parseBody(adminPatchSchema, await readJson(c));
    const updated = await store.setStatus(id, input.status);
    if (!updated) throw errors.notFound('No comment with this id.');
    return c.json({ comment: adminComment(updated) });
  });

  app.delete('/api/admin/comments/:id', requireAdmin, async (c) => {
    const id = commentIdParam(c);
    if (!(await store.deleteComment(id))) throw errors.notFound('No comment with this id.');
    c.header('Cache-Control', 'no-store');
    return c.body(null, 204);
  });

  // Known paths, unknown methods → 405 with Allow.
  const allow =
    (methods: string): MiddlewareHandler =>
    () => {
      throw errors.methodNotAllowed(methods);
    };
  app.all('/api/threads/:thread/comments', allow('GET, HEAD, POST, OPTIONS'));
  app.all('/api/threads/:thread/rating', allow('GET, HEAD, PUT, OPTIONS'));
  app.all('/api/captcha', allow('GET, HEAD, OPTIONS'));
  app.all('/api/openapi.json', allow('GET, HEAD, OPTIONS'));
  app.all('/api/admin/comments', allow('GET, HEAD, OPTIONS'));
  app.all('/api/admin/comments/:id', allow('PATCH, DELETE, OPTIONS'));
  app.all('/api/*', () => {
    throw errors.notFound('No such API endpoint.');
  });

  app.get('/healthz', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'ok' });
  });

  // ---- static: the widget bundle and the demo ------------------------------------------------

  app.get('/article-feedback.js', async (c, next) => {
    if (existsSync(join(distDir, 'article-feedback.js'))) return next();
    throw new HttpError(
      503,
      'not_built',
      'The widget is not built yet. Run `npm run build` (npm start does it for you).',
    );
  });
  const staticHeaders = (_path: string, c: Context) => {
    c.header('Cache-Control', 'no-cache');
  };
  app.use('*', etag());
  // The bundle is loaded by publishers' pages on other origins as `<script type="module">`,
  // which the browser fetches in CORS mode: without this header no other site could embed it.
  const bundleHeaders = (path: string, c: Context) => {
    staticHeaders(path, c);
    c.header('Access-Control-Allow-Origin', '*');
  };
  app.use('*', serveStatic({ root: distDir, onFound: bundleHeaders }));
  app.use('*', serveStatic({ root: demoDir, onFound: staticHeaders }));

  // ---- errors --------------------------------------------------------------------------------

  app.notFound((c) => c.json(errors.notFound().body(), 404));

  app.onError((err, c) => {
    let httpError: HttpError;
    if (err instanceof HttpError) httpError = err;
    else if (err instanceof HTTPException && err.status === 413) httpError = errors.payloadTooLarge();
    else if (err instanceof HTTPException && err.status < 500)
      httpError = new HttpError(err.status, 'bad_request', 'The request is not valid.');
    else {
      console.error('[article-feedback] unexpected error:', err);
      httpError = errors.internal();
    }
    const res = c.json(httpError.body(), httpError.status as 400);
    for (const [name, value] of Object.entries(httpError.headers ?? {})) res.headers.set(name, value);
    res.headers.set('Cache-Control', 'no-store');
    return res;
  });

  return app;
}

export type App = ReturnType<typeof createApp>;
