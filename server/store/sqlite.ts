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
import { Kysely, SqliteDialect } from 'kysely';
import { KyselyStore, type Clock } from './kysely-store.js';
import { migrateToLatest, type MigrationReport } from './migrate.js';
import type { Schema } from './schema.js';
import type { Store } from './types.js';

export interface SqliteStoreOptions {
  /** The app's clock (default Date.now). */
  now?: Clock;
}

/** Opens (creating when needed) and migrates a SQLite database. */
export async function openSqliteDatabase(path: string): Promise<{ db: Kysely<Schema>; migrations: MigrationReport }> {
  if (path !== ':memory:') prepareFile(resolve(path));
  const database = new Database(path);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database }) });
  try {
    return { db, migrations: await migrateToLatest(db, 'sqlite') };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

export async function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Promise<Store> {
  const store = new KyselyStore((await openSqliteDatabase(path)).db, options.now ?? Date.now);
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
