/**
 * Group commit (issue #24): comments that arrive together are stored in one transaction, so
 * they share one commit (one fsync on SQLite, one WAL flush on PostgreSQL), and each caller is
 * answered only after that commit. A comment that fails fails alone: its caller gets the error,
 * the others are still stored (kysely-store.ts writes the batch again with a savepoint each).
 *
 * How batches form: the first comment waits for the end of the current event-loop turn
 * (setImmediate), so comments whose requests were read in the same turn go together; while a
 * batch is being committed, the next comments queue and form the next batch. Nothing waits
 * on a timer, so a lone comment is stored as soon as it comes.
 *
 * One batch at a time per store (per instance), on both databases: SQLite has one writer, and
 * on PostgreSQL several at once (it allowed half the pool) only split the waiting comments into
 * more, smaller batches, more statements and commits for as many comments, which then waited on
 * each other's row locks (the thread's version): 1,100–2,100 posts/s against 1,600–2,800 with
 * one, on one thread and spread over twenty alike (bench/server.ts on 2 cores, #24).
 */

interface Waiting<I, R> {
  input: I;
  resolve(result: R): void;
  reject(error: unknown): void;
}

/** What became of one item of a committed batch. */
export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

export interface GroupCommitOptions {
  /** Items per transaction at most. */
  max: number;
}

export class GroupCommit<I, R> {
  private readonly queue: Waiting<I, R>[] = [];
  /** A batch is being committed: one at a time, so the comments queued meanwhile form the next. */
  private running = false;
  private scheduled = false;
  /** Transactions committed and items they carried (for tests and diagnostics). */
  readonly stats = { batches: 0, items: 0 };

  /**
   * `commitBatch` stores the inputs in one transaction and resolves, after the commit, with one
   * outcome per input (an input that failed is left out alone); when it
   * throws (the transaction itself failed), every caller of the batch gets that error.
   */
  constructor(
    private readonly commitBatch: (inputs: I[]) => Promise<Outcome<R>[]>,
    private readonly options: GroupCommitOptions,
  ) {}

  submit(input: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.running || this.queue.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.running || this.queue.length === 0) return;
    this.running = true;
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, this.options.max);
        let outcomes: Outcome<R>[];
        try {
          outcomes = await this.commitBatch(batch.map((item) => item.input));
          this.stats.batches++;
          this.stats.items += batch.length;
        } catch (error) {
          for (const item of batch) item.reject(error);
          continue;
        }
        batch.forEach((item, i) => {
          const outcome = outcomes[i]!;
          if (outcome.ok) item.resolve(outcome.value);
          else item.reject(outcome.error);
        });
      }
    } finally {
      this.running = false;
      this.schedule();
    }
  }
}
