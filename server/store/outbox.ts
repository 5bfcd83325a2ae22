/**
 * The outbox of notifications (#16): rows written in the same transaction as the change that
 * causes them (a comment posted, published, edited or deleted, a rating cast), delivered later
 * by the worker (server/notify/worker.ts), and what readers chose about emails.
 *
 * Claiming is safe with many instances on one database: a claim is one UPDATE … RETURNING that
 * moves due rows to `delivering` with a lease (`next_attempt_at` becomes the lease's end); on
 * PostgreSQL the rows are picked with FOR UPDATE SKIP LOCKED, so two instances claiming at once
 * take different rows, and SQLite runs one writer at a time. A worker that dies mid-delivery
 * leaves its rows `delivering` until the lease ends, when any worker takes them again. Every
 * claim counts an attempt, and the attempt number fences the result: a worker whose lease
 * ended cannot overwrite what a later attempt recorded.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DeliveriesTable, DeliveryKind, DeliveryState, Dialect, Schema } from './schema.js';
import { multiRowStatement } from './raw-statement.js';

export type { DeliveryKind, DeliveryState } from './schema.js';

/** A message to queue: built by server/notify/events.ts, stored as it is. */
export interface NewDelivery {
  kind: DeliveryKind;
  /** `comment.created` … for webhooks; `moderator.pending`, `moderator.published`, `reply` for emails. */
  event: string;
  /** The webhook URL or the email address. */
  target: string;
  /** Everything needed to send it later, even if the comment is gone by then (JSON-serialisable). */
  payload: unknown;
}

export interface Delivery {
  /** Also the `webhook-id`: the same on every attempt, so receivers can drop duplicates. */
  id: string;
  kind: DeliveryKind;
  event: string;
  target: string;
  /** The JSON text stored at queue time. */
  payload: string;
  state: DeliveryState;
  attempts: number;
  /** Pending: when due. Delivering: when the lease ends. */
  nextAttemptAt: number;
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
}

/** What a reader chose about emails when posting one comment. */
export interface CommentNotify {
  commentId: string;
  thread: string;
  email: string;
  /** The widget's language when the comment was written; emails about it use it. */
  lang: string;
  /** The author ticked "Email me when someone replies" and has not unsubscribed since. */
  replyEmails: boolean;
  /** The article page, when known, for the links in emails. */
  articleUrl: string | null;
}

/** Written with a change, in its transaction. */
export interface OutboxWrite {
  deliveries: NewDelivery[];
  /** Stored with a new comment. */
  commentNotify?: CommentNotify;
}

export interface OutboxDepth {
  /** Waiting or being delivered. */
  pending: number;
  failed: number;
}

/** Delivered rows are kept a week for the admin listing; failed ones a month. */
const KEEP_DELIVERED_MS = 7 * 24 * 60 * 60 * 1000;
const KEEP_FAILED_MS = 30 * 24 * 60 * 60 * 1000;
/** What `last_error` keeps of an error message. */
const ERROR_MAX = 500;

/** `msg_` and 128 random bits: the row id and the webhook-id. */
export function newDeliveryId(): string {
  return `msg_${randomBytes(16).toString('base64url')}`;
}

/** Inserts the deliveries (and the comment's email choices) inside the caller's transaction. */
export async function writeOutbox(
  trx: Transaction<Schema> | Kysely<Schema>,
  write: OutboxWrite | undefined,
  now: number,
): Promise<void> {
  if (!write) return;
  if (write.commentNotify) {
    const n = write.commentNotify;
    await trx
      .insertInto('comment_notify')
      .values({
        comment_id: n.commentId,
        thread: n.thread,
        email_norm: n.email.toLowerCase(),
        lang: n.lang,
        reply_emails: n.replyEmails ? 1 : 0,
        article_url: n.articleUrl,
        created_at: now,
      })
      .onConflict((oc) => oc.column('comment_id').doNothing())
      .execute();
  }
  if (write.deliveries.length === 0) return;
  await trx
    .insertInto('deliveries')
    .values(
      write.deliveries.map((d) => ({
        id: newDeliveryId(),
        kind: d.kind,
        event: d.event,
        target: d.target,
        payload: JSON.stringify(d.payload),
        state: 'pending' as const,
        attempts: 0,
        next_attempt_at: now,
        last_error: null,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
}

/** A comment's email choices as `comment_notify`'s columns, in the order outboxWriter writes them. */
export function notifyRow(n: CommentNotify, now: number): unknown[] {
  return [n.commentId, n.thread, n.email.toLowerCase(), n.lang, n.replyEmails ? 1 : 0, n.articleUrl, now];
}

/** A new delivery as `deliveries`' columns (a new id, pending), in the order outboxWriter writes them. */
export function deliveryRow(d: NewDelivery, now: number): unknown[] {
  return [newDeliveryId(), d.kind, d.event, d.target, JSON.stringify(d.payload), 'pending', 0, now, null, now, now];
}

/**
 * `writeOutbox` for the new comments of a batch (#24): every comment's email choices in one
 * fixed statement and every delivery in another, instead of two statements built by Kysely per
 * comment. Same rows, same `on conflict do nothing` for a comment's choices.
 */
export function outboxWriter(dialect: Dialect) {
  const choices = multiRowStatement(
    dialect,
    'insert into comment_notify (comment_id, thread, email_norm, lang, reply_emails, article_url, created_at)',
    7,
    'on conflict (comment_id) do nothing',
  );
  const deliveries = multiRowStatement(
    dialect,
    `insert into deliveries (id, kind, event, target, payload, state, attempts, next_attempt_at, last_error,
       created_at, updated_at)`,
    11,
  );
  return async (trx: Transaction<Schema>, writes: readonly (OutboxWrite | undefined)[], now: number) => {
    const notify: unknown[][] = [];
    const queued: unknown[][] = [];
    for (const write of writes) {
      if (!write) continue;
      if (write.commentNotify) notify.push(notifyRow(write.commentNotify, now));
      for (const d of write.deliveries) queued.push(deliveryRow(d, now));
    }
    if (notify.length) await choices(trx, notify);
    if (queued.length) await deliveries(trx, queued);
  };
}

/** Forgets a deleted comment's email choices (its address goes with it). */
export async function forgetCommentNotify(trx: Transaction<Schema>, commentId: string): Promise<void> {
  await trx.deleteFrom('comment_notify').where('comment_id', '=', commentId).execute();
}

function toDelivery(row: Selectable<DeliveriesTable>): Delivery {
  return {
    id: row.id,
    kind: row.kind,
    event: row.event,
    target: row.target,
    payload: row.payload,
    state: row.state,
    attempts: Number(row.attempts),
    nextAttemptAt: Number(row.next_attempt_at),
    lastError: row.last_error,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

export class OutboxStore {
  constructor(
    private readonly db: Kysely<Schema>,
    private readonly now: () => number,
    private readonly dialect: Dialect,
  ) {}

  /**
   * Takes up to `limit` due rows (pending and due, or delivering with an ended lease) for this
   * worker: each comes back `delivering`, with its attempt counted and a lease of `leaseMs`.
   */
  async claimDue(limit: number, leaseMs: number): Promise<Delivery[]> {
    const now = this.now();
    const rows = await this.db
      .updateTable('deliveries')
      .set((eb) => ({
        state: 'delivering',
        attempts: eb('attempts', '+', 1),
        next_attempt_at: now + leaseMs,
        updated_at: now,
      }))
      .where((eb) =>
        eb(
          'id',
          'in',
          eb
            .selectFrom('deliveries')
            .select('id')
            .where('state', 'in', ['pending', 'delivering'])
            .where('next_attempt_at', '<=', now)
            .orderBy('next_attempt_at')
            .limit(limit)
            .$if(this.dialect === 'postgres', (qb) => qb.forUpdate().skipLocked()),
        ),
      )
      // Checked again on the row as it is when locked (PostgreSQL re-reads a row another
      // transaction changed meanwhile): a row just taken elsewhere is no longer due.
      .where('state', 'in', ['pending', 'delivering'])
      .where('next_attempt_at', '<=', now)
      .returningAll()
      .execute();
    return rows.map(toDelivery).sort((a, b) => a.createdAt - b.createdAt);
  }

  /** Records a success of attempt `attempt`; false when a later claim owns the row now. */
  async markDelivered(id: string, attempt: number): Promise<boolean> {
    const result = await this.db
      .updateTable('deliveries')
      .set({ state: 'delivered', last_error: null, updated_at: this.now() })
      .where('id', '=', id)
      .where('state', '=', 'delivering')
      .where('attempts', '=', attempt)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Records a failed attempt: due again at `retryAt`, or `failed` for good when it is null. */
  async markAttemptFailed(id: string, attempt: number, error: string, retryAt: number | null): Promise<boolean> {
    const now = this.now();
    const result = await this.db
      .updateTable('deliveries')
      .set({
        state: retryAt === null ? 'failed' : 'pending',
        next_attempt_at: retryAt ?? now,
        last_error: error.slice(0, ERROR_MAX),
        updated_at: now,
      })
      .where('id', '=', id)
      .where('state', '=', 'delivering')
      .where('attempts', '=', attempt)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** The most recent deliveries, newest first, optionally of one state. */
  async list(options: { limit: number; state?: DeliveryState | undefined }): Promise<Delivery[]> {
    let query = this.db.selectFrom('deliveries').selectAll();
    if (options.state) query = query.where('state', '=', options.state);
    const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
    return rows.map(toDelivery);
  }

  async get(id: string): Promise<Delivery | null> {
    const row = await this.db.selectFrom('deliveries').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toDelivery(row) : null;
  }

  /**
   * A moderator's "retry": a failed (or waiting) row is due now, for one more attempt. Null when
   * there is no such row; a delivered or delivering row is returned unchanged.
   */
  async retry(id: string): Promise<Delivery | null> {
    const now = this.now();
    const row = await this.db
      .updateTable('deliveries')
      .set({ state: 'pending', next_attempt_at: now, updated_at: now })
      .where('id', '=', id)
      .where('state', 'in', ['failed', 'pending'])
      .returningAll()
      .executeTakeFirst();
    return row ? toDelivery(row) : this.get(id);
  }

  async depth(): Promise<OutboxDepth> {
    const rows = await this.db
      .selectFrom('deliveries')
      .select(['state', (eb) => eb.fn.countAll().as('n')])
      .where('state', 'in', ['pending', 'delivering', 'failed'])
      .groupBy('state')
      .execute();
    const count = (state: DeliveryState) => Number(rows.find((r) => r.state === state)?.n ?? 0);
    return { pending: count('pending') + count('delivering'), failed: count('failed') };
  }

  /** The email choices stored with a comment, if it was posted through the API. */
  async commentNotify(commentId: string): Promise<CommentNotify | null> {
    const row = await this.db
      .selectFrom('comment_notify')
      .innerJoin('comments', 'comments.id', 'comment_notify.comment_id')
      .select([
        'comment_notify.comment_id as commentId',
        'comment_notify.thread as thread',
        'comments.email as email',
        'comment_notify.lang as lang',
        'comment_notify.reply_emails as replyEmails',
        'comment_notify.article_url as articleUrl',
      ])
      .where('comment_notify.comment_id', '=', commentId)
      .executeTakeFirst();
    return row ? { ...row, replyEmails: Number(row.replyEmails) === 1 } : null;
  }

  /**
   * Stops reply emails to the address that posted `commentId`, for every comment it posted in
   * that thread. Resolves to the choices as they were (null for an unknown comment).
   */
  async unsubscribeThread(commentId: string): Promise<{ thread: string; lang: string } | null> {
    const row = await this.db
      .selectFrom('comment_notify')
      .select(['thread', 'email_norm', 'lang'])
      .where('comment_id', '=', commentId)
      .executeTakeFirst();
    if (!row) return null;
    await this.db
      .updateTable('comment_notify')
      .set({ reply_emails: 0 })
      .where('thread', '=', row.thread)
      .where('email_norm', '=', row.email_norm)
      // Only these rows change; and only these are in the (partial) index, migration 011.
      .where('reply_emails', '=', 1)
      .execute();
    return { thread: row.thread, lang: row.lang };
  }

  /** Deletes delivered rows past a week and failed ones past a month. */
  async prune(): Promise<void> {
    const now = this.now();
    await this.db
      .deleteFrom('deliveries')
      .where((eb) =>
        eb.or([
          eb.and([eb('state', '=', 'delivered'), eb('updated_at', '<', now - KEEP_DELIVERED_MS)]),
          eb.and([eb('state', '=', 'failed'), eb('updated_at', '<', now - KEEP_FAILED_MS)]),
        ]),
      )
      .execute();
  }
}
