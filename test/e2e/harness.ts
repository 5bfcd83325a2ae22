/**
 * End-to-end stack: the real reference server (its own process, a temporary SQLite file) plus
 * a SECOND origin that serves the article page under a strict Content-Security-Policy, and a
 * headless Chromium driven by playwright-core. The page loads `<server>/article-feedback.js`
 * cross-origin, so CORS and the CSP are exercised exactly as on a publisher's site.
 *
 *   const stack = await startStack({ env: { MODERATION: 'all' } });
 *   const page = await stack.newPage();
 *   await page.goto(stack.urlFor('/articles/one'));
 *   ...
 *   assert.deepEqual(stack.cspViolations, []);
 *   await stack.close();
 *
 * Every path on the page origin that is not a static file answers the default article page,
 * whose thread is its path (no canonical link), so each test can use a fresh thread.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from '../helpers/launch-chromium.js';
import { startServerProcess } from '../helpers/server-process.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on the page as it is now, as `id (nodes)` lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }
    ).axe;
    const result = await axe.run();
    return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}

export type ServerHandle = Awaited<ReturnType<typeof startServerProcess>>;

export interface PageContext {
  /** `http://127.0.0.1:<port>` of the reference server. */
  serverOrigin: string;
  /** `<serverOrigin>/api`. */
  apiUrl: string;
  /** The page origin (the second origin). */
  pageOrigin: string;
  /** The path requested on the page origin. */
  path: string;
  /** The query string of the request (URLSearchParams). */
  query: URLSearchParams;
}

export interface StaticFile {
  type: string;
  body: string | ((ctx: PageContext) => string);
}

export interface StackOptions {
  /** Server environment; defaults `MODERATION=off`, `CAPTCHA=none`, `RATE_LIMIT_WRITES=0`. */
  env?: Record<string, string>;
  /**
   * The page `<body>` content (or the whole document when it starts with `<!doctype`), for
   * every non-static path. Default: an article with `<article-feedback endpoint="<api>">`.
   * No inline scripts or styles: they would be refused by the CSP (and recorded).
   */
  pageHtml?: (ctx: PageContext) => string;
  /** Extra files served on the page origin, by path (e.g. `/extra.js`). */
  files?: Record<string, StaticFile>;
  /** Override the CSP header (rarely: tests of the policy itself). */
  csp?: (ctx: { serverOrigin: string; pageOrigin: string }) => string;
}

export interface Stack {
  server: ServerHandle;
  serverOrigin: string;
  apiUrl: string;
  pageOrigin: string;
  /** The default page, `<pageOrigin>/articles/e2e` (thread `/articles/e2e`). */
  pageUrl: string;
  /** `<pageOrigin><path>`: the default page for thread `<path>`. */
  urlFor(path: string): string;
  browser: Browser;
  /** A page in a new browser context (its own localStorage: another reader). */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** A new context with the same listeners; open several pages in it (same reader). */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** `console.error` messages and uncaught page errors, as `"<page url>: <text>"`. */
  consoleErrors: string[];
  /** Content-Security-Policy violations: `"<directive> <blocked uri>"`. */
  cspViolations: string[];
  /** Every request any page made to a host other than the two origins (third-party calls). */
  foreignRequests: string[];
  /** Empties the three lists (e.g. between steps that expect errors). */
  clearLogs(): void;
  /** POST a comment through the real API (seeding). Returns status and body. */
  postComment(thread: string, payload: Record<string, unknown>): Promise<{ status: number; body: any }>;
  /** GET a path of the API (e.g. `/threads/%2Fa/comments`). */
  getJson(path: string): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

export function strictCsp(serverOrigin: string): string {
  return [
    "default-src 'none'",
    `script-src 'self' ${serverOrigin}`,
    "style-src 'self'",
    `connect-src ${serverOrigin}`,
    "img-src 'self' data:",
    `worker-src 'self' blob: ${serverOrigin}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function defaultArticle(ctx: PageContext): string {
  return `<main>
  <article>
    <h1>Harbour town votes to keep its night ferry</h1>
    <p>After a long evening meeting, the council decided to keep the late crossing running.</p>
    <article-feedback endpoint="${ctx.apiUrl}"></article-feedback>
  </article>
</main>`;
}

/** Reports CSP violations to Playwright; an init script runs before any page script and ignores the CSP. */
const WATCH_SCRIPT = `
  document.addEventListener('securitypolicyviolation', (e) => {
    try { window.__afCspViolation(e.violatedDirective + ' ' + (e.blockedURI || '(inline)') + (e.sourceFile ? ' at ' + e.sourceFile + ':' + e.lineNumber : '')); } catch {}
  }, true);
`;

/** The same listener as an external file on the page origin, for pages opened without the hook. */
const WATCH_FILE = `document.addEventListener('securitypolicyviolation', (e) => {
  console.error('CSP violation: ' + e.violatedDirective + ' ' + (e.blockedURI || '(inline)'));
}, true);
`;

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function documentFor(ctx: PageContext, body: string): string {
  if (/^\s*<!doctype/i.test(body)) return body;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>E2E article</title>
<link rel="stylesheet" href="/page.css">
<script src="/csp-watch.js"></script>
<script type="module" src="${escapeAttr(ctx.serverOrigin)}/article-feedback.js"></script>
</head>
<body>
${body}
</body>
</html>`;
}

const PAGE_CSS = `body { font-family: system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }\n`;

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  let serverOrigin = '';
  let apiUrl = '';
  let pageOrigin = '';

  const files: Record<string, StaticFile> = {
    '/csp-watch.js': { type: 'text/javascript', body: WATCH_FILE },
    '/page.css': { type: 'text/css', body: PAGE_CSS },
    ...options.files,
  };

  const pageServer = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', pageOrigin);
    const ctx: PageContext = { serverOrigin, apiUrl, pageOrigin, path: url.pathname, query: url.searchParams };
    const csp = options.csp ? options.csp({ serverOrigin, pageOrigin }) : strictCsp(serverOrigin);
    const headers: Record<string, string> = {
      'Content-Security-Policy': csp,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    };
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204, headers).end();
      return;
    }
    const file = files[url.pathname];
    if (file) {
      const body = typeof file.body === 'function' ? file.body(ctx) : file.body;
      res.writeHead(200, { ...headers, 'Content-Type': `${file.type}; charset=utf-8` }).end(body);
      return;
    }
    const body = (options.pageHtml ?? defaultArticle)(ctx);
    res.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' }).end(documentFor(ctx, body));
  });
  const pagePort = await listen(pageServer);
  pageOrigin = `http://127.0.0.1:${pagePort}`;

  let server: ServerHandle;
  try {
    server = await startServerProcess({
      env: {
        MODERATION: 'off',
        CAPTCHA: 'none',
        RATE_LIMIT_WRITES: '0',
        ...options.env,
        ALLOWED_ORIGINS: pageOrigin,
      },
    });
  } catch (err) {
    pageServer.close();
    throw err;
  }
  serverOrigin = new URL(server.url).origin;
  apiUrl = server.apiUrl.replace(/\/+$/, '');

  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (err) {
    pageServer.close();
    await server.stop();
    throw err;
  }

  const consoleErrors: string[] = [];
  const cspViolations: string[] = [];
  const foreignRequests: string[] = [];
  const contexts: BrowserContext[] = [];

  async function newContext(contextOptions: BrowserContextOptions = {}): Promise<BrowserContext> {
    const context = await browser.newContext(contextOptions);
    contexts.push(context);
    await context.exposeFunction('__afCspViolation', (text: string) => {
      cspViolations.push(text);
    });
    await context.addInitScript({ content: WATCH_SCRIPT });
    context.on('page', (page) => watch(page));
    context.on('request', (request) => {
      const url = request.url();
      if (url.startsWith('data:') || url.startsWith('blob:')) return;
      try {
        const origin = new URL(url).origin;
        if (origin !== pageOrigin && origin !== serverOrigin) foreignRequests.push(url);
      } catch {
        foreignRequests.push(url);
      }
    });
    return context;
  }

  function watch(page: Page): void {
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      const text = msg.text();
      if (/Content Security Policy|CSP violation/i.test(text)) cspViolations.push(text);
      consoleErrors.push(`${page.url()}: ${text}`);
    });
    page.on('pageerror', (err) => {
      consoleErrors.push(`${page.url()}: uncaught ${err.name}: ${err.message}`);
    });
  }

  async function newPage(contextOptions?: BrowserContextOptions): Promise<Page> {
    const context = await newContext(contextOptions);
    return context.newPage();
  }

  async function postComment(thread: string, payload: Record<string, unknown>) {
    const res = await fetch(`${apiUrl}/threads/${encodeURIComponent(thread)}/comments`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        Origin: pageOrigin,
        'Idempotency-Key': `seed-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`,
      },
      body: JSON.stringify(payload),
    });
    return readAnswer(res);
  }

  async function getJson(path: string) {
    const res = await fetch(apiUrl + path, { headers: { Accept: 'application/json', Origin: pageOrigin } });
    return readAnswer(res);
  }

  /** The status and the body: parsed JSON, or the text when it is not JSON. */
  async function readAnswer(res: Response): Promise<{ status: number; body: unknown }> {
    const text = await res.text();
    try {
      return { status: res.status, body: JSON.parse(text) as unknown };
    } catch {
      return { status: res.status, body: text };
    }
  }

  let closed = false;
  async function close(): Promise<void> {
    if (closed) return;
    closed = true;
    for (const context of contexts) await context.close().catch(() => {});
    await browser.close().catch(() => {});
    const stopped = new Promise<void>((resolve) => pageServer.close(() => resolve()));
    pageServer.closeAllConnections();
    await stopped;
    await server.stop();
  }

  return {
    server,
    serverOrigin,
    apiUrl,
    pageOrigin,
    pageUrl: `${pageOrigin}/articles/e2e`,
    urlFor: (path: string) => pageOrigin + (path.startsWith('/') ? path : `/${path}`),
    browser,
    newPage,
    newContext,
    consoleErrors,
    cspViolations,
    foreignRequests,
    clearLogs() {
      consoleErrors.length = 0;
      cspViolations.length = 0;
      foreignRequests.length = 0;
    },
    postComment,
    getJson,
    close,
  };
}
