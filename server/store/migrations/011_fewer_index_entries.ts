import { sql, type Kysely } from 'kysely';

/**
 * Fewer index entries per new comment (issue #24): each index is one more B-tree written on
 * every post.
 *
 * - `comments_email_status` goes: no query has read it since first-time moderation stopped
 *   trusting emails (#20.4, author tokens); the dashboard's search by email is a LIKE that
 *   cannot use it.
 * - `comments_parent` keeps replies only (`where parent is not null`): it is read by
 *   `parent = ?` alone (a placeholder's published replies), which never matches a NULL, and
 *   most comments are not replies.
 * - `comment_notify_thread_email` keeps the readers who still want reply emails only
 *   (`where reply_emails = 1`): its one query, an unsubscribe, turns those off and reads no
 *   other row (outbox.ts, `unsubscribeThread`).
 *
 * Both databases read a partial index for a query whose conditions imply the index's.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('comments_email_status').execute();
  await db.schema.dropIndex('comments_parent').execute();
  await db.schema
    .createIndex('comments_parent')
    .on('comments')
    .column('parent')
    .where(sql.ref('parent'), 'is not', null)
    .execute();
  await db.schema.dropIndex('comment_notify_thread_email').execute();
  await db.schema
    .createIndex('comment_notify_thread_email')
    .on('comment_notify')
    .columns(['thread', 'email_norm'])
    .where(sql.ref('reply_emails'), '=', 1)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('comment_notify_thread_email').execute();
  await db.schema
    .createIndex('comment_notify_thread_email')
    .on('comment_notify')
    .columns(['thread', 'email_norm'])
    .execute();
  await db.schema.dropIndex('comments_parent').execute();
  await db.schema.createIndex('comments_parent').on('comments').column('parent').execute();
  await db.schema.createIndex('comments_email_status').on('comments').columns(['email_norm', 'status']).execute();
}
