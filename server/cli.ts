/**
 * `npm start` / `article-feedback-server [command]`:
 *
 *   (none) or serve      read the settings, open the store (migrating it), serve (server/serve.ts).
 *                        Prints exactly one line when listening: `article-feedback listening on http://<host>:<port>`.
 *   migrate              bring the database named by DATABASE_URL up to date, then exit.
 *   copy --to <url>      copy the SQLite file named by DATABASE_URL into a PostgreSQL database.
 *   import, export       moving comments in and out (server/transfer/cli.ts).
 *
 * Subcommands print progress on stderr and a summary on stdout; on failure one line on stderr
 * and a non-zero exit.
 */
import { describe, fail, shown } from './command-line.js';
import { ConfigError, loadDatabaseConfig } from './config.js';
import { copySqliteToPostgres } from './store/copy.js';
import { isPostgresUrl } from './store/index.js';
import { openPostgresDatabase } from './store/postgres.js';
import { openSqliteDatabase } from './store/sqlite.js';

/** The usage text; the transfer commands' lines come with their module. */
async function usage(): Promise<string> {
  const { TRANSFER_USAGE } = await import('./transfer/cli.js');
  return `usage: article-feedback-server [serve]
       article-feedback-server migrate
       article-feedback-server copy --to postgres://user@host:5432/database
${TRANSFER_USAGE}`;
}

/**
 * Each command loads what it needs and no more (`serve` the HTTP app and its libraries,
 * `import`/`export` the transfer code): an import's footprint is bounded (#17, 250 MB for
 * 100,000 Disqus comments), and a server it does not run would only add to it (10–15 MB).
 */
async function main(args: string[]): Promise<void> {
  const [command = 'serve', ...rest] = args;
  if (command === 'serve' && rest.length === 0) return (await import('./serve.js')).serveForever();
  if (command === 'migrate' && rest.length === 0) return migrate();
  if (command === 'import' || command === 'export')
    return (await import('./transfer/cli.js')).transferCommand(command, rest);
  if (command === 'copy') {
    const to = rest[0] === '--to' ? rest[1] : rest[0]?.startsWith('--to=') ? rest[0].slice('--to='.length) : undefined;
    const extra = rest[0] === '--to' ? rest.slice(2) : rest.slice(1);
    if (to && extra.length === 0) return copy(to);
  }
  if (command === 'help' || command === '--help' || command === '-h') {
    console.log(await usage());
    return;
  }
  fail(`unknown command: ${args.join(' ')}\n${await usage()}`, 2);
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

main(process.argv.slice(2)).catch((err: unknown) => fail(describe(err)));
