/**
 * Our own export: JSON Lines, a header record first, then every comment of every status (with
 * its email and address hash), then every vote. Importing it (`import --from article-feedback`)
 * into an empty database gives back exactly the same rows. Read a page at a time, so a large
 * database is written with little memory.
 */
import type { Store, StoredComment, StoredVote } from '../store/types.js';

export const EXPORT_FORMAT = 'article-feedback';
export const EXPORT_VERSION = 1;
const PAGE = 1000;

export interface ExportHeader {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
}

export type CommentRecord = { type: 'comment' } & StoredComment;
export type VoteRecord = { type: 'vote' } & StoredVote;

export interface ExportCounts {
  comments: number;
  votes: number;
}

/** The export, one line (with its newline) at a time. `counts` is filled in as it goes. */
export async function* exportLines(
  store: Store,
  now: number,
  counts: ExportCounts = { comments: 0, votes: 0 },
): AsyncGenerator<string> {
  const header: ExportHeader = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(now).toISOString(),
  };
  yield JSON.stringify(header) + '\n';
  let afterId: string | null = null;
  for (;;) {
    const comments = await store.exportComments(afterId, PAGE);
    if (comments.length === 0) break;
    let text = '';
    for (const comment of comments) {
      // #18: a deleted comment's emptied placeholder is no comment to carry over, and the parsed
      // body and vote totals are derived columns, rebuilt where the file is imported.
      const {
        bodyJson: _body,
        editTokenHash: _token,
        deletedAt,
        votesUp: _up,
        votesDown: _down,
        voteScore: _score,
        ...record
      } = comment;
      if (deletedAt != null) continue;
      text += JSON.stringify({ type: 'comment', ...record } satisfies CommentRecord) + '\n';
      counts.comments += 1;
    }
    yield text;
    afterId = comments[comments.length - 1]!.id;
  }
  let afterVote: { thread: string; voter: string } | null = null;
  for (;;) {
    const votes = await store.exportVotes(afterVote, PAGE);
    if (votes.length === 0) break;
    let text = '';
    for (const vote of votes) text += JSON.stringify({ type: 'vote', ...vote } satisfies VoteRecord) + '\n';
    counts.votes += votes.length;
    yield text;
    const last = votes[votes.length - 1]!;
    afterVote = { thread: last.thread, voter: last.voter };
  }
}

/** The export as a byte stream, for the admin API's download; pulled line by line as the client reads. */
export function exportStream(store: Store, now: number): ReadableStream<Uint8Array> {
  const lines = exportLines(store, now);
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
}

/** The download's file name, dated. */
export const exportFileName = (now: number) =>
  `article-feedback-export-${new Date(now).toISOString().slice(0, 10)}.jsonl`;
