/**
 * In-process server for fast tests: the real app (`createApp`) on a temporary SQLite file,
 * called through `app.request()` — same routes, same store, no socket.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/app.js';
import { createCaptcha } from '../../server/captcha/index.js';
import type { Captcha } from '../../server/captcha/types.js';
import { testConfig, type Config } from '../../server/config.js';
import { openSqliteStore } from '../../server/store/sqlite.js';
import type { RateLimiter } from '../../server/rate-limit.js';
import type { Store } from '../../server/store/types.js';

export const BASE = 'http://127.0.0.1:8787';

export interface TestServer {
  config: Config;
  store: Store;
  dbPath: string;
  /** `path` is relative to the server root, e.g. `/api/captcha`. */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** JSON request helper: sets Content-Type and stringifies `body`. */
  send(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export async function startTestServer(
  overrides: Partial<Config> = {},
  options: { captcha?: Captcha; now?: () => number; root?: string; rateLimiter?: RateLimiter } = {},
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'af-app-'));
  const dbPath = join(dir, 'comments.db');
  const config = testConfig({ databaseUrl: dbPath, ...overrides });
  const store = await openSqliteStore(dbPath);
  const captcha = options.captcha ?? createCaptcha(config, store);
  const app = createApp({
    config,
    store,
    captcha,
    ...(options.now ? { now: options.now } : {}),
    ...(options.root ? { root: options.root } : {}),
    ...(options.rateLimiter ? { rateLimiter: options.rateLimiter } : {}),
  });
  const request = async (path: string, init?: RequestInit) => app.request(new Request(BASE + path, init));
  return {
    config,
    store,
    dbPath,
    request,
    send: (method, path, body, headers = {}) =>
      request(path, {
        method,
        headers: { 'Content-Type': 'application/json', ...headers },
        body: body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body),
      }),
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let counter = 0;
/** A valid comment body; fields may be overridden. */
export function commentBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return { name: 'Ada Lovelace', email: 'ada@example.com', message: `Comment number ${counter}`, ...overrides };
}

export function voterId(n: number | string): string {
  return `voter-${String(n).padStart(4, '0')}`;
}
