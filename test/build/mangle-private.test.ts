// The private-name mangler (scripts/build-mangle-private.mjs) on the real script-tag build, made
// in memory: no `_member` our sources declare may survive in the bundle or its chunks, and no
// short name may collide — with another member's (one table for every chunk and class), or with
// any word the unmangled code already uses (a property of Lit, zod, the DOM we touch).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ts from 'typescript';
import { build, type Plugin, type Rolldown } from 'vite';
import { planRenames, shortNames } from '../../scripts/build-mangle-private.mjs';

const root = new URL('../../', import.meta.url).pathname;
const MANGLER = 'article-feedback-mangle-private-members';

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * Every `_name` member our sources declare, found with the TypeScript parser (independently of
 * the mangler): class fields, methods and accessors, constructor parameter properties, interface
 * members, and the keys of Lit's `static properties`.
 */
function declaredPrivateMembers(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of tsFiles(join(root, 'src'))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      const named =
        ts.isPropertyDeclaration(node) ||
        ts.isMethodDeclaration(node) ||
        ts.isGetAccessorDeclaration(node) ||
        ts.isSetAccessorDeclaration(node) ||
        ts.isPropertySignature(node) ||
        ts.isMethodSignature(node) ||
        (ts.isParameter(node) && ts.getModifiers(node)?.length) ||
        ((ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) &&
          ts.isObjectLiteralExpression(node.parent) &&
          ts.isPropertyDeclaration(node.parent.parent) &&
          node.parent.parent.name.getText(source) === 'properties');
      if (named) {
        const name = (node as ts.NamedDeclaration).name;
        if (name && ts.isIdentifier(name) && /^_[A-Za-z]/.test(name.text)) {
          found.set(name.text, `${file.slice(root.length)}:${source.getLineAndCharacterOfPosition(name.pos).line + 1}`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

const word = (name: string) => new RegExp(`(?<![\\w$-])${name.replace(/\$/g, '\\$')}(?![\\w$])`);

let table: Record<string, string> = {};
const unmangled = new Map<string, string>();
const mangled = new Map<string, string>();

before(async () => {
  let mangler: (Plugin & { api: { table: Record<string, string> | null } }) | undefined;
  const capture: Plugin = {
    name: 'capture-before-mangling',
    apply: 'build',
    configResolved(config) {
      mangler = config.plugins.find((p) => p.name === MANGLER) as typeof mangler;
    },
    renderChunk: {
      order: 'pre',
      handler(code, chunk) {
        unmangled.set(chunk.fileName, code);
        return null;
      },
    },
  };
  const outputs = (await build({
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'silent',
    build: { write: false },
    plugins: [capture],
  })) as Rolldown.RolldownOutput[];
  for (const output of outputs) {
    for (const file of output.output) if (file.type === 'chunk') mangled.set(file.fileName, file.code);
  }
  assert.ok(mangler, `the script-tag build has no ${MANGLER} plugin`);
  table = mangler.api.table ?? {};
});

describe('private-name mangler on the script-tag bundle', () => {
  it('leaves no declared `_member` in the bundle or any chunk', () => {
    const declared = declaredPrivateMembers();
    assert.ok(declared.size > 20, `only ${declared.size} declared members found`);
    assert.ok(mangled.has('article-feedback.js') && mangled.size > 3, [...mangled.keys()].join());
    const survivors: string[] = [];
    for (const [name, where] of declared) {
      for (const [file, code] of mangled) if (word(name).test(code)) survivors.push(`${name} (${where}) in ${file}`);
    }
    assert.deepEqual(survivors, []);
  });

  it('gives each member its own short name, one table for every chunk', () => {
    const shorts = Object.values(table);
    assert.ok(shorts.length > 20);
    const seen = new Map<string, string>();
    for (const [name, short] of Object.entries(table)) {
      assert.ok(!seen.has(short), `${name} and ${seen.get(short)} both become ${short}`);
      seen.set(short, name);
      assert.ok(short.length < name.length || short.length <= 3, `${name} → ${short}`);
    }
  });

  it('picks no short name that the code already uses as a word (a property of Lit, zod or the DOM)', () => {
    const clashes: string[] = [];
    for (const [name, short] of Object.entries(table)) {
      for (const [file, code] of unmangled) if (word(short).test(code)) clashes.push(`${name} → ${short}: in ${file}`);
    }
    assert.deepEqual(clashes, []);
  });
});

describe('private-name mangler: the plan', () => {
  it('stops on a name that a dependency also uses as a property, by key, member or string', () => {
    const plan = planRenames([
      { id: '/p/node_modules/dep/index.js', code: `o._load = 1; x = { _send: 2 }; y = '_busy' in o; catch_(_err);` },
      {
        id: '/p/src/a.ts',
        code: `class A { _load() {} _send = 1; get _busy() { return 1 } _err = 0; _own() { this._own(); } }`,
      },
    ]);
    assert.deepEqual(plan.clashes.sort(), ['_busy', '_load', '_send']);
    // `_err` is only a variable in the dependency: ours to rename.
    assert.deepEqual(Object.keys(plan.table).sort(), ['_err', '_own']);
  });

  it('never hands out a short name that is taken or is one of the originals', () => {
    const uses = new Map([
      ['_veryLongName', 5],
      ['_1', 3],
      ['_other', 1],
    ]);
    const table = shortNames(uses, new Set(['_0', '_2']));
    assert.deepEqual(table, { _veryLongName: '_3', _1: '_4', _other: '_5' });
  });
});
