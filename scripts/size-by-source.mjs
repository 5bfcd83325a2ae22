// `npm run size:sources`: where the script-tag bundle's bytes come from, module by module, read
// through its source map (so run `npm run build` first). For each source module it prints:
// - `raw`: the bytes of the minified bundle that its mappings cover;
// - `gzip if left out`: how many bytes the gzipped bundle loses when those bytes are cut out of
//   it. Gzip does not add up by parts (a module repeating its neighbours' words costs little),
//   so this is each module's own cost beside all the others: about what moving it into an
//   on-demand chunk, or dropping it, would give back to the budget. The column does not sum to
//   the total.
// Bytes no mapping covers (the bundler's own glue) are listed as `(unmapped)`.
// `node scripts/size-by-source.mjs [dist-dir]`: another directory (for the tests of this script).
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { bundleMappings } from './bundle-mappings.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = process.argv[2] ? resolve(process.argv[2]) : join(root, 'dist');
const bundle = join(dist, 'article-feedback.js');
const mapFile = `${bundle}.map`;
if (!existsSync(bundle) || !existsSync(mapFile)) {
  console.error(`size:sources: ${relative(root, mapFile) || mapFile} is missing; run \`npm run build\` first.`);
  process.exit(1);
}

const { code, mappings } = bundleMappings(bundle);

/** `node_modules/lit-html/lit-html.js` → `lit-html/lit-html.js`; `../src/x.ts` → `src/x.ts`. */
const shortName = (source) => source.replace(/^.*node_modules\//, '').replace(/^(\.\.\/)+/, '');

// Each mapping starts a run of the bundle that belongs to its source, up to the next mapping;
// `raw` counts a run's UTF-8 bytes.
const starts = mappings[0]?.at === 0 ? mappings : [{ at: 0, source: null }, ...mappings];

/** Source → the [start, end) runs of the bundle that are its. */
const runs = new Map();
starts.forEach(({ at, source }, i) => {
  const end = i + 1 < starts.length ? starts[i + 1].at : code.length;
  if (end <= at) return;
  const name = source === null ? '(unmapped)' : shortName(source);
  if (!runs.has(name)) runs.set(name, []);
  runs.get(name).push([at, end]);
});

const gzip = (text) => gzipSync(text, { level: 9 }).length;
const total = gzip(code);
/** The bundle with `own` runs cut out. */
const without = (own) => {
  let out = '';
  let from = 0;
  for (const [start, end] of own) {
    out += code.slice(from, start);
    from = end;
  }
  return out + code.slice(from);
};

const rows = [...runs]
  .map(([name, own]) => ({
    name,
    raw: own.reduce((sum, [start, end]) => sum + Buffer.byteLength(code.slice(start, end)), 0),
    saved: total - gzip(without(own)),
  }))
  .sort((a, b) => b.saved - a.saved || b.raw - a.raw || (a.name < b.name ? -1 : 1));

const pad = (s, n) => String(s).padStart(n);
console.log(`${'source module'.padEnd(60)} ${pad('raw', 8)} ${pad('gzip if left out', 17)}`);
for (const { name, raw, saved } of rows) console.log(`${name.padEnd(60)} ${pad(raw, 8)} ${pad(saved, 17)}`);
console.log(
  `\n${relative(root, bundle) || bundle}: ${Buffer.byteLength(code)} B raw, ${total} B gzipped, from ${rows.length} parts ` +
    `(the raw column sums to ${rows.reduce((sum, r) => sum + r.raw, 0)}).`,
);
