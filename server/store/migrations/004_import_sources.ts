import type { Kysely } from 'kysely';

/**
 * What an import remembers (`article-feedback-server import`): which comment each source's
 * comment became, so running the same import again (or again after a `kill -9`) stores nothing
 * twice. `source` names the system and, where ids are only unique per site, the site.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_sources')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('comment_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_sources_pk', ['source', 'source_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('import_sources').execute();
}
