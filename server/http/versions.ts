/**
 * Thread versions as the reads see them (issue #24), with the staleness bound READ_STALE_MS.
 *
 * With a bound of 0 every call reads the database. With a bound of N ms (the default is 1000
 * on both stores: on PostgreSQL each read is a round trip, on SQLite a read transaction with
 * three system calls, see config.ts) a version read from the database is used again for at
 * most N ms, counted from the moment the read was **sent**: an
 * answer made from it shows every write committed before that moment, so no instance ever serves
 * an answer older than the database was N ms earlier. Sooner than that:
 *   - `forget(thread)` drops what is kept (a NOTIFY from another instance's write,
 *     store/pg-listen.ts; `forget(null)` drops everything: a write through this instance, a lost
 *     or re-made LISTEN connection). A read in flight when something is forgotten is not kept.
 *   - A lost LISTEN connection never lengthens the bound: it only stops the early forgetting.
 */
import type { Store } from '../store/types.js';

interface Kept {
  version: number;
  /** When the read that gave it was sent (monotonic ms). */
  at: number;
}

/** Versions kept at most (each a few dozen bytes); past it everything is dropped at once. */
const MAX_KEPT = 100_000;

export class ThreadVersions {
  private readonly one = new Map<string, Kept>();
  private readonly many = new Map<string, Kept>();
  private readonly inFlight = new Map<string, { at: number; promise: Promise<number> }>();
  /** Grows with every `forget`: a read begun under an older epoch is not kept. */
  private epoch = 0;

  constructor(
    private readonly store: Pick<Store, 'threadVersion' | 'threadsVersion'>,
    /** READ_STALE_MS; 0 = read the database on every call. */
    readonly staleMs: number,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** One thread's version: a number when kept, else the database's (a promise). */
  thread(thread: string): number | Promise<number> {
    if (this.staleMs === 0) return this.store.threadVersion(thread);
    return this.kept(this.one, thread, () => this.store.threadVersion(thread));
  }

  /** The sum of several threads' versions (`Store.threadsVersion`), kept likewise. */
  threads(threads: readonly string[]): number | Promise<number> {
    if (this.staleMs === 0) return this.store.threadsVersion(threads);
    return this.kept(this.many, threads.join('\n'), () => this.store.threadsVersion(threads));
  }

  /** Drops what is kept of `thread` (and every sum), or of everything (`null`). */
  forget(thread: string | null): void {
    if (this.staleMs === 0) return;
    this.epoch++;
    this.inFlight.clear();
    this.many.clear();
    if (thread === null) this.one.clear();
    else this.one.delete(thread);
  }

  private kept(map: Map<string, Kept>, key: string, read: () => Promise<number>): number | Promise<number> {
    const now = this.clock();
    const hit = map.get(key);
    if (hit && now - hit.at < this.staleMs) return hit.version;
    // Requests arriving together share one read while it is young enough to be used.
    const flightKey = map === this.one ? `1${key}` : `n${key}`;
    const flying = this.inFlight.get(flightKey);
    if (flying && now - flying.at < this.staleMs) return flying.promise;
    const epoch = this.epoch;
    const promise = read().then(
      (version) => {
        if (this.inFlight.get(flightKey)?.promise === promise) this.inFlight.delete(flightKey);
        if (epoch === this.epoch) {
          if (map.size >= MAX_KEPT) map.clear();
          map.set(key, { version, at: now });
        }
        return version;
      },
      (error: unknown) => {
        if (this.inFlight.get(flightKey)?.promise === promise) this.inFlight.delete(flightKey);
        throw error;
      },
    );
    this.inFlight.set(flightKey, { at: now, promise });
    return promise;
  }
}
