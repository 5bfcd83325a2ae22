/**
 * SQLite: Kysely over better-sqlite3, WAL journal, and every write on disk before the answer
 * leaves (an acknowledged comment survives `kill -9` and a power cut).
 *
 * How (#24): `synchronous=FULL` would make SQLite fsync the WAL inside COMMIT, on the event loop
 * (better-sqlite3 is synchronous): every request waited for the disk, and no new one was even
 * read meanwhile. Instead the connection runs `synchronous=NORMAL` (no fsync at commit) and the
 * driver fdatasyncs the WAL file on libuv's thread pool after every commit (and every write
 * outside a transaction), before the query's promise resolves: the same durability, with the
 * event loop free during the disk wait. Commits that land while one sync runs share the next.
 * One difference: another connection (the read-only one of the hot reads) may see a commit a
 * few milliseconds before it is on disk; only a power cut in that window could take back what it
 * saw, never what was acknowledged to the writer.
 *
 * In the server, checkpoints (copying the WAL into the database file) are off the event loop too:
 * a worker thread takes them after the commits (`walCheckpointer`), and the writing connection
 * never does.
 *
 * The file holds readers' emails: its folder is created 0700 and the file 0600 (SQLite gives
 * the -wal and -shm files the database file's mode).
 */
import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  Kysely,
  SqliteDialect,
  SqliteDriver,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type SqliteDatabase,
  type SqliteDialectConfig,
} from 'kysely';
import { BEFORE_COMMENT_SQL, KyselyStore, type BeforeCommentRow, type Clock, type HotReads } from './kysely-store.js';
import { migrateToLatest, type MigrationReport } from './migrate.js';
import type { Schema } from './schema.js';
import type { Store } from './types.js';
import { perTurn } from './per-turn.js';

export interface SqliteStoreOptions {
  /** The app's clock (default Date.now). */
  now?: Clock;
  /** New comments stored in one transaction at most (WRITE_BATCH_MAX, default 64; 1 = one each). */
  writeBatchMax?: number;
  /**
   * WAL checkpoints in a worker thread instead of inside a COMMIT (`walCheckpointer`): for the
   * server, whose event loop answers requests. Off by default: a command (`import`, `copy`)
   * keeps SQLite's own, and the 15–25 MB the worker adds to its peak memory.
   */
  backgroundCheckpoints?: boolean;
  /**
   * With `backgroundCheckpoints`: the size in bytes past which the WAL is started over even
   * while writes never pause, and to which its file is cut back then (default WAL_LIMIT_BYTES).
   */
  walLimitBytes?: number;
}

/**
 * What the WAL file may take on disk (64 MiB), see `walCheckpointer`. SQLite starts the WAL over
 * from its beginning only when a checkpoint has copied all of it; under writes that never pause
 * (a burst of posts, a flood of spam) the worker's checkpoints never catch up, and the file grew
 * by some 5 KB a post without end: 238 MB after 8 s of the bench's posts, kept after the burst.
 */
const WAL_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * Statements kept prepared, by SQL text. Kysely's queries are few and fixed; the multi-row
 * statements of a batch of new comments (raw-statement.ts) are one text per number of rows, up
 * to WRITE_BATCH_MAX (64) each for the keys, the comments and the email choices, so the room
 * is sized for all of them: evicting one would prepare it again on a later batch.
 */
const STATEMENT_CACHE_SIZE = 1000;

/**
 * Kysely's SQLite driver prepares every query it runs; this keeps the prepared statements by
 * their SQL (issue #24: preparing cost more than running). A statement is used by one query at
 * a time: the driver runs one query at a time on its one connection.
 */
function withStatementCache(database: Database.Database, onClose?: () => void): SqliteDatabase {
  const statements = new Map<string, Database.Statement>();
  return {
    close: () => {
      onClose?.();
      database.close();
    },
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        statement = database.prepare(sql);
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

/**
 * fdatasync of the WAL file on the thread pool. A caller always waits for a sync that started
 * after its own commit: while one runs, later callers share the next one.
 */
function walSyncer(walPath: string): { sync: () => Promise<void>; close: () => void } {
  let handle: Promise<FileHandle> | undefined;
  let running: Promise<void> | undefined;
  let next: Promise<void> | undefined;
  const once = async () => {
    let file: FileHandle;
    try {
      file = await (handle ??= open(walPath, 'r'));
    } catch (error) {
      handle = undefined;
      // No WAL file yet: nothing was written to sync (SQLite creates it with the first write).
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    await file.datasync();
  };
  const sync = (): Promise<void> => {
    if (!running) {
      running = once().finally(() => (running = undefined));
      return running;
    }
    return (next ??= running.then(
      () => ((next = undefined), sync()),
      () => ((next = undefined), sync()),
    ));
  };
  return { sync, close: () => void handle?.then((h) => h.close()).catch(() => undefined) };
}

/** The least time between two checkpoints of the worker (a busy server checkpoints at this pace). */
const CHECKPOINT_EVERY_MS = 100;

/**
 * The checkpoint worker (a script, not a module file: it runs the same from the TypeScript
 * sources and from the server package's bundle). Its connection only checkpoints, PASSIVE:
 * it copies what it can of the WAL into the database file without waiting for, or holding up,
 * the writer and the readers.
 */
const CHECKPOINT_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
// The WAL's frames (a page and its 24-byte header) past which a checkpoint starts it over.
const restartFrames = Math.max(1, Math.floor(workerData.walLimitBytes / (db.pragma('page_size', { simple: true }) + 24)));
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    const [{ log }] = db.pragma('wal_checkpoint(PASSIVE)');
    // Past the limit: wait for the writer's current transaction, copy the rest, and make the
    // next write start the WAL from its beginning (a pause of the writer of a few ms).
    if (log >= restartFrames) db.pragma('wal_checkpoint(RESTART)');
  } catch {
    // Busy (another process's checkpoint, say): the next commit asks again.
  }
  parentPort.postMessage('done');
});
`;

/**
 * WAL checkpoints off the event loop (#24). SQLite's own (`wal_autocheckpoint`) runs inside the
 * COMMIT that takes the WAL past 1,000 pages: a copy of up to 4 MB and two fsyncs, some
 * milliseconds in which the event loop answers nothing, and about a tenth of a post's CPU. So
 * the writing connection never checkpoints; a worker thread does, after the commits, at most
 * every CHECKPOINT_EVERY_MS (at once after a lone commit). The WAL stays small (past
 * `walLimitBytes`, under writes that never pause, a RESTART checkpoint makes the next write start
 * it over, and that commit cuts the file back), and the database file alone holds everything but
 * the last moments. Should the worker fail, the writing connection checkpoints as SQLite does by
 * default again.
 */
function walCheckpointer(
  path: string,
  database: Database.Database,
  walLimitBytes: number,
): { afterCommit(): void; close(): void } {
  const worker = new Worker(CHECKPOINT_WORKER, {
    eval: true,
    workerData: { driver: createRequire(import.meta.url).resolve('better-sqlite3'), path, walLimitBytes },
  });
  worker.unref(); // it never keeps the process alive
  database.pragma('wal_autocheckpoint = 0');
  // The first commit after the WAL starts over cuts its file back to this size.
  database.pragma(`journal_size_limit = ${walLimitBytes}`);
  let busy = false; // a checkpoint runs, or waits for its turn
  let again = false; // a commit came while one ran
  let last = 0;
  let over = false;
  const start = () => {
    if (over) return; // closed while it waited
    again = false;
    worker.postMessage('checkpoint');
  };
  const afterCommit = () => {
    if (over) return;
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    const wait = last + CHECKPOINT_EVERY_MS - Date.now();
    if (wait <= 0) start();
    else setTimeout(start, wait).unref();
  };
  worker.on('message', () => {
    last = Date.now();
    busy = false;
    if (again) afterCommit();
  });
  const fallBack = () => {
    if (over) return;
    over = true;
    if (database.open) database.pragma('wal_autocheckpoint = 1000');
  };
  worker.on('error', fallBack);
  worker.on('exit', fallBack);
  return {
    afterCommit,
    close: () => {
      over = true;
      worker.postMessage('close');
    },
  };
}

/** Statements after which nothing new can be waiting to reach the disk. */
const NOT_A_WRITE = /^\s*(select|pragma|begin|savepoint|release|rollback)\b/i;

/**
 * Kysely's SQLite driver whose connection, after a statement that ended a write (a COMMIT, or a
 * write outside any transaction), waits for the WAL to be on disk before answering.
 */
class DurableSqliteDriver extends SqliteDriver {
  private connection?: DatabaseConnection;
  constructor(
    config: SqliteDialectConfig,
    private readonly database: Database.Database,
    private readonly sync: () => Promise<void>,
  ) {
    super(config);
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    const inner = await super.acquireConnection();
    return (this.connection ??= {
      executeQuery: async <R>(query: CompiledQuery): Promise<QueryResult<R>> => {
        const result = await inner.executeQuery<R>(query);
        if (!this.database.inTransaction && !NOT_A_WRITE.test(query.sql)) await this.sync();
        return result;
      },
      streamQuery: (query, chunkSize) => inner.streamQuery(query, chunkSize),
    });
  }
}

class DurableSqliteDialect extends SqliteDialect {
  constructor(
    private readonly options: SqliteDialectConfig,
    private readonly database: Database.Database,
    private readonly sync: () => Promise<void>,
  ) {
    super(options);
  }

  override createDriver(): Driver {
    return new DurableSqliteDriver(this.options, this.database, this.sync);
  }
}

/**
 * The per-request reads, as statements prepared once (kysely-store.ts, HotReads), on a second,
 * read-only connection: in WAL mode it sees only committed data, never the middle of a batch
 * that the main connection is writing between two awaits. (`:memory:` has one connection.)
 *
 * The checks before a post are read for all the posts of one event-loop turn in one read
 * transaction (per-turn.ts, #24). Each read transaction after another connection's commit starts
 * with an empty page cache, so a lone read fetches every page of its lookups from the file
 * again (about 40 µs of a post's CPU under load); in one transaction the posts share them.
 */
function hotReads(path: string, main: Database.Database): HotReads {
  const reader = path === ':memory:' ? main : new Database(path, { readonly: true, fileMustExist: true });
  const version = reader.prepare('select version from thread_versions where thread = ?').pluck();
  // The threads as one JSON array: one statement for any number of them.
  const versions = reader
    .prepare('select coalesce(sum(version), 0) from thread_versions where thread in (select value from json_each(?))')
    .pluck();
  const beforeComment = reader.prepare(BEFORE_COMMENT_SQL);
  const checksOf = (group: (readonly unknown[])[]) =>
    group.map((parameters) => beforeComment.get(...parameters) as BeforeCommentRow);
  // One read transaction for a group (made once; on `:memory:`, the one connection, plain reads).
  const readChecks = reader === main ? checksOf : reader.transaction(checksOf);
  return {
    threadVersion: (thread) => Promise.resolve(Number((version.get(thread) as number | undefined) ?? 0)),
    // Off the writing connection, so a post's checks never wait for the batch being synced.
    beforeComment: perTurn(readChecks),
    readsAheadOfDisk: reader !== main,
    threadsVersion: (threads) => Promise.resolve(Number(versions.get(JSON.stringify(threads)) as number)),
    close: () => {
      if (reader !== main) reader.close();
    },
  };
}

/** Opens (creating when needed) and migrates a SQLite database. */
export async function openSqliteDatabase(
  path: string,
  options: Pick<SqliteStoreOptions, 'backgroundCheckpoints' | 'walLimitBytes'> = {},
): Promise<{ db: Kysely<Schema>; migrations: MigrationReport; hot: () => HotReads }> {
  if (path !== ':memory:') prepareFile(resolve(path));
  const database = new Database(path);
  database.pragma('journal_mode = WAL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  // Temporary data in memory, the statement journal above all: a batch's multi-row inserts
  // inside its transaction each keep one, and past 64 KiB SQLite spilled it to a new file in
  // /var/tmp (created, unlinked, some 40 writes of 4 KiB, closed) on every batch (#24).
  database.pragma('temp_store = MEMORY');
  let dialect: SqliteDialect;
  if (path === ':memory:') dialect = new SqliteDialect({ database: withStatementCache(database) });
  else {
    // No fsync inside COMMIT: the driver syncs the WAL off the event loop (see the top of this file).
    database.pragma('synchronous = NORMAL');
    const wal = walSyncer(`${resolve(path)}-wal`);
    const checkpoints = options.backgroundCheckpoints
      ? walCheckpointer(resolve(path), database, options.walLimitBytes ?? WAL_LIMIT_BYTES)
      : null;
    const close = () => {
      wal.close();
      checkpoints?.close();
    };
    // With the checkpoint worker, each write that reached the disk asks it for a checkpoint.
    const sync = checkpoints ? () => wal.sync().then(checkpoints.afterCommit) : wal.sync;
    dialect = new DurableSqliteDialect({ database: withStatementCache(database, close) }, database, sync);
  }
  const db = new Kysely<Schema>({ dialect });
  try {
    // hot() prepares against the migrated schema, so it is called after the migrations.
    return { db, migrations: await migrateToLatest(db, 'sqlite'), hot: () => hotReads(path, database) };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

export async function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Promise<Store> {
  const { db, hot } = await openSqliteDatabase(path, options);
  const store = new KyselyStore(db, options.now ?? Date.now, {
    batch: { max: options.writeBatchMax ?? 64 },
    hot: hot(),
  });
  await store.prune();
  return store;
}

/** Creates the folder (0700) and the file (0600) before SQLite does, which would use 0755/0644. */
function prepareFile(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  // A file made by an earlier version may be world-readable: it holds emails, so tighten it.
  try {
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  } catch {
    /* not every file system has modes */
  }
}
