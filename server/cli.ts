/**
 * `npm start` / `article-feedback-server [command]`:
 *
 *   (none) or serve      read the settings, open the store (migrating it), serve. Prints exactly
 *                        one line when listening: `article-feedback listening on http://<host>:<port>`.
 *   migrate              bring the database named by DATABASE_URL up to date, then exit.
 *   copy --to <url>      copy the SQLite file named by DATABASE_URL into a PostgreSQL database.
 *   import, export       moving comments in and out (server/transfer/cli.ts).
 *
 * Subcommands print progress on stderr and a summary on stdout; on failure one line on stderr
 * and a non-zero exit.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAppListener } from './app.js';
import { createCaptcha } from './captcha/index.js';
import { ConfigError, loadConfig, loadDatabaseConfig, type Config } from './config.js';
import { createNotifyService } from './notify/index.js';
import { ThreadVersions } from './http/versions.js';
import { copySqliteToPostgres } from './store/copy.js';
import { listenThreadVersions } from './store/pg-listen.js';
import { isPostgresUrl, openStore } from './store/index.js';
import { openPostgresDatabase } from './store/postgres.js';
import { DatabaseRateLimiter } from './store/rate-limit.js';
import { openSqliteDatabase } from './store/sqlite.js';
import type { Store } from './store/types.js';
import { TRANSFER_USAGE, transferCommand } from './transfer/cli.js';

const USAGE = `usage: article-feedback-server [serve]
       article-feedback-server migrate
       article-feedback-server copy --to postgres://user@host:5432/database
${TRANSFER_USAGE}`;

function fail(message: string, code = 1): never {
  console.error(`article-feedback: ${message}`);
  process.exit(code);
}

/** One line from any error, including pg's AggregateError (one failure per address tried). */
function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length) return describe(error.errors[0]);
  if (error instanceof Error) return error.message || (error as NodeJS.ErrnoException).code || error.name;
  return String(error);
}

/** A database URL as it may be printed: without its password. */
function shown(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:@/]*):[^@/]*@/i, '$1:***@');
}

async function main(args: string[]): Promise<void> {
  const [command = 'serve', ...rest] = args;
  if (command === 'serve' && rest.length === 0) return serveForever();
  if (command === 'migrate' && rest.length === 0) return migrate();
  if (command === 'import' || command === 'export') return transferCommand(command, rest);
  if (command === 'copy') {
    const to = rest[0] === '--to' ? rest[1] : rest[0]?.startsWith('--to=') ? rest[0].slice('--to='.length) : undefined;
    const extra = rest[0] === '--to' ? rest.slice(2) : rest.slice(1);
    if (to && extra.length === 0) return copy(to);
  }
  if (command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return;
  }
  fail(`unknown command: ${args.join(' ')}\n${USAGE}`, 2);
}

function databaseConfigOrFail() {
  try {
    return loadDatabaseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) fail(`invalid setting ${err.message}`);
    throw err;
  }
}

async function migrate(): Promise<void> {
  const { databaseUrl, pgPoolMax } = databaseConfigOrFail();
  console.error(`migrating ${shown(databaseUrl)}…`);
  let opened;
  try {
    opened = isPostgresUrl(databaseUrl)
      ? await openPostgresDatabase(databaseUrl, { poolMax: Math.min(pgPoolMax, 2) })
      : await openSqliteDatabase(databaseUrl);
  } catch (err) {
    fail(`migrate failed (DATABASE_URL=${shown(databaseUrl)}): ${describe(err)}`);
  }
  await opened.db.destroy();
  const { applied } = opened.migrations;
  console.log(applied.length ? `applied ${applied.length}: ${applied.join(', ')}` : 'the database is up to date');
}

async function copy(to: string): Promise<void> {
  const { databaseUrl } = databaseConfigOrFail();
  if (!isPostgresUrl(to)) fail(`copy --to needs a postgres:// (postgresql://) URL, got "${shown(to)}"`, 2);
  if (isPostgresUrl(databaseUrl))
    fail('copy reads the SQLite file named by DATABASE_URL, but DATABASE_URL is a PostgreSQL URL', 2);
  console.error(`copying ${databaseUrl} to ${shown(to)}…`);
  let results;
  try {
    results = await copySqliteToPostgres(databaseUrl, to, (line) => console.error(line));
  } catch (err) {
    fail(`copy failed: ${describe(err)}`);
  }
  const width = Math.max(...results.map((r) => r.table.length));
  console.log(`Copied ${databaseUrl} to ${shown(to)}:`);
  for (const r of results) {
    const note =
      r.target === r.source ? '' : r.target > r.source ? ' (PostgreSQL had more already)' : ' (MISSING ROWS)';
    console.log(
      `  ${r.table.padEnd(width)}  ${r.source} in SQLite, ${r.target} in PostgreSQL, ${r.copied} copied now${note}`,
    );
  }
  if (results.some((r) => r.target < r.source)) fail('copy incomplete: PostgreSQL has fewer rows than SQLite');
}

async function serveForever(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) fail(`invalid setting ${err.message}`);
    throw err;
  }

  // One clock for the app and the store.
  const now = Date.now;
  let store: Store;
  try {
    store = await openStore(config.databaseUrl, {
      now,
      poolMax: config.pgPoolMax,
      writeBatchMax: config.writeBatchMax,
      // The event loop answers requests: SQLite's checkpoints go to a worker thread.
      backgroundCheckpoints: true,
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
  let lastWorkerError = 0;
  const notify = createNotifyService({
    config,
    outbox: store.outbox,
    now,
    onError: (err) => {
      // Once a minute at most: a database that is down would otherwise fill the log.
      if (now() - lastWorkerError < 60_000) return;
      lastWorkerError = now();
      console.error(`article-feedback: notifications: ${describe(err)}`);
    },
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

main(process.argv.slice(2)).catch((err: unknown) => fail(describe(err)));
