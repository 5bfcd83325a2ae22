/**
 * The delivery worker (#16): runs in the server process, takes due outbox rows (store/outbox.ts
 * makes each claim exclusive across instances), sends them, and records the outcome. A request
 * that queued something only wakes it; nobody waits for it.
 *
 * Retries: after the n-th failed attempt the next one waits NOTIFY_RETRY_BASE_MS × 2^(n−1), at
 * most an hour, plus up to a quarter more at random (so receivers that come back are not hit
 * by every instance at the same moment). Attempts go on until NOTIFY_RETRY_HOURS after the row
 * was queued (the last one at that moment); an attempt that fails after it marks the row
 * `failed`, where the admin API shows it and a moderator may retry it.
 */
import type { Delivery, OutboxStore } from '../store/outbox.js';

export interface WorkerOptions {
  outbox: OutboxStore;
  /** Sends one delivery; throws (with the reason as its message) when it did not go through. */
  deliver: (delivery: Delivery) => Promise<void>;
  /** Looks for due rows this often when nobody wakes the worker. */
  pollMs: number;
  /** How long a claimed row stays this worker's. */
  leaseMs: number;
  retryBaseMs: number;
  /** How long after queueing a row is still retried. */
  retryWindowMs: number;
  now: () => number;
  /** In [0, 1); tests pass a fixed one. */
  random?: () => number;
  /** Rows taken per claim, sent at once. */
  batch?: number;
  /** Told about a failure of the worker itself (not of a delivery), e.g. the database is down. */
  onError?: (error: unknown) => void;
}

/** The longest wait between two attempts, before jitter. */
export const MAX_RETRY_DELAY_MS = 60 * 60 * 1000;

/** When the attempt after the n-th failed one is due, or null when the row has run out of time. */
export function nextAttemptAt(
  delivery: Pick<Delivery, 'attempts' | 'createdAt'>,
  failedAt: number,
  options: { retryBaseMs: number; retryWindowMs: number; random: () => number },
): number | null {
  const deadline = delivery.createdAt + options.retryWindowMs;
  if (failedAt >= deadline) return null;
  const exponent = Math.min(delivery.attempts - 1, 30);
  const delay = Math.min(options.retryBaseMs * 2 ** exponent, MAX_RETRY_DELAY_MS) * (1 + options.random() * 0.25);
  return Math.min(failedAt + Math.round(delay), deadline);
}

export class DeliveryWorker {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<unknown> | undefined;
  private wokenWhileRunning = false;
  private stopped = true;
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly options: WorkerOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.wake();
  }

  /** Looks for due rows now (a request just queued some). Never waits for the deliveries. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.wokenWhileRunning = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.stopped) return;
      if (this.wokenWhileRunning) {
        this.wokenWhileRunning = false;
        this.wake();
      } else this.timer = setTimeout(() => this.wake(), this.options.pollMs);
    });
  }

  /** Stops taking rows and waits (at most `graceMs`) for the deliveries in flight to be recorded. */
  async stop(graceMs = 5000): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const pending = [...(this.running ? [this.running] : []), ...this.inFlight];
    let timeout: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      Promise.allSettled(pending),
      new Promise((resolve) => (timeout = setTimeout(resolve, graceMs))),
    ]);
    clearTimeout(timeout);
  }

  /** Claims and sends batches until nothing is due. Resolves to how many rows it handled. */
  async drain(): Promise<number> {
    let handled = 0;
    const batch = this.options.batch ?? 10;
    try {
      for (;;) {
        const claimed = await this.options.outbox.claimDue(batch, this.options.leaseMs);
        if (claimed.length === 0) return handled;
        handled += claimed.length;
        await Promise.all(claimed.map((delivery) => this.track(this.attempt(delivery))));
        if (this.stopped || claimed.length < batch) return handled;
      }
    } catch (error) {
      this.options.onError?.(error);
      return handled;
    }
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    this.inFlight.add(promise);
    return promise.finally(() => this.inFlight.delete(promise));
  }

  private async attempt(delivery: Delivery): Promise<void> {
    const { outbox, now } = this.options;
    try {
      await this.options.deliver(delivery);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const retryAt = nextAttemptAt(delivery, now(), {
        retryBaseMs: this.options.retryBaseMs,
        retryWindowMs: this.options.retryWindowMs,
        random: this.options.random ?? Math.random,
      });
      await outbox.markAttemptFailed(delivery.id, delivery.attempts, reason || 'failed', retryAt);
      return;
    }
    await outbox.markDelivered(delivery.id, delivery.attempts);
  }
}
