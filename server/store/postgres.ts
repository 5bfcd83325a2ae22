/**
 * PostgreSQL: Kysely's PostgresDialect over a `pg` pool (`PG_POOL_MAX` connections per
 * instance). Many instances may share the database; see kysely-store.ts for what keeps that safe.
 */
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { KyselyStore, type Clock } from './kysely-store.js';
import { migrateToLatest, type MigrationReport } from './migrate.js';
import type { Schema } from './schema.js';
import type { Store } from './types.js';

export interface PostgresStoreOptions {
  /** The app's clock (default Date.now). */
  now?: Clock;
  /** Connections in this instance's pool (default 10). */
  poolMax?: number;
}

const INT8_OID = 20;

/**
 * `pg` returns int8 (bigint columns, count(*)) as strings. Our int8 values are millisecond
 * timestamps and counts, far inside Number's exact range, so this pool parses them as numbers.
 * The parser is set on this pool only, not on the `pg` module for every user in the process.
 */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** Opens a pool and migrates the database (under an advisory lock, see migrate.ts). */
export async function openPostgresDatabase(
  connectionString: string,
  options: { poolMax?: number } = {},
): Promise<{ db: Kysely<Schema>; migrations: MigrationReport }> {
  const pool = new pg.Pool({ connectionString, max: options.poolMax ?? 10, types });
  // An idle client that loses its server (restart, failover) emits 'error' on the pool; without
  // a listener that would end the process. The next query simply gets a new connection.
  pool.on('error', () => {});
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  try {
    return { db, migrations: await migrateToLatest(db, 'postgres') };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

export async function openPostgresStore(connectionString: string, options: PostgresStoreOptions = {}): Promise<Store> {
  const { db } = await openPostgresDatabase(connectionString, options.poolMax ? { poolMax: options.poolMax } : {});
  const store = new KyselyStore(db, options.now ?? Date.now, 'postgres');
  await store.prune();
  return store;
}
