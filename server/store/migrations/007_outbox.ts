import { sql, type Kysely } from 'kysely';

/**
 * Notifications (#16). `deliveries` is the outbox: one row per message to send (one webhook
 * to one URL, one email to one address), written in the same transaction as the change that
 * causes it and delivered by the worker (server/notify/worker.ts). `comment_notify` keeps what
 * the reader said about emails when posting: the language they wrote in, whether they want
 * reply emails, and the article's address for the links.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('webhook', 'email')`))
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('pending', 'delivering', 'delivered', 'failed')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  // The worker's claim: due rows by state and time.
  await db.schema.createIndex('deliveries_due').on('deliveries').columns(['state', 'next_attempt_at']).execute();
  // The admin listing: newest first.
  await db.schema.createIndex('deliveries_recent').on('deliveries').columns(['created_at', 'id']).execute();

  await db.schema
    .createTable('comment_notify')
    .addColumn('comment_id', 'text', (c) => c.primaryKey())
    .addColumn('thread', 'text', (c) => c.notNull())
    .addColumn('email_norm', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('reply_emails', 'integer', (c) => c.notNull())
    .addColumn('article_url', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('comment_notify_thread_email')
    .on('comment_notify')
    .columns(['thread', 'email_norm'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('comment_notify').execute();
  await db.schema.dropTable('deliveries').execute();
}
