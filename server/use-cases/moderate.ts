/**
 * Every moderation action, in one place (#15): the admin API (bearer token) and the dashboard
 * (session cookie) both call these, so whatever must follow an action (a notification's outbox
 * row, a webhook) is added here once. One function per action; `moderateMany` is the bulk form.
 *
 * Votes need no step of their own: a rating that came with a comment counts only while that
 * comment is published (migration 002), so marking it spam takes it out of the aggregate,
 * approving it counts it again, and deleting it deletes the vote with it.
 */
import type { BlockKind, BulkAction } from '../../src/contract/admin.js';
import type { AppDeps } from '../deps.js';
import { bodyJsonOf } from '../http/shape.js';
import { deletedOutbox, editedOutbox, publishedOutbox } from '../notify/events.js';
import type { StoredBlock } from '../store/admin.js';
import type { OutboxWrite } from '../store/outbox.js';
import type { StoredComment, StoredStatus } from '../store/types.js';

/**
 * The store, and for notifications (#16) the settings, the clock, the worker to wake and the
 * base of the links (PUBLIC_URL, else the origin the moderator's request reached). Without
 * `config` nothing is notified (store-level tests).
 */
type Deps = Pick<AppDeps, 'store'> & Partial<Pick<AppDeps, 'config' | 'now' | 'notifier'>> & { publicUrl?: string };

/**
 * The notifications of an action on these comments, planned from each one as it is now, keyed
 * by id; the store writes each in the action's transaction, and only for a comment it changed.
 */
async function plan(
  deps: Deps,
  ids: string[],
  make: (
    notify: Parameters<typeof deletedOutbox>[0],
    comment: StoredComment,
    publicUrl: string,
  ) => Promise<OutboxWrite | null> | OutboxWrite | null,
): Promise<Map<string, OutboxWrite>> {
  const plans = new Map<string, OutboxWrite>();
  const { config } = deps;
  if (!config) return plans;
  const notify = { config, store: deps.store, now: deps.now ?? Date.now };
  const publicUrl = config.publicUrl ?? deps.publicUrl ?? '';
  for (const id of ids) {
    const comment = await deps.store.getComment(id);
    const write = comment ? await make(notify, comment, publicUrl) : null;
    if (write?.deliveries.length || write?.commentNotify) plans.set(id, write);
  }
  return plans;
}

function wakeIfQueued(deps: Deps, plans: Map<string, OutboxWrite>): void {
  if ([...plans.values()].some((write) => write.deliveries.length)) deps.notifier?.wake();
}

/** Publishes comments: `comment.published`, moderator copies and reply emails for those that were not. */
async function publishMany(deps: Deps, ids: string[]): Promise<StoredComment[]> {
  const plans = await plan(deps, ids, (notify, comment, publicUrl) =>
    comment.status === 'published' ? null : publishedOutbox(notify, comment, { publicUrl }),
  );
  const changed = await deps.store.admin.setStatusMany(ids, 'published', plans);
  wakeIfQueued(deps, plans);
  return changed;
}

/** Publishes a comment. Resolves to it, or null when there is no such comment. */
export async function approveComment(deps: Deps, id: string): Promise<StoredComment | null> {
  return (await publishMany(deps, [id]))[0] ?? null;
}

/** Marks a comment spam: it leaves the thread (and its rating the aggregate). */
export async function markSpam(deps: Deps, id: string): Promise<StoredComment | null> {
  return (await deps.store.admin.setStatusMany([id], 'spam'))[0] ?? null;
}

/** Puts a comment back in the queue (the dashboard's undo of an approval or a spam mark). */
export async function returnToQueue(deps: Deps, id: string): Promise<StoredComment | null> {
  return (await deps.store.admin.setStatusMany([id], 'pending'))[0] ?? null;
}

/** Sets a comment's status by name: the admin API's `PATCH { status }`. */
export function setCommentStatus(deps: Deps, id: string, status: StoredStatus): Promise<StoredComment | null> {
  if (status === 'published') return approveComment(deps, id);
  if (status === 'spam') return markSpam(deps, id);
  return returnToQueue(deps, id);
}

/** Deletes a comment and the vote it carried. True when it existed. */
export async function deleteComment(deps: Deps, id: string): Promise<boolean> {
  return (await deleteMany(deps, [id])).length > 0;
}

/** Deletes comments: `comment.deleted` for each one that existed. */
async function deleteMany(deps: Deps, ids: string[]): Promise<string[]> {
  const plans = await plan(deps, ids, (notify, comment) => deletedOutbox(notify, comment));
  const deleted = await deps.store.admin.deleteMany(ids, plans);
  wakeIfQueued(deps, plans);
  return deleted;
}

/** A moderator's edit of the text (already validated as a message); records `editedAt`; `comment.edited`. */
export async function editComment(deps: Deps, id: string, message: string): Promise<StoredComment | null> {
  const editedAt = (deps.now ?? Date.now)();
  const plans = await plan(deps, [id], (notify, comment, publicUrl) =>
    editedOutbox(notify, { ...comment, message, editedAt }, { publicUrl }),
  );
  // The same store call as an author's edit (one place writes a text, its body and editedAt).
  const edited = await deps.store.reader.editMessage(
    id,
    { message, bodyJson: bodyJsonOf(message), editedAt },
    plans.get(id),
  );
  wakeIfQueued(deps, plans);
  return edited;
}

/** One action on many comments: the ids it changed and those that did not exist. */
export async function moderateMany(
  deps: Deps,
  action: BulkAction,
  ids: string[],
): Promise<{ done: string[]; missing: string[] }> {
  const unique = [...new Set(ids)];
  let done: string[];
  if (action === 'delete') done = await deleteMany(deps, unique);
  else if (action === 'approve') done = (await publishMany(deps, unique)).map((comment) => comment.id);
  else {
    const status: StoredStatus = 'spam';
    done = (await deps.store.admin.setStatusMany(unique, status)).map((comment) => comment.id);
  }
  const changed = new Set(done);
  return { done: unique.filter((id) => changed.has(id)), missing: unique.filter((id) => !changed.has(id)) };
}

/**
 * Blocks the author of a comment by its email and/or its client address hash: their future
 * comments are stored as spam (post-comment.ts). The comment itself is marked spam too, since a
 * moderator blocks an author for what they sent. Null when there is no such comment.
 */
export async function blockAuthor(
  deps: Deps,
  commentId: string,
  by: BlockKind[],
): Promise<{ blocks: StoredBlock[]; comment: StoredComment } | null> {
  const comment = await deps.store.getComment(commentId);
  if (!comment) return null;
  const wanted: Array<Omit<StoredBlock, 'id' | 'createdAt'>> = [];
  if (by.includes('email'))
    wanted.push({ kind: 'email', value: comment.email.toLowerCase(), label: comment.name, commentId });
  if (by.includes('client') && comment.clientHash)
    wanted.push({ kind: 'client', value: comment.clientHash, label: comment.name, commentId });
  const blocks = await deps.store.admin.addBlocks(wanted);
  const spammed = (await markSpam(deps, commentId)) ?? comment;
  return { blocks, comment: spammed };
}

/** Lifts a block. True when it existed. */
export function liftBlock(deps: Deps, blockId: string): Promise<boolean> {
  return deps.store.admin.liftBlock(blockId);
}
