import { COUNTS_THREADS_MAX } from '../../contract/constants.js';

/** One thread's entry in the answer of `GET /counts` (SPEC §6.4). */
export interface ThreadCounts {
  comments: number;
  rating: { average: number; count: number };
}

/** A batch: the threads it asks for, and its answer to come (thread → counts). */
type Batch = [threads: Set<string>, answer: Promise<Map<string, ThreadCounts>>];

/** Per endpoint, the batch that the elements asking in this task join. */
const open = new Map<string, Batch>();

/**
 * The counts of one thread. Every `<comment-count>` that asks in the same task joins one batch
 * per endpoint, sent in a microtask as `GET /counts?thread=…&thread=…`; an element added later
 * starts the next batch. A batch holds at most 100 threads (the server's limit): the 101st
 * thread opens a new batch, so a page of 250 counts sends three requests. Resolves to
 * `undefined` when the request failed or its answer has no entry for the thread.
 */
export function countsOf(endpoint: string, thread: string): Promise<ThreadCounts | undefined> {
  let batch = open.get(endpoint);
  if (!batch || (batch[0].size >= COUNTS_THREADS_MAX && !batch[0].has(thread))) {
    const threads = new Set<string>();
    const answer = Promise.resolve().then(() => {
      // Only the newest batch is still open (a full one was replaced when the next one opened).
      if (open.get(endpoint) === batch) open.delete(endpoint);
      return fetch(`${endpoint}/counts?${new URLSearchParams([...threads].map((t) => ['thread', t]))}`)
        .then((res) => res.json())
        .then((body: { counts: Record<string, ThreadCounts> }) => new Map(Object.entries(body.counts)));
    });
    open.set(endpoint, (batch = [threads, answer]));
  }
  batch[0].add(thread);
  // A failed request (or an error answer, without `counts`) answers none of its threads.
  return batch[1].then(
    (answers) => answers.get(thread),
    () => undefined,
  );
}
