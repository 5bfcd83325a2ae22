// `npm run size:sources` (scripts/size-by-source.mjs): the bundle's bytes by source module, read
// through the source map, with what each module costs the gzipped bundle.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';

const script = new URL('../../scripts/size-by-source.mjs', import.meta.url).pathname;
const dist = new URL('../../dist/', import.meta.url).pathname;
const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const run = (dir: string) => spawnSync(process.execPath, [script, dir], { encoding: 'utf8' });

/** The row of `name`: its raw bytes and its gzip cost. */
function row(stdout: string, name: string): { raw: number; saved: number } {
  const match = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+(\\d+)\\s+(-?\\d+)$`, 'm').exec(stdout);
  assert.ok(match, `no row for ${name} in:\n${stdout}`);
  return { raw: Number(match[1]), saved: Number(match[2]) };
}

describe('size by source module', () => {
  it('gives each source its own bytes, and a module that does not compress its full cost', () => {
    const dir = mkdtempSync(join(tmpdir(), 'af-size-src-'));
    dirs.push(dir);
    // Two lines, one mapped run each: `const a=…;` and its line break from src/a.ts (noise that
    // gzip cannot shrink), `const b=…;` from lib/b.js (a repeated word that gzip makes almost
    // nothing of).
    const a = `const a="${randomBytes(3000).toString('base64')}";\n`;
    const b = `const b="${'star '.repeat(600)}★";`;
    const code = a + b;
    writeFileSync(join(dir, 'article-feedback.js'), code);
    // Line 1: column 0 → source 0, line 0, column 0. Line 2: column 0 → source 0 + 1 (`C`).
    const map = { version: 3, sources: ['../src/a.ts', '../node_modules/lib/b.js'], names: [], mappings: 'AAAA;ACAA' };
    writeFileSync(join(dir, 'article-feedback.js.map'), JSON.stringify(map));

    const result = run(dir);
    assert.equal(result.status, 0, result.stderr);
    const total = gzipSync(code, { level: 9 }).length;
    const rowA = row(result.stdout, 'src/a.ts');
    const rowB = row(result.stdout, 'lib/b.js');
    assert.equal(rowA.raw, Buffer.byteLength(a));
    assert.equal(rowB.raw, Buffer.byteLength(b), 'UTF-8 bytes, the ★ as three');
    assert.equal(rowA.saved, total - gzipSync(b, { level: 9 }).length);
    assert.equal(rowB.saved, total - gzipSync(a, { level: 9 }).length);
    assert.ok(rowA.saved > 3000 && rowB.saved < 100, result.stdout);
    // Most costly first.
    assert.ok(result.stdout.indexOf('src/a.ts') < result.stdout.indexOf('lib/b.js'));
    assert.match(
      result.stdout,
      new RegExp(`article-feedback\\.js: ${Buffer.byteLength(code)} B raw, ${total} B gzipped, from 2 parts`),
    );
  });

  // `npm test` builds before this suite; alone, run `npm run build` first.
  it('accounts for every byte of the real bundle, Lit and our elements among them', () => {
    assert.ok(existsSync(join(dist, 'article-feedback.js.map')), 'dist/ is not built: run `npm run build` first');
    const result = run(dist);
    assert.equal(result.status, 0, result.stderr);
    const bytes = readFileSync(join(dist, 'article-feedback.js')).length;
    assert.match(
      result.stdout,
      new RegExp(`${bytes} B raw, \\d+ B gzipped, from \\d+ parts \\(the raw column sums to ${bytes}\\)`),
    );
    for (const name of ['lit-html/lit-html.js', 'src/components/comment-form/comment-form.ts']) {
      assert.ok(row(result.stdout, name).saved > 500, name);
    }
  });

  it('says what to do when the bundle has no source map', () => {
    const dir = mkdtempSync(join(tmpdir(), 'af-size-src-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'article-feedback.js'), 'export {};');
    const result = run(dir);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /article-feedback\.js\.map is missing; run `npm run build` first/);
  });
});
