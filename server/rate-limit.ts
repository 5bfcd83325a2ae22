/**
 * Per-client write limits (`RATE_LIMIT_WRITES` per minute). The routes see only the
 * `RateLimiter` interface, so an implementation shared by several instances (kept in the
 * database) can replace the in-memory one without touching a route.
 */
export interface RateVerdict {
  ok: boolean;
  /** Seconds until the next write is allowed (when not ok); 0 when ok. */
  retryAfter: number;
}

export interface RateLimiter {
  /** Counts one write by `client` (an opaque key, e.g. a hash of the address) at `now` (ms). */
  hit(client: string, now: number): Promise<RateVerdict>;
}

/**
 * The in-memory limiter: a sliding window of timestamps per client. With several instances
 * each counts its own share, which is acceptable for a limit meant to slow down floods.
 */
export class MemoryRateLimiter implements RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
  ) {}

  hit(client: string, now: number): Promise<RateVerdict> {
    return Promise.resolve(this.hitNow(client, now));
  }

  private hitNow(client: string, now: number): RateVerdict {
    if (this.limit <= 0) return { ok: true, retryAfter: 0 };
    const since = now - this.windowMs;
    const recent = (this.hits.get(client) ?? []).filter((t) => t > since);
    if (recent.length >= this.limit) {
      this.hits.set(client, recent);
      return { ok: false, retryAfter: Math.max(1, Math.ceil((recent[0]! + this.windowMs - now) / 1000)) };
    }
    recent.push(now);
    this.hits.set(client, recent);
    if (this.hits.size > 10_000) this.sweep(since);
    return { ok: true, retryAfter: 0 };
  }

  private sweep(since: number): void {
    for (const [client, times] of this.hits) if (times[times.length - 1]! <= since) this.hits.delete(client);
  }
}
