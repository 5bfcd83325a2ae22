import { safeStorage } from './storage.js';

const VOTES_PREFIX = 'article-feedback:vote:';

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
