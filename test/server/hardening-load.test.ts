/**
 * Load with retries, against the real server process (socket, SQLite in WAL mode):
 * 2,000 distinct comments posted at concurrency 50, each with its own Idempotency-Key, plus
 * 200 repeats of earlier keys — half queued right behind their original so they race it, half
 * sent after the burst — and exactly 2,000 comments must exist afterwards, every repeat
 * answering with its original's comment. The longer variant with figures is `bench/load.ts`.
 *
 * The database lives on tmpfs (/dev/shm) when there is one: this test is about concurrency and
 * idempotency, and a disk flush per commit on a shared CI disk would take it past a minute.
 * Durability on a real disk is `crash.test.ts` (SIGKILL mid-burst).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { listAllIds, runLoad, storedRows } from '../../bench/load.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';

describe('load: 2,000 posts at concurrency 50 plus 200 repeated keys', { timeout: 240_000 }, () => {
  let server: ServerProcess;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'af-load-'));
    server = await startServerProcess({
      dbPath: join(dir, 'comments.db'),
      env: { RATE_LIMIT_WRITES: '0', CAPTCHA: 'none', MODERATION: 'off' },
    });
  });
  after(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores exactly 2,000 comments; every repeat answers with its original', async () => {
    const thread = 'load/burst';
    const r = await runLoad(server.apiUrl, { posts: 2000, repeats: 200, concurrency: 50, thread }, 30_000);
    const stored = storedRows(server.dbPath, thread);
    console.log(
      `# load: ${r.sent} posts sent (2000 distinct keys + 200 repeats) in ${(r.ms / 1000).toFixed(1)} s at concurrency 50; ` +
        `answers ${JSON.stringify(r.statuses)}, ${r.replayed} replayed; ${stored.rows} comments stored`,
    );
    assert.equal(r.sent, 2200);
    assert.deepEqual(r.statuses, { 201: 2200 });
    assert.equal(r.ids.size, 2000);
    assert.equal(new Set(r.ids.values()).size, 2000, 'two keys share one comment');
    assert.equal(r.mismatchedRepeats, 0, 'a repeat created or named another comment');
    assert.equal(r.replayed, 200);

    const listed = await listAllIds(server.apiUrl, thread);
    assert.equal(listed.total, 2000);
    assert.equal(listed.ids.length, 2000);
    assert.deepEqual(new Set(listed.ids), new Set(r.ids.values()));
    // Straight from the file: no hidden duplicates in any status.
    assert.deepEqual(stored, { rows: 2000, distinctMessages: 2000 });
  });
});
