import { randomId, safeStorage } from './storage.js';

const VOTER_KEY = 'article-feedback:voter';
const VOTES_PREFIX = 'article-feedback:vote:';

/** A random per-browser id, so one reader has one vote per thread (SPEC §3). */
export function voterId(): string {
  const existing = safeStorage.get(VOTER_KEY);
  if (existing && /^[A-Za-z0-9_-]{8,64}$/.test(existing)) return existing;
  const id = `v-${randomId(12)}`;
  safeStorage.set(VOTER_KEY, id);
  return id;
}

/** The reader's own vote in a thread, remembered in their browser. */
export const ownVotes = {
  get(thread: string): number {
    const v = Number(safeStorage.get(VOTES_PREFIX + thread));
    return Number.isInteger(v) && v > 0 ? v : 0;
  },
  set(thread: string, value: number): void {
    if (value > 0) safeStorage.set(VOTES_PREFIX + thread, String(value));
    else safeStorage.remove(VOTES_PREFIX + thread);
  },
};
