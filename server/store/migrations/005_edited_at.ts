import type { Kysely } from 'kysely';

/**
 * When a comment's text was last changed after posting (by its author within the edit window,
 * SPEC §6.3, or by a moderator from the dashboard); null for a comment never edited.
 * Milliseconds since the epoch, like `created_at`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('comments').addColumn('edited_at', 'bigint').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('comments').dropColumn('edited_at').execute();
}
