/**
 * The kit's view of a backend: one request at a time, the answer read whole (status, headers,
 * text, and the JSON when it is JSON). Only Node's own `fetch`; a test may pass another
 * `fetch` (e.g. an app's in-process handler) to check a backend without a socket.
 */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface Answer {
  method: string;
  path: string;
  status: number;
  headers: Headers;
  text: string;
  /** The parsed JSON body, or undefined when the body is empty or not JSON. */
  body: unknown;
}

export interface RequestOptions {
  /** Sent as JSON with `Content-Type: application/json`. */
  json?: unknown;
  /** Sent as is (with whatever Content-Type `headers` name). */
  raw?: string;
  headers?: Record<string, string>;
}

/** The backend could not be reached at all (refused, DNS, timeout). */
export class Unreachable extends Error {
  constructor(url: string, cause: unknown) {
    super(
      `no answer from ${url}: ${cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : String(cause)}`,
    );
    this.name = 'Unreachable';
  }
}

export class Backend {
  /** `base` is the API base URL, as given to the widget's `endpoint` (no trailing slash). */
  constructor(
    readonly base: string,
    private readonly fetchImpl: FetchLike = (url, init) => fetch(url, init),
    private readonly timeoutMs = 15_000,
  ) {}

  async request(method: string, path: string, options: RequestOptions = {}): Promise<Answer> {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    let body: string | undefined;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['Content-Type'] ??= 'application/json';
    } else if (options.raw !== undefined) body = options.raw;
    const url = this.base + path;
    let res: Response;
    try {
      res = await this.fetchImpl(url, { method, headers, body, signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (err) {
      throw new Unreachable(url, err);
    }
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : (JSON.parse(text) as unknown);
    } catch {
      parsed = undefined;
    }
    return { method, path, status: res.status, headers: res.headers, text, body: parsed };
  }

  get(path: string, headers?: Record<string, string>): Promise<Answer> {
    return this.request('GET', path, { headers });
  }
}

/** `/threads/<id>` with the id percent-encoded, as the widget sends it. */
export function threadPath(thread: string): string {
  return `/threads/${encodeURIComponent(thread)}`;
}
