import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * PostgreSQL only (issue #24): every change of a thread's version sends `NOTIFY
 * af_thread_versions, '<thread>'` on commit, whichever instance or tool wrote it. Instances
 * that keep versions for READ_STALE_MS listen (store/pg-listen.ts) and forget the thread at
 * once instead of at the end of the bound. SQLite has one process: nothing to do.
 */
function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`create function af_thread_version_notify() returns trigger language plpgsql as $$
    begin
      perform pg_notify('af_thread_versions', new.thread);
      return null;
    end $$`.execute(db);
  await sql`create trigger af_thread_version_notify after insert or update on thread_versions
    for each row execute function af_thread_version_notify()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`drop trigger if exists af_thread_version_notify on thread_versions`.execute(db);
  await sql`drop function if exists af_thread_version_notify()`.execute(db);
}
