/** Runs `f`, or answers `fallback` when storage throws (private mode, full, sandboxed iframe, none). */
function attempt<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}

/** `localStorage` that never throws (private mode, storage full, sandboxed iframes). */
export const safeStorage = {
  get: (key: string): string | null => attempt(() => localStorage.getItem(key), null),
  set: (key: string, value: string): boolean => attempt(() => (localStorage.setItem(key, value), true), false),
  remove: (key: string): void => attempt(() => localStorage.removeItem(key), undefined),
  getJSON: <T>(key: string): T | null =>
    attempt(() => JSON.parse(localStorage.getItem(key) ?? 'null') as T | null, null),
  setJSON: (key: string, value: unknown): boolean => safeStorage.set(key, JSON.stringify(value)),
};

/** A random id from the platform's CSPRNG, URL-safe. */
export function randomId(bytes = 16): string {
  const buf = new Uint8Array(bytes);
  crypto.getRandomValues(buf);
  let s = '';
  for (const b of buf) s += b.toString(36).padStart(2, '0');
  return s;
}
