/**
 * PostgreSQL: a whole batch of new comments (group-commit.ts) in one statement, one round trip
 * (#24). The transaction of kysely-store.ts's `storeBatchOnce` takes six (begin, the keys, the
 * comments, their email choices, the thread's version, commit), and on two shared cores each
 * round trip is a wait: in the bench's POST the machine stood a third idle while every batch
 * waited on its statements one after another.
 *
 * The statement does what that transaction does, in the same order of locks: it claims the
 * idempotency keys (in key order; a live record keeps its key, a record past its 24 hours is
 * taken over), inserts the comments whose key it claimed or that have none, their votes, their
 * email choices and deliveries, and bumps the versions of the threads written (in thread
 * order). It runs in its own transaction (a statement alone is one), so it stores all of it or
 * nothing. It returns the keys it claimed; a comment whose key it did not claim is a retry of
 * an earlier request, answered from that request's record (kysely-store.ts).
 *
 * Only a batch that `fitsOneStatement` is given to the statement: PostgreSQL refuses to insert or update one
 * row twice in a statement, so two comments with one key, or two votes of one voter on one
 * thread, go through the transaction. So does a batch whose statement fails (a comment that
 * cannot be stored, a deadlock with another instance): the transaction leaves out only the
 * comment that fails.
 */
import type pg from 'pg';
import { COMMENT_COLUMNS, commentRow } from './comment-row.js';
import type { NewComment, OneStatementBatch } from './kysely-store.js';
import { deliveryRow, notifyRow } from './outbox.js';

/**
 * The statement's array parameters: a name, the type of its array (the statement is prepared
 * once, so the types are written here) and the table column it is written to. The types repeat
 * the migrations'; `test/server/post-batch.test.ts` compares them with the migrated tables, so a
 * migration that changes a column's type fails there, not as every batch taking the slower path.
 */
export interface BatchParameter {
  name: string;
  type: 'text' | 'int4' | 'int8';
  column: `${string}.${string}`;
}

const parameter = (name: string, type: BatchParameter['type'], column: BatchParameter['column']): BatchParameter => ({
  name,
  type,
  column,
});

/** Each comment column's type. */
const COMMENT_TYPES: Record<(typeof COMMENT_COLUMNS)[number], BatchParameter['type']> = {
  id: 'text',
  thread: 'text',
  parent: 'text',
  name: 'text',
  email: 'text',
  email_norm: 'text',
  message: 'text',
  rating: 'int4',
  voter: 'text',
  status: 'text',
  created_at: 'int8',
  client_hash: 'text',
  edited_at: 'int8',
  body: 'text',
  edit_token_hash: 'text',
};

/** One array a column, per comment: the comment's columns, then its key's, vote's and email choices'. */
const INPUT: BatchParameter[] = [
  ...COMMENT_COLUMNS.map((column) => parameter(column, COMMENT_TYPES[column], `comments.${column}`)),
  parameter('key', 'text', 'idempotency.key'),
  parameter('key_fingerprint', 'text', 'idempotency.fingerprint'),
  parameter('key_status', 'int4', 'idempotency.status'),
  parameter('key_body', 'text', 'idempotency.body'),
  parameter('key_created_at', 'int8', 'idempotency.created_at'),
  parameter('vote_thread', 'text', 'votes.thread'),
  parameter('vote_voter', 'text', 'votes.voter'),
  parameter('vote_value', 'int4', 'votes.value'),
  parameter('notify_thread', 'text', 'comment_notify.thread'),
  parameter('notify_email', 'text', 'comment_notify.email_norm'),
  parameter('notify_lang', 'text', 'comment_notify.lang'),
  parameter('notify_reply_emails', 'int4', 'comment_notify.reply_emails'),
  parameter('notify_article_url', 'text', 'comment_notify.article_url'),
];

/** One array a column, per delivery: the comment it is about, then `deliveries`' columns. */
const DELIVERY: BatchParameter[] = [
  parameter('comment_id', 'text', 'comments.id'),
  ...(
    [
      ['id', 'text'],
      ['kind', 'text'],
      ['event', 'text'],
      ['target', 'text'],
      ['payload', 'text'],
      ['state', 'text'],
      ['attempts', 'int4'],
      ['next_attempt_at', 'int8'],
      ['last_error', 'text'],
      ['created_at', 'int8'],
      ['updated_at', 'int8'],
    ] as const
  ).map(([name, type]) => parameter(name, type, `deliveries.${name}`)),
];

/** Every array parameter of STORE_BATCH_TEXT, in order (for the test that checks their types). */
export const BATCH_PARAMETERS: readonly BatchParameter[] = [...INPUT, ...DELIVERY];

const quoted = (name: string) => `"${name}"`;

function unnest(columns: BatchParameter[], first: number, alias: string): string {
  const arrays = columns.map(({ type }, i) => `$${first + i}::${type}[]`).join(', ');
  return `unnest(${arrays}) as ${alias}(${columns.map(({ name }) => quoted(name)).join(', ')})`;
}

const CUTOFF = `$${INPUT.length + DELIVERY.length + 1}`;
const NOW = `$${INPUT.length + DELIVERY.length + 2}::int8`;

export const STORE_BATCH_TEXT = `with input as (select * from ${unnest(INPUT, 1, 'i')}),
claimed as (
  insert into idempotency ("key", fingerprint, status, body, created_at)
  select "key", key_fingerprint, key_status, key_body, key_created_at from input where "key" is not null order by "key"
  on conflict ("key") do update set fingerprint = excluded.fingerprint, status = excluded.status,
    body = excluded.body, created_at = excluded.created_at
  where idempotency.created_at < ${CUTOFF}
  returning "key"),
stored as (
  insert into comments (${COMMENT_COLUMNS.join(', ')})
  select ${COMMENT_COLUMNS.map(quoted).join(', ')} from input
  where "key" is null or "key" in (select "key" from claimed) order by "key"
  returning id),
voted as (
  insert into votes (thread, voter, value, updated_at, comment_id)
  select vote_thread, vote_voter, vote_value, ${NOW}, id from input
  where vote_value is not null and id in (select id from stored) order by "key"
  on conflict (thread, voter) do update set value = excluded.value, updated_at = excluded.updated_at,
    comment_id = excluded.comment_id
  returning 1),
notified as (
  insert into comment_notify (comment_id, thread, email_norm, lang, reply_emails, article_url, created_at)
  select id, notify_thread, notify_email, notify_lang, notify_reply_emails, notify_article_url, ${NOW} from input
  where notify_lang is not null and id in (select id from stored)
  on conflict (comment_id) do nothing
  returning 1),
queued as (
  insert into deliveries (${DELIVERY.slice(1)
    .map(({ name }) => name)
    .join(', ')})
  select ${DELIVERY.slice(1)
    .map(({ name }) => quoted(name))
    .join(', ')} from ${unnest(DELIVERY, INPUT.length + 1, 'd')}
  where comment_id in (select id from stored)
  returning 1),
bumped as (
  insert into thread_versions (thread, version)
  select distinct thread, ${NOW} from input where id in (select id from stored) order by thread
  on conflict (thread) do update set
    version = case when thread_versions.version >= excluded.version then thread_versions.version + 1
      else excluded.version end
  returning 1)
select "key" from claimed`;

/**
 * True when the batch can go in one statement: no key twice, no voter's vote on a thread twice,
 * and each comment's email choices are its own.
 */
function fitsOneStatement(items: readonly NewComment[]): boolean {
  const keys = new Set<string>();
  const votes = new Set<string>();
  for (const { comment, idempotency, vote, outbox } of items) {
    if (idempotency) {
      if (keys.has(idempotency.key)) return false;
      keys.add(idempotency.key);
    }
    if (vote) {
      const voter = JSON.stringify([vote.thread, vote.voter]);
      if (votes.has(voter)) return false;
      votes.add(voter);
    }
    if (outbox?.commentNotify && outbox.commentNotify.commentId !== comment.id) return false;
  }
  return true;
}

/** The batch statement for KyselyStore: STORE_BATCH_TEXT, prepared once per pooled connection. */
export function oneStatementBatch(pool: pg.Pool): OneStatementBatch {
  return { fits: fitsOneStatement, store: (items, cutoff, now) => storeBatch(pool, items, cutoff, now) };
}

/** Runs STORE_BATCH_TEXT; resolves with the keys it claimed. */
async function storeBatch(pool: pg.Pool, items: readonly NewComment[], cutoff: number, now: number): Promise<string[]> {
  const input: unknown[][] = INPUT.map(() => []);
  const deliveries: unknown[][] = DELIVERY.map(() => []);
  for (const { comment, idempotency: key, vote, outbox } of items) {
    const row = commentRow(comment);
    const notify = outbox?.commentNotify ? notifyRow(outbox.commentNotify, now) : null;
    const values = [
      ...COMMENT_COLUMNS.map((column) => row[column]),
      key?.key ?? null,
      key?.fingerprint ?? null,
      key?.status ?? null,
      key?.body ?? null,
      key?.createdAt ?? null,
      vote?.thread ?? null,
      vote?.voter ?? null,
      vote?.value ?? null,
      // notifyRow: comment id, thread, email, lang, reply emails, article URL, time.
      ...(notify ? notify.slice(1, 6) : [null, null, null, null, null]),
    ];
    values.forEach((value, i) => input[i]!.push(value));
    for (const delivery of outbox?.deliveries ?? [])
      [comment.id, ...deliveryRow(delivery, now)].forEach((value, i) => deliveries[i]!.push(value));
  }
  const result = await pool.query<{ key: string }>({
    name: 'af_store_batch',
    text: STORE_BATCH_TEXT,
    values: [...input, ...deliveries, cutoff, now],
  });
  return result.rows.map((row) => row.key);
}
