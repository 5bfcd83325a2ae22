import { safeStorage } from './storage.js';

/**
 * A `localStorage` entry read at most once per task and parsed again only when its text changed
 * (#24: the list asks for each comment it renders, all in one task). Another tab's change arrives
 * in a task of its own; after writing the entry yourself, call `changed()`. Only on-demand chunks
 * import this.
 */
export function perTaskRead<T>(key: string, parse: (raw: string | null) => T): { read(): T; changed(): void } {
  let last: { raw: string | null; value: T } | undefined;
  let current = false;
  return {
    read() {
      if (!current || !last) {
        const raw = safeStorage.get(key);
        if (!last || last.raw !== raw) last = { raw, value: parse(raw) };
        current = true;
        queueMicrotask(() => (current = false));
      }
      return last.value;
    },
    changed() {
      current = false;
    },
  };
}
