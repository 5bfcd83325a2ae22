import { sql, type Kysely } from 'kysely';

/**
 * A vote cast with a comment remembers that comment: it counts in the public average only while
 * the comment is published, leaves with it when it is deleted, and comes back when a moderator
 * approves it. Standalone votes (PUT …/rating) have no comment and always count.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('votes').addColumn('comment_id', 'text').execute();
  await db.schema.createIndex('votes_comment').on('votes').column('comment_id').execute();
  // Earlier votes did not record their comment. Link each to the voter's newest comment in the
  // thread that carries the same rating and is not newer than the vote: that is the comment it
  // was stored with (a later standalone vote of the same value would count the same either way).
  await sql`
    update votes set comment_id = (
      select c.id from comments c
      where c.thread = votes.thread and c.voter = votes.voter and c.rating = votes.value
        and c.created_at <= votes.updated_at
      order by c.created_at desc, c.id desc
      limit 1
    )
    where comment_id is null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('votes_comment').execute();
  await db.schema.alterTable('votes').dropColumn('comment_id').execute();
}
