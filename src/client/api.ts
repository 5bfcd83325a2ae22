import type { CommentPage, ErrorBody, RatingAggregate, Sort } from '../contract/schemas.js';
import { threadPath } from './endpoint.js';

/** The server answered with a 4xx or 5xx. `body` is the contract's error JSON when it sent one. */
export class ApiError extends Error {
  /**
   * @param retryAfter Seconds from `Retry-After`, when the server sent one (429).
   */
  constructor(
    readonly status: number,
    readonly body: ErrorBody | null,
    readonly retryAfter: number | null,
  ) {
    super(body?.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }

  /** `{ field: messageKey }` of a 422. */
  get fields(): Record<string, string> {
    return this.body?.fields ?? {};
  }
}

/** The request never got an answer: offline, DNS, CORS refusal, timeout. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('Network request failed', { cause });
    this.name = 'NetworkError';
  }
}

export interface ListOptions {
  limit?: number;
  cursor?: string | null;
  sort?: Sort;
}

// A small typed client of the HTTP contract (SPEC §3): one function per call. Here the reads the
// elements make at once; the calls made on the reader's action (post, vote, captcha) are in
// api-actions.ts, which only the on-demand chunks import. `base` is the API base URL without a
// trailing slash (`resolveEndpoint`).

/** Milliseconds before a request is abandoned as a network failure. */
const TIMEOUT = 15000;

export function listComments(
  base: string,
  thread: string,
  options: ListOptions = {},
  signal?: AbortSignal,
): Promise<CommentPage> {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(options)) if (v) query.set(k, String(v));
  const qs = query.toString();
  return json(base, 'GET', `${threadPath(thread)}/comments${qs ? `?${qs}` : ''}`, { signal });
}

export function getRating(base: string, thread: string, signal?: AbortSignal): Promise<RatingAggregate> {
  return json(base, 'GET', `${threadPath(thread)}/rating`, { signal });
}

export async function json<T>(base: string, method: string, path: string, init: SendInit): Promise<T> {
  return (await (await send(base, method, path, init)).json()) as T;
}

/** One request; throws `ApiError` for a 4xx/5xx and `NetworkError` when no answer came. */
export async function send(base: string, method: string, path: string, init: SendInit): Promise<Response> {
  const { body, signal } = init;
  const headers: Record<string, string> = { Accept: 'application/json', ...init.headers };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const timeout = AbortSignal.timeout(TIMEOUT);
  let res: Response;
  try {
    res = await fetch(base + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      credentials: 'omit',
      mode: 'cors',
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new NetworkError(err);
  }
  if (!res.ok)
    throw new ApiError(res.status, await readErrorBody(res), parseRetryAfter(res.headers.get('Retry-After')));
  return res;
}

interface SendInit {
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
}

async function readErrorBody(res: Response): Promise<ErrorBody | null> {
  try {
    const data: unknown = await res.json();
    if (data && typeof data === 'object' && typeof (data as ErrorBody).error === 'string') return data as ErrorBody;
  } catch {
    /* not JSON */
  }
  return null;
}

/** `Retry-After` as seconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}
