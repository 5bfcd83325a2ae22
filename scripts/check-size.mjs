// `npm run size` (part of `npm test`): the script-tag bundle must stay within the budget.
// Counts what a page downloads before the widget can render: dist/article-feedback.js and
// anything it imports statically. Chunks loaded on demand (other languages, the
// proof-of-work worker) are listed but not counted.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// The product's target for the whole block (issue 6) is 20 KiB gzipped, aim 16 KiB. We are not
// there yet, so the build fails on growth past LIMIT: a ratchet set just above today's figure.
// Lower LIMIT whenever the bundle shrinks; it must reach TARGET.
const LIMIT = 25 * 1024; // bytes gzipped: fail above (ratchet)
const TARGET = 20 * 1024; // bytes gzipped: the budget of issue 6
const AIM = 16 * 1024; // bytes gzipped: the aim

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const main = join(dist, 'article-feedback.js');

if (!existsSync(main)) {
  console.error('size: dist/article-feedback.js is missing; run `npm run build` first.');
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

let total = { raw: 0, gzip: 0, brotli: 0 };
console.log(`${'file'.padEnd(44)} ${pad('raw', 10)} ${pad('gzip', 10)} ${pad('brotli', 10)}  loaded`);
for (const file of all) {
  const s = sizes(file);
  const isEager = eager.has(file);
  if (isEager) total = { raw: total.raw + s.raw, gzip: total.gzip + s.gzip, brotli: total.brotli + s.brotli };
  console.log(`${relative(root, file).padEnd(44)} ${pad(s.raw, 10)} ${pad(s.gzip, 10)} ${pad(s.brotli, 10)}  ${isEager ? 'at once' : 'on demand'}`);
}
console.log(
  `\nScript-tag bundle: ${total.gzip} B gzipped (${kib(total.gzip)}), ${total.brotli} B brotli (${kib(total.brotli)}); ` +
    `limit ${kib(LIMIT)} (ratchet), target ${kib(TARGET)}, aim ${kib(AIM)}.`,
);

if (eager.size > 1) {
  console.warn(`size: warning: the bundle imports ${eager.size - 1} file(s) statically; it should be one file.`);
}
if (total.gzip > LIMIT) {
  console.error(`size: FAIL: ${kib(total.gzip)} gzipped is over the ${kib(LIMIT)} limit by ${total.gzip - LIMIT} B: the bundle grew.`);
  process.exit(1);
}
if (total.gzip > TARGET) {
  console.warn(`size: NOT YET AT TARGET: ${kib(total.gzip)} gzipped is ${total.gzip - TARGET} B over the ${kib(TARGET)} target (within the ${kib(LIMIT)} ratchet).`);
} else if (total.gzip > AIM) {
  console.warn(`size: within the ${kib(TARGET)} target, ${total.gzip - AIM} B over the ${kib(AIM)} aim.`);
} else {
  console.log('size: OK, within the aim.');
}
