/**
 * The in-memory rate limiter under attack (#20.3): every hit O(1) amortised, memory capped.
 * The timings compare the first and the last 20,000 of 200,000 hits by distinct clients, with
 * a generous factor: a clean-up that scans the whole map grows with the number of clients
 * (quadratic overall) and blows far past it; constant work per hit does not.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryRateLimiter } from '../../server/rate-limit.js';

const START = Date.parse('2026-01-01T00:00:00Z');

describe('MemoryRateLimiter', () => {
  it('200,000 distinct clients in one minute: flat cost per hit, at most maxClients remembered', async () => {
    const limiter = new MemoryRateLimiter(10);
    const clients = 200_000;
    const batch = 20_000;
    const batchMs: number[] = [];
    let largest = 0;
    let started = performance.now();
    for (let i = 0; i < clients; i++) {
      // All within 20 s, so none of them has left the window: only the cap can bound memory.
      const verdict = await limiter.hit(`client-${i}`, START + i / 10);
      assert.equal(verdict.ok, true);
      largest = Math.max(largest, limiter.size.clients);
      if ((i + 1) % batch === 0) {
        batchMs.push(performance.now() - started);
        started = performance.now();
      }
    }
    const first = batchMs[0]!;
    const last = batchMs[batchMs.length - 1]!;
    console.log(
      `# rate limiter: ${clients} clients, ms per ${batch} hits: ${batchMs.map((ms) => ms.toFixed(0)).join(', ')}; ` +
        `at most ${largest} clients remembered`,
    );
    assert.ok(largest <= 50_000, `remembered ${largest} clients`);
    assert.equal(limiter.size.timestamps, limiter.size.clients);
    assert.ok(last < first * 5 + 100, `last batch ${last.toFixed(0)} ms vs first ${first.toFixed(0)} ms`);
  });

  it('caps the remembered write times over all clients, and a lone client still gets its full budget', async () => {
    const limiter = new MemoryRateLimiter(1000, { maxTimestamps: 5000 });
    for (let c = 0; c < 10; c++) {
      for (let i = 0; i < 1000; i++) assert.equal((await limiter.hit(`heavy-${c}`, START + i)).ok, true);
      assert.ok(limiter.size.timestamps <= 5000, `${limiter.size.timestamps} times`);
    }
    // The client written last is remembered whole: its 1,001st write in the minute is refused.
    assert.deepEqual(await limiter.hit('heavy-9', START + 2000), { ok: false, retryAfter: 58 });
  });

  it('past maxClients forgets the least recently active client, not the one being limited', async () => {
    const limiter = new MemoryRateLimiter(2, { maxClients: 3 });
    assert.equal((await limiter.hit('quiet', START)).ok, true);
    assert.equal((await limiter.hit('busy', START + 1)).ok, true);
    assert.equal((await limiter.hit('busy', START + 2)).ok, true);
    assert.equal((await limiter.hit('busy', START + 3)).ok, false);
    assert.equal((await limiter.hit('new-1', START + 4)).ok, true);
    assert.equal((await limiter.hit('new-2', START + 5)).ok, true); // over the cap: "quiet" goes
    assert.deepEqual(limiter.size, { clients: 3, timestamps: 4 });
    assert.deepEqual(await limiter.hit('busy', START + 6), { ok: false, retryAfter: 60 });
  });

  it('is an exact sliding window: the write that leaves the window frees one place', async () => {
    const limiter = new MemoryRateLimiter(3);
    for (const t of [0, 10_000, 20_000]) assert.equal((await limiter.hit('a', START + t)).ok, true);
    assert.deepEqual(await limiter.hit('a', START + 30_000), { ok: false, retryAfter: 30 });
    assert.deepEqual(await limiter.hit('a', START + 59_999), { ok: false, retryAfter: 1 });
    assert.equal((await limiter.hit('a', START + 60_001)).ok, true);
    assert.deepEqual(await limiter.hit('a', START + 60_002), { ok: false, retryAfter: 10 });
  });
});
