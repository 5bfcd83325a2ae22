/**
 * What the moderation dashboard (#15) stores and reads: sessions, the moderation queue with
 * search and counts, bulk status changes, moderator edits and author blocks. Functions over the
 * same Kysely database as the rest of the store (reached as `store.admin`), for SQLite and
 * PostgreSQL alike.
 */
import { bumpThreadVersions } from './thread-version.js';
import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import { forgetCommentNotify, writeOutbox, type OutboxWrite } from './outbox.js';
import type { AuthorBlocksTable, Schema } from './schema.js';
import type { Page, Position, StoredComment, StoredStatus } from './types.js';
import { pageOf, toComment, type Clock } from './kysely-store.js';

export interface QueueFilter {
  /** One status, or every status when null. */
  status: StoredStatus | null;
  /** Words to find in the text, name, email or thread (case-insensitive for ASCII), or null. */
  search: string | null;
  /** Only this thread, or null. */
  thread: string | null;
  limit: number;
  after: Position | null;
}

export type BlockKind = 'email' | 'client';

export interface StoredBlock {
  id: string;
  kind: BlockKind;
  /** The lower-cased email, or the client address hash. */
  value: string;
  label: string;
  commentId: string | null;
  createdAt: number;
}

export interface StatusCountsRow {
  pending: number;
  published: number;
  spam: number;
}

/** `%`, `_` and the escape character itself match literally in a LIKE pattern escaped with `\`. */
function likePattern(words: string): string {
  return `%${words.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function toBlock(row: Selectable<AuthorBlocksTable>): StoredBlock {
  return {
    id: row.id,
    kind: row.kind,
    value: row.value,
    label: row.label,
    commentId: row.comment_id,
    createdAt: Number(row.created_at),
  };
}

export class AdminStore {
  constructor(
    private readonly db: Kysely<Schema>,
    private readonly now: Clock,
  ) {}

  // ---- sessions ---------------------------------------------------------------------------------

  async createSession(idHash: string, expiresAt: number): Promise<void> {
    const now = this.now();
    // Expired sessions go whenever someone signs in: rare, and enough to keep the table small.
    await this.db.deleteFrom('admin_sessions').where('expires_at', '<=', now).execute();
    await this.db
      .insertInto('admin_sessions')
      .values({ id_hash: idHash, created_at: now, expires_at: expiresAt })
      .execute();
  }

  /** When the session ends (ms), or null when there is no such session or it has ended. */
  async sessionExpiry(idHash: string): Promise<number | null> {
    const row = await this.db
      .selectFrom('admin_sessions')
      .select('expires_at')
      .where('id_hash', '=', idHash)
      .where('expires_at', '>', this.now())
      .executeTakeFirst();
    return row ? Number(row.expires_at) : null;
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.db.deleteFrom('admin_sessions').where('id_hash', '=', idHash).execute();
  }

  // ---- the queue --------------------------------------------------------------------------------

  /** Comments newest first, filtered; stable under concurrent inserts (the (created_at, id) key). */
  async listQueue(filter: QueueFilter): Promise<Page<StoredComment>> {
    let query = this.db.selectFrom('comments').selectAll();
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.thread) query = query.where('thread', '=', filter.thread);
    const search = filter.search?.trim();
    if (search) {
      const pattern = likePattern(search);
      const matches = (column: 'message' | 'name' | 'email_norm' | 'thread') =>
        sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
      query = query.where((eb) =>
        eb.or([matches('message'), matches('name'), matches('email_norm'), matches('thread')]),
      );
    }
    const after = filter.after;
    if (after)
      query = query.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(after.createdAt, after.id)));
    const rows = await query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit + 1)
      .execute();
    return pageOf(rows.map(toComment), filter.limit);
  }

  /** The text of each of these comments that exists (the parents of replies in a page). */
  async messagesOf(ids: string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    if (ids.length === 0) return found;
    const rows = await this.db.selectFrom('comments').select(['id', 'message']).where('id', 'in', ids).execute();
    for (const row of rows) found.set(row.id, row.message);
    return found;
  }

  async countByStatus(): Promise<StatusCountsRow> {
    const rows = await this.db
      .selectFrom('comments')
      .select(['status', (eb) => eb.fn.countAll().as('n')])
      .groupBy('status')
      .execute();
    const counts: StatusCountsRow = { pending: 0, published: 0, spam: 0 };
    for (const row of rows) counts[row.status] = Number(row.n);
    return counts;
  }

  /**
   * Sets the status of every comment named; resolves to the comments changed. Votes that came
   * with them need nothing: they count only while their comment is published (migration 002).
   */
  async setStatusMany(
    ids: string[],
    status: StoredStatus,
    outbox?: Map<string, OutboxWrite>,
  ): Promise<StoredComment[]> {
    if (ids.length === 0) return [];
    // Notifications (#16) and thread versions (#24) in the same transaction, only for the
    // comments whose status changes.
    return this.db.transaction().execute(async (trx) => {
      const changing = await trx
        .selectFrom('comments')
        .select(['id', 'thread'])
        .where('id', 'in', ids)
        .where('status', '<>', status)
        .execute();
      const rows = await trx.updateTable('comments').set({ status }).where('id', 'in', ids).returningAll().execute();
      await bumpThreadVersions(
        trx,
        changing.map((row) => row.thread),
        this.now(),
      );
      for (const { id } of changing) await writeOutbox(trx, outbox?.get(id), this.now());
      return rows.map(toComment);
    });
  }

  /** Deletes the comments named and the votes they carried, in one transaction; resolves to the ids deleted. */
  async deleteMany(ids: string[], outbox?: Map<string, OutboxWrite>): Promise<string[]> {
    if (ids.length === 0) return [];
    return this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('votes').where('comment_id', 'in', ids).execute();
      const rows = await trx.deleteFrom('comments').where('id', 'in', ids).returning(['id', 'thread']).execute();
      await bumpThreadVersions(
        trx,
        rows.map((row) => row.thread),
        this.now(),
      );
      // Notifications (#16): the deletion's webhooks; the address's email choices go with it.
      for (const { id } of rows) {
        await forgetCommentNotify(trx, id);
        await writeOutbox(trx, outbox?.get(id), this.now());
      }
      return rows.map((row) => row.id);
    });
  }

  // ---- blocks -----------------------------------------------------------------------------------

  /** Adds blocks (a block already there is kept as it was); resolves to the blocks of these kinds and values. */
  async addBlocks(blocks: Array<Omit<StoredBlock, 'id' | 'createdAt'>>): Promise<StoredBlock[]> {
    if (blocks.length === 0) return [];
    const createdAt = this.now();
    await this.db
      .insertInto('author_blocks')
      .values(
        blocks.map((block) => ({
          id: randomBytes(9).toString('base64url'),
          kind: block.kind,
          value: block.value,
          label: block.label,
          comment_id: block.commentId,
          created_at: createdAt,
        })),
      )
      .onConflict((oc) => oc.columns(['kind', 'value']).doNothing())
      .execute();
    const rows = await this.db
      .selectFrom('author_blocks')
      .selectAll()
      .where((eb) => eb.or(blocks.map((block) => eb.and([eb('kind', '=', block.kind), eb('value', '=', block.value)]))))
      .execute();
    return rows.map(toBlock);
  }

  /** Every block, newest first. */
  async listBlocks(): Promise<StoredBlock[]> {
    const rows = await this.db
      .selectFrom('author_blocks')
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toBlock);
  }

  /** True when it existed. */
  async liftBlock(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('author_blocks').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Whether an author with this email or this client address hash is blocked. */
  async isBlocked(email: string, clientHash: string | null): Promise<boolean> {
    const row = await this.db
      .selectFrom('author_blocks')
      .select('id')
      .where((eb) => {
        const byEmail = eb.and([eb('kind', '=', 'email'), eb('value', '=', email.toLowerCase())]);
        return clientHash === null
          ? byEmail
          : eb.or([byEmail, eb.and([eb('kind', '=', 'client'), eb('value', '=', clientHash)])]);
      })
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }
}
