/**
 * Thread versions (migration 009, issue #24): the rule is that **every write to a thread
 * (its comments, their status, text, parent or votes, the thread's rating votes) bumps the
 * thread's version in the same transaction**. Readers cache answers by (thread, version) and
 * answer `If-None-Match` by comparing versions, so a write that forgets to bump leaves readers
 * on the old answer until the next write to that thread.
 *
 * A version is the bump's time in milliseconds, or the previous version + 1 when that is not
 * larger (two bumps in one millisecond, clocks of two instances apart): it only ever grows, and
 * a database rebuilt from scratch does not hand out the numbers of the old one again.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Schema } from './schema.js';

type Executor = Kysely<Schema> | Transaction<Schema>;

/**
 * Bumps the versions of these threads, in sorted order (two transactions on PostgreSQL bumping
 * the same threads take the row locks in the same order, so they cannot deadlock on them).
 */
export async function bumpThreadVersions(db: Executor, threads: Iterable<string>, now: number): Promise<void> {
  const sorted = [...new Set(threads)].sort();
  for (const thread of sorted) await bumpThreadVersion(db, thread, now);
}

/** Bumps one thread's version. Call it inside the transaction that writes to the thread. */
export async function bumpThreadVersion(db: Executor, thread: string, now: number): Promise<void> {
  await db
    .insertInto('thread_versions')
    .values({ thread, version: now })
    .onConflict((oc) =>
      oc.column('thread').doUpdateSet({
        version: sql<number>`case when thread_versions.version >= excluded.version then thread_versions.version + 1 else excluded.version end`,
      }),
    )
    .execute();
}

/** Bumps every thread that has comments or votes (after a bulk copy into the database). */
export async function bumpAllThreadVersions(db: Executor, now: number): Promise<void> {
  // `where true`: SQLite needs it to read ON CONFLICT after INSERT … SELECT as an upsert.
  await sql`insert into thread_versions (thread, version)
    select thread, ${sql.lit(now)} from (select thread from comments union select thread from votes) as written where true
    on conflict (thread) do update set version = case when thread_versions.version >= excluded.version
      then thread_versions.version + 1 else excluded.version end`.execute(db);
}

/** The thread's current version; 0 for a thread never written. */
export async function readThreadVersion(db: Executor, thread: string): Promise<number> {
  const row = await db.selectFrom('thread_versions').select('version').where('thread', '=', thread).executeTakeFirst();
  return row ? Number(row.version) : 0;
}

/**
 * One number for several threads (GET /api/counts): the sum of their versions. Every version
 * only grows, so any write to any of them makes the sum grow too, and one sum names one state.
 */
export async function readThreadsVersion(db: Executor, threads: readonly string[]): Promise<number> {
  const row = await db
    .selectFrom('thread_versions')
    .select((eb) => eb.fn.sum<number | string>('version').as('total'))
    .where('thread', 'in', threads)
    .executeTakeFirst();
  return Number(row?.total ?? 0);
}
