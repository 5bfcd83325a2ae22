/**
 * The storage interface the routes use. One implementation (kysely-store.ts) serves SQLite and
 * PostgreSQL; the clock is the app's, passed in when the store is opened.
 * Every method that acknowledges a write resolves only after the write is durable.
 */
import type { OutboxStore, OutboxWrite } from './outbox.js';

import type { AdminStore } from './admin.js';
import type { ReaderStore } from './reader.js';

export type StoredStatus = 'published' | 'pending' | 'spam';
export type SortOrder = 'newest' | 'oldest' | 'best';

export interface StoredComment {
  id: string;
  thread: string;
  parent: string | null;
  name: string;
  /** Only for moderation and the admin API; never in a public answer. */
  email: string;
  message: string;
  rating: number | null;
  /** The reader's voter id, when they sent one with a rating. */
  voter: string | null;
  status: StoredStatus;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** HMAC(SECRET, client address); never the address itself. */
  clientHash: string | null;
  /** Milliseconds since the epoch of the last edit of the text; null when never edited. */
  editedAt: number | null;
  // ---- formatting, votes, editing (#18) ----
  /** The body tree as JSON (`"null"`: no formatting); null or absent: not parsed yet. */
  bodyJson?: string | null;
  /** SHA-256 (base64url) of the edit token, written with the comment; never read back out. */
  editTokenHash?: string | null;
  /** Set when its author deleted it while it had published replies (a placeholder). */
  deletedAt?: number | null;
  votesUp?: number;
  votesDown?: number;
  /** The Wilson lower bound of the votes (the Best order). */
  voteScore?: number;
}

/** A position in a listing: the (createdAt, id) of the last comment of the previous page. */
export interface Position {
  createdAt: number;
  id: string;
  /** The comment's vote score: the Best order's first key (#18). */
  score?: number;
}

export interface Page<T> {
  items: T[];
  /** Where the next page starts; null on the last page. */
  next: Position | null;
}

/** The answer first given to a request with an `Idempotency-Key`, replayed on retries. */
export interface IdempotencyRecord {
  key: string;
  /** A hash of what was sent (without the captcha token), to tell a retry from a different request. */
  fingerprint: string;
  status: number;
  body: string;
  createdAt: number;
}

export interface Vote {
  thread: string;
  voter: string;
  value: number;
}

export interface RatingTotals {
  count: number;
  sum: number;
  /** `histogram[i]` = votes for i+1 stars, length = the scale. */
  histogram: number[];
}

export type CreateResult =
  | { kind: 'created' }
  /** The key was seen before with the same fingerprint: answer as the first time. */
  | { kind: 'replay'; record: IdempotencyRecord }
  /** The key was seen before with a different request. */
  | { kind: 'conflict' };

/** What a new comment's checks need from the database, read in one statement (#24). */
export interface BeforeComment {
  /** The live (under 24 hours) idempotency record of the request's key, if any. */
  earlier: IdempotencyRecord | null;
  /** The author is blocked (#15), by email or by client address hash. */
  blocked: boolean;
}

/** A client's writes in its current rate-limit window. */
export interface WriteCount {
  /** Writes counted in the window, this one included. */
  hits: number;
  /** When the window started (ms); it ends `windowMs` later. */
  windowStart: number;
}

export interface Store {
  /**
   * Stores a comment, the author's vote (when given) and the idempotency record (when given),
   * all in one transaction. When the key already exists (and is under 24 hours old) nothing new
   * is stored; a request racing another with the same key waits for it and gets its record.
   */
  createComment(
    comment: StoredComment,
    options?: { vote?: Vote; idempotency?: IdempotencyRecord; outbox?: OutboxWrite },
  ): Promise<CreateResult>;
  /**
   * `findIdempotency(key)` and `admin.isBlocked(email, clientHash)` in one statement (#24): the
   * record of the key (null: no key) and whether the author is blocked.
   */
  beforeComment(key: string | null, email: string, clientHash: string | null): Promise<BeforeComment>;
  /** The idempotency record of a key, if any under 24 hours old. */
  findIdempotency(key: string): Promise<IdempotencyRecord | null>;

  getComment(id: string): Promise<StoredComment | null>;
  /** Published comments of a thread, `limit` at a time, stable under concurrent inserts. */
  listPublished(
    thread: string,
    options: { limit: number; after: Position | null; sort: SortOrder },
  ): Promise<Page<StoredComment>>;
  countPublished(thread: string): Promise<number>;
  /** Which of these comment ids are published comments of this thread (one query, #24). */
  publishedAmong(thread: string, ids: string[]): Promise<Set<string>>;
  /**
   * The thread's version (issue #24): it grows with every write to the thread, in the write's
   * own transaction, so answers are cached and `If-None-Match` answered by it. 0 = never written.
   */
  threadVersion(thread: string): Promise<number>;
  /**
   * The sum of these threads' versions (#24, GET /api/counts): it grows with every write to any
   * of them, so it versions an answer about all of them. 0 for none ever written.
   */
  threadsVersion(threads: readonly string[]): Promise<number>;
  /** `outbox` is written in the same transaction, and only when the status changed. */
  setStatus(id: string, status: StoredStatus, outbox?: OutboxWrite): Promise<StoredComment | null>;
  /** True when it existed. `outbox` is written in the same transaction, when it existed. */
  deleteComment(id: string, outbox?: OutboxWrite): Promise<boolean>;

  /** Casts or replaces one voter's standalone vote in a thread. */
  putVote(vote: Vote, outbox?: OutboxWrite): Promise<void>;
  /** Votes of a thread; one cast with a comment counts only while that comment is published. */
  ratingTotals(thread: string, max: number): Promise<RatingTotals>;

  /**
   * Marks a captcha solution as used until `expiresAt` (ms). False when it was already used,
   * so a solution is accepted once.
   */
  useCaptchaSolution(id: string, expiresAt: number): Promise<boolean>;

  /**
   * Counts one write of `client` (a hash) in its fixed window of `windowMs`, which starts at
   * its first write; shared by every instance on the same database.
   */
  countWrite(client: string, now: number, windowMs: number): Promise<WriteCount>;
  /**
   * `countWrite` for several writes at once, in one statement (#24): one answer per write, in
   * order, each as if the writes before it had been counted one by one.
   */
  countWrites(writes: readonly { client: string; now: number }[], windowMs: number): Promise<WriteCount[]>;

  /** Deletes idempotency records past 24 hours, expired captcha solutions and stale counters. */
  prune(): Promise<void>;

  close(): Promise<void>;

  /** The moderation dashboard's sessions, queue, bulk actions, edits and blocks (#15, store/admin.ts). */
  readonly admin: AdminStore;
  /** Notifications (#16): the outbox the worker delivers, readers' email choices (store/outbox.ts). */
  readonly outbox: OutboxStore;
  /** Votes on comments, editing and deleting one's own comment, counts for index pages (#18). */
  readonly reader: ReaderStore;

  // ---- import/export (server/transfer/) -------------------------------------------------------

  /**
   * Stores imported comments in one transaction. A row with a `source` is stored only when that
   * source id was not imported before (and is then remembered); a row without one (our own
   * export) only when its comment id is new. Each row's vote, when given, is linked to its comment.
   * Resolves to the ids actually stored.
   */
  importComments(rows: ImportRow[]): Promise<string[]>;
  /** Which of these source ids an earlier import already stored. */
  importedSourceIds(source: string, sourceIds: string[]): Promise<Set<string>>;
  /** Which of these threads already have at least one comment (any status). */
  existingThreads(threads: string[]): Promise<Set<string>>;
  /** Re-attaches an imported reply (its parent was dropped or came later in the file). */
  setParent(id: string, parent: string | null): Promise<void>;
  /** Stores votes exactly as given, leaving (thread, voter) pairs already there; resolves to how many were new. */
  importVotes(votes: StoredVote[]): Promise<number>;
  /** Every comment of every status, by id, `limit` after `afterId`. */
  exportComments(afterId: string | null, limit: number): Promise<StoredComment[]>;
  /** Every vote, by (thread, voter), `limit` after the given one. */
  exportVotes(after: { thread: string; voter: string } | null, limit: number): Promise<StoredVote[]>;
}

/** A vote row as stored, for export and import. */
export interface StoredVote {
  thread: string;
  voter: string;
  value: number;
  /** Milliseconds since the epoch. */
  updatedAt: number;
  /** The comment it came with, or null for a standalone vote. */
  commentId: string | null;
}

export interface ImportRow {
  comment: StoredComment;
  /** The source system (and site) and its id for this comment; null for our own export. */
  source: { source: string; sourceId: string } | null;
  /** The author's vote to store with the comment (linked to it), e.g. a WordPress rating. */
  vote?: { voter: string; value: number };
}
