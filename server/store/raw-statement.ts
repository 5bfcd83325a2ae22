/**
 * Statements written once as SQL text (issue #24): on the hot write path, building a query with
 * Kysely's builder and compiling it cost more than SQLite running it. A `RawStatement` is the
 * same SQL for both dialects, with `?` placeholders (turned into `$1, $2…` for PostgreSQL once),
 * run through the executor it is given (a transaction or the database) without the builder or
 * the compiler. SQLite keeps its prepared statement by the text (sqlite.ts).
 *
 * Only for fixed statements whose values are plain parameters; everything else stays on Kysely.
 */
import { CompiledQuery, type Kysely, type QueryResult, type Transaction } from 'kysely';
import type { Dialect, Schema } from './schema.js';

type Executor = Kysely<Schema> | Transaction<Schema>;

export type RawStatement = <Row>(db: Executor, parameters?: readonly unknown[]) => Promise<QueryResult<Row>>;

export function rawStatement(dialect: Dialect, text: string): RawStatement {
  let n = 0;
  // No placeholder may sit inside a string literal of these statements: they have none.
  const sql = dialect === 'postgres' ? text.replace(/\?/g, () => `$${++n}`) : text;
  return <Row>(db: Executor, parameters: readonly unknown[] = []) =>
    db.executeQuery<Row>(CompiledQuery.raw(sql, [...parameters]));
}
