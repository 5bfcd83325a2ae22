import type { PublicComment } from '../contract/schemas.js';
import { safeStorage } from './storage.js';

const PREFIX = 'article-feedback:pending:';
const MAX_KEPT = 50;

/**
 * The reader's own comments that await moderation (202). Kept only in their browser, so the
 * author sees them with an "Awaiting moderation" badge and nobody else does (SPEC §2).
 */
export const pendingComments = {
  list(thread: string): PublicComment[] {
    const v = safeStorage.getJSON<PublicComment[]>(PREFIX + thread);
    return Array.isArray(v) ? v.filter((c) => c && typeof c.id === 'string' && typeof c.message === 'string') : [];
  },
  add(thread: string, comment: PublicComment): void {
    const all = this.list(thread).filter((c) => c.id !== comment.id);
    all.push(comment);
    safeStorage.setJSON(PREFIX + thread, all.slice(-MAX_KEPT));
  },
  /** Drop those the server now lists as published (or that are gone). */
  forget(thread: string, ids: Iterable<string>): void {
    const drop = new Set(ids);
    const rest = this.list(thread).filter((c) => !drop.has(c.id));
    if (rest.length) safeStorage.setJSON(PREFIX + thread, rest);
    else safeStorage.remove(PREFIX + thread);
  },
};
