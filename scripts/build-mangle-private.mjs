// A Vite plugin for the script-tag build: shortens the names of our classes' private members.
//
// Our sources name every private/internal member with a leading underscore (`_pick`,
// `_onKeyDown`, `_loadMore: { state: true }`). Minifiers rename variables but never properties,
// so those names would ship in full, once per use. This plugin renames exactly the `_names`
// declared in src/ (found by scanning the sources), in every chunk of the bundle with one shared
// table, so a member the form declares and its on-demand chunk reads gets the same short name.
// Names that a dependency also uses as a property (zod's `_zod`, `_def`, …) are left alone, and
// quoted names (`el['_x']`) are not touched.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { minifySync } from 'rolldown/utils';

// A member at the start of a line (`_pick = 0;`, `private async _load(`, `_busy: { state: true },`),
// or a constructor parameter property (`constructor(private readonly _host: Host)`).
const DECLARATIONS = [
  /^\s*(?:(?:private|protected|public|readonly|static|async|declare|override|get|set)\s+)*(_[A-Za-z]\w*)\s*[(:=;?!<]/gm,
  /\b(?:private|protected)\s+(?:readonly\s+)?(_[A-Za-z]\w*)\b/g,
];

function tsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The `_names` our classes declare (members and `static properties` keys). */
export function privateNames(srcDir) {
  const names = new Set();
  for (const file of tsFiles(srcDir)) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of DECLARATIONS) for (const match of text.matchAll(pattern)) names.add(match[1]);
  }
  return names;
}

const escape = (s) => s.replace(/[$]/g, '\\$&');

export function manglePrivateMembers({ srcDir, reserved = [] }) {
  let include = null;
  // original → short name, shared by every chunk of one build.
  const cache = {};
  return {
    name: 'article-feedback-mangle-private-members',
    apply: 'build',
    buildStart() {
      const names = [...privateNames(srcDir)].filter((n) => !reserved.includes(n));
      include = names.length ? new RegExp(`^(?:${names.map(escape).join('|')})$`) : null;
    },
    renderChunk(code, chunk) {
      if (!include) return null;
      // Dependencies' own `_props` found in this chunk are reserved: never renamed, never produced.
      const foreign = new Set();
      for (const id of Object.keys(chunk.modules)) {
        if (!id.includes('/node_modules/')) continue;
        const source = chunk.modules[id]?.code ?? '';
        for (const m of source.matchAll(/\.(_[A-Za-z]\w*)/g)) foreign.add(m[1]);
      }
      for (const name of foreign) if (!(name in cache)) cache[name] = false;
      const result = minifySync(chunk.fileName, code, {
        compress: false,
        mangle: false,
        codegen: { removeWhitespace: false },
        sourcemap: true,
        mangleProps: { include, cache },
      });
      if (result.errors.length) {
        this.error(`mangling private members failed in ${chunk.fileName}: ${result.errors.map((e) => e.message).join('; ')}`);
      }
      Object.assign(cache, result.mangleCache ?? {});
      return { code: result.code, map: result.map };
    },
  };
}
