import type { Clock, SlowBatchListener } from './kysely-store.js';
import { isPostgresUrl, openPostgresStore } from './postgres.js';
import { openSqliteStore } from './sqlite.js';
import type { Store } from './types.js';

export type { Store } from './types.js';
export { isPostgresUrl } from './postgres.js';

export interface StoreOptions {
  /** The app's clock. */
  now?: Clock;
  /** PostgreSQL pool size per instance (`PG_POOL_MAX`). */
  poolMax?: number;
  /** New comments stored in one transaction at most (`WRITE_BATCH_MAX`). */
  writeBatchMax?: number;
  /** SQLite: WAL checkpoints in a worker thread (the server; see `SqliteStoreOptions`). */
  backgroundCheckpoints?: boolean;
  /** PostgreSQL: told when a batch's one statement failed (see `KyselyStoreOptions.onSlowBatch`). */
  onSlowBatch?: SlowBatchListener;
}

/** Opens the store named by DATABASE_URL: `postgres://…` / `postgresql://…`, else a SQLite file. */
export function openStore(databaseUrl: string, options: StoreOptions = {}): Promise<Store> {
  if (isPostgresUrl(databaseUrl)) return openPostgresStore(databaseUrl, options);
  return openSqliteStore(databaseUrl, {
    ...(options.now ? { now: options.now } : {}),
    ...(options.writeBatchMax ? { writeBatchMax: options.writeBatchMax } : {}),
    ...(options.backgroundCheckpoints ? { backgroundCheckpoints: true } : {}),
  });
}
