/**
 * Answers made from a thread's version (issue #24) instead of from its bytes.
 *
 * Every write to a thread bumps its version in the write's own transaction
 * (store/thread-version.ts), so for one URL "same version" means "same answer":
 *   - the ETag is the version (plus what else shapes the answer), never a hash of the body;
 *   - `If-None-Match` is answered 304 after reading the version alone;
 *   - an answer is kept in memory by (URL key, version) and served again while the version in
 *     the database is unchanged. Each request reads the version from the database first, so an
 *     instance never serves an answer older than the database, even with many instances.
 *
 * The version is read before the data: a write landing between the two makes the kept answer
 * newer than its version, never older, and the next request (seeing the new version) replaces it.
 */
import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import type { ReplayCache, VersionReader } from './replay.js';

/**
 * Part of every ETag: change it when the JSON of a cached answer changes shape (a field added
 * or renamed), so that answers cached by browsers before the deploy are not revalidated as
 * unchanged by the new code.
 */
export const ANSWER_SHAPE = 's2';

/**
 * `"<kind>-<version, base 36>-<shape>-<hash of what else selects the answer>"`: strong, as one
 * version has one body. The hash (FNV-1a of e.g. the page's sort, size and cursor) keeps the
 * ETags of two pages of one thread apart.
 */
export function versionEtag(kind: string, version: number, selector: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < selector.length; i++) hash = Math.imul(hash ^ selector.charCodeAt(i), 0x01000193);
  return `"${kind}-${version.toString(36)}-${ANSWER_SHAPE}-${(hash >>> 0).toString(36)}"`;
}

/** RFC 9110 weak comparison of `If-None-Match` (a list, `*`, or W/ tags) against our ETag. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  for (const candidate of ifNoneMatch.split(',')) {
    const tag = candidate.trim();
    if ((tag.startsWith('W/') ? tag.slice(2) : tag) === etag) return true;
  }
  return false;
}

/** Bodies of recent answers by key, each with the thread version it was read at; least recently used leave first. */
export class AnswerCache {
  private readonly entries = new Map<string, { version: number; body: string }>();
  private bytes = 0;

  /** `maxBytes` 0 turns the cache off (every answer is read from the database). */
  constructor(private readonly maxBytes: number) {}

  get(key: string, version: number): string | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.version !== version) {
      this.remove(key, entry);
      return undefined;
    }
    // Most recently used goes last in the Map's order.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.body;
  }

  set(key: string, version: number, body: string): void {
    // A body bigger than an eighth of the cache would push out too much for one answer.
    if (body.length * 8 > this.maxBytes) return;
    const old = this.entries.get(key);
    if (old) this.remove(key, old);
    this.entries.set(key, { version, body });
    this.bytes += body.length;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest, entry);
    }
  }

  private remove(key: string, entry: { body: string }): void {
    this.entries.delete(key);
    this.bytes -= entry.body.length;
  }
}

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=UTF-8', 'Cache-Control': 'no-cache' };
/** #19: `GET …/rendered` answers an HTML fragment (produce() gives the markup itself). */
const HTML_HEADERS = { 'Content-Type': 'text/html; charset=UTF-8', 'Cache-Control': 'no-cache' };

/**
 * Answers a GET from the thread's version: 304 when `If-None-Match` names it, else the kept
 * body for (key, version), else `produce()`'s JSON, kept for the next request.
 */
export async function answerByVersion(
  c: Context,
  options: {
    cache: AnswerCache;
    key: string;
    version: number;
    etag: string;
    produce: () => Promise<unknown>;
    /** #19: the answer is the HTML string `produce()` gives, not JSON. */
    html?: boolean;
    /**
     * The replay (http/replay.ts): how to read this answer's version again (the read that gave
     * `version`). With it, the node:http listener records this answer as written and serves it
     * again itself while the version holds.
     */
    replay?: { cache: ReplayCache; read: VersionReader };
  },
): Promise<Response> {
  const { cache, key, version, etag } = options;
  if (options.replay) {
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    options.replay.cache.note(incoming, { version, etag, read: options.replay.read });
  }
  if (etagMatches(c.req.header('If-None-Match'), etag))
    return c.body(null, 304, { ETag: etag, 'Cache-Control': 'no-cache' });
  let body = cache.get(key, version);
  if (body === undefined) {
    const produced = await options.produce();
    body = options.html ? String(produced) : JSON.stringify(produced);
    cache.set(key, version, body);
  }
  return c.body(body, 200, { ...(options.html ? HTML_HEADERS : JSON_HEADERS), ETag: etag });
}
