/**
 * PostgreSQL: Kysely's PostgresDialect over a `pg` pool (`PG_POOL_MAX` connections per
 * instance). Many instances may share the database; see kysely-store.ts for what keeps that safe.
 */
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import {
  authorBlocked,
  BEFORE_COMMENT_SQL,
  KyselyStore,
  type BeforeCommentRow,
  type Clock,
  type HotReads,
  type SlowBatchListener,
} from './kysely-store.js';
import { migrateToLatest, type MigrationReport } from './migrate.js';
import type { Schema } from './schema.js';
import type { Store } from './types.js';
import { numberedPlaceholders } from './raw-statement.js';
import { perTurn } from './per-turn.js';
import { oneStatementBatch } from './pg-batch.js';

const BEFORE_COMMENT_TEXT = numberedPlaceholders(BEFORE_COMMENT_SQL);

export interface PostgresStoreOptions {
  /** The app's clock (default Date.now). */
  now?: Clock;
  /** Connections in this instance's pool (default 10). */
  poolMax?: number;
  /** New comments stored in one transaction at most (WRITE_BATCH_MAX, default 64; 1 = one each). */
  writeBatchMax?: number;
  /** Told when a batch's one statement failed and the batch went through the transaction. */
  onSlowBatch?: SlowBatchListener;
}

const INT8_OID = 20;

/**
 * `pg` returns int8 (bigint columns, count(*)) as strings. Our int8 values are millisecond
 * timestamps and counts, far inside Number's exact range, so this pool parses them as numbers.
 * The parser is set on this pool only, not on the `pg` module for every user in the process.
 */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}

/** Opens a pool and migrates the database (under an advisory lock, see migrate.ts). */
export async function openPostgresDatabase(
  connectionString: string,
  options: { poolMax?: number } = {},
): Promise<{ db: Kysely<Schema>; migrations: MigrationReport; hot: HotReads; pool: pg.Pool }> {
  const pool = new pg.Pool({ connectionString, max: options.poolMax ?? 10, types });
  // An idle client that loses its server (restart, failover) emits 'error' on the pool; without
  // a listener that would end the process. The next query simply gets a new connection.
  pool.on('error', () => {});
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  try {
    return { db, migrations: await migrateToLatest(db, 'postgres'), hot: hotReads(pool), pool };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

/**
 * The per-request reads (kysely-store.ts, HotReads) as named statements: each pooled connection
 * prepares one once and then only binds and executes it.
 */
function hotReads(pool: pg.Pool): HotReads {
  return {
    async threadVersion(thread) {
      const result = await pool.query<{ version: number }>({
        name: 'af_thread_version',
        text: 'select version from thread_versions where thread = $1',
        values: [thread],
      });
      return Number(result.rows[0]?.version ?? 0);
    },
    beforeComment: groupedBeforeComment(pool),
    async threadsVersion(threads) {
      const result = await pool.query<{ total: number }>({
        name: 'af_threads_version',
        text: 'select coalesce(sum(version), 0)::int8 as total from thread_versions where thread = any($1)',
        values: [threads],
      });
      return Number(result.rows[0]?.total ?? 0);
    },
  };
}

/**
 * BEFORE_COMMENT_SQL for every post whose checks start in the same event-loop turn (per-turn.ts),
 * in one round trip (#24): its parameters as arrays, one row per post (`ord`: its place). A lone
 * post runs the one-row statement.
 *
 * Each key is looked up on its own (`lateral … limit 1`, which the planner cannot turn into a
 * join of the two tables), so the lookup is always the primary key's index. As a plain join, the
 * named statement's generic plan, made once per connection while `idempotency` was small (a new
 * database, before autovacuum's next ANALYZE), hashed the keys and read the whole table on every
 * later call, a scan that grew with every post until an ANALYZE made the plan again: 31 µs of
 * the database's time a post in the bench's 5 s, 4 µs since (`test/server/post-batch.test.ts`
 * checks the plan).
 */
export const BEFORE_COMMENTS_TEXT = `select k.ord, ${authorBlocked('k.email', 'k.client')} as blocked,
  i."key", i.fingerprint, i.status, i.body, i.created_at
  from unnest($1::text[], $2::text[], $3::text[], $4::int8[]) with ordinality as k(email, client, "key", cutoff, ord)
  left join lateral (select * from idempotency where "key" = k."key" and created_at >= k.cutoff limit 1) as i on true`;

function groupedBeforeComment(pool: pg.Pool): (parameters: readonly unknown[]) => Promise<BeforeCommentRow> {
  return perTurn(async (group: (readonly unknown[])[]) => {
    if (group.length === 1) {
      const result = await pool.query<BeforeCommentRow>({
        name: 'af_before_comment',
        text: BEFORE_COMMENT_TEXT,
        values: [...group[0]!],
      });
      return [result.rows[0]!];
    }
    const columns = [0, 1, 2, 3].map((n) => group.map((parameters) => parameters[n]));
    const result = await pool.query<BeforeCommentRow & { ord: number }>({
      name: 'af_before_comments',
      text: BEFORE_COMMENTS_TEXT,
      values: columns,
    });
    const rows: BeforeCommentRow[] = [];
    for (const row of result.rows) rows[Number(row.ord) - 1] = row;
    return rows;
  });
}

export async function openPostgresStore(connectionString: string, options: PostgresStoreOptions = {}): Promise<Store> {
  const poolMax = options.poolMax ?? 10;
  const { db, hot, pool } = await openPostgresDatabase(connectionString, { poolMax });
  const store = new KyselyStore(db, options.now ?? Date.now, {
    batch: { max: options.writeBatchMax ?? 64 },
    hot,
    oneStatement: oneStatementBatch(pool),
    ...(options.onSlowBatch ? { onSlowBatch: options.onSlowBatch } : {}),
    dialect: 'postgres',
  });
  await store.prune();
  return store;
}
