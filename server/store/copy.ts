/**
 * `article-feedback-server copy --to postgres://…`: moves a site from its SQLite file to
 * PostgreSQL without loss. Copies comments, votes, idempotency records, used captcha
 * solutions, votes on comments, where imported comments came from (so a second import still
 * skips them), the moderators' block list, readers' email choices (opt-ins and unsubscribes)
 * and the notification outbox, in primary-key order, a batch at a time; rows already in
 * PostgreSQL are left as they are (ON CONFLICT DO NOTHING), so the copy can be run again after
 * a failure, or once more just before switching, and never duplicates. Not copied: rate-limit
 * counters (they only matter for a minute), dashboard sessions (moderators sign in again) and
 * thread versions (every thread gets a new one).
 */
import { existsSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { openPostgresDatabase } from './postgres.js';
import { bumpAllThreadVersions } from './thread-version.js';
import type { Schema } from './schema.js';
import { openSqliteDatabase } from './sqlite.js';

const BATCH = 500;

export interface TableCopy {
  table: string;
  /** Rows in the SQLite file. */
  source: number;
  /** Rows this run inserted into PostgreSQL. */
  copied: number;
  /** Rows in PostgreSQL after the run. */
  target: number;
}

type CopiedTable =
  | 'comments'
  | 'votes'
  | 'idempotency'
  | 'captcha_solutions'
  | 'comment_votes'
  | 'import_sources'
  | 'author_blocks'
  | 'comment_notify'
  | 'deliveries';

/** How each table is read in pages (by its primary key) and written (skipping keys already there). */
const TABLES: { table: CopiedTable; key: string[] }[] = [
  { table: 'comments', key: ['id'] },
  { table: 'votes', key: ['thread', 'voter'] },
  { table: 'idempotency', key: ['key'] },
  { table: 'captcha_solutions', key: ['id'] },
  { table: 'comment_votes', key: ['comment_id', 'voter'] }, // #18
  { table: 'import_sources', key: ['source', 'source_id'] },
  { table: 'author_blocks', key: ['id'] }, // #15
  // #16: a delivery still pending in SQLite is delivered by whichever server runs next; stop the
  // SQLite server before the last copy, or a receiver may get it twice (same webhook-id).
  { table: 'comment_notify', key: ['comment_id'] },
  { table: 'deliveries', key: ['id'] },
];

export async function copySqliteToPostgres(
  sqlitePath: string,
  postgresUrl: string,
  progress: (line: string) => void,
): Promise<TableCopy[]> {
  if (sqlitePath === ':memory:' || !existsSync(sqlitePath))
    throw new Error(`there is no SQLite database at ${sqlitePath} (DATABASE_URL) to copy from`);
  const source = (await openSqliteDatabase(sqlitePath)).db;
  let target: Kysely<Schema> | undefined;
  try {
    const opened = await openPostgresDatabase(postgresUrl, { poolMax: 2 });
    target = opened.db;
    if (opened.migrations.applied.length)
      progress(`PostgreSQL: applied migrations ${opened.migrations.applied.join(', ')}`);
    const results: TableCopy[] = [];
    for (const { table, key } of TABLES) results.push(await copyTable(source, target, table, key, progress));
    // Instances already serving from PostgreSQL cache answers by thread version (issue #24):
    // the copied threads get new versions, so no instance keeps an answer from before the copy.
    await bumpAllThreadVersions(target, Date.now());
    return results;
  } finally {
    await source.destroy();
    await target?.destroy();
  }
}

async function count(db: Kysely<Schema>, table: CopiedTable): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function copyTable(
  source: Kysely<Schema>,
  target: Kysely<Schema>,
  table: CopiedTable,
  key: string[],
  progress: (line: string) => void,
): Promise<TableCopy> {
  const total = await count(source, table);
  let read = 0;
  let copied = 0;
  let after: unknown[] | null = null;
  // Kysely's typing cannot follow a table chosen at run time; the rows go across unchanged.
  /* eslint-disable @typescript-eslint/no-explicit-any */
  const from = source as Kysely<any>;
  const to = target as Kysely<any>;
  for (;;) {
    let query = from.selectFrom(table).selectAll();
    const last = after;
    if (last)
      query = query.where((eb) =>
        key.length === 1
          ? eb(key[0]!, '>', last[0])
          : eb(eb.refTuple(key[0]!, key[1]!), '>', eb.tuple(last[0], last[1])),
      );
    for (const column of key) query = query.orderBy(column);
    const rows = (await query.limit(BATCH).execute()) as Record<string, unknown>[];
    if (rows.length === 0) break;
    const inserted = await to
      .insertInto(table)
      .values(rows)
      .onConflict((oc) => oc.columns(key as [string]).doNothing())
      .returning(key[0]!)
      .execute();
    /* eslint-enable @typescript-eslint/no-explicit-any */
    read += rows.length;
    copied += inserted.length;
    progress(`${table}: ${read} of ${total} read, ${copied} copied`);
    const lastRow = rows[rows.length - 1]!;
    after = key.map((column) => lastRow[column]);
  }
  return { table, source: total, copied, target: await count(target, table) };
}
