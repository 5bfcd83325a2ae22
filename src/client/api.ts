import type {
  CaptchaConfig,
  Comment,
  CommentInputRaw,
  CommentPage,
  ErrorBody,
  RatingAggregate,
  RatingInput,
  Sort,
} from '../contract/schemas.js';
import { threadPath } from './endpoint.js';

/** The server answered with a 4xx or 5xx. `body` is the contract's error JSON when it sent one. */
export class ApiError extends Error {
  readonly status: number;
  readonly body: ErrorBody | null;
  /** Seconds from `Retry-After`, when the server sent one (429). */
  readonly retryAfter: number | null;

  constructor(status: number, body: ErrorBody | null, retryAfter: number | null) {
    super(body?.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
    this.retryAfter = retryAfter;
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

export interface ClientOptions {
  /** Milliseconds before a request is abandoned as a network failure. */
  timeout?: number;
  /** Injected for tests; defaults to the global `fetch` at call time. */
  fetch?: typeof fetch;
}

export interface ListOptions {
  limit?: number;
  cursor?: string | null;
  sort?: Sort;
}

/** What `POST /threads/:thread/comments` answered: 201 published or 202 pending. */
export interface PostResult {
  status: 201 | 202;
  comment: Comment;
}

/** A small typed client of the HTTP contract (SPEC §3). */
export class ApiClient {
  readonly base: string;
  private readonly timeout: number;
  private readonly fetchImpl: typeof fetch | undefined;

  constructor(base: string, options: ClientOptions = {}) {
    this.base = base.replace(/\/+$/, '');
    this.timeout = options.timeout ?? 15000;
    this.fetchImpl = options.fetch;
  }

  listComments(thread: string, options: ListOptions = {}, signal?: AbortSignal): Promise<CommentPage> {
    const query = new URLSearchParams();
    if (options.limit) query.set('limit', String(options.limit));
    if (options.cursor) query.set('cursor', options.cursor);
    if (options.sort) query.set('sort', options.sort);
    const qs = query.toString();
    return this.request<CommentPage>('GET', `${threadPath(thread)}/comments${qs ? `?${qs}` : ''}`, { signal });
  }

  async postComment(thread: string, payload: CommentInputRaw, idempotencyKey: string): Promise<PostResult> {
    const res = await this.send('POST', `${threadPath(thread)}/comments`, {
      body: payload,
      headers: { 'Idempotency-Key': idempotencyKey },
    });
    const data = (await res.json()) as { comment: Comment };
    return { status: res.status === 202 ? 202 : 201, comment: data.comment };
  }

  getRating(thread: string, signal?: AbortSignal): Promise<RatingAggregate> {
    return this.request<RatingAggregate>('GET', `${threadPath(thread)}/rating`, { signal });
  }

  putRating(thread: string, input: RatingInput): Promise<RatingAggregate> {
    return this.request<RatingAggregate>('PUT', `${threadPath(thread)}/rating`, { body: input });
  }

  getCaptcha(signal?: AbortSignal): Promise<CaptchaConfig> {
    return this.request<CaptchaConfig>('GET', '/captcha', { signal });
  }

  private async request<T>(method: string, path: string, init: SendInit): Promise<T> {
    const res = await this.send(method, path, init);
    return (await res.json()) as T;
  }

  private async send(method: string, path: string, init: SendInit): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json', ...init.headers };
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    const timeout = AbortSignal.timeout(this.timeout);
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    const doFetch = this.fetchImpl ?? globalThis.fetch.bind(globalThis);
    let res: Response;
    try {
      res = await doFetch(this.base + path, {
        method,
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal,
        credentials: 'omit',
        mode: 'cors',
      });
    } catch (err) {
      if (init.signal?.aborted) throw err;
      throw new NetworkError(err);
    }
    if (!res.ok) throw new ApiError(res.status, await readErrorBody(res), parseRetryAfter(res.headers.get('Retry-After')));
    return res;
  }
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
