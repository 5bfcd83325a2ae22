// The files of the `article-feedback-server` package (packages/server/), written by its
// `prepack`, so `npm pack` / `npm publish` in packages/server always ship the current server:
//
//   packages/server/lib/cli.js             server/cli.ts, the `article-feedback-server` bin
//   packages/server/lib/conformance.js     conformance/cli.ts, the `article-feedback-conformance` bin
//   packages/server/lib/migrations/*.js    server/store/migrations/*.ts, one file each (Kysely's
//                                          migrator reads the folder next to the code)
//   packages/server/demo/                  demo/, copied
//
// Each bin is one ES module: our TypeScript, with the contract it shares with the widget
// (src/contract/, src/i18n/en.ts) inlined, and every npm package left as an import, to be
// resolved from the server package's `dependencies`. The widget's files are not copied: the
// server serves them from its `article-feedback` dependency (server/paths.ts).
//
// The build refuses a bundle that imports a package the server package does not declare, a
// declared version that differs from the root package.json's (where the repository installs
// it), and an `article-feedback` dependency on another version than the widget's.
import { build } from 'esbuild';
import { cpSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const packageDir = join(root, 'packages', 'server');
const lib = join(packageDir, 'lib');
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Every package (not a Node built-in) the bundles import. */
function importedPackages(metafile) {
  const names = new Set();
  for (const output of Object.values(metafile.outputs)) {
    for (const { path, external } of output.imports) {
      if (external && !isBuiltin(path)) names.add(packageName(path));
    }
  }
  return [...names].sort();
}

/** The problems with packages/server/package.json's `dependencies`, as lines; none = fine. */
export function dependencyProblems(imported) {
  const widget = readJson(join(root, 'package.json'));
  const server = readJson(join(packageDir, 'package.json'));
  const declared = server.dependencies ?? {};
  const installed = { ...widget.devDependencies, ...widget.dependencies };
  const problems = [];
  for (const name of imported) {
    if (!declared[name])
      problems.push(`the server imports ${name}, which packages/server/package.json does not declare`);
  }
  for (const [name, version] of Object.entries(declared)) {
    const expected = name === widget.name ? widget.version : installed[name];
    if (!expected) problems.push(`${name} is a server dependency but not in the root package.json`);
    else if (expected !== version)
      problems.push(`${name}: packages/server/package.json says ${version}, the root package.json ${expected}`);
  }
  return problems;
}

/**
 * The server-rendered block (#19): the route imports src/server-render/ in the repository; the
 * package imports the same code as `article-feedback/server` from its `article-feedback`
 * dependency, so the elements it renders are the very ones of the widget it serves (and lit and
 * @lit-labs/ssr come with that package).
 */
const widgetServerEntry = {
  name: 'article-feedback-server-entry',
  setup(build) {
    build.onResolve({ filter: /\/src\/server-render\/index\.js$/ }, () => ({
      path: 'article-feedback/server',
      external: true,
    }));
  },
};

export async function buildServerPackage() {
  rmSync(lib, { recursive: true, force: true });
  rmSync(join(packageDir, 'demo'), { recursive: true, force: true });
  const common = {
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    metafile: true,
    logLevel: 'warning',
    plugins: [widgetServerEntry],
  };
  const bins = await build({
    ...common,
    entryPoints: { cli: join(root, 'server/cli.ts'), conformance: join(root, 'conformance/cli.ts') },
    // server/cli.ts imports each command's module when it runs (`import()`): chunks of their
    // own, so that `import` does not load the HTTP server. In lib/ itself, next to migrations/,
    // which store/migrate.ts finds next to its own file.
    splitting: true,
    outdir: lib,
    banner: { js: '#!/usr/bin/env node' },
  });
  const migrationsDir = join(root, 'server/store/migrations');
  const migrations = await build({
    ...common,
    entryPoints: readdirSync(migrationsDir)
      .filter((file) => file.endsWith('.ts'))
      .map((file) => join(migrationsDir, file)),
    outdir: join(lib, 'migrations'),
  });
  cpSync(join(root, 'demo'), join(packageDir, 'demo'), { recursive: true });

  const imported = importedPackages({
    outputs: { ...bins.metafile.outputs, ...migrations.metafile.outputs },
  });
  return { imported, problems: dependencyProblems(imported) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const { imported, problems } = await buildServerPackage();
  if (problems.length) {
    console.error(`[build-server-package] FAILED:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  // On stderr, so `npm pack --json` (which runs this as prepack) still prints only its JSON.
  console.error(
    `[build-server-package] packages/server/lib/ and demo/ (${Math.round(performance.now() - started)} ms); imports ${imported.join(', ')}`,
  );
}
