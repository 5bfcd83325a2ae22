import { COUNTS_THREADS_MAX } from '../../contract/constants.js';

/** One thread's entry in the answer of `GET /counts` (SPEC §6.4). */
export interface ThreadCounts {
  comments: number;
  rating: { average: number; count: number };
}

/** Per endpoint: the threads asked for in this task, and their answers to come. */
const batches = new Map<string, { threads: Set<string>; answers: Promise<Map<string, ThreadCounts>> }>();

/**
 * The counts of one thread. Every `<comment-count>` that asks in the same task joins one batch
 * per endpoint, sent in a microtask as `GET /counts?thread=…&thread=…` (one request per 100
 * threads); an element added later starts the next batch. Resolves to `undefined` when the
 * request failed or its answer has no entry for the thread.
 */
export function countsOf(endpoint: string, thread: string): Promise<ThreadCounts | undefined> {
  let batch = batches.get(endpoint);
  if (!batch) {
    const threads = new Set<string>();
    const answers = Promise.resolve().then(() => {
      batches.delete(endpoint);
      return ask(endpoint, [...threads]);
    });
    batches.set(endpoint, (batch = { threads, answers }));
  }
  batch.threads.add(thread);
  return batch.answers.then((answers) => answers.get(thread));
}

async function ask(endpoint: string, threads: string[]): Promise<Map<string, ThreadCounts>> {
  const requests = [];
  for (let start = 0; start < threads.length; start += COUNTS_THREADS_MAX) {
    const query = new URLSearchParams(threads.slice(start, start + COUNTS_THREADS_MAX).map((t) => ['thread', t]));
    requests.push(
      fetch(`${endpoint}/counts?${query}`)
        .then((res) => res.json())
        .then((answer: { counts: Record<string, ThreadCounts> }) => Object.entries(answer.counts))
        // A failed request (or an error answer, without `counts`) answers none of its threads.
        .catch(() => []),
    );
  }
  return new Map((await Promise.all(requests)).flat());
}
