/**
 * The public listing of a thread (SPEC §3): one page of published comments and the total.
 * A reply whose parent is no longer published (marked spam, deleted, back to pending) shows no
 * parent: the hidden comment's id is not given away, and the reply reads as a comment of its own.
 */
import type { CommentPage, Sort } from '../../src/contract/schemas.js';
import type { AppDeps } from '../deps.js';
import { errors } from '../errors.js';
import { pageBody, publicComment } from '../http/shape.js';
import type { Position, StoredComment } from '../store/types.js';

export interface ListCommentsRequest {
  thread: string;
  limit: number;
  after: Position | null;
  sort: Sort;
}

export async function listComments(deps: Pick<AppDeps, 'store'>, request: ListCommentsRequest): Promise<CommentPage> {
  const { store } = deps;
  const { thread, sort, ...rest } = request;
  // The Best order's cursor carries the score it continues from (#18); a cursor of another order does not.
  if (sort === 'best' && rest.after && rest.after.score === undefined)
    throw errors.badRequest('The cursor is not valid for sort=best. Start again from the first page.');
  const options = { ...rest, sort };
  const [page, total] = await Promise.all([store.listPublished(thread, options), store.countPublished(thread)]);
  const published = new Set(page.items.map((c) => c.id));
  const elsewhere = [...new Set(page.items.map((c) => c.parent).filter((p): p is string => !!p && !published.has(p)))];
  // Parents not on this page: one query for all of them (at most a page's worth of ids).
  for (const id of await store.publishedAmong(thread, elsewhere)) published.add(id);
  const visible = (c: StoredComment): StoredComment =>
    c.parent && !published.has(c.parent) ? { ...c, parent: null } : c;
  return { ...pageBody({ items: page.items.map(visible), next: page.next }, publicComment), total };
}
