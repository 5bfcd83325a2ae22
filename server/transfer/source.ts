/**
 * What every importer reads its format into: one comment at a time, as the source has it. The
 * writer (writer.ts) turns it into our comment: thread id, text, limits, parents.
 */

export type SourceStatus = 'published' | 'pending' | 'spam' | 'deleted';

export interface SourceComment {
  /** The source's own id for the comment (unique within `ImportSource.source`). */
  sourceId: string;
  /** The source id of the comment it answers, or null. */
  parentSourceId: string | null;
  /** The page the comment was left on, for the thread id (`--thread-from`, `--map`). */
  page: { url: string | null; identifier: string | null };
  name: string;
  email: string;
  /** The comment as the source stores it; `textKind` says how to read it. */
  body: string;
  textKind: 'html' | 'text';
  /** Milliseconds since the epoch, or null when the source's date could not be read. */
  createdAt: number | null;
  status: SourceStatus;
  /** The author's star rating, when the source has one. */
  rating: number | null;
  /** A source comment that is not a reader's comment (a WordPress pingback): refused with this reason. */
  refuse?: string;
}

/** One format's reader: the comments in file order, and how far through the file it is. */
export interface ImportSource {
  /** Names the source system (and site, where ids are per site) for the remembered ids. */
  source: string;
  comments: AsyncIterable<SourceComment>;
  /** Fraction of the input read so far (0–1), for the progress bar; null when unknown. */
  fraction(): number | null;
}
