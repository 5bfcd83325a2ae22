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

export interface Schema {
  comments: CommentsTable;
  votes: VotesTable;
  idempotency: IdempotencyTable;
  captcha_solutions: CaptchaSolutionsTable;
  rate_limits: RateLimitsTable;
  import_sources: ImportSourcesTable;
  comment_votes: CommentVotesTable;
}

export type Dialect = 'sqlite' | 'postgres';
