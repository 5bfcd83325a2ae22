// The widget package as `npm pack` would publish it (after `npm run build`, which `npm test`
// runs first): every `exports` target shipped with its types first, nothing but built files,
// the elements' manifest and their tag-name types; and the split of dependencies between it and
// the server package (packages/server). test/package/ installs both from their tarballs.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildServerPackage } from '../../scripts/build-server-package.mjs';
import { underscoreMembers } from '../helpers/declarations.js';

const root = new URL('../../', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as {
  version: string;
  exports: Record<string, string | Record<string, string>>;
  sideEffects: string[];
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional: boolean }>;
  bin?: Record<string, string>;
};
const serverPkg = JSON.parse(readFileSync(`${root}packages/server/package.json`, 'utf8')) as {
  dependencies: Record<string, string>;
  bin: Record<string, string>;
  files: string[];
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
const TAGS = ['article-feedback', 'article-rating', 'comment-form', 'comment-list', 'comment-count'];

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
    // #19: take-over.ts empties a server-rendered block before any tag is defined; dom-shim.ts
    // completes Lit's DOM shim for the server renderer.
    for (const pattern of pkg.sideEffects)
      assert.match(
        pattern,
        /(define\.(js|ts)|take-over\.(js|ts)|dom-shim\.(js|ts)|cdn\.ts|article-feedback\.js|comment-count\.js)$/,
      );
  });

  it('ships built files only: no server, sources, demo or bin', () => {
    const outside = [...packed].filter(
      (file) => !file.startsWith('dist/') && !/^(package\.json|README\.md)$/.test(file),
    );
    assert.deepEqual(outside, []);
    assert.equal(pkg.bin, undefined);
  });

  it('depends on lit and zod only; the server package declares what its bundle imports, at the same versions', async () => {
    assert.deepEqual(Object.keys(pkg.dependencies).sort(), ['lit', 'zod']);
    // @lit-labs/ssr: for `article-feedback/server` only (#19), an optional peer that a front-end
    // app never receives; the server package, which renders, depends on it.
    assert.deepEqual(pkg.peerDependenciesMeta, { '@lit-labs/ssr': { optional: true } });
    assert.equal(pkg.peerDependencies['@lit-labs/ssr'], `^${serverPkg.dependencies['@lit-labs/ssr']}`);
    const { imported, problems } = await buildServerPackage();
    assert.deepEqual(problems, []);
    for (const name of ['hono', 'kysely', 'better-sqlite3', 'zod']) assert.ok(imported.includes(name), name);
    assert.equal(serverPkg.dependencies['article-feedback'], pkg.version);
    assert.ok(!('tsx' in serverPkg.dependencies), 'the server package runs JavaScript: no tsx');
    for (const bin of Object.values(serverPkg.bin)) {
      assert.match(bin, /^lib\//);
      assert.match(readFileSync(`${root}packages/server/${bin}`, 'utf8'), /^#!\/usr\/bin\/env node\n/);
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
    assert.deepEqual(underscoreMembers(`${root}dist/types`), []);
  });

  it('types every tag in HTMLElementTagNameMap, from a file every element declaration imports', () => {
    const dts = readFileSync(`${root}dist/types/components/shared/tag-names.d.ts`, 'utf8');
    assert.match(dts, /interface HTMLElementTagNameMap/);
    for (const tag of TAGS) assert.match(dts, new RegExp(`'${tag}'|"${tag}"`));
    const base = readFileSync(`${root}dist/types/components/shared/feedback-element.d.ts`, 'utf8');
    assert.match(base, /export type \* from '\.\/tag-names\.js'/);
    assert.match(base, /export type \* from '\.\/events\.js'/);
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
