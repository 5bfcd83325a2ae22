/**
 * PostgreSQL for tests. `TEST_DATABASE_URL` names a server and a database we may connect to in
 * order to create others (default postgres://postgres@127.0.0.1:5432/postgres); each suite gets
 * its own `af_test_<random>` database and drops it afterwards.
 *
 * Where PostgreSQL cannot be reached the suites skip, and one line (per test run) says how to
 * run them; when `CI` is set they fail instead, so CI never passes by skipping.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

let reachable: Promise<string | null> | undefined;

/** Why PostgreSQL cannot be used, or null when it can. Memoised per process. */
export function unreachableReason(): Promise<string | null> {
  reachable ??= (async () => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('select 1');
      return null;
    } catch (error) {
      return error instanceof Error ? error.message || error.name : String(error);
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return reachable;
}

/**
 * True when the PostgreSQL suites should run. When PostgreSQL is unreachable: throws under CI,
 * otherwise prints the how-to line once per `node --test` run and returns false.
 */
export async function postgresAvailable(): Promise<boolean> {
  const reason = await unreachableReason();
  if (reason === null) return true;
  const where = TEST_DATABASE_URL.replace(/\/\/[^@/]*@/, '//');
  if (process.env.CI) {
    throw new Error(`PostgreSQL tests cannot reach ${where} (${reason}); CI must run them: set TEST_DATABASE_URL`);
  }
  // Each test file runs in its own process under one runner: a marker file named after the
  // runner's pid keeps the message to one line per run.
  try {
    closeSync(openSync(join(tmpdir(), `af-postgres-skip-${process.ppid}`), 'wx'));
    console.log(
      `# PostgreSQL tests skipped: ${where} is not reachable (${reason}). To run them, start PostgreSQL or set TEST_DATABASE_URL=postgres://user@host:5432/db (a database we may CREATE DATABASE from).`,
    );
  } catch {
    /* already said in this run */
  }
  return false;
}

export interface TestDatabase {
  /** Connection URL of the new database. */
  url: string;
  name: string;
  /** Drops the database (closing whatever connections are still open to it). */
  drop(): Promise<void>;
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty `af_test_<random>` database on the TEST_DATABASE_URL server. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `af_test_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`create database ${name}`));
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => admin((client) => client.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}
