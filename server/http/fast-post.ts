/**
 * The fast path of a new comment (issue #24): `POST /api/threads/:thread/comments` answered in the
 * `node:http` listener, in front of Hono, as the replay (replay.ts) answers versioned GETs.
 *
 * Hono's pipeline (the IncomingMessage made a Request, six middleware, the router, the Response
 * made node's again) cost about a third of a post's CPU in `BENCH_ONLY=POST` (an upper bound
 * without it: 185–250 → about 130 µs a post). The fast path runs the same steps, in the same
 * order, through the same functions: the security and CORS headers (`securityHeadersFor`,
 * `corsHeadersFor`), the write limit (`countWrite`), the body's schema (`parseBody`), the use
 * case (`postComment`), the answer's headers (`postAnswerHeaders`), the error answers
 * (`errorAnswer`), and the thread versions forgotten after a write.
 *
 * **What goes to Hono instead, untouched**: any request the checks before the write limit would
 * refuse or that the fast path does not read as Hono does: another method or path, a query, a
 * thread id with an escape other than `%2F` and `%3A` or that is a dot segment, no `Host`, a
 * chunked or missing `Content-Length`, more than 32 KiB, not JSON, an `Expect`, an invalid
 * `Idempotency-Key`, a foreign `Origin`. **What goes to Hono after
 * the body is read** (handed over as `rawBody`, which `@hono/node-server` reads instead of the
 * socket): a body that is not JSON or fails the schema. Nothing has been counted or stored then,
 * so Hono answers exactly as it would have (its write limit first, then the body's error).
 * From the write limit on, the fast path answers itself, errors included.
 *
 * A middleware or check added to this route in Hono must be added here too (or make the request
 * go to Hono); `test/server/fast-post.test.ts` compares both paths' answers, header by header.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { commentInputSchema } from '../../src/contract/schemas.js';
import { IDEMPOTENCY_KEY_PATTERN, LIMITS, THREAD_PATTERN } from '../../src/contract/limits.js';
import type { AppDeps } from '../deps.js';
import type { HttpError } from '../errors.js';
import { postComment } from '../use-cases/post-comment.js';
import { contentSecurityPolicy } from './csp.js';
import { errorAnswer } from './error-handler.js';
import { corsAllowed, corsHeadersFor, countWrite, JSON_TYPE, securityHeadersFor } from './middleware.js';
import { clientAddressOf, ownOriginOf, parseBody } from './request.js';
import { postAnswerHeaders } from './shape.js';

/**
 * The route, its thread id as the widget sends it (`encodeURIComponent`, client/endpoint.ts): of
 * the id's characters only `/` and `:` come encoded (`%2F`, `%3A`), as most ids are page paths.
 * Any other escape goes to Hono, whose decoding of paths and parameters is not repeated here.
 */
const PATH = /^\/api\/threads\/((?:[A-Za-z0-9._~:-]|%2[Ff]|%3[Aa])+)\/comments$/;
/** A `Host` as a browser or proxy writes it: a name or an address, and a port. */
const HOST = /^[A-Za-z0-9.-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/;
const decoder = new TextDecoder();

/** The request headers the fast path reads. */
const READ = [
  'content-length',
  'content-type',
  'transfer-encoding',
  'expect',
  'idempotency-key',
  'origin',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
] as const;
const READ_SET = new Set<string>(READ);

/**
 * The headers the fast path reads, as Hono's `c.req.header()` gives them: a header sent twice is
 * both values joined with ", " (node's `req.headers` keeps only the first of some, e.g. `Content-Type`).
 */
function headersRead(req: IncomingMessage): Partial<Record<(typeof READ)[number], string>> {
  const read: Partial<Record<(typeof READ)[number], string>> = {};
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase() as (typeof READ)[number];
    if (!READ_SET.has(name)) continue;
    const earlier = read[name];
    read[name] = earlier === undefined ? raw[i + 1]! : `${earlier}, ${raw[i + 1]!}`;
  }
  return read;
}

/** What Hono's listener reads instead of the socket when the body was read already. */
type ReadBody = IncomingMessage & { rawBody?: Buffer };

/**
 * The server's listener: the fast path for a new comment, everything else (and whatever the
 * fast path hands over) to `next`, the replay and Hono.
 */
export function withFastPost(
  deps: AppDeps,
  httpErrorOf: (err: unknown) => HttpError,
  next: RequestListener,
): RequestListener {
  const { config } = deps;
  const allowedOrigins = new Set(config.allowedOrigins);
  /** What `securityHeaders` adds to every answer here: they are all JSON. */
  const jsonSecurity = securityHeadersFor('application/json', contentSecurityPolicy(config.captcha));

  /** Writes an answer: the route's or the error's headers, then the middleware's (security, CORS). */
  const answer = (
    res: ServerResponse,
    status: number,
    body: string,
    own: Record<string, string>,
    cors: [string, string][],
  ) => {
    const headers: Record<string, string | number> = { ...own };
    for (const [name, value] of jsonSecurity) headers[name] = value;
    for (const [name, value] of cors) headers[name] = value;
    headers['Content-Length'] = Buffer.byteLength(body);
    res.writeHead(status, headers);
    res.end(body);
  };

  return (req, res) => {
    const path = req.method === 'POST' ? PATH.exec(req.url ?? '') : null;
    const segment = path?.[1];
    const thread = segment?.includes('%') ? segment.replace(/%2F/gi, '/').replace(/%3A/gi, ':') : segment;
    const host = req.headers.host;
    // "." and ".." are path segments to a URL parser (Hono's path is the URL's): not thread ids here.
    if (
      thread === undefined ||
      segment === '.' ||
      segment === '..' ||
      !THREAD_PATTERN.test(thread) ||
      host === undefined ||
      !HOST.test(host)
    )
      return next(req, res);
    const h = headersRead(req);
    const length = h['content-length'];
    const key = h['idempotency-key'];
    if (
      length === undefined ||
      !/^\d{1,6}$/.test(length) ||
      Number(length) > LIMITS.bodyMaxBytes ||
      h['transfer-encoding'] !== undefined ||
      h.expect !== undefined ||
      !JSON_TYPE.test(h['content-type'] ?? '') ||
      (key !== undefined && !IDEMPOTENCY_KEY_PATTERN.test(key))
    )
      return next(req, res);
    const header = (name: string) => h[name.toLowerCase() as keyof typeof h];
    const scheme = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
    let own: string | undefined;
    const ownOrigin = () => (own ??= ownOriginOf(`${scheme}://${host}/`, header, config));
    const origin = h.origin;
    const allowed = corsAllowed(origin, allowedOrigins, ownOrigin);
    if (origin !== undefined && !allowed) return next(req, res);

    const cors = corsHeadersFor(origin, allowed);
    const fail = (err: unknown) => {
      const { status, body, headers } = errorAnswer(httpErrorOf(err));
      if (!res.headersSent) answer(res, status, body, headers, cors);
    };

    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', fail);
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      let input;
      try {
        input = parseBody(commentInputSchema, JSON.parse(decoder.decode(raw)) as unknown, config.ratingMax);
      } catch {
        // Hono answers it (its write limit first, then the body's error), reading the same bytes.
        (req as ReadBody).rawBody = raw;
        return next(req, res);
      }
      const address = clientAddressOf(
        config.trustProxy ? header('X-Forwarded-For') : undefined,
        req.socket.remoteAddress,
        config,
      );
      const written = (async () => {
        await countWrite(deps, address, 'form.rateLimited');
        return postComment(deps, {
          thread,
          input,
          idempotencyKey: key ?? null,
          clientAddress: address,
          links: { publicUrl: config.publicUrl ?? ownOrigin(), pageOrigin: origin },
        });
      })();
      written
        .finally(() => deps.versions.forget(null))
        .then((result) => answer(res, result.status, result.body, postAnswerHeaders(result), cors), fail);
    });
  };
}
