/**
 * The server's SQLite WAL stays bounded (#24): with checkpoints in a worker thread, writes that
 * never pause used to leave the WAL file growing without end (SQLite starts it over only once
 * a checkpoint has copied all of it), and its file kept that size after the burst.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openSqliteStore } from '../../server/store/sqlite.js';
import type { Store } from '../../server/store/types.js';
import { storedComments } from '../helpers/stored-comment.js';

const MiB = 1024 * 1024;
const LIMIT = 1 * MiB;
const comment = storedComments('wal', () => ({ thread: 'articles/wal', createdAt: Date.now() }));

describe('the SQLite WAL under writes that never pause', () => {
  let dir: string;
  let path: string;
  let store: Store;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'af-wal-'));
    path = join(dir, 'comments.db');
    store = await openSqliteStore(path, { backgroundCheckpoints: true, walLimitBytes: LIMIT });
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const walSize = () => {
    try {
      return statSync(`${path}-wal`).size;
    } catch {
      return 0;
    }
  };

  it('starts the WAL over during a burst once it passes its limit, and cuts its file back after', async () => {
    // At least 8,000 comments and at least a second: the worker checkpoints every 100 ms at most,
    // so a fast machine writes many MB between two checkpoints; a burst of ten or more of them
    // tells a bounded WAL from one that grows with the burst on any machine.
    const least = 8_000;
    const until = Date.now() + 1_000;
    const inFlight = 64;
    let sent = 0;
    let largest = 0;
    let grown = 0; // what the WAL file grew by, summed over the samples: what the burst wrote
    let last = walSize();
    const sample = () => {
      const size = walSize();
      largest = Math.max(largest, size);
      if (size > last) grown += size - last;
      last = size;
    };
    const sampler = setInterval(sample, 2);
    // A new comment as soon as one is stored, so the writer never waits for work.
    const lane = async () => {
      while (sent < least || Date.now() < until) {
        sent++;
        await store.createComment(comment({ message: `A long enough comment. `.repeat(80) }));
        sample();
      }
    };
    await Promise.all(Array.from({ length: inFlight }, lane));
    clearInterval(sampler);
    assert.equal(await store.countPublished('articles/wal'), sent);
    assert.ok(grown >= 8 * LIMIT, `the burst wrote ${grown} bytes to the WAL: not enough to tell`);
    // Started over during the burst (a slow machine: 6–7 MB of 22–23; a fast one: 17 MB of
    // 122; without the bound, all of it: 149 MB of 149).
    assert.ok(largest < grown / 2, `the WAL file reached ${largest} bytes of the ${grown} written (limit ${LIMIT})`);

    // After the burst, the next write starts the WAL over and cuts its file back to the limit.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await store.createComment(comment());
    assert.ok(walSize() <= LIMIT, `the WAL file kept ${walSize()} bytes after the burst (limit ${LIMIT})`);
  });
});
