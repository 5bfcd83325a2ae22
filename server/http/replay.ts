/**
 * The replay (issue #24): a versioned GET answered in the `node:http` listener, in front of Hono.
 *
 * Per request, Hono's pipeline (turning the IncomingMessage into a Request, the middleware chain,
 * the router, the Response back into node's) costs several times what writing the answer costs.
 * For the reads answered from a thread's version (`answerByVersion`, http/versioned.ts) the
 * answer is fully decided by the request's key (below) and the version, so:
 *
 *   - when Hono's whole pipeline answered such a GET with a 200 or a 304, the listener records
 *     exactly what was written on the wire (status, every header object node was given, the
 *     body bytes), with the version it was made at and how to read that version again;
 *   - a later GET with the same key reads the current version (the same hot statement the route
 *     reads) and, when it is unchanged, writes the recorded answer itself: the 200, or the 304
 *     when `If-None-Match` matches the recorded ETag (RFC 9110 weak comparison, as Hono's route).
 *
 * Anything else goes to Hono unchanged: another method (HEAD too), an unknown key, a moved
 * version, a failed version read, a request carrying credentials or a body, a 304 not recorded
 * yet. The key is the method, the raw URL and every request header an answer of these routes
 * depends on (`KEY_HEADERS`); **a middleware or route that starts reading another request header
 * on a versioned GET must add it there** (or refuse it in `REFUSED_HEADERS`).
 */
import type { IncomingMessage, OutgoingHttpHeaders, RequestListener, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { etagMatches } from './versioned.js';

/**
 * The request headers an answer of a versioned GET depends on: `Host` and the forwarded pair
 * (the server's own origin, for CORS and the rendered block's endpoint), `Origin` (CORS), and
 * `Accept-Encoding` (nothing compresses today; kept so that adding compression cannot replay a
 * gzip body to a client that did not ask for one).
 */
const KEY_HEADERS = new Set(['host', 'origin', 'x-forwarded-host', 'x-forwarded-proto', 'accept-encoding']);
/** A request with any of these goes to Hono: credentials may change an answer, a body or upgrade is not a plain read. */
const REFUSED_HEADERS = new Set([
  'authorization',
  'cookie',
  'content-length',
  'transfer-encoding',
  'expect',
  'upgrade',
]);

/** How a route's version is read again: the same read the route made (a number or a promise of one). */
export type VersionReader = () => number | Promise<number>;

/** What `answerByVersion` leaves for the listener about the answer it is giving. */
interface Note {
  version: number;
  etag: string;
  read: VersionReader;
}

interface Written {
  headers: OutgoingHttpHeaders;
  body: Buffer | null;
}

interface Entry {
  version: number;
  etag: string;
  read: VersionReader;
  ok?: Written;
  notModified?: Written;
  bytes: number;
}

/** Headers and bookkeeping of one entry, besides its key and body (an estimate for the bound). */
const ENTRY_OVERHEAD = 1024;

/** Recorded answers by key; least recently used leave first, within `maxBytes`. */
export class ReplayCache {
  private readonly entries = new Map<string, Entry>();
  private readonly notes = new WeakMap<IncomingMessage, Note>();
  private bytes = 0;

  /** `maxBytes` 0 turns the replay off (every request goes through Hono). */
  constructor(private readonly maxBytes: number) {}

  /** Called by `answerByVersion` for the request it is answering (when it runs under node:http). */
  note(incoming: IncomingMessage | undefined, note: Note): void {
    if (incoming && this.maxBytes > 0) this.notes.set(incoming, note);
  }

  /** The key of a request the replay may answer, or undefined when it must go to Hono. */
  keyOf(req: IncomingMessage): { key: string; ifNoneMatch: string | undefined } | undefined {
    if (this.maxBytes === 0 || req.method !== 'GET') return undefined;
    const url = req.url;
    // An absolute-form target (`GET http://…`) is left to Hono, which builds the URL from it.
    if (!url || url.charCodeAt(0) !== 47 /* "/" */) return undefined;
    let key = url;
    let ifNoneMatch: string | undefined;
    const raw = req.rawHeaders;
    for (let i = 0; i < raw.length; i += 2) {
      const name = raw[i]!.toLowerCase();
      if (name === 'if-none-match')
        ifNoneMatch = ifNoneMatch === undefined ? raw[i + 1] : `${ifNoneMatch}, ${raw[i + 1]}`;
      else if (KEY_HEADERS.has(name)) key += `\n${name}: ${raw[i + 1]}`;
      else if (REFUSED_HEADERS.has(name)) return undefined;
    }
    return { key, ifNoneMatch };
  }

  /** The entry for `key`, most recently used. */
  get(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  /** Records what Hono wrote for a request whose answer `answerByVersion` noted. */
  record(key: string, incoming: IncomingMessage, status: number, written: Written): void {
    const note = this.notes.get(incoming);
    if (!note || (status !== 200 && status !== 304)) return;
    let entry = this.entries.get(key);
    if (!entry || entry.version !== note.version || entry.etag !== note.etag) {
      if (entry) this.remove(key, entry);
      entry = { version: note.version, etag: note.etag, read: note.read, bytes: key.length * 2 + ENTRY_OVERHEAD };
      this.entries.set(key, entry);
      this.bytes += entry.bytes;
    }
    const size = written.body?.length ?? 0;
    // A body bigger than an eighth of the bound would push out too much for one answer.
    if (size * 8 > this.maxBytes) {
      this.remove(key, entry);
      return;
    }
    if (status === 200) {
      if (entry.ok) return;
      entry.ok = written;
      entry.bytes += size;
      this.bytes += size;
    } else entry.notModified ??= written;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest, old);
    }
  }

  private remove(key: string, entry: Entry): void {
    if (this.entries.get(key) !== entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}

/** Writes the recorded answer for `version` when it still holds; false when Hono must answer. */
function replay(entry: Entry, version: number, ifNoneMatch: string | undefined, res: ServerResponse): boolean {
  if (version !== entry.version) return false;
  const written = etagMatches(ifNoneMatch, entry.etag) ? entry.notModified : entry.ok;
  if (!written) return false;
  res.writeHead(written === entry.ok ? 200 : 304, written.headers);
  if (written.body) res.end(written.body);
  else res.end();
  return true;
}

type Fetch = Parameters<typeof getRequestListener>[0];

/**
 * The `node:http` listener of the server: the replay, then Hono (`fetch`, normally `app.fetch`).
 * `hostname` stands in for a missing `Host` header, as in `@hono/node-server`'s `serve()`.
 */
export function createNodeListener(
  fetch: Fetch,
  replays: ReplayCache,
  options: { hostname?: string } = {},
): RequestListener {
  const hono = getRequestListener(fetch, options.hostname ? { hostname: options.hostname } : {});

  /** Hono answers; when the request had a key, what it writes is captured for `record`. */
  const toHono = (req: IncomingMessage, res: ServerResponse, key: string | undefined): void => {
    if (key === undefined) {
      void hono(req, res);
      return;
    }
    let status = 0;
    let headers: OutgoingHttpHeaders | undefined;
    let body: Buffer | null = null;
    let plain = true;
    const writeHead = res.writeHead;
    const write = res.write;
    const end = res.end;
    // Only the shapes @hono/node-server uses for an answer from memory: writeHead(status, headers)
    // then end(body?). Anything else (a status message, a streamed body) is not recorded.
    res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
      if (typeof args[0] === 'number' && (args.length === 1 || (args.length === 2 && typeof args[1] === 'object')))
        [status, headers] = [args[0], { ...(args[1] as OutgoingHttpHeaders | undefined) }];
      else plain = false;
      return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
    } as typeof res.writeHead;
    res.write = function (this: ServerResponse, ...args: unknown[]) {
      plain = false;
      return (write as (...a: unknown[]) => boolean).apply(this, args);
    } as typeof res.write;
    res.end = function (this: ServerResponse, ...args: unknown[]) {
      const chunk = args[0];
      if (typeof chunk === 'string') body = Buffer.from(chunk);
      else if (chunk instanceof Uint8Array) body = Buffer.from(chunk);
      else if (chunk !== undefined && typeof chunk !== 'function') plain = false;
      return (end as (...a: unknown[]) => ServerResponse).apply(this, args);
    } as typeof res.end;
    hono(req, res).then(
      () => {
        if (!plain || !headers || !res.writableEnded) return;
        // An answer that sets a cookie is someone's own, never one to hand to the next reader.
        if (Object.keys(headers).some((name) => name.toLowerCase() === 'set-cookie')) return;
        // node-server may leave a string body's length to node (`_contentLength`) instead of a header.
        if (body && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-length'))
          headers['Content-Length'] = body.length;
        replays.record(key, req, status, { headers, body });
      },
      () => {}, // node-server answers its own errors; nothing is recorded
    );
  };

  return (req, res) => {
    const keyed = replays.keyOf(req);
    if (keyed === undefined) return toHono(req, res, undefined);
    const entry = replays.get(keyed.key);
    if (!entry) return toHono(req, res, keyed.key);
    let version: number | Promise<number>;
    try {
      version = entry.read();
    } catch {
      return toHono(req, res, keyed.key);
    }
    if (typeof version === 'number') {
      if (!replay(entry, version, keyed.ifNoneMatch, res)) toHono(req, res, keyed.key);
      return;
    }
    version.then(
      (v) => {
        if (!replay(entry, v, keyed.ifNoneMatch, res)) toHono(req, res, keyed.key);
      },
      () => toHono(req, res, keyed.key),
    );
  };
}
