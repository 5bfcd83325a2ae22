import { sql, type Kysely } from 'kysely';

/**
 * Formatting, votes on comments, editing and deleting your own comment (issue #18, SPEC §6.1–6.3).
 * - `body`: the message parsed into the contract's body tree, as JSON (`null` in JSON: no
 *   formatting); a NULL column (rows older than this, imports) is parsed when read.
 * - `edit_token_hash`: SHA-256 of the comment's edit token; the token itself is never stored.
 * - `deleted_at`: its author deleted it while it had published replies; the row stays, emptied,
 *   so the thread still reads (a deletion without replies removes the row).
 * - `votes_up`, `votes_down`, `vote_score`: the totals of `comment_votes` and their Wilson lower
 *   bound, kept in the same transaction as each vote, so a listing needs no extra query and the
 *   Best order is an indexed ORDER BY.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('comments').addColumn('body', 'text').execute();
  await db.schema.alterTable('comments').addColumn('edit_token_hash', 'text').execute();
  await db.schema.alterTable('comments').addColumn('deleted_at', 'bigint').execute();
  await db.schema
    .alterTable('comments')
    .addColumn('votes_up', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('comments')
    .addColumn('votes_down', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('comments')
    .addColumn('vote_score', 'double precision', (c) => c.notNull().defaultTo(sql`0`))
    .execute();
  await db.schema
    .createIndex('comments_best')
    .on('comments')
    .columns(['thread', 'vote_score', 'created_at', 'id'])
    .execute();
  // A deleted comment stays listed while it has published replies: found by parent.
  await db.schema.createIndex('comments_parent').on('comments').column('parent').execute();
  await db.schema
    .createTable('comment_votes')
    .addColumn('comment_id', 'text', (c) => c.notNull())
    .addColumn('voter', 'text', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull().check(sql`value in (1, -1)`))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('comment_votes_pk', ['comment_id', 'voter'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('comment_votes').execute();
  await db.schema.dropIndex('comments_parent').execute();
  await db.schema.dropIndex('comments_best').execute();
  for (const column of ['vote_score', 'votes_down', 'votes_up', 'deleted_at', 'edit_token_hash', 'body'])
    await db.schema.alterTable('comments').dropColumn(column).execute();
}
