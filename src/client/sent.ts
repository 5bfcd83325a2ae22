import { IDENTITY_KEY, type StoredDraft } from './drafts.js';
import { randomId, safeStorage } from './storage.js';

// What happens to a draft once the reader sends it. Only the form's on-demand sending chunk
// imports this module, so the script-tag bundle does not carry it.

/**
 * The Idempotency-Key for this submission: the same one as long as the text is the same (so a
 * retry, even after a reload, never creates a second comment); a new one when the reader
 * changed what they send.
 */
export function idempotencyKey(key: string, payload: unknown): string {
  const fingerprint = JSON.stringify(payload);
  const stored = safeStorage.getJSON<StoredDraft>(key);
  if (stored?.key && stored.keyFor === fingerprint) return stored.key;
  // The time first (8 base-36 digits until 2059, so string order is time order), then 80
  // random bits: a server's index of keys grows at one end instead of taking a random page per
  // comment (#24, as the reference server's comment ids).
  const made = `af-${Date.now().toString(36)}${randomId(10)}`;
  safeStorage.setJSON(key, {
    name: '',
    email: '',
    message: '',
    savedAt: Date.now(),
    ...stored,
    key: made,
    keyFor: fingerprint,
  });
  return made;
}

/** After a 2xx: the words are safe on the server. Name and email are remembered separately. */
export function clearDraft(key: string): void {
  safeStorage.remove(key);
}

export function saveIdentity(name: string, email: string): void {
  safeStorage.setJSON(IDENTITY_KEY, { name, email });
}
