/**
 * A long thread on screen without a long task (#24): the first update renders the first
 * `FIRST_SLICE` top-level threads (a screenful and more), and each later task more (see
 * `SLICE_MAX`), until all are there. They are appended in their final order, so the reading and keyboard
 * order is the order of the list at every step; nothing is left out for good.
 */
import type { ReactiveElement } from 'lit';

const FIRST_SLICE = 25;
/**
 * Each slice doubles what is shown, by `SLICE_MAX` at most: a slice costs only its new comments
 * (the list renders a comment already shown again only when something it shows changed). The
 * second is small, so that the first comments are painted before it; no slice is long enough to
 * hold up input.
 */
const SLICE_MAX = 100;

/** The first slices of `items`; while some are left out, the next slice is scheduled. */
export function firstSlices<T>(
  host: ReactiveElement & {
    /** @internal How many top-level threads the list shows so far (kept on the list). */
    _shown?: number;
  },
  items: T[],
): T[] {
  const n = (host._shown ??= FIRST_SLICE);
  if (items.length > n)
    // Every render before it fires schedules the same step, so extra calls are harmless.
    // A task of its own: the page paints and answers input between two slices.
    setTimeout(() => {
      host._shown = n + Math.min(n, SLICE_MAX);
      host.requestUpdate();
    });
  return items.slice(0, n);
}
