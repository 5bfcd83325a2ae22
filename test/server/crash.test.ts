import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
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
});
