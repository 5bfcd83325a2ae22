import { randomId, safeStorage } from './storage.js';

/** What the reader has typed and not yet had accepted by the server. */
export interface Draft {
  name: string;
  email: string;
  message: string;
  rating?: number | null;
}

interface StoredDraft extends Draft {
  /** The Idempotency-Key for this exact text; kept across retries and reloads. */
  key?: string;
  /** Fingerprint of the text the key was made for. */
  keyFor?: string;
  savedAt: number;
}

const PREFIX = 'article-feedback:draft:';

/**
 * Keeps the unsent message, name and email in `localStorage` per thread (and per reply
 * parent), so a reload or a failed post never loses a word. Cleared only after the server
 * accepted the comment.
 */
export class DraftStore {
  readonly storageKey: string;

  constructor(thread: string, parent?: string | null) {
    this.storageKey = PREFIX + thread + (parent ? `#${parent}` : '');
  }

  load(): Draft | null {
    const d = safeStorage.getJSON<StoredDraft>(this.storageKey);
    if (!d || typeof d !== 'object') return null;
    return {
      name: typeof d.name === 'string' ? d.name : '',
      email: typeof d.email === 'string' ? d.email : '',
      message: typeof d.message === 'string' ? d.message : '',
      rating: typeof d.rating === 'number' ? d.rating : null,
    };
  }

  save(draft: Draft): void {
    const prev = safeStorage.getJSON<StoredDraft>(this.storageKey) ?? ({} as Partial<StoredDraft>);
    if (!draft.name && !draft.email && !draft.message && !draft.rating) {
      safeStorage.remove(this.storageKey);
      return;
    }
    const next: StoredDraft = { ...draft, savedAt: Date.now() };
    if (prev.key && prev.keyFor) {
      next.key = prev.key;
      next.keyFor = prev.keyFor;
    }
    safeStorage.setJSON(this.storageKey, next);
  }

  /**
   * The Idempotency-Key for this submission: the same one as long as the text is the same
   * (so a retry, even after a reload, never creates a second comment); a new one when the
   * reader changed what they send.
   */
  idempotencyKey(payload: unknown): string {
    const fingerprint = JSON.stringify(payload);
    const stored = safeStorage.getJSON<StoredDraft>(this.storageKey);
    if (stored?.key && stored.keyFor === fingerprint) return stored.key;
    const key = `af-${randomId(16)}`;
    const base: StoredDraft = stored ?? { name: '', email: '', message: '', savedAt: Date.now() };
    safeStorage.setJSON(this.storageKey, { ...base, key, keyFor: fingerprint });
    return key;
  }

  /** After a 2xx: the words are safe on the server. Name and email are remembered separately. */
  clear(): void {
    safeStorage.remove(this.storageKey);
  }
}

const IDENTITY_KEY = 'article-feedback:identity';

/** Name and email of the reader, remembered across threads after a successful post. */
export const identityStore = {
  load(): { name: string; email: string } | null {
    const v = safeStorage.getJSON<{ name?: unknown; email?: unknown }>(IDENTITY_KEY);
    if (!v || typeof v.name !== 'string' || typeof v.email !== 'string') return null;
    return { name: v.name, email: v.email };
  },
  save(name: string, email: string): void {
    safeStorage.setJSON(IDENTITY_KEY, { name, email });
  },
};
