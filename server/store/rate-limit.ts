/**
 * Write limits counted in the database, for servers whose instances share one PostgreSQL
 * database: `RATE_LIMIT_WRITES` then means the same number with one instance or ten. Each write
 * costs one upsert (store.countWrite); a client's window starts at its first write and lasts a
 * minute, so the limit never doubles at a clock-minute boundary.
 */
import type { Store } from './types.js';

export interface RateVerdict {
  ok: boolean;
  /** Seconds until the next write is allowed (when not ok). */
  retryAfter: number;
}

export class DatabaseRateLimiter {
  constructor(
    private readonly store: Pick<Store, 'countWrite'>,
    private readonly limit: number,
    private readonly windowMs = 60_000,
  ) {}

  async hit(client: string, now: number): Promise<RateVerdict> {
    if (this.limit <= 0) return { ok: true, retryAfter: 0 };
    const { hits, windowStart } = await this.store.countWrite(client, now, this.windowMs);
    if (hits <= this.limit) return { ok: true, retryAfter: 0 };
    return { ok: false, retryAfter: Math.max(1, Math.ceil((windowStart + this.windowMs - now) / 1000)) };
  }
}
