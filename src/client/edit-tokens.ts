import { perTaskRead } from './per-task-read.js';
import { safeStorage } from './storage.js';

// The edit token (SPEC §6.3, #18): the 201/202 answer to a post carries it once; with it this
// browser may edit or delete that comment for EDIT_WINDOW_MINUTES. Kept in `localStorage`, keyed
// by endpoint and comment id (two sites on one page never mix), with the comment's `createdAt`
// so that tokens are dropped once their window has closed. Only on-demand chunks import this.

export const EDIT_TOKENS_KEY = 'article-feedback:edit-tokens';

/** A reader rarely has more than a few comments open for editing; the newest are kept. */
const KEPT = 50;
const TOKEN_MAX = 200;

interface StoredToken {
  token: string;
  createdAt: string;
}
type TokensByComment = Record<string, StoredToken>;

const keyOf = (endpoint: string, id: string) => `${endpoint} ${id}`;

function parse(raw: string | null): TokensByComment {
  const tokens: TokensByComment = {};
  let stored: unknown;
  try {
    stored = JSON.parse(raw ?? 'null');
  } catch {
    return tokens;
  }
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return tokens;
  for (const [key, value] of Object.entries(stored as Record<string, Partial<StoredToken>>)) {
    if (typeof value?.token === 'string' && value.token.length <= TOKEN_MAX && typeof value.createdAt === 'string')
      tokens[key] = { token: value.token, createdAt: value.createdAt };
  }
  return tokens;
}

/** The stored tokens, read once per task (the list asks for every comment on each render, #24). */
const stored = perTaskRead(EDIT_TOKENS_KEY, parse);

/** The stored tokens (a copy: callers change it before saving). */
function load(): TokensByComment {
  return { ...stored.read() };
}

function save(tokens: TokensByComment): void {
  const kept = Object.entries(tokens).slice(-KEPT);
  if (kept.length) safeStorage.setJSON(EDIT_TOKENS_KEY, Object.fromEntries(kept));
  else safeStorage.remove(EDIT_TOKENS_KEY);
  stored.changed();
}

/** After a 201/202: keeps the answer's `editToken` for this comment (anything but a string is ignored). */
export function rememberEditToken(endpoint: string, comment: { id: string; createdAt: string }, token: unknown): void {
  if (typeof token !== 'string' || !token || token.length > TOKEN_MAX) return;
  const tokens = load();
  const key = keyOf(endpoint, comment.id);
  delete tokens[key];
  tokens[key] = { token, createdAt: comment.createdAt };
  save(tokens);
}

/** The token this browser holds for comment `id` of `endpoint`, if any. */
export function editTokenFor(endpoint: string, id: string): string | undefined {
  return stored.read()[keyOf(endpoint, id)]?.token;
}

/** After a delete, or when the server says the token is no good. */
export function forgetEditToken(endpoint: string, id: string): void {
  const tokens = load();
  const key = keyOf(endpoint, id);
  if (!(key in tokens)) return;
  delete tokens[key];
  save(tokens);
}

/** Drops every token whose comment is older than the edit window (`windowMinutes` from `GET /config`). */
export function pruneEditTokens(windowMinutes: number, now = Date.now()): void {
  const tokens = load();
  let changed = false;
  for (const [key, { createdAt }] of Object.entries(tokens)) {
    const at = Date.parse(createdAt);
    if (!(at + windowMinutes * 60_000 > now)) {
      delete tokens[key];
      changed = true;
    }
  }
  if (changed) save(tokens);
}
