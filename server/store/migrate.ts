/**
 * Migrations are the files in ./migrations, run in name order by Kysely's Migrator. On
 * PostgreSQL the whole run holds a session advisory lock, so instances starting together wait
 * for the first and then find nothing left to do.
 */
import { promises as fs } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileMigrationProvider, Migrator, sql, type Kysely, type MigrationResult } from 'kysely';
import type { Dialect, Schema } from './schema.js';

const MIGRATIONS = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
/** Any fixed 64-bit number, ours alone: "article-feedback migrations". */
const POSTGRES_MIGRATION_LOCK = 0x61666d6967726174n;

export interface MigrationReport {
  /** Migrations this run applied, in order (empty when the database was up to date). */
  applied: string[];
}

export async function migrateToLatest(db: Kysely<Schema>, dialect: Dialect): Promise<MigrationReport> {
  if (dialect === 'sqlite') return runMigrator(db);
  // One connection for the lock and the migrations, so a pool of one is enough.
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${POSTGRES_MIGRATION_LOCK})`.execute(connection);
    try {
      return await runMigrator(connection);
    } finally {
      await sql`select pg_advisory_unlock(${POSTGRES_MIGRATION_LOCK})`.execute(connection);
    }
  });
}

async function runMigrator(db: Kysely<Schema>): Promise<MigrationReport> {
  const migrator = new Migrator({
    db,
    provider: new FileMigrationProvider({ fs, path: { join }, migrationFolder: MIGRATIONS }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    applied: (results ?? []).filter((r: MigrationResult) => r.status === 'Success').map((r) => r.migrationName),
  };
}
