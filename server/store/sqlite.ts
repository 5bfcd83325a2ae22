/**
 * The SQLite store: Kysely over better-sqlite3, WAL journal with `synchronous=FULL`, so a write
 * is on disk before the answer leaves (an acknowledged comment survives `kill -9`).
 */
import Database from 'better-sqlite3';
import { promises as fs, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileMigrationProvider, Kysely, Migrator, SqliteDialect, type Selectable, type Transaction } from 'kysely';
import type {
  CreateResult,
  IdempotencyRecord,
  Page,
  Position,
  RatingTotals,
  SortOrder,
  Store,
  StoredComment,
  StoredStatus,
  Vote,
} from './types.js';

interface CommentsTable {
  id: string;
  thread: string;
  parent: string | null;
  name: string;
  email: string;
  email_norm: string;
  message: string;
  rating: number | null;
  voter: string | null;
  status: StoredStatus;
  created_at: number;
  client_hash: string | null;
}

interface Schema {
  comments: CommentsTable;
  votes: { thread: string; voter: string; value: number; updated_at: number };
  idempotency: { key: string; fingerprint: string; status: number; body: string; created_at: number };
  captcha_solutions: { id: string; expires_at: number };
}

const MIGRATIONS = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
/** Idempotency records are kept this long; a retry after that is a new request. */
const IDEMPOTENCY_TTL = 24 * 60 * 60 * 1000;

export async function openSqliteStore(path: string): Promise<Store> {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const database = new Database(path);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database }) });

  const migrator = new Migrator({
    db,
    provider: new FileMigrationProvider({ fs, path: { join }, migrationFolder: MIGRATIONS }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    await db.destroy();
    throw new Error(`database migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }

  const store = new SqliteStore(db);
  await store.prune(Date.now());
  return store;
}

function toComment(row: Selectable<CommentsTable>): StoredComment {
  return {
    id: row.id,
    thread: row.thread,
    parent: row.parent,
    name: row.name,
    email: row.email,
    message: row.message,
    rating: row.rating,
    voter: row.voter,
    status: row.status,
    createdAt: Number(row.created_at),
    clientHash: row.client_hash,
  };
}

function toRecord(row: Schema['idempotency']): IdempotencyRecord {
  return {
    key: row.key,
    fingerprint: row.fingerprint,
    status: row.status,
    body: row.body,
    createdAt: Number(row.created_at),
  };
}

class SqliteStore implements Store {
  private lastPrune = 0;

  constructor(private readonly db: Kysely<Schema>) {}

  async prune(now: number): Promise<void> {
    this.lastPrune = now;
    await this.db
      .deleteFrom('idempotency')
      .where('created_at', '<', now - IDEMPOTENCY_TTL)
      .execute();
    await this.db.deleteFrom('captcha_solutions').where('expires_at', '<', now).execute();
  }

  private async maybePrune(): Promise<void> {
    const now = Date.now();
    if (now - this.lastPrune > 60 * 60 * 1000) await this.prune(now);
  }

  async createComment(
    comment: StoredComment,
    options: { vote?: Vote; idempotency?: IdempotencyRecord } = {},
  ): Promise<CreateResult> {
    await this.maybePrune();
    return this.db.transaction().execute(async (trx) => {
      const { idempotency, vote } = options;
      if (idempotency) {
        const existing = await trx
          .selectFrom('idempotency')
          .selectAll()
          .where('key', '=', idempotency.key)
          .executeTakeFirst();
        if (existing) {
          return existing.fingerprint === idempotency.fingerprint
            ? { kind: 'replay' as const, record: toRecord(existing) }
            : { kind: 'conflict' as const };
        }
      }
      await trx
        .insertInto('comments')
        .values({
          id: comment.id,
          thread: comment.thread,
          parent: comment.parent,
          name: comment.name,
          email: comment.email,
          email_norm: comment.email.toLowerCase(),
          message: comment.message,
          rating: comment.rating,
          voter: comment.voter,
          status: comment.status,
          created_at: comment.createdAt,
          client_hash: comment.clientHash,
        })
        .execute();
      if (vote) await upsertVote(trx, vote);
      if (idempotency) {
        await trx
          .insertInto('idempotency')
          .values({
            key: idempotency.key,
            fingerprint: idempotency.fingerprint,
            status: idempotency.status,
            body: idempotency.body,
            created_at: idempotency.createdAt,
          })
          .execute();
      }
      return { kind: 'created' as const };
    });
  }

  async findIdempotency(key: string): Promise<IdempotencyRecord | null> {
    const row = await this.db
      .selectFrom('idempotency')
      .selectAll()
      .where('key', '=', key)
      .where('created_at', '>=', Date.now() - IDEMPOTENCY_TTL)
      .executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  async getComment(id: string): Promise<StoredComment | null> {
    const row = await this.db.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toComment(row) : null;
  }

  async listPublished(
    thread: string,
    options: { limit: number; after: Position | null; sort: SortOrder },
  ): Promise<Page<StoredComment>> {
    let query = this.db
      .selectFrom('comments')
      .selectAll()
      .where('thread', '=', thread)
      .where('status', '=', 'published');
    const { after, sort } = options;
    if (after) {
      // Row-value comparison over the (created_at, id) key: no gaps, no repeats.
      query =
        sort === 'newest'
          ? query.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(after.createdAt, after.id)))
          : query.where((eb) => eb(eb.refTuple('created_at', 'id'), '>', eb.tuple(after.createdAt, after.id)));
    }
    const dir = sort === 'newest' ? 'desc' : 'asc';
    const rows = await query
      .orderBy('created_at', dir)
      .orderBy('id', dir)
      .limit(options.limit + 1)
      .execute();
    return pageOf(rows.map(toComment), options.limit);
  }

  async countPublished(thread: string): Promise<number> {
    const row = await this.db
      .selectFrom('comments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('thread', '=', thread)
      .where('status', '=', 'published')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async listByStatus(options: {
    status: StoredStatus | null;
    limit: number;
    after: Position | null;
  }): Promise<Page<StoredComment>> {
    let query = this.db.selectFrom('comments').selectAll();
    if (options.status) query = query.where('status', '=', options.status);
    const after = options.after;
    if (after)
      query = query.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(after.createdAt, after.id)));
    const rows = await query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(options.limit + 1)
      .execute();
    return pageOf(rows.map(toComment), options.limit);
  }

  async setStatus(id: string, status: StoredStatus): Promise<StoredComment | null> {
    const row = await this.db
      .updateTable('comments')
      .set({ status })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    return row ? toComment(row) : null;
  }

  async deleteComment(id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('comments').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async hasPublished(email: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('comments')
      .select('id')
      .where('email_norm', '=', email.toLowerCase())
      .where('status', '=', 'published')
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  async putVote(vote: Vote): Promise<void> {
    await upsertVote(this.db, vote);
  }

  async ratingTotals(thread: string, max: number): Promise<RatingTotals> {
    const rows = await this.db
      .selectFrom('votes')
      .select(['value', (eb) => eb.fn.countAll<number>().as('n')])
      .where('thread', '=', thread)
      .where('value', '>=', 1)
      .where('value', '<=', max)
      .groupBy('value')
      .execute();
    const histogram = Array.from({ length: max }, () => 0);
    let count = 0;
    let sum = 0;
    for (const row of rows) {
      const n = Number(row.n);
      histogram[row.value - 1] = n;
      count += n;
      sum += n * row.value;
    }
    return { count, sum, histogram };
  }

  async useCaptchaSolution(id: string, expiresAt: number): Promise<boolean> {
    const now = Date.now();
    return this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('captcha_solutions').where('expires_at', '<', now).execute();
      const result = await trx
        .insertInto('captcha_solutions')
        .values({ id, expires_at: expiresAt })
        .onConflict((oc) => oc.column('id').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
    });
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

async function upsertVote(db: Kysely<Schema> | Transaction<Schema>, vote: Vote): Promise<void> {
  await db
    .insertInto('votes')
    .values({ thread: vote.thread, voter: vote.voter, value: vote.value, updated_at: Date.now() })
    .onConflict((oc) => oc.columns(['thread', 'voter']).doUpdateSet({ value: vote.value, updated_at: Date.now() }))
    .execute();
}

function pageOf(items: StoredComment[], limit: number): Page<StoredComment> {
  if (items.length <= limit) return { items, next: null };
  const shown = items.slice(0, limit);
  const last = shown[shown.length - 1]!;
  return { items: shown, next: { createdAt: last.createdAt, id: last.id } };
}
