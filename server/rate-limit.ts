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

export interface MemoryRateLimiterOptions {
  /** Length of the sliding window. Default one minute. */
  windowMs?: number;
  /** At most this many clients are remembered. Default 50,000. */
  maxClients?: number;
  /** At most this many write times are remembered over all clients. Default 1,000,000. */
  maxTimestamps?: number;
}

/**
 * One client's last writes: a ring of at most `limit` accepted times (`oldest` indexes the
 * oldest once full), linked into a list in least-recently-written order.
 */
interface ClientWindow {
  client: string;
  times: number[];
  oldest: number;
  /** Toward the least recently written. */
  previous: ClientWindow | null;
  /** Toward the most recently written. */
  next: ClientWindow | null;
}

/**
 * The in-memory limiter: an exact sliding window (at most `limit` accepted writes in any
 * `windowMs`) per client. Every operation is O(1) amortised, whatever the number of clients:
 *
 * - a client's window is a ring of its last `limit` accepted times, so a hit compares with the
 *   oldest one and overwrites it, never filtering a list;
 * - clients are also linked in least-recently-written order (a hit moves its client to the
 *   end), so clients whose window has passed sit at the front, and each hit drops up to two of
 *   them. (A linked list, not the Map's own order: iterating a Map from its start after many
 *   deletions skips every deleted slot, which is the linear cost this replaces.)
 * - past `maxClients` clients or `maxTimestamps` remembered times, the least recently active
 *   client is forgotten, which bounds memory. An attacker who floods it with fresh addresses
 *   can so reset the budget of the quietest clients (they get their full budget back); the
 *   alternative, refusing new clients when full, would let them lock everyone out.
 *
 * With several instances each counts its own share; use a shared limiter for exact limits.
 */
export class MemoryRateLimiter implements RateLimiter {
  private readonly clients = new Map<string, ClientWindow>();
  /** Least and most recently written clients. */
  private head: ClientWindow | null = null;
  private tail: ClientWindow | null = null;
  private timestampCount = 0;
  private readonly windowMs: number;
  private readonly maxClients: number;
  private readonly maxTimestamps: number;

  constructor(
    private readonly limit: number,
    options: MemoryRateLimiterOptions = {},
  ) {
    this.windowMs = options.windowMs ?? 60_000;
    this.maxClients = Math.max(1, options.maxClients ?? 50_000);
    // Room for at least one full window, so the cap never refuses a lone client its budget.
    this.maxTimestamps = Math.max(limit, options.maxTimestamps ?? 1_000_000);
  }

  /** How many clients and write times are remembered (for tests and monitoring). */
  get size(): { clients: number; timestamps: number } {
    return { clients: this.clients.size, timestamps: this.timestampCount };
  }

  hit(client: string, now: number): Promise<RateVerdict> {
    return Promise.resolve(this.hitNow(client, now));
  }

  private hitNow(client: string, now: number): RateVerdict {
    if (this.limit <= 0) return { ok: true, retryAfter: 0 };
    const since = now - this.windowMs;
    // Two at most: enough to outpace new clients (one per hit), and O(1) per hit.
    for (let budget = 2; budget > 0 && this.head && this.latest(this.head) <= since; budget--) this.forget(this.head);

    let window = this.clients.get(client);
    if (window) this.unlink(window);
    else {
      window = { client, times: [], oldest: 0, previous: null, next: null };
      this.clients.set(client, window);
    }
    this.append(window);

    if (window.times.length < this.limit) {
      window.times.push(now);
      this.timestampCount += 1;
      this.enforceCaps();
      return { ok: true, retryAfter: 0 };
    }
    const oldest = window.times[window.oldest]!;
    if (oldest > since) {
      return { ok: false, retryAfter: Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000)) };
    }
    window.times[window.oldest] = now;
    window.oldest = (window.oldest + 1) % this.limit;
    return { ok: true, retryAfter: 0 };
  }

  /** Past a cap, forgets the least recently active clients, never the one just written (the tail). */
  private enforceCaps(): void {
    while (
      this.head &&
      this.head !== this.tail &&
      (this.clients.size > this.maxClients || this.timestampCount > this.maxTimestamps)
    ) {
      this.forget(this.head);
    }
  }

  /** The latest accepted write of a client. */
  private latest(window: ClientWindow): number {
    const { times, oldest } = window;
    if (times.length < this.limit) return times[times.length - 1] ?? -Infinity;
    return times[(oldest + this.limit - 1) % this.limit]!;
  }

  private forget(window: ClientWindow): void {
    this.unlink(window);
    this.clients.delete(window.client);
    this.timestampCount -= window.times.length;
  }

  private unlink(window: ClientWindow): void {
    if (window.previous) window.previous.next = window.next;
    else this.head = window.next;
    if (window.next) window.next.previous = window.previous;
    else this.tail = window.previous;
    window.previous = window.next = null;
  }

  private append(window: ClientWindow): void {
    window.previous = this.tail;
    if (this.tail) this.tail.next = window;
    else this.head = window;
    this.tail = window;
  }
}
