import { COUNTS_THREADS_MAX } from '../../contract/constants.js';

/** One thread's entry in the answer of `GET /counts` (SPEC §6.4). */
export interface ThreadCounts {
  comments: number;
  rating: { average: number; count: number };
}

/** The answer of `GET /counts`: thread → counts. */
type Counts = Record<string, ThreadCounts>;

/** A batch: the threads it asks for, and its answer to come. */
type Batch = [threads: Set<string>, answer: Promise<Counts>];

/** Per endpoint, the batch that elements asking now join. */
const open = new Map<string, Batch>();

/**
 * The counts of one thread. Every `<comment-count>` that asks in the same task joins one batch
 * per endpoint, sent in a microtask as `GET /counts?thread=…&thread=…`; an element added later
 * starts the next batch. A batch holds at most 100 threads (the server's limit): a new thread
 * after that opens another batch, so a page of 250 counts sends three requests. Rejects when
 * the request failed (or answered an error, without `counts`).
 *
 * The answer is the server's JSON object, read by thread: an entry it lacks is `undefined`, or
 * for a name like `constructor` an inherited member without `comments`, which the element
 * cannot show either (it shows nothing for both).
 */
export function countsOf(endpoint: string, thread: string): Promise<ThreadCounts | undefined> {
  let batch = open.get(endpoint);
  if (!batch || (batch[0].size >= COUNTS_THREADS_MAX && !batch[0].has(thread))) {
    const threads = new Set<string>();
    const answer = (async () => {
      await null; // the rest of the task: every element connected in it adds its thread first
      // Closes the endpoint's open batch: this one, or (when this one filled up) the next one,
      // whose own turn comes in the same checkpoint.
      open.delete(endpoint);
      const query = new URLSearchParams([...threads].map((t) => ['thread', t]));
      const res = await fetch(`${endpoint}/counts?${query}`);
      return ((await res.json()) as { counts: Counts }).counts;
    })();
    open.set(endpoint, (batch = [threads, answer]));
  }
  batch[0].add(thread);
  return batch[1].then((counts) => counts[thread]);
}
