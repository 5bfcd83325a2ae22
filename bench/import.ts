/**
 * The import bench (#17): generates a Disqus export of BENCH_IMPORT_COMMENTS comments (default
 * 100,000), imports it into a fresh SQLite database with the real command
 * (`server/cli.ts import --from disqus`) in its own process, and reports comments per second and
 * the process's peak RSS (the bound: under 250 MB).
 *
 * Run alone with `node --import tsx bench/import.ts`; `npm run bench` runs it last.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeDisqusFile } from '../test/helpers/disqus-file.js';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface ImportBenchResult {
  comments: number;
  fileMb: number;
  seconds: number;
  commentsPerSecond: number;
  peakRssMb: number;
}

export async function runImportBench(
  comments = Number(process.env.BENCH_IMPORT_COMMENTS ?? 100_000),
): Promise<ImportBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'af-bench-import-'));
  try {
    const file = join(dir, 'disqus.xml');
    await writeDisqusFile(file, comments);
    const started = process.hrtime.bigint();
    const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>(
      (resolve) => {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', join(root, 'server/cli.ts'), 'import', '--from', 'disqus', file],
          {
            cwd: root,
            env: { ...process.env, DATABASE_URL: join(dir, 'comments.db') },
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
        let out = '';
        let err = '';
        child.stdout.on('data', (d: Buffer) => (out += d));
        child.stderr.on('data', (d: Buffer) => (err += d));
        child.on('exit', (exitCode) => resolve({ code: exitCode, stdout: out, stderr: err }));
      },
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (code !== 0) throw new Error(`import exited with ${code}: ${stderr.trim().split('\n').pop()}`);
    const imported = Number(/imported: ([\d,]+)/.exec(stdout)?.[1]?.replace(/,/g, ''));
    if (imported !== comments) throw new Error(`imported ${imported} of ${comments}:\n${stdout}`);
    const peak = Number(/peak memory (\d+) MB/.exec(stdout)?.[1]);
    return {
      comments,
      fileMb: statSync(file).size / 1e6,
      seconds,
      commentsPerSecond: comments / seconds,
      peakRssMb: peak,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = await runImportBench();
  console.log(
    `import: ${r.comments.toLocaleString('en')} Disqus comments (${r.fileMb.toFixed(1)} MB) in ${r.seconds.toFixed(1)} s = ${Math.round(r.commentsPerSecond).toLocaleString('en')} comments/s, peak RSS ${r.peakRssMb} MB`,
  );
}

/** The section `npm run bench` prints (bench/run.ts). */
export async function importBenchSection(): Promise<{
  title: string;
  rows: [string, string, string?][];
  raw: ImportBenchResult;
}> {
  const r = await runImportBench();
  return {
    title: 'Import: a generated Disqus export into a fresh SQLite database (bench/import.ts)',
    rows: [
      ['comments', r.comments.toLocaleString('en'), `${r.fileMb.toFixed(1)} MB of XML`],
      ['time', `${r.seconds.toFixed(1)} s`, 'the whole command, start to summary'],
      ['comments per second', Math.round(r.commentsPerSecond).toLocaleString('en')],
      ['peak RSS', `${r.peakRssMb} MB`, 'the import process; the bound is 250 MB'],
    ],
    raw: r,
  };
}
