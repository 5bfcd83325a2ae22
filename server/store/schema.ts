/**
 * The tables as Kysely sees them, shared by both dialects. Millisecond timestamps are `bigint`
 * on PostgreSQL (INTEGER affinity on SQLite); both drivers hand them back as numbers (see
 * postgres.ts for the int8 parser).
 */
import type { Generated } from 'kysely';
import type { StoredStatus } from './types.js';

export interface CommentsTable {
  id: string;
  thread: string;
  parent: string | null;
  name: string;
  email: string;
  email_norm: string;
  message: string;
  rating: number | null;
  voter: string | null;
  status: StoredStatus;
  created_at: number;
  client_hash: string | null;
  /** Last change of the text after posting (migration 005); null when never edited. */
  edited_at: number | null;
  // ---- formatting, votes, editing (#18, migration 008) ----
  /** The body tree as JSON (`null` in JSON: no formatting); NULL: not parsed yet. */
  body: string | null;
  /** SHA-256 (base64url) of the edit token. */
  edit_token_hash: string | null;
  /** Deleted by its author while it had published replies: kept, emptied, as a placeholder. */
  deleted_at: number | null;
  votes_up: Generated<number>;
  votes_down: Generated<number>;
  /** Wilson lower bound of up against down votes: the Best order. */
  vote_score: Generated<number>;
}

/** Up and down votes on comments (#18, migration 008): one row per comment and voter. */
export interface CommentVotesTable {
  comment_id: string;
  voter: string;
  /** 1 up, -1 down (removing a vote deletes the row). */
  value: number;
  updated_at: number;
}

export interface VotesTable {
  thread: string;
  voter: string;
  value: number;
  updated_at: number;
  /** The comment this vote came with; it counts only while that comment is published. */
  comment_id: string | null;
}

export interface IdempotencyTable {
  key: string;
  fingerprint: string;
  status: number;
  body: string;
  created_at: number;
}

export interface CaptchaSolutionsTable {
  id: string;
  expires_at: number;
}

/** One row per client: the writes counted in the window that started at `window_start`. */
export interface RateLimitsTable {
  client: string;
  window_start: number;
  hits: number;
}

/** import/export: the comment each imported source comment became (migration 004). */
export interface ImportSourcesTable {
  source: string;
  source_id: string;
  comment_id: string;
}

/** Dashboard sessions (#15, migration 006): only a hash of the session id. */
export interface AdminSessionsTable {
  id_hash: string;
  created_at: number;
  expires_at: number;
}

/** Blocked authors (#15, migration 006): by lower-cased email or by client address hash. */
export interface AuthorBlocksTable {
  id: string;
  kind: 'email' | 'client';
  value: string;
  label: string;
  comment_id: string | null;
  created_at: number;
}

/** Issue #24 (migration 009): grows with every write to the thread; see thread-version.ts. */
export interface ThreadVersionsTable {
  thread: string;
  version: number;
}

// ---- notifications (#16, migration 007) ----
export type DeliveryKind = 'webhook' | 'email';
export type DeliveryState = 'pending' | 'delivering' | 'delivered' | 'failed';

/** The outbox: one message to one receiver (see store/outbox.ts). */
export interface DeliveriesTable {
  id: string;
  kind: DeliveryKind;
  event: string;
  target: string;
  payload: string;
  state: DeliveryState;
  attempts: number;
  /** When due (pending), or when the lease of the worker delivering it ends (delivering). */
  next_attempt_at: number;
  last_error: string | null;
  created_at: number;
  updated_at: number;
}

/** What a reader chose about emails for one comment, and its language. */
export interface CommentNotifyTable {
  comment_id: string;
  thread: string;
  email_norm: string;
  lang: string;
  /** 1 while the author wants an email when someone replies; 0 after unsubscribing. */
  reply_emails: number;
  article_url: string | null;
  created_at: number;
}

export interface Schema {
  comments: CommentsTable;
  votes: VotesTable;
  idempotency: IdempotencyTable;
  captcha_solutions: CaptchaSolutionsTable;
  rate_limits: RateLimitsTable;
  import_sources: ImportSourcesTable;
  admin_sessions: AdminSessionsTable;
  author_blocks: AuthorBlocksTable;
  thread_versions: ThreadVersionsTable;
  // ---- notifications (#16) ----
  deliveries: DeliveriesTable;
  comment_notify: CommentNotifyTable;
  comment_votes: CommentVotesTable;
}

export type Dialect = 'sqlite' | 'postgres';
