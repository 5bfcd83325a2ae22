// The one stand-in for `window.fetch` of the component suites: the elements talk to a server
// only through `fetch`, so a test replaces it, answers each request, and reads what was sent.

/** A request the page made, as the stub saw it. */
export interface Call {
  url: string;
  /** The URL's path and query, for routing and assertions. */
  path: string;
  params: URLSearchParams;
  method: string;
  headers: Headers;
  /** The JSON body, parsed; null without one. */
  body: Record<string, unknown> | null;
}

/** An answer: a response, a network failure (an Error), or a function that makes one when asked. */
export type Reply = Response | Error | Promise<Response> | ((call: Call) => Response | Error | Promise<Response>);

/** Picks the reply to a request (by its URL, its method, its body…); `undefined` lets it through to the network. */
export type Route = (call: Call) => Reply | undefined;

const realFetch = window.fetch;

/**
 * `GET …/config` (#16): every comment form asks it on the reader's first touch, in the
 * background. The stub answers it with these settings (mail off unless a test says otherwise
 * with `answerConfig`) and keeps it out of `calls`, so suites about other requests see only theirs.
 */
const DEFAULT_CONFIG = { captcha: { provider: 'none' }, mail: false, editWindowMinutes: 15, ratingMax: 5 };
let serverConfig: Record<string, unknown> = DEFAULT_CONFIG;
/** The `GET …/config` requests answered by the stub, oldest first. */
export const configCalls: string[] = [];

/** What the stub answers to `GET …/config` until `restoreFetch()`. */
export function answerConfig(config: Partial<typeof DEFAULT_CONFIG>): void {
  serverConfig = { ...DEFAULT_CONFIG, ...config };
}

/** Replaces `window.fetch`: every request is recorded and answered by `route`. */
export function routeFetch(route: Route): Call[] {
  const calls: Call[] = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : null;
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if ((init?.method ?? 'GET').toUpperCase() === 'GET' && url.pathname.endsWith('/config')) {
      configCalls.push(url.href);
      return json(200, serverConfig);
    }
    const call: Call = {
      url: url.href,
      path: url.pathname,
      params: url.searchParams,
      method: (init?.method ?? 'GET').toUpperCase(),
      headers: new Headers(init?.headers),
      body,
    };
    calls.push(call);
    let reply = route(call);
    if (reply === undefined) return realFetch(input, init);
    if (typeof reply === 'function') reply = reply(call);
    const answer = await reply;
    if (answer instanceof Error) throw answer;
    // A Response can be read once; a reply that repeats answers with a copy each time.
    return answer.clone();
  };
  return calls;
}

/** Replaces `window.fetch`: each request takes the next reply, and the last one repeats. */
export function stubFetch(...replies: Reply[]): Call[] {
  let next = 0;
  return routeFetch(() => {
    const reply = replies[Math.min(next++, replies.length - 1)];
    if (reply === undefined) throw new Error('stubFetch: no reply given');
    return reply;
  });
}

/**
 * The cookies the page's scripts see (`document.cookie`), as a server would have set them: the
 * stub sets none. This page's own, not the browser's jar, which test files running at the same
 * time share. `restoreFetch()` takes them away.
 */
export function stubCookies(cookies: string): void {
  Object.defineProperty(document, 'cookie', { configurable: true, get: () => cookies, set: () => {} });
}

/** Puts the browser's own `fetch` (and cookies) back. */
export function restoreFetch(): void {
  window.fetch = realFetch;
  serverConfig = DEFAULT_CONFIG;
  configCalls.length = 0;
  delete (document as { cookie?: string }).cookie; // the instance's stand-in, not Document's own
}

/** A JSON response, as the server sends one. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}
