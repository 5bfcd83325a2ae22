// A Vite plugin for the script-tag build: shortens the names of our classes' private members.
//
// Our sources name every private or internal member `_camelCase` (`_pick`, `_onKeyDown`,
// `_loadMore: { state: true }`), and nothing else: no wire field, DOM property or dependency
// property of ours has that shape. Minifiers rename variables but never properties, so those
// names would ship in full, once per use. Like Lit's own build (which mangles its `__private`
// members by pattern), this plugin renames every property matching PRIVATE_MEMBER, in every
// chunk with one shared table, so a member an element declares and its on-demand chunk reads get
// the same short name. Descriptive names therefore cost nothing.
// - The short names are `_0` … `_9`, `_a` … `_Z`, `_00` …: an underscore first, so none can be a
//   DOM property (`id`, `dir`) or a member of Lit's minified classes; none is a word any module
//   of the build already uses.
// - A `_camelCase` name that a dependency uses (zod's `_zod`, `_def`) is reserved, never
//   renamed; if our sources use it too, the build stops: rename ours.
// - Quoted names (`el['_x']`, `'_x' in el`) are not renamed; test/build/mangle-private.test.ts
//   fails if a declared member survives that way.
import { parseAst } from 'rolldown/parseAst';
import { minifySync } from 'rolldown/utils';

/** A private member of ours: an underscore, then a camelCase name. */
export const PRIVATE_MEMBER = /^_[a-z][A-Za-z0-9]*$/;
/** Every identifier-shaped word in a text. */
const WORD = /[A-Za-z_$][\w$]*/g;

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * The short names, most used first: `uses` maps each name to its count. A short name is never
 * one of `uses`' own names nor a word in `taken`, and no two names share one.
 */
export function shortNames(uses, taken = new Set()) {
  const order = [...uses.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const table = {};
  let n = 0;
  const next = () => {
    for (;;) {
      let i = n++;
      let name = '';
      do {
        name = DIGITS[i % 62] + name;
        i = Math.floor(i / 62) - 1;
      } while (i >= 0);
      name = `_${name}`;
      if (!taken.has(name) && !uses.has(name)) return name;
    }
  };
  for (const [name] of order) table[name] = next();
  return table;
}

const KEYED = new Set(['Property', 'MethodDefinition', 'PropertyDefinition', 'AccessorProperty']);

/**
 * The PRIVATE_MEMBER-shaped names a module uses as properties: `o._x`, `{ _x: … }`, class
 * members; with `strings`, also any string literal (a dependency's `'_x' in o` or `o['_x']`).
 * Variables and parameters (`catch (_err)`) are not properties, and the renaming leaves them be.
 */
export function propertyNames(code, { strings = false } = {}) {
  const names = [];
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    let name;
    if (node.type === 'MemberExpression' && !node.computed) name = node.property.name;
    else if (KEYED.has(node.type) && !node.computed) name = node.key.name ?? node.key.value;
    else if (strings && node.type === 'Literal') name = node.value;
    if (typeof name === 'string' && PRIVATE_MEMBER.test(name)) names.push(name);
    for (const key in node) if (typeof node[key] === 'object') visit(node[key]);
  };
  visit(parseAst(code));
  return names;
}

/**
 * The renaming plan for one build, from the code of every module in it (after TypeScript):
 * `table` (ours → short), `reserved` (the dependencies' own `_camelCase` names) and `clashes`
 * (names both use).
 */
export function planRenames(modules) {
  const uses = new Map();
  const reserved = new Set();
  const taken = new Set();
  for (const { id, code } of modules) {
    for (const [word] of code.matchAll(WORD)) taken.add(word);
    if (id.includes('/node_modules/') || id.startsWith('\0')) {
      for (const name of propertyNames(code, { strings: true })) reserved.add(name);
    } else {
      for (const name of propertyNames(code)) uses.set(name, (uses.get(name) ?? 0) + 1);
    }
  }
  const clashes = [...reserved].filter((name) => uses.has(name));
  for (const name of reserved) uses.delete(name);
  return { table: shortNames(uses, taken), reserved: [...reserved].sort(), clashes };
}

export function manglePrivateMembers() {
  let plan = null;
  return {
    name: 'article-feedback-mangle-private-members',
    apply: 'build',
    /** For the build test: the table of the last build (original → short name). */
    api: {
      get table() {
        return plan?.table ?? null;
      },
    },
    buildStart() {
      plan = null;
    },
    renderChunk(code, chunk) {
      if (!plan) {
        plan = planRenames([...this.getModuleIds()].map((id) => ({ id, code: this.getModuleInfo(id)?.code ?? '' })));
        if (plan.clashes.length) {
          this.error(
            `${plan.clashes.join(', ')}: private member name(s) of ours that a dependency also uses; rename ours.`,
          );
        }
      }
      const result = minifySync(chunk.fileName, code, {
        // `compress` keeps the dead-code removal that the /*#__PURE__*/ annotations (which this
        // pass does not carry over) would otherwise have allowed the final minification.
        compress: { target: 'es2022' },
        mangle: false,
        codegen: { removeWhitespace: false },
        sourcemap: true,
        mangleProps: { include: PRIVATE_MEMBER, reserved: plan.reserved, cache: { ...plan.table } },
      });
      if (result.errors.length) {
        this.error(
          `mangling private members failed in ${chunk.fileName}: ${result.errors.map((e) => e.message).join('; ')}`,
        );
      }
      // Every name it renamed must come from the shared table; a name it made up itself would
      // differ between chunks.
      const invented = Object.keys(result.mangleCache ?? {}).filter(
        (name) => result.mangleCache[name] !== false && plan.table[name] !== result.mangleCache[name],
      );
      if (invented.length) this.error(`${chunk.fileName}: renamed outside the shared table: ${invented.join(', ')}`);
      return { code: result.code, map: result.map };
    },
  };
}
