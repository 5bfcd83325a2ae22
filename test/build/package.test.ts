// The npm package as `npm pack` would publish it (after `npm run build`, which `npm test` runs
// first): every `exports` target shipped with its types first, the server's bin with what it
// imports, the elements' manifest and their tag-name types.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ts from 'typescript';

const root = new URL('../../', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as {
  exports: Record<string, string | Record<string, string>>;
  sideEffects: string[];
  bin: Record<string, string>;
};
const packed = new Set(
  (
    JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' }),
    ) as {
      files: { path: string }[];
    }[]
  )[0]!.files.map((f) => f.path),
);
const rel = (p: string) => p.replace(/^\.\//, '');
const TAGS = ['article-feedback', 'article-rating', 'comment-form', 'comment-list'];

describe('npm package', () => {
  it('ships every exports target, with `types` first', () => {
    for (const [subpath, target] of Object.entries(pkg.exports)) {
      if (subpath === './package.json') continue;
      const targets = typeof target === 'string' ? { default: target } : target;
      if (typeof target !== 'string')
        assert.equal(Object.keys(target)[0], 'types', `${subpath}: types must come first`);
      for (const file of Object.values(targets))
        assert.ok(packed.has(rel(file)), `${subpath} → ${file} is not in the package`);
    }
  });

  it('has a class entry and a define entry per element; only define modules have side effects', () => {
    for (const tag of TAGS) {
      assert.ok(pkg.exports[`./${tag}`], `./${tag}`);
      assert.ok(pkg.exports[`./${tag}/define`], `./${tag}/define`);
    }
    for (const pattern of pkg.sideEffects) assert.match(pattern, /(define\.(js|ts)|cdn\.ts|article-feedback\.js)$/);
  });

  it('ships the server bin and the files it imports', () => {
    const bin = rel(pkg.bin['article-feedback-server']!);
    assert.ok(packed.has(bin), bin);
    for (const file of ['server/cli.ts', 'server/app.ts', 'src/contract/schemas.ts', 'src/i18n/en.ts']) {
      assert.ok(packed.has(file), `${file} is not in the package`);
    }
    for (const file of packed) {
      if (!file.startsWith('server/') || !file.endsWith('.ts')) continue;
      for (const m of readFileSync(`${root}${file}`, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
        const target = new URL(m[1]!.replace(/\.js$/, '.ts'), `file:///${file}`).pathname.slice(1);
        assert.ok(packed.has(target), `${file} imports ${target}, which is not in the package`);
      }
    }
  });

  it('keeps lit external in the library build and inside the script-tag bundle', () => {
    const lib = readFileSync(`${root}dist/lib/components/comment-form/comment-form.js`, 'utf8');
    assert.match(lib, /from\s*["']lit["']/);
    const bundle = readFileSync(`${root}dist/article-feedback.js`, 'utf8');
    assert.doesNotMatch(bundle, /from\s*["']lit/);
    assert.ok(existsSync(`${root}dist/article-feedback.js.map`));
  });

  it('publishes no `_` member in its declarations (internals are `/** @internal */`, stripped)', () => {
    const dtsFiles = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? dtsFiles(join(dir, e.name)) : e.name.endsWith('.d.ts') ? [join(dir, e.name)] : [],
      );
    const files = dtsFiles(`${root}dist/types`);
    assert.ok(files.length > 10, `only ${files.length} .d.ts files`);
    const exposed: string[] = [];
    for (const file of files) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node) => {
        if (ts.isClassElement(node) || ts.isTypeElement(node)) {
          const name = node.name && ts.isIdentifier(node.name) ? node.name.text : '';
          if (name.startsWith('_')) exposed.push(`${file.slice(`${root}dist/types/`.length)}: ${name}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    assert.deepEqual(exposed, []);
  });

  it('types every tag in HTMLElementTagNameMap', () => {
    for (const tag of TAGS) {
      const dts = readFileSync(`${root}dist/types/components/${tag}/define.d.ts`, 'utf8');
      assert.match(dts, /interface HTMLElementTagNameMap/);
      assert.match(dts, new RegExp(`'${tag}'|"${tag}"`));
    }
  });

  it('describes the elements in custom-elements.json: attributes, parts, properties, events; internals private', () => {
    const manifest = JSON.parse(readFileSync(`${root}dist/custom-elements.json`, 'utf8')) as {
      modules: {
        declarations?: {
          tagName?: string;
          customElement?: boolean;
          attributes?: { name: string }[];
          cssParts?: { name: string }[];
          cssProperties?: { name: string }[];
          events?: { name: string }[];
          members?: { name: string; privacy?: string }[];
        }[];
      }[];
    };
    const elements = new Map(
      manifest.modules
        .flatMap((m) => m.declarations ?? [])
        .filter((d) => d.customElement && d.tagName)
        .map((d) => [d.tagName!, d]),
    );
    for (const tag of TAGS) assert.ok(elements.has(tag), `${tag} is missing`);
    const form = elements.get('comment-form')!;
    const names = (list?: { name: string }[]) => (list ?? []).map((x) => x.name);
    for (const attr of ['endpoint', 'thread', 'lang', 'theme', 'with-rating', 'captcha'])
      assert.ok(names(form.attributes).includes(attr), attr);
    for (const part of ['input', 'textarea', 'button', 'feedback'])
      assert.ok(names(form.cssParts).includes(part), part);
    assert.ok(names(form.events).includes('comment-submitted'));
    assert.ok(names(elements.get('article-rating')!.cssProperties).includes('--af-star-color'));
    assert.ok(names(elements.get('article-rating')!.events).includes('rating-change'));
    for (const [tag, decl] of elements) {
      const exposed = (decl.members ?? []).filter((m) => m.name.startsWith('_') && m.privacy !== 'private');
      assert.deepEqual(
        exposed.map((m) => m.name),
        [],
        `${tag} exposes internal members`,
      );
      assert.deepEqual(
        names(decl.attributes).filter((n) => n.startsWith('_')),
        [],
        `${tag} lists internal state as attributes`,
      );
    }
  });
});
