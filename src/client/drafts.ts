import { safeStorage } from './storage.js';

// Keeps the unsent message, name and email in `localStorage` per thread (and per reply parent),
// so a reload or a failed post never loses a word. Cleared only after the server accepted the
// comment. Plain functions over a storage key; what happens once the reader sends is in sent.ts,
// which only the sending chunk imports.

/** What the reader has typed and not yet had accepted by the server. */
export interface Draft {
  name: string;
  email: string;
  message: string;
  rating?: number | null;
}

export interface StoredDraft extends Draft {
  /** The Idempotency-Key for this exact text; kept across retries and reloads. */
  key?: string;
  /** Fingerprint of the text the key was made for. */
  keyFor?: string;
  savedAt: number;
}

/** The storage key of the draft of a thread, or of a reply in it. */
export function draftKey(thread: string, parent?: string | null): string {
  return `article-feedback:draft:${thread}${parent ? `#${parent}` : ''}`;
}

export function loadDraft(key: string): Draft | null {
  const d = safeStorage.getJSON<Partial<StoredDraft>>(key);
  if (!d || typeof d !== 'object') return null;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    name: text(d.name),
    email: text(d.email),
    message: text(d.message),
    rating: typeof d.rating === 'number' ? d.rating : null,
  };
}

export function saveDraft(key: string, draft: Draft): void {
  if (!draft.name && !draft.email && !draft.message && !draft.rating) {
    safeStorage.remove(key);
    return;
  }
  const prev = safeStorage.getJSON<Partial<StoredDraft>>(key);
  safeStorage.setJSON(key, { ...draft, savedAt: Date.now(), key: prev?.key, keyFor: prev?.keyFor });
}

export const IDENTITY_KEY = 'article-feedback:identity';

/** Name and email of the reader, remembered across threads after a successful post. */
export function loadIdentity(): { name: string; email: string } | null {
  const v = safeStorage.getJSON<{ name?: unknown; email?: unknown }>(IDENTITY_KEY);
  return v && typeof v.name === 'string' && typeof v.email === 'string' ? { name: v.name, email: v.email } : null;
}
