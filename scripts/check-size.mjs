// `npm run size` (part of `npm test`): the script-tag bundle must stay within the budget.
// Counts what a page downloads before the widget can render: dist/article-feedback.js and
// anything it imports statically. Chunks loaded on demand (other languages, the
// proof-of-work worker) are listed but not counted.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// The product's budget for the whole block (issue 6): 20 KiB gzipped, aim 16 KiB. The build
// fails above BUDGET.
const BUDGET = 20 * 1024; // bytes gzipped: fail above
const AIM = 16 * 1024; // bytes gzipped: the aim

const root = fileURLToPath(new URL('..', import.meta.url));
// `node scripts/check-size.mjs [dist-dir]`: another directory for tests of this check.
const dist = process.argv[2] ? resolve(process.argv[2]) : join(root, 'dist');
const main = join(dist, 'article-feedback.js');

if (!existsSync(main)) {
  console.error(`size: ${relative(root, main) || main} is missing; run \`npm run build\` first.`);
  process.exit(1);
}

function sizes(path) {
  const raw = readFileSync(path);
  return {
    raw: raw.length,
    gzip: gzipSync(raw, { level: 9 }).length,
    brotli: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const kib = (n) => `${(n / 1024).toFixed(2)} KiB`;
const pad = (s, n) => String(s).padStart(n);

/** Static imports (`import … from "./x.js"`, `import "./x.js"`), not dynamic `import("./x.js")`. */
function staticImports(file) {
  const code = readFileSync(file, 'utf8');
  const found = new Set();
  for (const m of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]+?\s*from\s*)?["']([^"']+)["']/g)) {
    if (m[1]?.startsWith('.')) found.add(join(file, '..', m[1]));
  }
  return [...found];
}

const eager = new Set([main]);
for (const file of eager) for (const dep of staticImports(file)) eager.add(dep);

const all = [main];
if (existsSync(join(dist, 'chunks'))) {
  for (const name of readdirSync(join(dist, 'chunks')).sort()) {
    if (name.endsWith('.js')) all.push(join(dist, 'chunks', name));
  }
}

const measured = new Map(all.map((file) => [file, sizes(file)]));
let total = { raw: 0, gzip: 0, brotli: 0 };
console.log(`${'file'.padEnd(44)} ${pad('raw', 10)} ${pad('gzip', 10)} ${pad('brotli', 10)}  loaded`);
for (const file of all) {
  const s = measured.get(file);
  const isEager = eager.has(file);
  if (isEager) total = { raw: total.raw + s.raw, gzip: total.gzip + s.gzip, brotli: total.brotli + s.brotli };
  console.log(
    `${relative(root, file).padEnd(44)} ${pad(s.raw, 10)} ${pad(s.gzip, 10)} ${pad(s.brotli, 10)}  ${isEager ? 'at once' : 'on demand'}`,
  );
}
console.log(
  `\nScript-tag bundle: ${total.gzip} B gzipped (${kib(total.gzip)}), ${total.brotli} B brotli (${kib(total.brotli)}); ` +
    `budget ${kib(BUDGET)}, aim ${kib(AIM)}.`,
);
// Everything the block can load in English: the bundle plus every on-demand chunk (the form's
// checks and sending, the captcha, the vote, and what they share), other languages excluded.
// Informational: a reader who only reads loads the bundle alone.
const LANGUAGE_CHUNK = /\/chunks\/(es|pt|fr|de)-[^/]+\.js$/;
const onDemand = all.filter((f) => !eager.has(f) && !LANGUAGE_CHUNK.test(f));
const everything = onDemand.reduce((sum, f) => sum + measured.get(f).gzip, total.gzip);
console.log(`Everything in English, on-demand chunks included: ${everything} B gzipped (${kib(everything)}).`);

if (eager.size > 1) {
  console.warn(`size: warning: the bundle imports ${eager.size - 1} file(s) statically; it should be one file.`);
}
// <comment-count> (#18): its own entry, what an index page loads for its counts (English; other
// languages' catalogues and their loader table are its on-demand chunks in dist/count/).
// `npm run build` writes it; `npx vite build` alone does not, so a dist/ without it is noted only.
// The issue asked for 1 KiB, and that is the budget: with one batched request, plurals in 31
// languages and the thread default it is about 1,016 B. The rating ("· ★ 4.3" and its spoken
// sentence) is an on-demand chunk that only counts with `rating` load (README "Comment counts on
// index pages" says where the bytes go).
const COUNT_BUDGET = 1024; // bytes gzipped: fail above
const countEntry = join(dist, 'comment-count.js');
let countOver = false;
if (existsSync(countEntry)) {
  const s = sizes(countEntry);
  console.log(
    `<comment-count> entry (${relative(root, countEntry) || countEntry}): ${s.gzip} B gzipped, ${s.brotli} B brotli; ` +
      `budget ${COUNT_BUDGET} B.`,
  );
  if (s.gzip > COUNT_BUDGET) {
    console.error(
      `size: FAIL: the <comment-count> entry is over its ${COUNT_BUDGET} B budget by ${s.gzip - COUNT_BUDGET} B.`,
    );
    countOver = true;
  }
} else {
  console.log('<comment-count> entry: not built (`npm run build` builds dist/comment-count.js).');
}

if (total.gzip > BUDGET) {
  console.error(
    `size: FAIL: ${kib(total.gzip)} gzipped is over the ${kib(BUDGET)} budget by ${total.gzip - BUDGET} B.`,
  );
  process.exit(1);
}
if (countOver) process.exit(1);
if (total.gzip > AIM) {
  console.log(
    `size: OK, within the ${kib(BUDGET)} budget (${BUDGET - total.gzip} B to spare); ${total.gzip - AIM} B over the ${kib(AIM)} aim.`,
  );
} else {
  console.log('size: OK, within the aim.');
}
