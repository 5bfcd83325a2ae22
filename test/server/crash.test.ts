import assert from 'node:assert/strict';
import { copyFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, it } from 'node:test';
import { startServerProcess } from '../helpers/server-process.js';

const THREAD = 'crash%2Ftest';

async function post(apiUrl: string, i: number): Promise<{ status: number; id?: string; key: string }> {
  const key = `crash-key-${String(i).padStart(5, '0')}`;
  const res = await fetch(`${apiUrl}/threads/${THREAD}/comments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
    body: JSON.stringify({ name: `Writer ${i}`, email: `w${i}@example.com`, message: `Burst comment ${i} — durable?` }),
  });
  const body = (await res.json()) as { comment?: { id: string } };
  return { status: res.status, key, ...(body.comment ? { id: body.comment.id } : {}) };
}

describe('durability', () => {
  it('every comment answered 2xx survives SIGKILL in the middle of a burst', async () => {
    const env = { MODERATION: 'off', RATE_LIMIT_WRITES: '0' };
    const first = await startServerProcess({ env });
    const acknowledged = new Map<string, string>(); // idempotency key → comment id
    let next = 0;
    let killed = false;
    const worker = async () => {
      while (!killed) {
        const i = next++;
        try {
          const r = await post(first.apiUrl, i);
          if (r.status === 201 && r.id) acknowledged.set(r.key, r.id);
        } catch {
          // The connection died with the process: this one was never acknowledged.
        }
      }
    };
    const workers = Array.from({ length: 16 }, worker);
    // Kill once a good number of writes were acknowledged, while the burst is still running.
    const deadline = Date.now() + 60_000;
    while (acknowledged.size < 60 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    await first.kill();
    killed = true;
    await Promise.all(workers);
    assert.ok(acknowledged.size >= 60);

    const second = await startServerProcess({ dbPath: first.dbPath, env });
    try {
      const ids = new Set<string>();
      let cursor: string | null = null;
      do {
        const url: string = `${second.apiUrl}/threads/${THREAD}/comments?limit=100&sort=oldest${cursor ? `&cursor=${cursor}` : ''}`;
        const page = (await (await fetch(url)).json()) as { comments: { id: string }[]; nextCursor: string | null };
        for (const c of page.comments) ids.add(c.id);
        cursor = page.nextCursor;
      } while (cursor);
      const lost = [...acknowledged.values()].filter((id) => !ids.has(id));
      console.log(
        `# durability: ${acknowledged.size} comments acknowledged before SIGKILL, ${ids.size} found after restart, ${lost.length} acknowledged lost`,
      );
      assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.size} acknowledged comments lost`);

      // A retry of an acknowledged request after the restart returns the same comment.
      const [key, id] = [...acknowledged.entries()][0]!;
      const retry = await post(second.apiUrl, Number(key.slice('crash-key-'.length)));
      assert.equal(retry.status, 201);
      assert.equal(retry.id, id);
      const total = ((await (await fetch(`${second.apiUrl}/threads/${THREAD}/comments`)).json()) as { total: number })
        .total;
      assert.equal(total, ids.size);
    } finally {
      await second.stop();
      rmSync(dirname(first.dbPath), { recursive: true, force: true });
    }
  });

  it('the database file alone holds the acknowledged comments soon after them (checkpoints off the event loop)', async () => {
    // The server's WAL checkpoints run in a worker thread after the commits (store/sqlite.ts);
    // SQLite's own would wait for 1,000 pages of WAL, inside a COMMIT on the event loop. Seen
    // from outside: a copy of the database file without its -wal holds what was acknowledged.
    const server = await startServerProcess({ env: { MODERATION: 'off', RATE_LIMIT_WRITES: '0' } });
    try {
      const ids = new Set<string>();
      for (const r of await Promise.all(Array.from({ length: 30 }, (_, i) => post(server.apiUrl, 50_000 + i)))) {
        assert.equal(r.status, 201);
        ids.add(r.id!);
      }
      const inFileAlone = (n: number): Set<string> => {
        const copy = join(dirname(server.dbPath), `alone-${n}.db`);
        copyFileSync(server.dbPath, copy);
        const db = new Database(copy, { readonly: true });
        try {
          return new Set(db.prepare('select id from comments').pluck().all() as string[]);
        } catch {
          return new Set(); // not even the tables yet
        } finally {
          db.close();
        }
      };
      let seen = inFileAlone(0);
      for (let n = 1; n <= 100 && [...ids].some((id) => !seen.has(id)); n++) {
        await new Promise((r) => setTimeout(r, 50));
        seen = inFileAlone(n);
      }
      assert.deepEqual(
        [...ids].filter((id) => !seen.has(id)),
        [],
        'acknowledged comments missing from the file alone',
      );
    } finally {
      await server.stop();
    }
  });
});
