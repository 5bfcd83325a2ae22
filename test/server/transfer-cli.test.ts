/**
 * `article-feedback-server import` and `export` as real processes on SQLite files (summary,
 * re-run, round trip through files, one-line failures, a run killed with SIGKILL and run again),
 * and the admin API's download of the export.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../server/store/sqlite.js';
import { importOwnExport } from '../../server/transfer/article-feedback.js';
import { openInput } from '../../server/transfer/input.js';
import { writeDisqusFile } from '../helpers/disqus-file.js';
import { runCli } from '../helpers/server-process.js';
import { commentBody, startTestServer } from './helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = (name: string) => join(root, 'test/fixtures/transfer', name);
const tmp = mkdtempSync(join(tmpdir(), 'af-transfer-cli-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

/** A command of the CLI on the SQLite file `database`. */
const cli = (args: string[], database: string, onStart?: (kill: () => void) => void) =>
  runCli(args, { DATABASE_URL: database }, onStart);

const commentCount = (database: string) => {
  const db = new Database(database, { readonly: true });
  try {
    return (db.prepare('select count(*) as n from comments').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

/** The export without its header (which carries the time of the export). */
const body = (text: string) => text.split('\n').slice(1).join('\n');

describe('import and export commands', () => {
  it('imports a file, prints the summary, and a second run stores nothing', async () => {
    const database = join(tmp, 'disqus.db');
    const first = await cli(['import', '--from', 'disqus', fixture('disqus.xml')], database);
    assert.equal(first.code, 0, first.stderr);
    const lines = first.stdout.split('\n');
    assert.equal(lines[0], 'Read 6 comments.');
    assert.ok(lines.includes('  imported: 4'), first.stdout);
    assert.ok(lines.includes('  skipped, already imported: 0'));
    assert.ok(lines.includes('  refused: 2'));
    assert.ok(lines.includes('    1  deleted in the source'));
    assert.ok(lines.includes('    1  thread id not valid (use --map or --thread-from)'));
    assert.ok(lines.includes('  threads created: 1'));
    assert.match(first.stdout, /Took [\d.]+ s \([\d,]+ comments\/s\), peak memory \d+ MB\./);

    const second = await cli(['import', '--from=disqus', fixture('disqus.xml')], database);
    assert.equal(second.code, 0, second.stderr);
    assert.ok(second.stdout.includes('  imported: 0\n  skipped, already imported: 4\n'), second.stdout);
    assert.equal(commentCount(database), 4);
  });

  it('--map and --thread-from reach the importer', async () => {
    const database = join(tmp, 'mapped.db');
    const map = join(tmp, 'map.csv');
    writeFileSync(map, 'https://news.example.com/caf%C3%A9-tips?utm=feed,/cafe-tips\n');
    const run = await cli(
      ['import', '--from', 'disqus', fixture('disqus.xml'), '--map', map, '--thread-from', 'path'],
      database,
    );
    assert.equal(run.code, 0, run.stderr);
    assert.ok(run.stdout.includes('  imported: 5\n'), run.stdout);
    assert.ok(run.stdout.includes('  threads created: 2\n'), run.stdout);
  });

  it('export --out then import --from article-feedback gives back the same data', async () => {
    const source = join(tmp, 'source.db');
    assert.equal((await cli(['import', '--from', 'wordpress', fixture('wordpress.xml')], source)).code, 0);
    const file = join(tmp, 'export.jsonl');
    const exported = await cli(['export', '--out', file], source);
    assert.equal(exported.code, 0, exported.stderr);
    assert.equal(exported.stdout.trim(), `Exported 6 comments and 2 votes to ${file}.`);
    assert.equal(statSync(file).mode & 0o777, 0o600, 'the export holds emails: owner only');
    const text = readFileSync(file, 'utf8');
    assert.deepEqual(Object.keys(JSON.parse(text.split('\n')[0]!)), ['format', 'version', 'exportedAt']);

    const target = join(tmp, 'target.db');
    const imported = await cli(['import', '--from', 'article-feedback', file], target);
    assert.equal(imported.code, 0, imported.stderr);
    assert.ok(imported.stdout.includes('  imported: 6\n'), imported.stdout);
    assert.ok(imported.stdout.includes('  votes stored: 2\n'), imported.stdout);
    // Exported again to stdout (the summary then goes to stderr): the same records.
    const again = await cli(['export'], target);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.stderr.trim().split('\n').pop(), 'Exported 6 comments and 2 votes.');
    assert.equal(body(again.stdout), body(text));
  });

  it('fails with one clear line: wrong options exit 2, a broken file exits 1', async () => {
    const database = join(tmp, 'errors.db');
    const unknown = await cli(['import', '--from', 'blogger', fixture('disqus.xml')], database);
    assert.equal(unknown.code, 2);
    assert.equal(
      unknown.stderr.split('\n')[0],
      'article-feedback: import failed: --from must be one of disqus, wordpress, isso, remark42, article-feedback (got "blogger")',
    );
    const missing = await cli(['import', '--from', 'disqus', join(tmp, 'nope.xml')], database);
    assert.equal(missing.code, 2);
    assert.equal(
      missing.stderr.split('\n')[0],
      `article-feedback: import failed: there is no file ${join(tmp, 'nope.xml')}`,
    );
    const wrongFormat = await cli(['import', '--from', 'article-feedback', fixture('remark42.jsonl')], database);
    assert.equal(wrongFormat.code, 1);
    assert.equal(
      wrongFormat.stderr.trim(),
      `article-feedback: import failed: ${fixture('remark42.jsonl')} is not an article-feedback export: its first line must be the export header`,
    );
    const extra = await cli(['export', 'stray'], database);
    assert.equal(extra.code, 2);
    assert.equal(extra.stderr.split('\n')[0], 'article-feedback: export failed: unexpected argument stray');
  });

  it('a run killed with SIGKILL can simply be run again: every comment stored once', async () => {
    const file = join(tmp, 'big.xml');
    const posts = 6000;
    await writeDisqusFile(file, posts);
    const database = join(tmp, 'killed.db');
    const killed = await cli(['import', '--from', 'disqus', file], database, (kill) => {
      // Kill as soon as the first batches are in, mid-import.
      const poll = setInterval(() => {
        try {
          if (commentCount(database) > 0) {
            clearInterval(poll);
            kill();
          }
        } catch {
          /* not created yet */
        }
      }, 20);
    });
    assert.equal(killed.signal, 'SIGKILL');
    const storedBefore = commentCount(database);
    assert.ok(storedBefore > 0 && storedBefore < posts, `killed mid-import (${storedBefore} stored)`);

    const rerun = await cli(['import', '--from', 'disqus', file], database);
    assert.equal(rerun.code, 0, rerun.stderr);
    const imported = Number(/ {2}imported: ([\d,]+)/.exec(rerun.stdout)![1]!.replace(/,/g, ''));
    const skipped = Number(/already imported: ([\d,]+)/.exec(rerun.stdout)![1]!.replace(/,/g, ''));
    assert.equal(skipped, storedBefore);
    assert.equal(imported + skipped, posts);
    assert.equal(commentCount(database), posts);
  });
});

describe('GET /api/admin/export', () => {
  it('downloads the export behind the admin token, and it imports back to the same data', async () => {
    const token = 'admin-token-for-tests-0123456789';
    const server = await startTestServer({ adminToken: token }, { now: () => Date.UTC(2026, 10, 30, 12) });
    try {
      assert.equal((await server.send('POST', '/api/threads/t-export/comments', commentBody())).status, 201);
      assert.equal(
        (await server.send('PUT', '/api/threads/t-export/rating', { value: 4, voter: 'voter-export-1' })).status,
        200,
      );
      assert.equal((await server.request('/api/admin/export')).status, 401);
      const res = await server.request('/api/admin/export', { headers: { Authorization: `Bearer ${token}` } });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/x-ndjson; charset=utf-8');
      assert.equal(
        res.headers.get('content-disposition'),
        'attachment; filename="article-feedback-export-2026-11-30.jsonl"',
      );
      assert.equal(res.headers.get('cache-control'), 'no-store');
      const text = await res.text();
      const records = text
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      assert.deepEqual(records[0], { format: 'article-feedback', version: 1, exportedAt: '2026-11-30T12:00:00.000Z' });
      assert.deepEqual(
        records.slice(1).map((r) => r.type),
        ['comment', 'vote'],
      );
      assert.equal(records[1]!.email, commentBody().email, 'the export carries emails');

      const file = join(tmp, 'download.jsonl');
      writeFileSync(file, text);
      const copy = await openSqliteStore(join(tmp, 'download.db'));
      try {
        await importOwnExport(copy, openInput(file), file);
        assert.deepEqual(await copy.exportComments(null, 100), await server.store.exportComments(null, 100));
        assert.deepEqual(await copy.exportVotes(null, 100), await server.store.exportVotes(null, 100));
      } finally {
        await copy.close();
      }
    } finally {
      await server.close();
    }
  });
});
