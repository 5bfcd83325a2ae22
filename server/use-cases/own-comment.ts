/**
 * An author edits or deletes their own comment (SPEC §6.3, #18): with the edit token their
 * browser got with the 201/202, within EDIT_WINDOW_MINUTES of posting, on the app's clock.
 * Checked in this order, so an answer tells no more than the caller may know: no such comment in
 * this thread (404), not the author (403 edit_not_allowed), too late (403 edit_window_closed;
 * under MODERATION=all an edit is too late once a moderator approved the comment).
 */
import type { CommentEditInput, PublicComment } from '../../src/contract/schemas.js';
import type { AppDeps } from '../deps.js';
import { editTokenMatches } from '../edit-token.js';
import { errors, HttpError } from '../errors.js';
import { bodyJsonOf, publicComment } from '../http/shape.js';
import { deletedOutbox, editedOutbox, type NotifyDeps } from '../notify/events.js';
import type { EditableComment } from '../store/reader.js';

type Deps = Pick<AppDeps, 'config' | 'store' | 'now'> & Partial<Pick<AppDeps, 'notifier'>>;

export interface OwnCommentRequest {
  thread: string;
  commentId: string;
  /** The bearer token sent, or null when none was. */
  token: string | null;
  /** The base of the links in notifications: PUBLIC_URL, else the origin the request reached. */
  publicUrl?: string;
}

const notifyDeps = (deps: Deps): NotifyDeps => ({ config: deps.config, store: deps.store, now: deps.now });

/** What the author wants to do: the same checks, and one more for an edit. */
type Change = 'edit' | 'delete';

async function authorise(deps: Deps, request: OwnCommentRequest, change: Change): Promise<EditableComment> {
  const comment = await deps.store.reader.editable(request.commentId);
  // A honeypot catch (spam) or an emptied placeholder is no comment to its "author".
  if (!comment || comment.thread !== request.thread || comment.status === 'spam' || comment.deleted)
    throw errors.notFound('No comment with this id in this thread.');
  if (request.token === null || !editTokenMatches(request.token, comment.editTokenHash))
    throw new HttpError(403, 'edit_not_allowed', 'Only the browser that posted this comment can change it.');
  const windowMs = deps.config.editWindowMinutes * 60_000;
  // "Within" the window includes its last millisecond; EDIT_WINDOW_MINUTES=0 turns editing off.
  if (windowMs === 0 || deps.now() > comment.createdAt + windowMs)
    throw new HttpError(
      403,
      'edit_window_closed',
      deps.config.editWindowMinutes === 0
        ? 'Comments cannot be changed after posting on this site.'
        : `Comments can only be changed within ${deps.config.editWindowMinutes} minutes of posting.`,
    );
  // Under MODERATION=all a moderator read every published word: an approved comment cannot be
  // edited into something they never saw, so its window closes at approval. Deleting stays open.
  if (change === 'edit' && deps.config.moderation === 'all' && comment.status === 'published')
    throw new HttpError(
      403,
      'edit_window_closed',
      'A moderator has approved this comment, so it can no longer be changed; it can still be deleted.',
    );
  return comment;
}

/** Checks the caller may edit (before the body is read: a stranger learns nothing from a 422). */
export async function authoriseOwnEdit(deps: Deps, request: OwnCommentRequest): Promise<void> {
  await authorise(deps, request, 'edit');
}

export async function editOwnComment(
  deps: Deps,
  request: OwnCommentRequest & { input: CommentEditInput },
): Promise<PublicComment> {
  const comment = await authorise(deps, request, 'edit');
  const editedAt = deps.now();
  const { message } = request.input;
  // `comment.edited` (#16), planned from the comment as it will be, written with the edit.
  const current = await deps.store.getComment(comment.id);
  const outbox = current
    ? await editedOutbox(
        notifyDeps(deps),
        { ...current, message, editedAt },
        { publicUrl: deps.config.publicUrl ?? request.publicUrl ?? '' },
      )
    : undefined;
  const edited = await deps.store.reader.editMessage(
    comment.id,
    { message, bodyJson: bodyJsonOf(message), editedAt },
    outbox,
  );
  if (!edited) throw errors.notFound('No comment with this id in this thread.');
  if (outbox?.deliveries.length) deps.notifier?.wake();
  return publicComment(edited);
}

export async function deleteOwnComment(deps: Deps, request: OwnCommentRequest): Promise<void> {
  const comment = await authorise(deps, request, 'delete');
  // `comment.deleted` (#16), written in the deletion's transaction.
  const outbox = deletedOutbox(notifyDeps(deps), comment);
  await deps.store.reader.deleteByAuthor(comment.id, outbox);
  if (outbox.deliveries.length) deps.notifier?.wake();
}
