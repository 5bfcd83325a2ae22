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

/** PostgreSQL's spelling of `?` placeholders: `$1, $2…`. */
export function numberedPlaceholders(text: string): string {
  let n = 0;
  // No placeholder may sit inside a string literal of these statements: they have none.
  return text.replace(/\?/g, () => `$${++n}`);
}

export function rawStatement(dialect: Dialect, text: string): RawStatement {
  const sql = dialect === 'postgres' ? numberedPlaceholders(text) : text;
  return <Row>(db: Executor, parameters: readonly unknown[] = []) =>
    db.executeQuery<Row>(CompiledQuery.raw(sql, [...parameters]));
}

/** Rows per statement at most: 15 columns × 200 stays far below both databases' parameter limits. */
const ROWS_PER_STATEMENT = 200;

/**
 * `<head> values (?, …), (?, …) <tail>` for any number of rows of `width` values, the SQL text
 * kept per number of rows (a batch has at most WRITE_BATCH_MAX). `extra` fills the placeholders
 * of the tail, after the rows'. More than 200 rows go in several statements, their results' rows
 * concatenated.
 */
export function multiRowStatement(
  dialect: Dialect,
  head: string,
  width: number,
  tail = '',
): <Row>(db: Executor, rows: readonly (readonly unknown[])[], extra?: readonly unknown[]) => Promise<Row[]> {
  const byCount = new Map<number, RawStatement>();
  const row = `(${Array<string>(width).fill('?').join(', ')})`;
  const statementFor = (count: number) => {
    let statement = byCount.get(count);
    if (!statement) {
      statement = rawStatement(dialect, `${head} values ${Array<string>(count).fill(row).join(', ')} ${tail}`);
      byCount.set(count, statement);
    }
    return statement;
  };
  return async <Row>(db: Executor, rows: readonly (readonly unknown[])[], extra: readonly unknown[] = []) => {
    const out: Row[] = [];
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      const part = rows.slice(start, start + ROWS_PER_STATEMENT);
      const result = await statementFor(part.length)<Row>(db, [...part.flat(), ...extra]);
      out.push(...result.rows);
    }
    return out;
  };
}
