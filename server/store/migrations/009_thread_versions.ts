import { sql, type Kysely } from 'kysely';

/**
 * One row per thread: a number that grows with every write to the thread (issue #24). Every
 * write to a thread's comments or votes bumps it in the same transaction (thread-version.ts),
 * so "same version" means "same data": answers are cached by it and `If-None-Match` is answered
 * from it, without reading the comments. A thread never written has no row (version 0).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('thread_versions')
    .addColumn('thread', 'text', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
  // Threads written before this migration start at the migration's time, like a fresh bump.
  await sql`insert into thread_versions (thread, version)
    select thread, ${sql.lit(Date.now())} from (select thread from comments union select thread from votes) as written`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('thread_versions').execute();
}
