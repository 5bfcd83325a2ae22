/**
 * The one store implementation, over Kysely, for SQLite and PostgreSQL alike. The SQL is the
 * same for both (upserts with ON CONFLICT, RETURNING, row-value comparisons); what differs —
 * opening the connection, migration locking, the int8 parser — lives in sqlite.ts and
 * postgres.ts.
 *
 * Every instance of the server may share one PostgreSQL database, so nothing here relies on
 * being the only writer: idempotency keys are claimed with one atomic upsert before the comment
 * is written, captcha solutions are claimed the same way, and pruning is a plain ranged delete
 * any instance may run at any time.
 */
import { Kysely, type Selectable, type Transaction } from 'kysely';
import { forgetCommentNotify, OutboxStore, outboxWriter, writeOutbox, type OutboxWrite } from './outbox.js';
import type { IdempotencyTable, Schema, CommentsTable, Dialect } from './schema.js';
import { AdminStore } from './admin.js';
import { COMMENT_COLUMNS, commentRow } from './comment-row.js';
import { GroupCommit, type GroupCommitOptions, type Outcome } from './group-commit.js';
import { bumpThreadVersion, bumpThreadVersions, readThreadVersion, readThreadsVersion } from './thread-version.js';
import { listedPlaceholder, ReaderStore } from './reader.js';
import { multiRowStatement, rawStatement } from './raw-statement.js';
import type {
  BeforeComment,
  CreateResult,
  IdempotencyRecord,
  Page,
  Position,
  RatingTotals,
  SortOrder,
  Store,
  StoredComment,
  StoredStatus,
  StoredVote,
  ImportRow,
  Vote,
  WriteCount,
} from './types.js';

/** Idempotency records are kept this long; a retry after that is a new request. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** How often one instance prunes expired rows (each instance on its own clock; overlapping is harmless). */
const PRUNE_EVERY_MS = 60 * 60 * 1000;

export type Clock = () => number;

/**
 * The few reads on every request's path, written against the driver itself (issue #24): a
 * statement prepared once instead of one built by Kysely and prepared on every call. Same SQL
 * on both dialects; sqlite.ts and postgres.ts provide them.
 */
export interface HotReads {
  /** The thread's version; 0 for a thread never written. */
  threadVersion(thread: string): Promise<number>;
  /** The sum of these threads' versions (`Store.threadsVersion`), in one statement. */
  threadsVersion?(threads: readonly string[]): Promise<number>;
  /**
   * `BEFORE_COMMENT_SQL` prepared once, its parameters in that order. On SQLite it reads
   * committed data that may not be on disk yet (`readsAheadOfDisk`): a record it finds is read
   * again through the writing connection before it is answered (`KyselyStore.beforeComment`).
   */
  beforeComment?(parameters: readonly unknown[]): Promise<BeforeCommentRow>;
  /** True when these reads may see a commit before it is on disk (SQLite's second connection). */
  readsAheadOfDisk?: boolean;
  /** Closes what these reads opened of their own (closing the store calls it). */
  close?(): void;
}

export interface KyselyStoreOptions {
  /** Group commit of new comments (group-commit.ts); `max` 1 stores each in its own transaction. */
  batch?: GroupCommitOptions;
  hot?: HotReads;
  /** PostgreSQL (pg-batch.ts): a batch of new comments in one statement when it fits. */
  oneStatement?: OneStatementBatch;
  /**
   * Told when a batch that fit one statement failed there and went through the transaction:
   * rare (a comment the database refuses, a deadlock with another instance); on every batch, a
   * sign that the statement no longer matches the schema (`serve` logs it, once a minute).
   */
  onSlowBatch?: SlowBatchListener;
  /** Which database: the outbox claims jobs differently on each (#16). */
  dialect?: Dialect;
}

/** `KyselyStoreOptions.onSlowBatch`: why the one statement failed, and how many comments it held. */
export type SlowBatchListener = (error: unknown, comments: number) => void;

/** A batch of new comments written as one statement (PostgreSQL, pg-batch.ts). */
export interface OneStatementBatch {
  /** Whether the statement can take this batch; the transaction (`storeBatchOnce`) takes any other. */
  fits(items: readonly NewComment[]): boolean;
  /** Stores the batch, all of it or nothing; resolves with the idempotency keys it claimed. */
  store(items: readonly NewComment[], cutoff: number, now: number): Promise<string[]>;
}

export interface NewComment {
  comment: StoredComment;
  vote?: Vote;
  idempotency?: IdempotencyRecord;
  /** Notifications written in the comment's own transaction (#16). */
  outbox?: OutboxWrite;
}

/** The statements of every new comment, as SQL text (raw-statement.ts, #24). */
function newCommentStatements(dialect: Dialect) {
  return {
    savepoint: rawStatement(dialect, 'savepoint new_comment'),
    release: rawStatement(dialect, 'release savepoint new_comment'),
    rollback: rawStatement(dialect, 'rollback to savepoint new_comment'),
    /**
     * Claims keys, any number in one statement; a record past its 24 hours (the last parameter:
     * its cut-off) is taken over. Returns the keys claimed: a key left out has a live record.
     */
    claimKeys: multiRowStatement(
      dialect,
      'insert into idempotency ("key", fingerprint, status, body, created_at)',
      5,
      `on conflict ("key") do update set fingerprint = excluded.fingerprint, status = excluded.status,
         body = excluded.body, created_at = excluded.created_at
       where idempotency.created_at < ? returning "key"`,
    ),
    keyRecord: rawStatement(dialect, 'select * from idempotency where "key" = ?'),
    liveKeyRecord: rawStatement(dialect, 'select * from idempotency where "key" = ? and created_at >= ?'),
    /** `Store.beforeComment` in one statement (the same text as the hot reads', sqlite.ts and postgres.ts). */
    beforeComment: rawStatement(dialect, BEFORE_COMMENT_SQL),
    insertComments: multiRowStatement(
      dialect,
      `insert into comments (${COMMENT_COLUMNS.join(', ')})`,
      COMMENT_COLUMNS.length,
    ),
    /** store.putVote's upsert, for the vote that comes with a comment. */
    vote: rawStatement(
      dialect,
      `insert into votes (thread, voter, value, updated_at, comment_id) values (?, ?, ?, ?, ?)
       on conflict (thread, voter) do update set value = excluded.value, updated_at = excluded.updated_at,
         comment_id = excluded.comment_id`,
    ),
    /** bumpThreadVersion's upsert (thread-version.ts). */
    bump: rawStatement(
      dialect,
      `insert into thread_versions (thread, version) values (?, ?) on conflict (thread) do update set
         version = case when thread_versions.version >= excluded.version then thread_versions.version + 1
           else excluded.version end`,
    ),
    outbox: outboxWriter(dialect),
    /** store.countWrites: rows of (client, now, writes); the window's length twice after them. */
    countWrites: multiRowStatement(
      dialect,
      'insert into rate_limits (client, window_start, hits)',
      3,
      `on conflict (client) do update set
         hits = case when rate_limits.window_start <= excluded.window_start - ? then excluded.hits
           else rate_limits.hits + excluded.hits end,
         window_start = case when rate_limits.window_start <= excluded.window_start - ? then excluded.window_start
           else rate_limits.window_start end
       returning client, hits, window_start`,
    ),
  };
}

/**
 * Whether the author of a new comment is blocked, by email (`email`, lower-cased) or by client
 * address hash (`client`): the SQL of both statements that ask (here and postgres.ts's grouped one).
 */
export const authorBlocked = (email: string, client: string): string =>
  `exists (select 1 from author_blocks where (kind = 'email' and value = ${email}) or (kind = 'client' and value = ${client}))`;

/**
 * What a new comment needs to know before it is checked (`Store.beforeComment`): the live
 * idempotency record of its key (parameters 3 and 4: the key, or null, and the 24-hour cut-off)
 * and whether its author is blocked by email (parameter 1, lower-cased) or by client address
 * hash (parameter 2, or null). One row always.
 */
export const BEFORE_COMMENT_SQL = `select ${authorBlocked('?', '?')} as blocked,
  i."key", i.fingerprint, i.status, i.body, i.created_at
  from (select 1 as one) as base left join idempotency as i on i."key" = ? and i.created_at >= ?`;

export interface BeforeCommentRow {
  blocked: number | boolean;
  key: string | null;
  fingerprint: string | null;
  status: number | null;
  body: string | null;
  created_at: number | null;
}

/** The answer of `Store.beforeComment` from its one row. */
export function beforeCommentOf(row: BeforeCommentRow): BeforeComment {
  return {
    blocked: row.blocked === true || Number(row.blocked) === 1,
    earlier: row.key === null ? null : toRecord(row as IdempotencyTable),
  };
}

/** A comment of a batch written without savepoints failed: the batch is written again with them. */
class BatchItemFailed extends Error {
  constructor(readonly failure: unknown) {
    super('a comment of the batch failed');
  }
}

/** PostgreSQL's deadlock and serialization failures: the statement may simply be tried again. */
const RETRYABLE = new Set(['40P01', '40001']);

export function toComment(row: Selectable<CommentsTable>): StoredComment {
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
    editedAt: row.edited_at === null ? null : Number(row.edited_at),
    // #18 (migration 008), only when set: a comment without them reads back as it was written.
    ...(row.body === null ? {} : { bodyJson: row.body }),
    ...(row.deleted_at === null ? {} : { deletedAt: Number(row.deleted_at) }),
    ...(Number(row.votes_up) || Number(row.votes_down)
      ? { votesUp: Number(row.votes_up), votesDown: Number(row.votes_down), voteScore: Number(row.vote_score) }
      : {}),
  };
}

function toRecord(row: IdempotencyTable): IdempotencyRecord {
  return {
    key: row.key,
    fingerprint: row.fingerprint,
    status: Number(row.status),
    body: row.body,
    createdAt: Number(row.created_at),
  };
}

export class KyselyStore implements Store {
  private lastPrune = 0;
  readonly outbox: OutboxStore;
  /** The moderation dashboard's queries (#15). */
  readonly admin: AdminStore;
  private readonly commits: GroupCommit<NewComment, CreateResult> | null;
  private readonly hot: HotReads | undefined;
  /** Votes on comments, editing and deleting one's own, counts (#18, store/reader.ts). */
  readonly reader: ReaderStore;
  private readonly statements: ReturnType<typeof newCommentStatements>;
  private readonly dialect: Dialect;
  private readonly oneStatement: OneStatementBatch | undefined;
  /** Batches stored by `oneStatement`, and those it failed (for tests and diagnostics). */
  private inOneStatement = 0;
  private oneStatementFailed = 0;
  private readonly onSlowBatch: SlowBatchListener | undefined;

  constructor(
    readonly db: Kysely<Schema>,
    private readonly now: Clock,
    options: KyselyStoreOptions = {},
  ) {
    this.outbox = new OutboxStore(db, now, options.dialect ?? 'sqlite');
    this.admin = new AdminStore(db, now);
    const batch = options.batch ?? { max: 1 };
    this.commits = batch.max > 1 ? new GroupCommit((items) => this.storeBatch(items), batch) : null;
    this.hot = options.hot;
    this.reader = new ReaderStore(db, now);
    this.dialect = options.dialect ?? 'sqlite';
    this.statements = newCommentStatements(this.dialect);
    this.oneStatement = options.oneStatement;
    this.onSlowBatch = options.onSlowBatch;
  }

  async prune(): Promise<void> {
    const now = this.now();
    this.lastPrune = now;
    await this.db
      .deleteFrom('idempotency')
      .where('created_at', '<', now - IDEMPOTENCY_TTL_MS)
      .execute();
    await this.db.deleteFrom('captcha_solutions').where('expires_at', '<', now).execute();
    // A window is one minute; anything older than two can no longer limit anyone.
    await this.db
      .deleteFrom('rate_limits')
      .where('window_start', '<', now - 2 * 60_000)
      .execute();
    await this.outbox.prune();
  }

  private async maybePrune(): Promise<void> {
    if (this.now() - this.lastPrune > PRUNE_EVERY_MS) await this.prune();
  }

  async createComment(
    comment: StoredComment,
    options: { vote?: Vote; idempotency?: IdempotencyRecord; outbox?: OutboxWrite } = {},
  ): Promise<CreateResult> {
    await this.maybePrune();
    const item: NewComment = { comment, ...options };
    if (this.commits) return this.commits.submit(item);
    return this.db.transaction().execute(async (trx) => {
      const result = await this.storeNewComment(trx, item);
      if (result.kind === 'created') await this.bumpVersions(trx, [comment.thread]);
      return result;
    });
  }

  /**
   * One transaction for a batch of new comments (group-commit.ts). Comments with an idempotency
   * key go in key order and the thread versions are bumped last in thread order, so two batches
   * committing at once (PostgreSQL) take their locks in the same order. A comment that hit a
   * deadlock anyway is stored again on its own after the commit.
   *
   * The batch is first written without savepoints (#24: two statements fewer per comment, and
   * comments almost never fail here); when one does fail, that transaction is rolled back and
   * the batch is written again with each comment in its own savepoint, so that only the failing
   * one is left out.
   *
   * On PostgreSQL a batch that fits is first written as one statement (the `oneStatement`
   * option, pg-batch.ts): the same rows in one round trip instead of six.
   */
  private async storeBatch(items: NewComment[]): Promise<Outcome<CreateResult>[]> {
    if (this.oneStatement?.fits(items)) {
      const stored = await this.storeBatchInOneStatement(items, this.oneStatement).catch((error: unknown) => {
        this.oneStatementFailed++;
        this.onSlowBatch?.(error, items.length);
        return null;
      });
      // A statement that failed stored nothing: the transaction below leaves out only the comment that fails.
      if (stored) return stored;
    }
    const order = items.map((_, i) => i);
    const keyOf = (i: number) => items[i]!.idempotency?.key ?? '';
    order.sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : a - b));
    let outcomes: Outcome<CreateResult>[];
    try {
      outcomes = await this.storeBatchOnce(items, order, false);
    } catch (error) {
      if (!(error instanceof BatchItemFailed)) throw error;
      // Alone in its batch, the comment's own failure is the answer; else each in a savepoint.
      outcomes =
        items.length === 1 ? [{ ok: false, error: error.failure }] : await this.storeBatchOnce(items, order, true);
    }
    for (let i = 0; i < items.length; i++) {
      const outcome = outcomes[i]!;
      if (outcome.ok || !RETRYABLE.has((outcome.error as { code?: string }).code ?? '')) continue;
      try {
        outcomes[i] = {
          ok: true,
          value: await this.db.transaction().execute(async (trx) => {
            const result = await this.storeNewComment(trx, items[i]!);
            if (result.kind === 'created') await this.bumpVersions(trx, [items[i]!.comment.thread]);
            return result;
          }),
        };
      } catch (error) {
        outcomes[i] = { ok: false, error };
      }
    }
    return outcomes;
  }

  /**
   * The batch in one statement (PostgreSQL, pg-batch.ts). A comment whose key the statement did
   * not claim is a retry of a request that is already stored: it is answered from that record.
   */
  private async storeBatchInOneStatement(
    items: NewComment[],
    batch: OneStatementBatch,
  ): Promise<Outcome<CreateResult>[]> {
    const now = this.now();
    const claimed = new Set(await batch.store(items, now - IDEMPOTENCY_TTL_MS, now));
    this.inOneStatement++;
    const outcomes: Outcome<CreateResult>[] = [];
    for (const { idempotency } of items) {
      if (!idempotency || claimed.has(idempotency.key)) outcomes.push({ ok: true, value: { kind: 'created' } });
      else
        outcomes.push(
          await this.earlierAnswer(this.db, idempotency).then(
            (value) => ({ ok: true, value }),
            (error: unknown) => ({ ok: false, error }),
          ),
        );
    }
    return outcomes;
  }

  /** One attempt at a batch; without savepoints the first failing comment throws BatchItemFailed. */
  private async storeBatchOnce(
    items: NewComment[],
    order: number[],
    savepoints: boolean,
  ): Promise<Outcome<CreateResult>[]> {
    const outcomes: Outcome<CreateResult>[] = new Array(items.length);
    await this.db.transaction().execute(async (trx) => {
      const written: string[] = [];
      const { savepoint, release, rollback } = this.statements;
      if (!savepoints) {
        // The keys claimed in key order (one statement), then every new comment in one
        // statement, then their votes and notifications (which refer to the comment).
        try {
          const created: NewComment[] = [];
          const earlier = await this.claimKeys(
            trx,
            order.map((i) => items[i]!),
          );
          order.forEach((i, n) => {
            const answer = earlier[n];
            if (answer) outcomes[i] = { ok: true, value: answer };
            else {
              created.push(items[i]!);
              outcomes[i] = { ok: true, value: { kind: 'created' } };
            }
          });
          await this.writeNew(trx, created);
          for (const item of created) written.push(item.comment.thread);
        } catch (error) {
          throw new BatchItemFailed(error);
        }
      }
      for (const i of savepoints ? order : []) {
        await savepoint(trx);
        try {
          const result = await this.storeNewComment(trx, items[i]!);
          await release(trx);
          if (result.kind === 'created') written.push(items[i]!.comment.thread);
          outcomes[i] = { ok: true, value: result };
        } catch (error) {
          await rollback(trx);
          await release(trx);
          outcomes[i] = { ok: false, error };
        }
      }
      await this.bumpVersions(trx, written);
    });
    return outcomes;
  }

  /** The rows of new comments whose keys were claimed: the comments, their votes, their notifications. */
  private async writeNew(trx: Transaction<Schema>, created: readonly NewComment[]): Promise<void> {
    if (created.length === 0) return;
    await this.statements.insertComments(
      trx,
      created.map(({ comment }) => {
        const row = commentRow(comment);
        return COMMENT_COLUMNS.map((column) => row[column]);
      }),
    );
    const now = this.now();
    for (const { vote, comment } of created)
      if (vote) await this.statements.vote(trx, [vote.thread, vote.voter, vote.value, now, comment.id]);
    await this.statements.outbox(
      trx,
      created.map((item) => item.outbox),
      now,
    );
  }

  /** `bumpThreadVersions` (thread-version.ts) as the fixed statement: sorted, each thread once. */
  private async bumpVersions(trx: Transaction<Schema>, threads: Iterable<string>): Promise<void> {
    const now = this.now();
    for (const thread of [...new Set(threads)].sort()) await this.statements.bump(trx, [thread, now]);
  }

  /** The comment, its vote and its idempotency record, inside the caller's transaction (no version bump). */
  private async storeNewComment(trx: Transaction<Schema>, item: NewComment): Promise<CreateResult> {
    const [earlier] = await this.claimKeys(trx, [item]);
    if (earlier) return earlier;
    await this.writeNew(trx, [item]);
    return { kind: 'created' as const };
  }

  /**
   * Claims the idempotency keys of these comments (those that have one), in the order given:
   * for each comment null when it is to be stored, else the answer of the earlier request with
   * its key (a replay, or a conflict).
   *
   * On PostgreSQL a concurrent transaction inserting the same key makes the claim wait for it;
   * once it commits we see its record and replay it, so two racing requests on two instances
   * store one comment. A record past its 24 hours is taken over as if it were absent, pruned or
   * not. All keys go in one statement (#24), unless one key comes twice in the batch (PostgreSQL
   * refuses a statement that claims one row twice): then one statement per comment, and the
   * second sees the first's row, uncommitted but in the same transaction, and replays it.
   */
  private async claimKeys(trx: Transaction<Schema>, items: readonly NewComment[]): Promise<(CreateResult | null)[]> {
    const keyed = items.filter((item) => item.idempotency);
    if (keyed.length === 0) return items.map(() => null);
    const cutoff = this.now() - IDEMPOTENCY_TTL_MS;
    const row = ({ idempotency: r }: NewComment) => [r!.key, r!.fingerprint, r!.status, r!.body, r!.createdAt];
    // The comment each claimed key goes to; any other comment with that key is its retry.
    const claimedBy = new Map<string, NewComment>();
    if (new Set(keyed.map((item) => item.idempotency!.key)).size === keyed.length) {
      const rows = await this.statements.claimKeys<{ key: string }>(trx, keyed.map(row), [cutoff]);
      const byKey = new Map(keyed.map((item) => [item.idempotency!.key, item]));
      for (const { key } of rows) claimedBy.set(key, byKey.get(key)!);
    } else {
      for (const item of keyed) {
        const rows = await this.statements.claimKeys<{ key: string }>(trx, [row(item)], [cutoff]);
        if (rows.length) claimedBy.set(item.idempotency!.key, item);
      }
    }
    const answers: (CreateResult | null)[] = [];
    for (const item of items) {
      const key = item.idempotency?.key;
      if (key === undefined || claimedBy.get(key) === item) {
        answers.push(null);
        continue;
      }
      answers.push(await this.earlierAnswer(trx, item.idempotency!));
    }
    return answers;
  }

  /**
   * The answer to a comment whose key an earlier request holds (stored, or committed while this
   * one waited for it): that request's answer replayed, or a conflict for another body.
   */
  private async earlierAnswer(db: Kysely<Schema>, idempotency: IdempotencyRecord): Promise<CreateResult> {
    const existing = (await this.statements.keyRecord<IdempotencyTable>(db, [idempotency.key])).rows[0];
    if (!existing) throw new Error(`idempotency record ${idempotency.key} vanished`);
    return existing.fingerprint === idempotency.fingerprint
      ? { kind: 'replay', record: toRecord(existing) }
      : { kind: 'conflict' };
  }

  /**
   * How many batches of new comments were committed, carrying how many, and how many of those
   * batches were one statement each (PostgreSQL, pg-batch.ts) and how many failed there (and went
   * through the transaction); null without group commit.
   */
  groupCommitStats(): { batches: number; items: number; oneStatement: number; oneStatementFailed: number } | null {
    return this.commits
      ? { ...this.commits.stats, oneStatement: this.inOneStatement, oneStatementFailed: this.oneStatementFailed }
      : null;
  }

  async beforeComment(key: string | null, email: string, clientHash: string | null): Promise<BeforeComment> {
    const cutoff = this.now() - IDEMPOTENCY_TTL_MS;
    const parameters = [email.toLowerCase(), clientHash, key, cutoff];
    if (!this.hot?.beforeComment)
      return beforeCommentOf((await this.statements.beforeComment<BeforeCommentRow>(this.db, parameters)).rows[0]!);
    const answer = beforeCommentOf(await this.hot.beforeComment(parameters));
    // A record the second connection saw may be committed and not yet on disk: it is answered
    // only as the writing connection reads it, after the commit's sync (sqlite.ts).
    if (answer.earlier && this.hot.readsAheadOfDisk) answer.earlier = await this.findIdempotency(key!);
    return answer;
  }

  async findIdempotency(key: string): Promise<IdempotencyRecord | null> {
    const [row] = (
      await this.statements.liveKeyRecord<IdempotencyTable>(this.db, [key, this.now() - IDEMPOTENCY_TTL_MS])
    ).rows;
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
      .where('status', '=', 'published')
      .where(listedPlaceholder);
    const { after, sort } = options;
    if (sort === 'best') {
      // #18: by vote score, ties newest first; the cursor carries the score (SPEC §6.2).
      if (after)
        query = query.where((eb) =>
          eb(eb.refTuple('vote_score', 'created_at', 'id'), '<', eb.tuple(after.score ?? 0, after.createdAt, after.id)),
        );
      const rows = await query
        .orderBy('vote_score', 'desc')
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(options.limit + 1)
        .execute();
      const page = pageOf(rows.map(toComment), options.limit);
      if (page.next) page.next.score = page.items[page.items.length - 1]!.voteScore ?? 0;
      return page;
    }
    if (after) {
      // Row-value comparison over the (created_at, id) key: no gaps, no repeats.
      query =
        sort === 'newest'
          ? query.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(after.createdAt, after.id)))
          : query.where((eb) => eb(eb.refTuple('created_at', 'id'), '>', eb.tuple(after.createdAt, after.id)));
    }
    const direction = sort === 'newest' ? 'desc' : 'asc';
    const rows = await query
      .orderBy('created_at', direction)
      .orderBy('id', direction)
      .limit(options.limit + 1)
      .execute();
    return pageOf(rows.map(toComment), options.limit);
  }

  async publishedAmong(thread: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('comments')
      .select('id')
      .where('id', 'in', ids)
      .where('thread', '=', thread)
      .where('status', '=', 'published')
      .execute();
    return new Set(rows.map((row) => row.id));
  }

  threadVersion(thread: string): Promise<number> {
    return this.hot ? this.hot.threadVersion(thread) : readThreadVersion(this.db, thread);
  }

  threadsVersion(threads: readonly string[]): Promise<number> {
    if (threads.length === 0) return Promise.resolve(0);
    return this.hot?.threadsVersion ? this.hot.threadsVersion(threads) : readThreadsVersion(this.db, threads);
  }

  async countPublished(thread: string): Promise<number> {
    const row = await this.db
      .selectFrom('comments')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('thread', '=', thread)
      .where('status', '=', 'published')
      .where('deleted_at', 'is', null) // #18: a deleted comment's placeholder is no comment
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async setStatus(id: string, status: StoredStatus, outbox?: OutboxWrite): Promise<StoredComment | null> {
    // The comment's vote needs no update: ratingTotals counts it only while the comment is published.
    return this.db.transaction().execute(async (trx) => {
      // Only a real change writes the notifications and bumps the thread's version: two
      // moderators approving at once notify once.
      const changed = await trx
        .updateTable('comments')
        .set({ status })
        .where('id', '=', id)
        .where('status', '<>', status)
        .returningAll()
        .executeTakeFirst();
      if (changed) {
        await bumpThreadVersion(trx, changed.thread, this.now());
        await writeOutbox(trx, outbox, this.now());
      }
      const row = changed ?? (await trx.selectFrom('comments').selectAll().where('id', '=', id).executeTakeFirst());
      return row ? toComment(row) : null;
    });
  }

  async deleteComment(id: string, outbox?: OutboxWrite): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('votes').where('comment_id', '=', id).execute();
      await trx.deleteFrom('comment_votes').where('comment_id', '=', id).execute(); // #18
      const deleted = await trx.deleteFrom('comments').where('id', '=', id).returning('thread').executeTakeFirst();
      if (deleted) {
        await bumpThreadVersion(trx, deleted.thread, this.now());
        await forgetCommentNotify(trx, id);
        await writeOutbox(trx, outbox, this.now());
      }
      return deleted !== undefined;
    });
  }

  async putVote(vote: Vote, outbox?: OutboxWrite): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await this.upsertVote(trx, vote, null);
      await bumpThreadVersion(trx, vote.thread, this.now());
      await writeOutbox(trx, outbox, this.now());
    });
  }

  async ratingTotals(thread: string, max: number): Promise<RatingTotals> {
    // A vote that came with a comment counts while that comment is published; a standalone vote always.
    const rows = await this.db
      .selectFrom('votes')
      .leftJoin('comments', 'comments.id', 'votes.comment_id')
      .select(['votes.value as value', (eb) => eb.fn.countAll().as('n')])
      .where('votes.thread', '=', thread)
      .where('votes.value', '>=', 1)
      .where('votes.value', '<=', max)
      .where((eb) => eb.or([eb('votes.comment_id', 'is', null), eb('comments.status', '=', 'published')]))
      .groupBy('votes.value')
      .execute();
    const histogram = Array.from({ length: max }, () => 0);
    let count = 0;
    let sum = 0;
    for (const row of rows) {
      const n = Number(row.n);
      const value = Number(row.value);
      histogram[value - 1] = n;
      count += n;
      sum += n * value;
    }
    return { count, sum, histogram };
  }

  async useCaptchaSolution(id: string, expiresAt: number): Promise<boolean> {
    // One atomic insert: across instances exactly one caller gets the row back. Expired rows are
    // left to prune(); an expired challenge is refused before it gets here.
    const inserted = await this.db
      .insertInto('captcha_solutions')
      .values({ id, expires_at: expiresAt })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    return inserted !== undefined;
  }

  async countWrite(client: string, now: number, windowMs: number): Promise<WriteCount> {
    return (await this.countWrites([{ client, now }], windowMs))[0]!;
  }

  async countWrites(writes: readonly { client: string; now: number }[], windowMs: number): Promise<WriteCount[]> {
    if (writes.length === 0) return [];
    // One row per client (PostgreSQL refuses to update one row twice in one statement), in
    // client order (two instances lock the rows in one order), carrying its number of writes.
    // A client's window starts at its first write and lasts windowMs; the row lock of ON
    // CONFLICT makes concurrent writes from many instances count one by one.
    const byClient = new Map<string, { now: number; n: number }>();
    for (const { client, now } of writes) {
      const row = byClient.get(client);
      if (row) {
        row.n++;
        // A window that starts with these writes starts at the first of them.
        row.now = Math.min(row.now, now);
      } else byClient.set(client, { now, n: 1 });
    }
    const clients = [...byClient.keys()].sort();
    const rows = await this.statements.countWrites<{ client: string; hits: number; window_start: number }>(
      this.db,
      clients.map((client) => [client, byClient.get(client)!.now, byClient.get(client)!.n]),
      [windowMs, windowMs],
    );
    const counted = new Map(rows.map((row) => [row.client, row]));
    // Each write's count is the client's total less the writes after it in this call.
    const after = new Map(clients.map((client) => [client, byClient.get(client)!.n]));
    return writes.map(({ client }) => {
      const row = counted.get(client)!;
      const later = after.get(client)! - 1;
      after.set(client, later);
      return { hits: Number(row.hits) - later, windowStart: Number(row.window_start) };
    });
  }

  async close(): Promise<void> {
    this.hot?.close?.();
    await this.db.destroy();
  }

  // ---- import/export (server/transfer/) -------------------------------------------------------

  async importComments(rows: ImportRow[]): Promise<string[]> {
    if (rows.length === 0) return [];
    return this.db.transaction().execute(async (trx) => {
      // Claim the source ids first: a row whose source id is already there was imported before
      // (or by a run racing this one) and is left alone.
      const sourced = rows.filter((row) => row.source);
      const claimed = new Set<string>();
      for (const part of chunks(sourced, IMPORT_CHUNK)) {
        const inserted = await trx
          .insertInto('import_sources')
          .values(part.map((row) => ({ ...sourceKey(row), comment_id: row.comment.id })))
          .onConflict((oc) => oc.columns(['source', 'source_id']).doNothing())
          .returning(['source', 'source_id'])
          .execute();
        for (const r of inserted) claimed.add(`${r.source}\u0000${r.source_id}`);
      }
      const toStore = rows.filter((row) => {
        if (!row.source) return true;
        const key = sourceKey(row);
        return claimed.has(`${key.source}\u0000${key.source_id}`);
      });
      const stored: string[] = [];
      for (const part of chunks(toStore, IMPORT_CHUNK)) {
        const inserted = await trx
          .insertInto('comments')
          .values(part.map(({ comment }) => commentRow(comment)))
          .onConflict((oc) => oc.column('id').doNothing())
          .returning('id')
          .execute();
        for (const r of inserted) stored.push(r.id);
      }
      const storedIds = new Set(stored);
      const votes = toStore.filter((row) => row.vote && storedIds.has(row.comment.id));
      for (const part of chunks(votes, IMPORT_CHUNK))
        await trx
          .insertInto('votes')
          .values(
            part.map(({ comment, vote }) => ({
              thread: comment.thread,
              voter: vote!.voter,
              value: vote!.value,
              updated_at: comment.createdAt,
              comment_id: comment.id,
            })),
          )
          .onConflict((oc) => oc.columns(['thread', 'voter']).doNothing())
          .execute();
      const storedThreads = toStore.filter((row) => storedIds.has(row.comment.id)).map((row) => row.comment.thread);
      await bumpThreadVersions(trx, storedThreads, this.now());
      return stored;
    });
  }

  async importedSourceIds(source: string, sourceIds: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (const part of chunks(sourceIds, IMPORT_CHUNK)) {
      const rows = await this.db
        .selectFrom('import_sources')
        .select('source_id')
        .where('source', '=', source)
        .where('source_id', 'in', part)
        .execute();
      for (const row of rows) found.add(row.source_id);
    }
    return found;
  }

  async existingThreads(threads: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (const part of chunks(threads, IMPORT_CHUNK)) {
      const rows = await this.db
        .selectFrom('comments')
        .select('thread')
        .distinct()
        .where('thread', 'in', part)
        .execute();
      for (const row of rows) found.add(row.thread);
    }
    return found;
  }

  async setParent(id: string, parent: string | null): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable('comments')
        .set({ parent })
        .where('id', '=', id)
        .returning('thread')
        .executeTakeFirst();
      if (updated) await bumpThreadVersion(trx, updated.thread, this.now());
    });
  }

  async importVotes(votes: StoredVote[]): Promise<number> {
    let inserted = 0;
    for (const part of chunks(votes, IMPORT_CHUNK)) {
      inserted += await this.db.transaction().execute(async (trx) => {
        const rows = await trx
          .insertInto('votes')
          .values(
            part.map((vote) => ({
              thread: vote.thread,
              voter: vote.voter,
              value: vote.value,
              updated_at: vote.updatedAt,
              comment_id: vote.commentId,
            })),
          )
          .onConflict((oc) => oc.columns(['thread', 'voter']).doNothing())
          .returning('thread')
          .execute();
        await bumpThreadVersions(
          trx,
          rows.map((row) => row.thread),
          this.now(),
        );
        return rows.length;
      });
    }
    return inserted;
  }

  async exportComments(afterId: string | null, limit: number): Promise<StoredComment[]> {
    let query = this.db.selectFrom('comments').selectAll();
    if (afterId !== null) query = query.where('id', '>', afterId);
    const rows = await query.orderBy('id').limit(limit).execute();
    // #18's parsed body and vote totals are derived, rebuilt wherever the comments go.
    return rows.map((row) => toComment({ ...row, body: null, votes_up: 0, votes_down: 0, vote_score: 0 }));
  }

  async exportVotes(after: { thread: string; voter: string } | null, limit: number): Promise<StoredVote[]> {
    let query = this.db.selectFrom('votes').selectAll();
    if (after)
      query = query.where((eb) => eb(eb.refTuple('thread', 'voter'), '>', eb.tuple(after.thread, after.voter)));
    const rows = await query.orderBy('thread').orderBy('voter').limit(limit).execute();
    return rows.map((row) => ({
      thread: row.thread,
      voter: row.voter,
      value: Number(row.value),
      updatedAt: Number(row.updated_at),
      commentId: row.comment_id,
    }));
  }

  private async upsertVote(
    db: Kysely<Schema> | Transaction<Schema>,
    vote: Vote,
    commentId: string | null,
  ): Promise<void> {
    const updatedAt = this.now();
    await db
      .insertInto('votes')
      .values({
        thread: vote.thread,
        voter: vote.voter,
        value: vote.value,
        updated_at: updatedAt,
        comment_id: commentId,
      })
      .onConflict((oc) =>
        oc
          .columns(['thread', 'voter'])
          .doUpdateSet({ value: vote.value, updated_at: updatedAt, comment_id: commentId }),
      )
      .execute();
  }
}

/** A page of `limit` items from `limit + 1` read, with the cursor after the last one shown. */
export function pageOf(items: StoredComment[], limit: number): Page<StoredComment> {
  if (items.length <= limit) return { items, next: null };
  const shown = items.slice(0, limit);
  const last = shown[shown.length - 1]!;
  return { items: shown, next: { createdAt: last.createdAt, id: last.id } };
}

// ---- import/export helpers ----------------------------------------------------------------------

/** Rows per statement: 12 columns × 500 stays far below SQLite's and PostgreSQL's parameter limits. */
const IMPORT_CHUNK = 500;

function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

function sourceKey(row: ImportRow): { source: string; source_id: string } {
  return { source: row.source!.source, source_id: row.source!.sourceId };
}
