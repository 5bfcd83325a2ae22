// A built bundle's source-map mappings, each at its offset in the bundle's text: what
// scripts/size-by-source.mjs sums by source module, and where bench/list-ab.ts reads the short
// name the private-name mangling gave a member (the mapping keeps the original name).
import { readFileSync } from 'node:fs';
import { TraceMap, eachMapping } from '@jridgewell/trace-mapping';

/**
 * `file` (a bundle with `<file>.map` beside it): its text, and its mappings in the text's order
 * (`eachMapping` walks the lines in turn, each line's segments sorted), each with its offset in
 * the text (UTF-16 code units: source-map columns count as string indices do), its source and
 * its original name (`null` where the map gives none).
 */
export function bundleMappings(file) {
  const code = readFileSync(file, 'utf8');
  const lineStarts = [0];
  for (let i = code.indexOf('\n'); i !== -1; i = code.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const mappings = [];
  eachMapping(new TraceMap(readFileSync(`${file}.map`, 'utf8')), (m) => {
    mappings.push({
      at: lineStarts[m.generatedLine - 1] + m.generatedColumn,
      source: m.source ?? null,
      name: m.name ?? null,
    });
  });
  return { code, mappings };
}
