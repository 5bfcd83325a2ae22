/**
 * Write limits counted in the database, for servers whose instances share one PostgreSQL
 * database: `RATE_LIMIT_WRITES` then means the same number with one instance or ten. A client's
 * window starts at its first write and lasts a minute, so the limit never doubles at a
 * clock-minute boundary. The writes that arrive in one event-loop turn are counted in one
 * upsert (store.countWrites, #24): one round trip and one commit for all of them, each write's
 * verdict as if they had been counted one by one.
 */
import type { RateLimiter, RateVerdict } from '../rate-limit.js';
import type { Store, WriteCount } from './types.js';

interface Waiting {
  client: string;
  now: number;
  resolve(count: WriteCount): void;
  reject(error: unknown): void;
}

export class DatabaseRateLimiter implements RateLimiter {
  private waiting: Waiting[] = [];

  constructor(
    private readonly store: Pick<Store, 'countWrites'>,
    private readonly limit: number,
    private readonly windowMs = 60_000,
  ) {}

  async hit(client: string, now: number): Promise<RateVerdict> {
    if (this.limit <= 0) return { ok: true, retryAfter: 0 };
    const { hits, windowStart } = await this.count(client, now);
    if (hits <= this.limit) return { ok: true, retryAfter: 0 };
    return { ok: false, retryAfter: Math.max(1, Math.ceil((windowStart + this.windowMs - now) / 1000)) };
  }

  private count(client: string, now: number): Promise<WriteCount> {
    return new Promise((resolve, reject) => {
      if (this.waiting.push({ client, now, resolve, reject }) === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const group = this.waiting;
    this.waiting = [];
    this.store.countWrites(group, this.windowMs).then(
      (counts) => group.forEach((w, i) => w.resolve(counts[i]!)),
      (error: unknown) => group.forEach((w) => w.reject(error)),
    );
  }
}
