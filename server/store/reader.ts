/**
 * Storage for issue #18 (SPEC §6.2–6.4): votes on comments, editing and deleting one's own
 * comment, counts for index pages. Functions over the same Kysely database as the main store
 * (`store.reader`), SQLite and PostgreSQL alike.
 */
import { bumpThreadVersion } from './thread-version.js';
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Schema } from './schema.js';
import { toComment, type Clock } from './kysely-store.js';
import { forgetCommentNotify, writeOutbox, type OutboxWrite } from './outbox.js';
import type { StoredStatus } from './types.js';

/**
 * The Best order's score: the lower bound of the Wilson score interval (95 %) of the share of
 * up votes. Unlike up minus down, it asks how sure we are: 2 of 2 (0.34) ranks below 90 of 100 (0.83).
 */
export function wilsonLowerBound(up: number, down: number): number {
  const n = up + down;
  if (n === 0) return 0;
  const z = 1.959964;
  const p = up / n;
  const z2 = z * z;
  return (p + z2 / (2 * n) - z * Math.sqrt((p * (1 - p) + z2 / (4 * n)) / n)) / (1 + z2 / n);
}

/**
 * The listing's filter for deleted comments: a placeholder (deleted while it had replies) is
 * listed only while at least one published reply still hangs under it.
 */
export function listedPlaceholder(eb: ExpressionBuilder<Schema, 'comments'>) {
  return eb.or([
    eb('comments.deleted_at', 'is', null),
    eb.exists(
      eb
        .selectFrom('comments as reply')
        .select('reply.id')
        .whereRef('reply.parent', '=', 'comments.id')
        .where('reply.status', '=', 'published')
        .where('reply.deleted_at', 'is', null),
    ),
  ]);
}

/** What deciding on an edit needs to know of a comment; the token hash never leaves the server. */
export interface EditableComment {
  id: string;
  thread: string;
  status: StoredStatus;
  createdAt: number;
  deleted: boolean;
  editTokenHash: string | null;
}

export interface CommentVoteTotals {
  up: number;
  down: number;
}

export interface ThreadTotals {
  comments: number;
  ratingCount: number;
  ratingSum: number;
}

export class ReaderStore {
  constructor(
    private readonly db: Kysely<Schema>,
    private readonly now: Clock,
  ) {}

  /**
   * Sets (1, -1) or removes (0) one voter's vote on a published comment of `thread` and keeps the
   * comment's totals and score in step, in one transaction. Null when there is no such comment.
   */
  async voteOnComment(
    thread: string,
    commentId: string,
    voter: string,
    value: 1 | -1 | 0,
  ): Promise<CommentVoteTotals | null> {
    return this.db.transaction().execute(async (trx) => {
      // A no-op update first: it finds the comment and, on PostgreSQL, locks its row, so two
      // votes on one comment from two instances recount one after the other.
      const target = await trx
        .updateTable('comments')
        .set((eb) => ({ votes_up: eb.ref('votes_up') }))
        .where('id', '=', commentId)
        .where('thread', '=', thread)
        .where('status', '=', 'published')
        .where('deleted_at', 'is', null)
        .returning('id')
        .executeTakeFirst();
      if (!target) return null;
      if (value === 0) {
        await trx.deleteFrom('comment_votes').where('comment_id', '=', commentId).where('voter', '=', voter).execute();
      } else {
        const updatedAt = this.now();
        await trx
          .insertInto('comment_votes')
          .values({ comment_id: commentId, voter, value, updated_at: updatedAt })
          .onConflict((oc) => oc.columns(['comment_id', 'voter']).doUpdateSet({ value, updated_at: updatedAt }))
          .execute();
      }
      const rows = await trx
        .selectFrom('comment_votes')
        .select(['value', (eb) => eb.fn.countAll().as('n')])
        .where('comment_id', '=', commentId)
        .groupBy('value')
        .execute();
      const totals = { up: 0, down: 0 };
      for (const row of rows) {
        if (Number(row.value) === 1) totals.up = Number(row.n);
        else totals.down = Number(row.n);
      }
      await trx
        .updateTable('comments')
        .set({ votes_up: totals.up, votes_down: totals.down, vote_score: wilsonLowerBound(totals.up, totals.down) })
        .where('id', '=', commentId)
        .execute();
      await bumpThreadVersion(trx, thread, this.now());
      return totals;
    });
  }

  /** The comment as an edit or a deletion needs it, or null. */
  async editable(commentId: string): Promise<EditableComment | null> {
    const row = await this.db
      .selectFrom('comments')
      .select(['id', 'thread', 'status', 'created_at', 'deleted_at', 'edit_token_hash'])
      .where('id', '=', commentId)
      .executeTakeFirst();
    if (!row) return null;
    return {
      id: row.id,
      thread: row.thread,
      status: row.status,
      createdAt: Number(row.created_at),
      deleted: row.deleted_at !== null,
      editTokenHash: row.edit_token_hash,
    };
  }

  /**
   * Replaces a comment's text (and its parsed body), by its author or a moderator; resolves to the
   * comment as now stored, or null when there is none (an author-deleted placeholder stays empty).
   * Its notifications (#16: `comment.edited`) are written in the same transaction, only when it changed.
   */
  async editMessage(
    commentId: string,
    change: { message: string; bodyJson: string; editedAt: number },
    outbox?: OutboxWrite,
  ) {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('comments')
        .set({ message: change.message, body: change.bodyJson, edited_at: change.editedAt })
        .where('id', '=', commentId)
        .where('deleted_at', 'is', null)
        .returningAll()
        .executeTakeFirst();
      if (row) {
        await bumpThreadVersion(trx, row.thread, this.now());
        await writeOutbox(trx, outbox, this.now());
      }
      return row ? toComment(row) : null;
    });
  }

  /**
   * Its author deletes a comment: with published replies it stays as an emptied placeholder
   * (name, email, text, rating and votes gone), without them the row goes. Either way its star
   * vote and the votes on it go with it, and so do its email choices (#16: the address is not
   * kept); its notifications (`comment.deleted`) are written in the same transaction.
   */
  async deleteByAuthor(commentId: string, outbox?: OutboxWrite): Promise<'placeholder' | 'removed'> {
    return this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('votes').where('comment_id', '=', commentId).execute();
      await trx.deleteFrom('comment_votes').where('comment_id', '=', commentId).execute();
      const reply = await trx
        .selectFrom('comments')
        .select('id')
        .where('parent', '=', commentId)
        .where('status', '=', 'published')
        .where('deleted_at', 'is', null)
        .limit(1)
        .executeTakeFirst();
      const gone = await trx.selectFrom('comments').select('thread').where('id', '=', commentId).executeTakeFirst();
      if (gone) {
        await bumpThreadVersion(trx, gone.thread, this.now());
        await forgetCommentNotify(trx, commentId);
        await writeOutbox(trx, outbox, this.now());
      }
      if (!reply) {
        await trx.deleteFrom('comments').where('id', '=', commentId).execute();
        return 'removed';
      }
      await trx
        .updateTable('comments')
        .set({
          deleted_at: this.now(),
          name: '',
          email: '',
          email_norm: '',
          message: '',
          body: null,
          rating: null,
          voter: null,
          edit_token_hash: null,
          votes_up: 0,
          votes_down: 0,
          vote_score: 0,
        })
        .where('id', '=', commentId)
        .execute();
      return 'placeholder';
    });
  }

  /**
   * Published comments and rating totals of many threads in two queries (SPEC §6.4); a thread
   * with nothing is absent from the map. Ratings count as in `ratingTotals`: a vote cast with a
   * comment only while that comment is published, values 1..max.
   */
  async threadTotals(threads: readonly string[], ratingMax: number): Promise<Map<string, ThreadTotals>> {
    const totals = new Map<string, ThreadTotals>();
    if (threads.length === 0) return totals;
    const entry = (thread: string) => {
      let found = totals.get(thread);
      if (!found) totals.set(thread, (found = { comments: 0, ratingCount: 0, ratingSum: 0 }));
      return found;
    };
    const [comments, ratings] = await Promise.all([
      this.db
        .selectFrom('comments')
        .select(['thread', (eb) => eb.fn.countAll().as('n')])
        .where('thread', 'in', threads)
        .where('status', '=', 'published')
        .where('deleted_at', 'is', null)
        .groupBy('thread')
        .execute(),
      this.db
        .selectFrom('votes')
        .leftJoin('comments', 'comments.id', 'votes.comment_id')
        .select([
          'votes.thread as thread',
          (eb) => eb.fn.countAll().as('n'),
          (eb) => eb.fn.sum<number>('votes.value').as('sum'),
        ])
        .where('votes.thread', 'in', threads)
        .where('votes.value', '>=', 1)
        .where('votes.value', '<=', ratingMax)
        .where((eb) => eb.or([eb('votes.comment_id', 'is', null), eb('comments.status', '=', 'published')]))
        .groupBy('votes.thread')
        .execute(),
    ]);
    for (const row of comments) entry(row.thread).comments = Number(row.n);
    for (const row of ratings) {
      const found = entry(row.thread);
      found.ratingCount = Number(row.n);
      found.ratingSum = Number(row.sum);
    }
    return totals;
  }
}
