import { openSqliteStore } from './sqlite.js';
import type { Store } from './types.js';

export type { Store } from './types.js';

/**
 * Opens the store named by DATABASE_URL. A PostgreSQL store plugs in here (`postgres://…`)
 * behind the same interface; config.ts refuses that URL until it exists.
 */
export function openStore(databaseUrl: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//i.test(databaseUrl)) {
    return Promise.reject(new Error('DATABASE_URL: PostgreSQL is not supported by this build yet'));
  }
  return openSqliteStore(databaseUrl);
}
