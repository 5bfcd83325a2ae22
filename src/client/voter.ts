import { randomId, safeStorage } from './storage.js';

const VOTER_KEY = 'article-feedback:voter';

/** A random per-browser id, so one reader has one vote per thread (SPEC §3). */
export function voterId(): string {
  const existing = safeStorage.get(VOTER_KEY);
  if (existing && /^[A-Za-z0-9_-]{8,64}$/.test(existing)) return existing;
  const id = `v-${randomId(12)}`;
  safeStorage.set(VOTER_KEY, id);
  return id;
}
