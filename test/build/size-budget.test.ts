// The size check that `npm test` runs (scripts/check-size.mjs): it must fail the build when the
// script-tag bundle passes 20 KiB gzipped, and print the figure either way.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';

const script = new URL('../../scripts/check-size.mjs', import.meta.url).pathname;
const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A dist/ whose bundle gzips to about `gzipBytes` (random base64 barely compresses). */
function distWith(gzipBytes: number, chunk?: string): { dir: string; actual: number } {
  const dir = mkdtempSync(join(tmpdir(), 'af-size-'));
  dirs.push(dir);
  let text = `export const x = "${randomBytes(gzipBytes + 200).toString('base64')}";\n`;
  while (gzipSync(text, { level: 9 }).length > gzipBytes) text = text.slice(0, -40) + '";\n';
  writeFileSync(join(dir, 'article-feedback.js'), text);
  if (chunk) {
    mkdirSync(join(dir, 'chunks'));
    writeFileSync(join(dir, 'chunks', 'actions-abc.js'), chunk);
  }
  return { dir, actual: gzipSync(text, { level: 9 }).length };
}

function check(dir: string) {
  return spawnSync(process.execPath, [script, dir], { encoding: 'utf8' });
}

describe('size budget check', () => {
  it('passes a bundle within 20 KiB gzipped and prints its size', () => {
    const { dir, actual } = distWith(19 * 1024);
    const run = check(dir);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`Script-tag bundle: ${actual} B gzipped`));
    assert.match(run.stdout, /size: OK, within the 20\.00 KiB budget/);
  });

  it('fails a bundle over 20 KiB gzipped and says by how much', () => {
    const { dir, actual } = distWith(21 * 1024);
    assert.ok(actual > 20 * 1024);
    const run = check(dir);
    assert.equal(run.status, 1);
    assert.match(run.stdout, new RegExp(`Script-tag bundle: ${actual} B gzipped`));
    assert.match(run.stderr, new RegExp(`over the 20\\.00 KiB budget by ${actual - 20 * 1024} B`));
  });

  it('does not count chunks loaded on demand against the budget, but reports them', () => {
    const { dir, actual } = distWith(19 * 1024, 'export const big = 1;'.repeat(5000));
    const run = check(dir);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /chunks\/actions-abc\.js .* on demand/);
    assert.match(
      run.stdout,
      new RegExp(
        `Everything in English, on-demand chunks included: ${actual + gzipSync('export const big = 1;'.repeat(5000), { level: 9 }).length} B gzipped`,
      ),
    );
  });

  it('checks <comment-count>’s own entry against its 1 KiB budget (#18)', () => {
    const { dir } = distWith(19 * 1024);
    const small = `export const count = "${randomBytes(800).toString('base64')}";\n`;
    assert.ok(gzipSync(small, { level: 9 }).length <= 1024);
    writeFileSync(join(dir, 'comment-count.js'), small);
    const within = check(dir);
    assert.equal(within.status, 0, within.stderr);
    assert.match(
      within.stdout,
      new RegExp(`<comment-count> entry \\(.*comment-count\\.js\\): ${gzipSync(small, { level: 9 }).length} B gzipped`),
    );

    const big = `export const count = "${randomBytes(1800).toString('base64')}";\n`;
    const bigGzip = gzipSync(big, { level: 9 }).length;
    assert.ok(bigGzip > 1024);
    writeFileSync(join(dir, 'comment-count.js'), big);
    const over = check(dir);
    assert.equal(over.status, 1);
    assert.match(over.stderr, new RegExp(`<comment-count> entry is over its 1024 B budget by ${bigGzip - 1024} B`));
  });

  it('notes a dist/ without <comment-count>’s entry (`npx vite build` alone) without failing', () => {
    const { dir } = distWith(19 * 1024);
    const run = check(dir);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /<comment-count> entry: not built/);
  });

  it('fails when there is no bundle to measure', () => {
    const dir = mkdtempSync(join(tmpdir(), 'af-size-'));
    dirs.push(dir);
    const run = check(dir);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /article-feedback\.js is missing/);
  });
});
