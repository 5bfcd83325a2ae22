/**
 * SQLite: Kysely over better-sqlite3, WAL journal with `synchronous=FULL`, so a write is on disk
 * before the answer leaves (an acknowledged comment survives `kill -9`).
 *
 * The file holds readers' emails: its folder is created 0700 and the file 0600 (SQLite gives
 * the -wal and -shm files the database file's mode).
 */
import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Kysely, SqliteDialect, type SqliteDatabase } from 'kysely';
import { KyselyStore, type Clock, type HotReads } from './kysely-store.js';
import { migrateToLatest, type MigrationReport } from './migrate.js';
import type { Schema } from './schema.js';
import type { Store } from './types.js';

export interface SqliteStoreOptions {
  /** The app's clock (default Date.now). */
  now?: Clock;
  /** New comments stored in one transaction at most (WRITE_BATCH_MAX, default 64; 1 = one each). */
  writeBatchMax?: number;
}

/** Statements kept prepared, by SQL text; Kysely's queries are few and fixed, so this is plenty. */
const STATEMENT_CACHE_SIZE = 200;

/**
 * Kysely's SQLite driver prepares every query it runs; this keeps the prepared statements by
 * their SQL (issue #24: preparing cost more than running). A statement is used by one query at
 * a time: the driver runs one query at a time on its one connection.
 */
function withStatementCache(database: Database.Database): SqliteDatabase {
  const statements = new Map<string, Database.Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        statement = database.prepare(sql);
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

/**
 * The per-request reads, as statements prepared once (kysely-store.ts, HotReads), on a second,
 * read-only connection: in WAL mode it sees only committed data, never the middle of a batch
 * that the main connection is writing between two awaits. (`:memory:` has one connection.)
 */
function hotReads(path: string, main: Database.Database): HotReads {
  const reader = path === ':memory:' ? main : new Database(path, { readonly: true, fileMustExist: true });
  const version = reader.prepare('select version from thread_versions where thread = ?').pluck();
  // The threads as one JSON array: one statement for any number of them.
  const versions = reader
    .prepare('select coalesce(sum(version), 0) from thread_versions where thread in (select value from json_each(?))')
    .pluck();
  return {
    threadVersion: (thread) => Promise.resolve(Number((version.get(thread) as number | undefined) ?? 0)),
    threadsVersion: (threads) => Promise.resolve(Number(versions.get(JSON.stringify(threads)) as number)),
    close: () => {
      if (reader !== main) reader.close();
    },
  };
}

/** Opens (creating when needed) and migrates a SQLite database. */
export async function openSqliteDatabase(
  path: string,
): Promise<{ db: Kysely<Schema>; migrations: MigrationReport; hot: () => HotReads }> {
  if (path !== ':memory:') prepareFile(resolve(path));
  const database = new Database(path);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  try {
    // hot() prepares against the migrated schema, so it is called after the migrations.
    return { db, migrations: await migrateToLatest(db, 'sqlite'), hot: () => hotReads(path, database) };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

export async function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Promise<Store> {
  const { db, hot } = await openSqliteDatabase(path);
  // SQLite has one writer: one batch at a time.
  const store = new KyselyStore(db, options.now ?? Date.now, {
    batch: { max: options.writeBatchMax ?? 64, concurrent: 1 },
    hot: hot(),
  });
  await store.prune();
  return store;
}

/** Creates the folder (0700) and the file (0600) before SQLite does, which would use 0755/0644. */
function prepareFile(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  // A file made by an earlier version may be world-readable: it holds emails, so tighten it.
  try {
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  } catch {
    /* not every file system has modes */
  }
}
