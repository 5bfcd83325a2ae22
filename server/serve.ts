/**
 * `article-feedback-server` / `serve` (server/cli.ts loads this module only for it, so the
 * other commands, `import` above all, do not load the HTTP app, the captcha, the notifications
 * and their libraries): read the settings, open the store (migrating it), serve. Prints exactly
 * one line when listening: `article-feedback listening on http://<host>:<port>`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAppListener } from './app.js';
import { createCaptcha } from './captcha/index.js';
import { describe, fail, shown } from './command-line.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { ThreadVersions } from './http/versions.js';
import { createNotifyService } from './notify/index.js';
import { isPostgresUrl, openStore } from './store/index.js';
import { listenThreadVersions } from './store/pg-listen.js';
import { DatabaseRateLimiter } from './store/rate-limit.js';
import type { Store } from './store/types.js';

export async function serveForever(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) fail(`invalid setting ${err.message}`);
    throw err;
  }

  // One clock for the app and the store.
  const now = Date.now;
  /** A log line at most once a minute: a database that is down would otherwise fill the log. */
  const onceAMinute = <A extends unknown[]>(say: (...args: A) => string) => {
    let last = 0;
    return (...args: A): void => {
      if (now() - last < 60_000) return;
      last = now();
      console.error(`article-feedback: ${say(...args)}`);
    };
  };
  let store: Store;
  try {
    store = await openStore(config.databaseUrl, {
      now,
      poolMax: config.pgPoolMax,
      writeBatchMax: config.writeBatchMax,
      // The event loop answers requests: SQLite's checkpoints go to a worker thread.
      backgroundCheckpoints: true,
      // PostgreSQL: a batch of new comments that its one statement could not store is stored by
      // the slower transaction, leaving out only a comment that fails.
      onSlowBatch: onceAMinute(
        (error: unknown, comments: number) =>
          `a batch of ${comments} new comment(s) went through the slower transaction: ${describe(error)}`,
      ),
    });
  } catch (err) {
    fail(`cannot open the database (DATABASE_URL=${shown(config.databaseUrl)}): ${describe(err)}`);
  }

  let captcha;
  try {
    captcha = createCaptcha(config, store);
  } catch (err) {
    fail(`invalid setting CAPTCHA: ${err instanceof Error ? err.message : String(err)}`);
  }

  // Instances sharing PostgreSQL count writes in it; a single SQLite process counts in memory.
  const rateLimiter = isPostgresUrl(config.databaseUrl)
    ? new DatabaseRateLimiter(store, config.rateLimitWrites)
    : undefined;
  // Notifications (#16): the worker delivering the outbox runs in this process.
  const notify = createNotifyService({
    config,
    outbox: store.outbox,
    now,
    onError: onceAMinute((error: unknown) => `notifications: ${describe(error)}`),
  });
  // Thread versions kept for READ_STALE_MS at most; on PostgreSQL a LISTEN connection forgets a
  // thread as soon as any instance writes to it (http/versions.ts, store/pg-listen.ts).
  const versions = new ThreadVersions(store, config.readStaleMs);
  const listening =
    config.readStaleMs > 0 && isPostgresUrl(config.databaseUrl)
      ? listenThreadVersions(config.databaseUrl, (thread) => versions.forget(thread))
      : undefined;
  const { listener } = createAppListener(
    { config, store, captcha, now, notifier: notify, versions, ...(rateLimiter ? { rateLimiter } : {}) },
    { hostname: config.host },
  );
  const shownHost = config.host.includes(':') ? `[${config.host}]` : config.host;
  const server = createServer(listener);
  server.listen(config.port, config.host, () => {
    console.log(`article-feedback listening on http://${shownHost}:${(server.address() as AddressInfo).port}`);
    notify.start();
  });
  server.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EADDRINUSE') fail(`invalid setting PORT: ${config.port} is already in use on ${config.host}`);
    if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND')
      fail(`invalid setting HOST: cannot listen on ${config.host}`);
    fail(`cannot listen: ${err.message}`);
  });

  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    // Finish the requests in flight and the deliveries being sent, then close the database;
    // give up after 10 s (a delivery cut short is retried by the next start, see notify/worker.ts).
    setTimeout(() => process.exit(1), 10_000).unref();
    const stoppingNotify = Promise.all([notify.stop(), listening?.close()]);
    server.close(() => {
      stoppingNotify
        .then(() => store.close())
        .then(
          () => process.exit(0),
          () => process.exit(1),
        );
    });
    if ('closeIdleConnections' in server) (server as { closeIdleConnections(): void }).closeIdleConnections();
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}
