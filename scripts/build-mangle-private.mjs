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

/** The `_names` our classes declare (members and `static properties` keys), with their use counts. */
export function privateNames(srcDir) {
  const texts = tsFiles(srcDir).map((file) => readFileSync(file, 'utf8'));
  const names = new Set();
  for (const text of texts) {
    for (const pattern of DECLARATIONS) for (const match of text.matchAll(pattern)) names.add(match[1]);
  }
  const uses = new Map();
  for (const name of names) {
    const re = new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\b`, 'g');
    uses.set(
      name,
      texts.reduce((n, text) => n + (text.match(re)?.length ?? 0), 0),
    );
  }
  return uses;
}

/**
 * The short names: `_0` … `_9`, `_a` … `_Z`, then `_00` … — the most used member gets the
 * shortest. An underscore first, so they can never be a DOM property (`id`, `dir`) nor a member
 * of Lit's minified classes (`C`, `l`); names a dependency uses (`_t`, `_zod`) are skipped.
 */
export function shortNames(uses, taken = new Set()) {
  const digits = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const order = [...uses.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const table = {};
  let n = 0;
  const next = () => {
    for (;;) {
      let i = n++;
      let name = '';
      do {
        name = digits[i % 62] + name;
        i = Math.floor(i / 62) - 1;
      } while (i >= 0);
      name = `_${name}`;
      if (!taken.has(name) && !uses.has(name)) return name;
    }
  };
  for (const [name] of order) table[name] = next();
  return table;
}

const escape = (s) => s.replace(/[$]/g, '\\$&');

export function manglePrivateMembers({ srcDir }) {
  let include = null;
  let uses = new Map();
  let cache = null;
  return {
    name: 'article-feedback-mangle-private-members',
    apply: 'build',
    buildStart() {
      uses = privateNames(srcDir);
      cache = null;
      include = uses.size ? new RegExp(`^(?:${[...uses.keys()].map(escape).join('|')})$`) : null;
    },
    renderChunk(code, chunk) {
      if (!include) return null;
      if (!cache) {
        // Every `_name` any module of the build uses as a property is taken.
        const taken = new Set();
        for (const id of this.getModuleIds()) {
          for (const m of (this.getModuleInfo(id)?.code ?? '').matchAll(/[.{,\s](_\w+)\s*[:(=]?/g)) taken.add(m[1]);
        }
        cache = shortNames(uses, taken);
      }
      // A dependency that uses one of our names as its own property: stop, rather than rename it.
      for (const id of Object.keys(chunk.modules)) {
        if (!id.includes('/node_modules/')) continue;
        for (const m of (chunk.modules[id]?.code ?? '').matchAll(/\.(_[A-Za-z]\w*)/g)) {
          if (include.test(m[1]))
            this.error(`${m[1]} is a private member name of ours and a property of ${id}; rename ours.`);
        }
      }
      const result = minifySync(chunk.fileName, code, {
        // `compress` keeps the dead-code removal that the /*#__PURE__*/ annotations (which this
        // pass does not carry over) would otherwise have allowed the final minification.
        compress: { target: 'es2022' },
        mangle: false,
        codegen: { removeWhitespace: false },
        sourcemap: true,
        mangleProps: { include, cache },
      });
      if (result.errors.length) {
        this.error(
          `mangling private members failed in ${chunk.fileName}: ${result.errors.map((e) => e.message).join('; ')}`,
        );
      }
      return { code: result.code, map: result.map };
    },
  };
}
