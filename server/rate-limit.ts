/**
 * Per-client write limits (`RATE_LIMIT_WRITES` per minute), kept in memory: a sliding window
 * of timestamps per client hash. With several instances each counts its own share, which is
 * acceptable for a limit meant to slow down floods, not to meter.
 */
export interface RateVerdict {
  ok: boolean;
  /** Seconds until the next write is allowed (when not ok). */
  retryAfter: number;
}

export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
  ) {}

  hit(client: string, now = Date.now()): RateVerdict {
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
