import { safeStorage } from './storage.js';

// The author token (SPEC §3, SECURITY.md): the server answers every post with one; sent back
// with the reader's later posts, it is what lets an approved author publish at once under
// MODERATION=first-time. It sits beside the remembered name and email, keyed by the email.
// Only the form's sending code needs it, so only the on-demand sending chunk imports this.

export const AUTHOR_TOKENS_KEY = 'article-feedback:author-tokens';

/** A reader rarely uses more than one or two emails; keep the most recent few. */
const KEPT = 5;
const TOKEN_MAX = 200;

type TokensByEmail = Record<string, string>;

/** Emails compare case-insensitively, as the server's moderation does. */
const emailKey = (email: string) => email.trim().toLowerCase();

function loadTokens(): TokensByEmail {
  const stored = safeStorage.getJSON<unknown>(AUTHOR_TOKENS_KEY);
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return {};
  const tokens: TokensByEmail = {};
  for (const [email, token] of Object.entries(stored))
    if (typeof token === 'string' && token.length <= TOKEN_MAX) tokens[email] = token;
  return tokens;
}

/** The token to send with a post from `email`, if this browser holds one. */
export function authorTokenFor(email: string): string | undefined {
  return loadTokens()[emailKey(email)];
}

/**
 * After a 201 or 202: keeps the `authorToken` of the answer for `email` (anything else in that
 * field, e.g. from an older server that sends none, is ignored). The newest email comes last;
 * the oldest beyond a few are forgotten.
 */
export function rememberAuthorToken(email: string, token: unknown): void {
  if (typeof token !== 'string' || token === '' || token.length > TOKEN_MAX || !email.trim()) return;
  const key = emailKey(email);
  const tokens = loadTokens();
  delete tokens[key];
  tokens[key] = token;
  const kept = Object.entries(tokens).slice(-KEPT);
  safeStorage.setJSON(AUTHOR_TOKENS_KEY, Object.fromEntries(kept));
}
