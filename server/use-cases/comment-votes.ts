/** Up and down votes on a comment (SPEC §6.2, #18): one per voter, changeable, removable. */
import type { CommentVoteInput, CommentVoteResult } from '../../src/contract/schemas.js';
import type { AppDeps } from '../deps.js';
import { errors } from '../errors.js';

export async function voteOnComment(
  deps: Pick<AppDeps, 'store'>,
  request: { thread: string; commentId: string; input: CommentVoteInput },
): Promise<CommentVoteResult> {
  const { thread, commentId, input } = request;
  const totals = await deps.store.reader.voteOnComment(thread, commentId, input.voter, input.value);
  if (!totals) throw errors.notFound('No published comment with this id in this thread.');
  return { up: totals.up, down: totals.down, yours: input.value };
}
