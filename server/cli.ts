/**
 * `npm start` / `article-feedback-server`: reads the settings, opens the store, serves.
 * Prints exactly one line when listening: `article-feedback listening on http://<host>:<port>`.
 */
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { createCaptcha } from './captcha/index.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { openStore } from './store/index.js';
import type { Store } from './store/types.js';

function fail(message: string): never {
  console.error(`article-feedback: ${message}`);
  process.exit(1);
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) fail(`invalid setting ${err.message}`);
    throw err;
  }

  let store: Store;
  try {
    store = await openStore(config.databaseUrl);
  } catch (err) {
    fail(
      `cannot open the database (DATABASE_URL=${config.databaseUrl}): ${err instanceof Error ? err.message : String(err)}`,
    );
  }

  let captcha;
  try {
    captcha = createCaptcha(config, store);
  } catch (err) {
    fail(`invalid setting CAPTCHA: ${err instanceof Error ? err.message : String(err)}`);
  }

  const app = createApp({ config, store, captcha });
  const shownHost = config.host.includes(':') ? `[${config.host}]` : config.host;
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    console.log(`article-feedback listening on http://${shownHost}:${info.port}`);
  });
  server.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EADDRINUSE') fail(`invalid setting PORT: ${config.port} is already in use on ${config.host}`);
    if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND')
      fail(`invalid setting HOST: cannot listen on ${config.host}`);
    fail(`cannot listen: ${err.message}`);
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    // Finish the requests in flight, then close the database; give up after 10 s.
    setTimeout(() => process.exit(1), 10_000).unref();
    server.close(() => {
      store.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
    if ('closeIdleConnections' in server) (server as { closeIdleConnections(): void }).closeIdleConnections();
    void signal;
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
