import { sql, type Kysely } from 'kysely';

// Plain SQL types that SQLite and PostgreSQL both accept. Millisecond timestamps are `bigint`:
// 64-bit on PostgreSQL; on SQLite any type naming INT has INTEGER affinity, so databases created
// when this file still said `integer` store and compare them exactly alike.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('thread', 'text', (c) => c.notNull())
    .addColumn('parent', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('email_norm', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('rating', 'integer')
    .addColumn('voter', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('published', 'pending', 'spam')`))
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('client_hash', 'text')
    .execute();
  await db.schema
    .createIndex('comments_thread_listing')
    .on('comments')
    .columns(['thread', 'status', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('comments_status_listing')
    .on('comments')
    .columns(['status', 'created_at', 'id'])
    .execute();
  await db.schema.createIndex('comments_email_status').on('comments').columns(['email_norm', 'status']).execute();

  await db.schema
    .createTable('votes')
    .addColumn('thread', 'text', (c) => c.notNull())
    .addColumn('voter', 'text', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('votes_pk', ['thread', 'voter'])
    .execute();

  await db.schema
    .createTable('idempotency')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('idempotency_created').on('idempotency').column('created_at').execute();

  await db.schema
    .createTable('captcha_solutions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('captcha_solutions_expiry').on('captcha_solutions').column('expires_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['captcha_solutions', 'idempotency', 'votes', 'comments'])
    await db.schema.dropTable(table).execute();
}
