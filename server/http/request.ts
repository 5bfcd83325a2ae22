/**
 * Reading a request: who sent it, which thread it names, and its JSON body or query parsed
 * with the contract's schemas. A failure throws the `HttpError` the client should see.
 */
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import * as z from 'zod/mini';
import { fieldErrors } from '../../src/contract/schemas.js';
import { ID_PATTERN, LIMITS, THREAD_PATTERN } from '../../src/contract/limits.js';
import { isFieldErrorKey } from '../../src/contract/keys.js';
import type { Config } from '../config.js';
import { hmacSha256 } from '../digest.js';
import { english, errors, HttpError } from '../errors.js';
import type { Position } from '../store/types.js';
import { canonicalAddress } from './address.js';
import { decodeCursor } from './shape.js';

/**
 * The client's address, canonically spelled: the last `X-Forwarded-For` hop when behind our own
 * proxy, else the socket's peer.
 */
export function clientAddress(c: Context, config: Config): string {
  // Once per request (#24): the rate limit and the route both ask.
  let address = requestAddresses.get(c.req.raw);
  if (address === undefined) {
    const forwardedFor = config.trustProxy ? c.req.header('X-Forwarded-For') : undefined;
    address = clientAddressOf(forwardedFor, socketAddress(c), config);
    requestAddresses.set(c.req.raw, address);
  }
  return address;
}

/** `clientAddress` from the request's `X-Forwarded-For` and its socket's peer (also for the listener's fast path). */
export function clientAddressOf(forwardedFor: string | undefined, peer: string | undefined, config: Config): string {
  return canonicalAddress((config.trustProxy && lastEntry(forwardedFor)) || peer || 'unknown');
}

/** Each request's client address, once worked out. */
const requestAddresses = new WeakMap<Request, string>();

function socketAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

/** Addresses hashed lately, per app (its config): a client's next write reuses its hash (#24). */
const recentHashes = new WeakMap<Config, Map<string, string>>();
/** Addresses kept per app at most; when full the memory starts again, empty. */
const RECENT_HASHES_MAX = 4096;

/**
 * HMAC(SECRET, address): what the store and the rate limiter keep instead of the address. The
 * hash of a recent address is remembered (the rate limit and the comment both ask for it, and a
 * client writes again): the same value, computed once.
 */
export function addressHash(config: Config, address: string): string {
  let recent = recentHashes.get(config);
  if (!recent) recentHashes.set(config, (recent = new Map()));
  let hash = recent.get(address);
  if (hash === undefined) {
    hash = hmacSha256(config.secret, address, 'base64url').slice(0, 32);
    if (recent.size >= RECENT_HASHES_MAX) recent.clear();
    recent.set(address, hash);
  }
  return hash;
}

/** The last entry of a comma-separated `X-Forwarded-*` header: the one our own proxy wrote. */
function lastEntry(header: string | undefined): string | undefined {
  const entries = header
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return entries?.[entries.length - 1];
}

/**
 * The origin this server is reached at, as the browser sees it. Behind our own proxy, from the
 * last `X-Forwarded-Proto` / `X-Forwarded-Host` entries, as the client address comes from the
 * last `X-Forwarded-For` entry: earlier entries are whatever the client sent.
 */
export function ownOrigin(c: Context, config: Config): string {
  return ownOriginOf(c.req.url, (name) => c.req.header(name), config);
}

/** `ownOrigin` from the request's URL and a reader of its headers (also for the listener's fast path). */
export function ownOriginOf(requestUrl: string, header: (name: string) => string | undefined, config: Config): string {
  const url = new URL(requestUrl);
  if (config.trustProxy) {
    const proto = lastEntry(header('X-Forwarded-Proto'));
    const host = lastEntry(header('X-Forwarded-Host'));
    if (proto || host) return `${proto ?? url.protocol.replace(':', '')}://${host ?? url.host}`;
  }
  return url.origin;
}

export function threadParam(c: Context): string {
  const thread = c.req.param('thread') ?? '';
  if (!THREAD_PATTERN.test(thread)) {
    throw errors.badRequest('The thread id is not valid: use 1–200 characters of A–Z, a–z, 0–9 and . _ ~ : / -');
  }
  return thread;
}

export function commentIdParam(c: Context): string {
  const id = c.req.param('id') ?? '';
  if (!ID_PATTERN.test(id)) throw errors.notFound('No comment with this id.');
  return id;
}

export async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw errors.malformedJson();
  }
}

/** The English sentence for a 422: the first failing field's message. */
export function validationError(fields: Record<string, string>, ratingMax: number): HttpError {
  const first = Object.values(fields)[0];
  const params = {
    max: first?.startsWith('name.') ? LIMITS.nameMax : first?.startsWith('message.') ? LIMITS.messageMax : ratingMax,
  };
  const message = first ? english(first, params) : 'The request is not valid.';
  return new HttpError(422, 'validation', message, fields);
}

/** Validates a JSON body with a contract schema; a 422 names a message key per field. */
export function parseBody<T extends z.ZodMiniType>(schema: T, data: unknown, ratingMax: number): z.output<T> {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new HttpError(422, 'validation', 'The request body must be a JSON object.', {});
  }
  const result = z.safeParse(schema, data);
  if (result.success) return result.data;
  const fields = fieldErrors(result.error.issues);
  // A field left out entirely reads better as "required" than as "not valid".
  for (const [field, key] of Object.entries(fields)) {
    const required = `${field}.required`;
    if (key === 'field.invalid' && (data as Record<string, unknown>)[field] === undefined && isFieldErrorKey(required))
      fields[field] = required;
  }
  throw validationError(fields, ratingMax);
}

/** Reads a JSON body and validates it: the two steps every write route takes. */
export async function readBody<T extends z.ZodMiniType>(c: Context, schema: T, ratingMax: number) {
  return parseBody(schema, await readJson(c), ratingMax);
}

export function parseQuery<T extends z.ZodMiniType>(schema: T, c: Context): z.output<T> {
  const result = z.safeParse(schema, c.req.query());
  if (!result.success) {
    const names = [...new Set(result.error.issues.map((i) => String(i.path[0] ?? 'query')))];
    throw errors.badRequest(`Invalid query parameter: ${names.join(', ')}.`);
  }
  return result.data;
}

/** An optional `cursor` query value as a listing position. */
export function decodeCursorParam(cursor: string | undefined): Position | null {
  return cursor ? decodeCursor(cursor) : null;
}
