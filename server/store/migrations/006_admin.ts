import { sql, type Kysely } from 'kysely';

/**
 * The moderation dashboard (#15).
 *
 * `admin_sessions`: one row per signed-in dashboard session, shared by every instance. Only a
 * SHA-256 of the session id is kept, so a copy of the database does not sign anyone in.
 *
 * `author_blocks`: authors whose future comments go straight to spam, by their email
 * (`kind = 'email'`, the lower-cased address) or by the HMAC of their client address
 * (`kind = 'client'`, as `comments.client_hash`). `label` says who it was when blocked (the
 * name, and for an email block nothing more), `comment_id` the comment it was made from.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('admin_sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('admin_sessions_expiry').on('admin_sessions').column('expires_at').execute();

  await db.schema
    .createTable('author_blocks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('email', 'client')`))
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('comment_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('author_blocks_kind_value', ['kind', 'value'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('author_blocks').execute();
  await db.schema.dropTable('admin_sessions').execute();
}
