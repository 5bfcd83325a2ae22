/**
 * Calls made in the same event-loop turn, answered by one run over all their inputs (#24): the
 * first call of a turn waits for the end of that turn (setImmediate), so the requests read in
 * it go together; nothing waits on a timer, so a lone call runs at once.
 *
 * `run` answers the inputs in their order (one result each); when it throws, every call of the
 * group gets that error.
 */
export function perTurn<I, R>(run: (inputs: I[]) => R[] | Promise<R[]>): (input: I) => Promise<R> {
  type Waiting = { input: I; resolve(result: R): void; reject(error: unknown): void };
  let waiting: Waiting[] = [];
  const flush = async () => {
    const group = waiting;
    waiting = [];
    try {
      const results = await run(group.map((w) => w.input));
      group.forEach((w, i) => w.resolve(results[i]!));
    } catch (error) {
      for (const w of group) w.reject(error);
    }
  };
  return (input) =>
    new Promise<R>((resolve, reject) => {
      if (waiting.push({ input, resolve, reject }) === 1) setImmediate(flush);
    });
}
