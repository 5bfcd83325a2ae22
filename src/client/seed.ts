import type { CommentPage, RatingAggregate } from '../contract/schemas.js';

/**
 * What a server-rendered block (#19, `renderFeedback` in src/server-render/) carries for its
 * elements, so that they take over the rendered block without loading it again: the first page
 * of comments and the rating, each in a `<script type="application/json" id="<seedId()>">`.
 */
export interface Seed {
  comments?: CommentPage;
  rating?: RatingAggregate;
}

/** The id of the script element that carries one part of a thread's seed. */
export const seedId = (part: keyof Seed, thread: string): string => `article-feedback-${part}:${thread}`;

/** The seed of the render in progress on the server (a server render is synchronous). */
let rendering: Seed | undefined;

/** Runs a server render whose elements find `seed` instead of loading anything. */
export function renderWithSeed<T>(seed: Seed, render: () => T): T {
  rendering = seed;
  try {
    return render();
  } finally {
    rendering = undefined;
  }
}

/**
 * A part of the thread's server-rendered data, once: the script goes with it, so a later load
 * (another order, "Retry", a block put back into the page) asks the server. Undefined when the
 * page carries none.
 */
export function seeded<K extends keyof Seed>(thread: string, part: K): Seed[K] {
  if (rendering) return rendering[part];
  const script = document.getElementById(seedId(part, thread)) as HTMLScriptElement | null;
  script?.remove();
  return script ? (JSON.parse(script.text) as Seed[K]) : undefined;
}
