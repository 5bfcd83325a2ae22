/**
 * Group commit (issue #24): comments that arrive together are stored in one transaction, so
 * they share one commit (one fsync on SQLite, one WAL flush on PostgreSQL), and each caller is
 * answered only after that commit. Each comment runs inside its own savepoint: one that fails
 * is rolled back alone and its caller gets the error, the others are still stored.
 *
 * How batches form: the first comment waits for the end of the current event-loop turn
 * (setImmediate), so comments whose requests were read in the same turn go together; while a
 * batch is being committed, the next comments queue and form the next batch. Nothing waits
 * on a timer, so a lone comment is stored as soon as it comes.
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
  /** Batches being committed at the same time at most (1 on SQLite, which has one writer). */
  concurrent: number;
}

export class GroupCommit<I, R> {
  private readonly queue: Waiting<I, R>[] = [];
  private running = 0;
  private scheduled = false;
  /** Transactions committed and items they carried (for tests and diagnostics). */
  readonly stats = { batches: 0, items: 0 };

  /**
   * `commitBatch` stores the inputs in one transaction and resolves, after the commit, with one
   * outcome per input (an input that failed was rolled back to its savepoint alone); when it
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
    if (this.scheduled || this.running >= this.options.concurrent || this.queue.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.running >= this.options.concurrent || this.queue.length === 0) return;
    this.running++;
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, this.options.max);
        // Another batch can start while this one commits (PostgreSQL).
        this.schedule();
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
      this.running--;
      this.schedule();
    }
  }
}
