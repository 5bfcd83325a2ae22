/**
 * The two npm packages as their users get them (#25), after `npm run build` (which `npm test`
 * runs first):
 *
 * - the widget, `npm pack`ed at the root, installed with `lit` into a fresh app (TypeScript
 *   strict, Vite) from the tarball: it brings lit and zod and nothing else, and no native build;
 *   each entry point alone types the events, the tag names and the classes; the app that uses
 *   every entry point, event and public property passes `tsc --noEmit` and `vite build`;
 * - the server, `npm pack`ed in packages/server (its prepack bundles it), installed next to the
 *   widget's tarball and started with `npx article-feedback-server`: it serves the API, the
 *   widget's script-tag bundle and the demo;
 * - the app's built page, in Chromium on its own origin, posts a comment to that server.
 *
 * The npm installs use the local cache first (`--prefer-offline`). The server's install skips
 * install scripts and takes the repository's own build of better-sqlite3 (the same version, a
 * test in test/build checks it): compiling it again would cost a minute of CPU and prove
 * nothing about our packages.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import assert from 'node:assert/strict';
import ts from 'typescript';
import { launchChromium } from '../helpers/launch-chromium.js';
import { underscoreMembers } from '../helpers/declarations.js';
import { writeDisqusFile } from '../helpers/disqus-file.js';

const run = promisify(execFile);
const started = performance.now();
const elapsed = (label: string) => console.log(`# ${label}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
const root = new URL('../../', import.meta.url).pathname;
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const rootPackage = readJson(join(root, 'package.json')) as {
  name: string;
  version: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Packages a front-end app must never receive from the widget (the server's, or a compiler). */
const SERVER_ONLY = ['better-sqlite3', 'hono', '@hono/node-server', 'kysely', 'pg', 'tsx', 'esbuild', 'altcha-lib'];
const TAGS = ['article-feedback', 'article-rating', 'comment-form', 'comment-list'] as const;
const CLASS_OF: Record<(typeof TAGS)[number], string> = {
  'article-feedback': 'ArticleFeedback',
  'article-rating': 'ArticleRating',
  'comment-form': 'CommentForm',
  'comment-list': 'CommentList',
};
/** `<comment-count>` (#18): only its own entry points export it (not `.` nor `./define`); attributes, no properties. */
const ENTRY_CLASS_OF: Record<string, string> = { ...CLASS_OF, 'comment-count': 'CommentCount' };

// One folder per checkout (two checkouts may test at once), emptied at every run and kept
// afterwards for a look at what failed.
const work = join(
  tmpdir(),
  `article-feedback-package-test-${createHash('sha256').update(root).digest('hex').slice(0, 8)}`,
);
const app = join(work, 'app');
const serverApp = join(work, 'server');

/** The environment of a fresh shell: none of the `npm run` variables of the repository's own run. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    const keep = !/^npm_/i.test(key) || /^npm_config_(registry|cache|userconfig)$/i.test(key);
    if (keep && key !== 'INIT_CWD') env[key] = value;
  }
  return { ...env, ...extra };
}

async function sh(command: string, args: string[], cwd: string, env?: Record<string, string>): Promise<string> {
  try {
    const { stdout } = await run(command, args, {
      cwd,
      env: cleanEnv(env),
      maxBuffer: 64 * 1024 * 1024,
      timeout: 120_000,
    });
    return stdout;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} (in ${cwd}) failed:\n${stdout}\n${stderr}`, { cause: error });
  }
}

const NPM_INSTALL = ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];

interface Lockfile {
  packages: Record<string, { version?: string; dependencies?: Record<string, string>; hasInstallScript?: boolean }>;
}

/** The lockfile paths (`node_modules/x`) `start` brings in, itself included. */
function closure(lock: Lockfile, start: string): Set<string> {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const name of Object.keys(lock.packages[path]?.dependencies ?? {})) {
      // Node's lookup: the nearest node_modules/<name> walking up from the dependent.
      let base = path;
      for (;;) {
        const candidate = `${base}/node_modules/${name}`;
        if (lock.packages[candidate]) {
          visit(candidate);
          break;
        }
        const cut = base.lastIndexOf('/node_modules/');
        if (cut < 0) {
          if (lock.packages[`node_modules/${name}`]) visit(`node_modules/${name}`);
          break;
        }
        base = base.slice(0, cut);
      }
    }
  };
  visit(start);
  return seen;
}

const packageNameOf = (lockPath: string) =>
  lockPath.slice(lockPath.lastIndexOf('node_modules/') + 'node_modules/'.length);

interface ManifestElement {
  tagName?: string;
  customElement?: boolean;
  members?: { kind: string; name: string; privacy?: string; static?: boolean; readonly?: boolean }[];
  events?: { name: string }[];
}

/** The public elements as the installed package's custom-elements.json describes them. */
function manifestElements(): Map<string, ManifestElement> {
  const manifest = readJson(join(app, 'node_modules/article-feedback/dist/custom-elements.json')) as {
    modules: { declarations?: ManifestElement[] }[];
  };
  const elements = new Map<string, ManifestElement>();
  for (const declaration of manifest.modules.flatMap((m) => m.declarations ?? [])) {
    if (declaration.customElement && declaration.tagName && (TAGS as readonly string[]).includes(declaration.tagName))
      elements.set(declaration.tagName, declaration);
  }
  return elements;
}

const publicFields = (element: ManifestElement) =>
  (element.members ?? []).filter(
    (m) => m.kind === 'field' && !m.static && (m.privacy ?? 'public') === 'public' && !m.name.startsWith('_'),
  );

/** The class each entry point exports, by subpath. */
function classesOf(subpath: string): string[] {
  if (subpath === '.' || subpath === './define') return Object.values(CLASS_OF);
  return [ENTRY_CLASS_OF[subpath.split('/')[1]!]!];
}

/** The code-bearing entry points of the installed package (not the bundle, the manifest, package.json). */
function entryPoints(): string[] {
  const exports = readJson(join(app, 'node_modules/article-feedback/package.json')).exports as Record<string, unknown>;
  // `./server` (#19) is for Node, not for the browser app: test/e2e/examples.test.ts runs it.
  return Object.keys(exports).filter((subpath) => !/\.(js|json)$/.test(subpath) && subpath !== './server');
}

const specifier = (subpath: string) => (subpath === '.' ? 'article-feedback' : `article-feedback/${subpath.slice(2)}`);

/**
 * Code that compiles only when the page-wide maps are there: typed `detail` on `document` and on
 * an element for every event, the tags, and the typed details the README shows.
 */
function globalMapUses(events: string[]): string {
  return `
/** Compiles only when the value is typed (neither \`any\` nor \`unknown\`). */
function typed<T>(value: unknown extends T ? never : T): T {
  return value;
}
const rating = document.createElement('article-rating');
${events.map((event) => `document.addEventListener('${event}', (e) => typed(e.detail));\nrating.addEventListener('${event}', (e) => typed(e.detail));`).join('\n')}
rating.addEventListener('rating-change', (e) => {
  const value: number = e.detail.value;
  typed(value);
});
document.addEventListener('comment-submitted', (e) => {
  const status: 'published' | 'pending' = e.detail.status;
  const id: string = e.detail.comment.id;
  typed([status, id]);
});
${TAGS.map((tag) => `typed(document.createElement('${tag}').thread);\ntyped(document.querySelector('${tag}')?.endpoint);`).join('\n')}
`;
}

/** The app's main module: every entry point, every event, every public property, and the page. */
function appSource(elements: Map<string, ManifestElement>): string {
  const entries = entryPoints();
  const imports = entries.map((subpath, i) => `import * as entry${i} from '${specifier(subpath)}';`);
  const classChecks = entries.flatMap((subpath, i) =>
    classesOf(subpath).map((name) => `typed<typeof ${name}>(entry${i}.${name});`),
  );
  const properties = [...elements].flatMap(([tag, element]) => {
    const variable = CLASS_OF[tag as (typeof TAGS)[number]].replace(/^./, (c) => c.toLowerCase()) + 'Element';
    return [
      `const ${variable}: ${CLASS_OF[tag as (typeof TAGS)[number]]} = document.createElement('${tag}');`,
      ...publicFields(element).map((m) =>
        m.readonly ? `typed(${variable}.${m.name});` : `${variable}.${m.name} = ${variable}.${m.name};`,
      ),
    ];
  });
  const events = [...new Set([...elements.values()].flatMap((e) => (e.events ?? []).map((x) => x.name)))].sort();
  return `${imports.join('\n')}
import { ArticleFeedback, ArticleRating, CommentForm, CommentList, type CommentSubmittedDetail } from 'article-feedback';
import { CommentCount } from 'article-feedback/comment-count';
${globalMapUses(events)}
const countElement: CommentCount = document.createElement('comment-count');
typed(countElement);
${classChecks.join('\n')}
${properties.join('\n')}

// The page: the whole block, pointed at the API named in the query string.
const log = document.querySelector('output')!;
const received: CommentSubmittedDetail[] = [];
document.addEventListener('comment-submitted', (e) => {
  received.push(e.detail);
  log.textContent = \`comment-submitted: \${e.detail.status} \${e.detail.comment.name}\`;
});
const block = document.querySelector('article-feedback')!;
block.endpoint = new URLSearchParams(location.search).get('api') ?? '';
block.thread = '/consumer/article';
`;
}

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'Bundler',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    strict: true,
    noUncheckedIndexedAccess: true,
    noUnusedLocals: false,
    skipLibCheck: false,
    isolatedModules: true,
    noEmit: true,
    types: [],
  },
  include: ['src'],
};

function serveFolder(folder: string): Promise<Server> {
  const types: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.json': 'application/json',
    '.svg': 'image/svg+xml',
  };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = join(folder, path === '/' ? 'index.html' : path);
    if (!file.startsWith(folder) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('the npm packages, installed as a user would', { timeout: 600_000 }, () => {
  let widgetTarball: string;
  let pageServer: Server;
  let pageOrigin: string;
  let apiServer: ChildProcess | undefined;
  let serverOrigin: string;
  let serverOutput = '';

  before(async () => {
    for (const file of [
      'dist/article-feedback.js',
      'dist/lib/index.js',
      'dist/types/index.d.ts',
      'dist/custom-elements.json',
    ])
      assert.ok(existsSync(join(root, file)), `${file} is missing: run \`npm run build\` first`);
    rmSync(work, { recursive: true, force: true });
    mkdirSync(join(app, 'src'), { recursive: true });
    mkdirSync(serverApp, { recursive: true });

    // The widget as built by `npm run build` (its prepack would build it again); the server
    // package with its prepack, which bundles it.
    const [widget] = JSON.parse(
      await sh('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], root),
    ) as { filename: string }[];
    const [server] = JSON.parse(
      await sh('npm', ['pack', '--json', '--pack-destination', work], join(root, 'packages/server')),
    ) as { filename: string }[];
    elapsed('packed');
    widgetTarball = join(work, widget!.filename);
    const serverTarball = join(work, server!.filename);

    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify(
        {
          name: 'consumer-app',
          private: true,
          type: 'module',
          dependencies: { [rootPackage.name]: `file:${widgetTarball}`, lit: rootPackage.dependencies.lit },
          devDependencies: {
            typescript: rootPackage.devDependencies.typescript,
            vite: rootPackage.devDependencies.vite,
          },
        },
        null,
        2,
      ),
    );
    await sh('npm', NPM_INSTALL, app);
    elapsed('app installed');

    writeFileSync(join(serverApp, 'package.json'), JSON.stringify({ name: 'server-host', private: true }));
    await sh('npm', [...NPM_INSTALL, '--ignore-scripts', widgetTarball, serverTarball], serverApp);
    const nativeBuild = 'node_modules/better-sqlite3/build/Release';
    mkdirSync(join(serverApp, nativeBuild), { recursive: true });
    cpSync(join(root, nativeBuild, 'better_sqlite3.node'), join(serverApp, nativeBuild, 'better_sqlite3.node'));
    elapsed('server installed');
  });

  after(async () => {
    // npx does not pass SIGTERM on to the server it started: stop the whole process group.
    if (apiServer?.pid && apiServer.exitCode === null) {
      const exited = new Promise((resolve) => apiServer!.once('exit', resolve));
      process.kill(-apiServer.pid, 'SIGTERM');
      await exited;
    }
    await new Promise((resolve) => (pageServer ? pageServer.close(resolve) : resolve(undefined)));
  });

  it('the widget brings lit and zod only (@lit-labs/ssr, for its server entry, is an optional peer): no server package, no compiler, no native build', () => {
    const installed = readJson(join(app, 'node_modules/article-feedback/package.json')) as {
      dependencies: Record<string, string>;
      bin?: unknown;
    };
    assert.deepEqual(Object.keys(installed.dependencies).sort(), ['lit', 'zod']);
    assert.equal(installed.bin, undefined);
    const lock = readJson(join(app, 'package-lock.json')) as Lockfile;
    // `article-feedback/server` (#19) needs @lit-labs/ssr, an optional peer: a browser app has none.
    assert.ok(!lock.packages['node_modules/@lit-labs/ssr'], 'the app received @lit-labs/ssr');
    const brought = [...closure(lock, 'node_modules/article-feedback')].map(packageNameOf);
    for (const name of SERVER_ONLY) {
      assert.ok(!brought.includes(name), `the widget pulls ${name}`);
      assert.ok(!lock.packages[`node_modules/${name}`], `the app's lockfile holds ${name}`);
    }
    const scripted = [...closure(lock, 'node_modules/article-feedback')].filter(
      (p) => lock.packages[p]?.hasInstallScript,
    );
    assert.deepEqual(scripted, [], 'packages with install scripts');
    assert.ok(
      brought.every(
        (name) =>
          name === 'article-feedback' ||
          /^(lit|lit-html|lit-element|@lit\/reactive-element|@lit-labs\/ssr-dom-shim|@types\/trusted-types|zod)$/.test(
            name,
          ),
      ),
      `unexpected packages: ${brought.join(', ')}`,
    );
  });

  it('ships its built files only, and no internal member in its declarations', () => {
    const pkg = join(app, 'node_modules/article-feedback');
    for (const folder of ['server', 'src', 'demo', 'conformance', 'scripts'])
      assert.ok(!existsSync(join(pkg, folder)), `${folder}/ is in the widget package`);
    assert.deepEqual(underscoreMembers(join(pkg, 'dist/types')), []);
    assert.doesNotMatch(readFileSync(join(pkg, 'dist/types/components/shared/events.d.ts'), 'utf8'), /\bemit\b/);
  });

  it('each entry point alone types the events on document and on the elements, the tags and its classes', () => {
    const events = [
      ...new Set([...manifestElements().values()].flatMap((e) => (e.events ?? []).map((x) => x.name))),
    ].sort();
    assert.ok(events.includes('rating-change') && events.includes('comment-submitted'), events.join(', '));
    // The libraries' declarations are checked once, by the whole app's `tsc` below.
    const options = { ...ts.convertCompilerOptionsFromJson(TSCONFIG.compilerOptions, app).options, skipLibCheck: true };
    const host = ts.createCompilerHost(options);
    let previous: ts.Program | undefined;
    const failures: string[] = [];
    const entries = entryPoints();
    assert.ok(entries.length >= 10, entries.join(', '));
    for (const [i, subpath] of entries.entries()) {
      const file = join(app, 'src', `entry-${i}.ts`);
      const names = classesOf(subpath);
      writeFileSync(
        file,
        `import { ${names.join(', ')} } from '${specifier(subpath)}';\n` +
          names.map((name) => `typed<typeof ${name}>(${name});`).join('\n') +
          globalMapUses(events),
      );
      const program = ts.createProgram({ rootNames: [file], options, host, oldProgram: previous });
      previous = program;
      const diagnostics = ts.getPreEmitDiagnostics(program);
      if (diagnostics.length)
        failures.push(
          `${specifier(subpath)}:\n${ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => app, getNewLine: () => '\n' })}`,
        );
      rmSync(file);
    }
    elapsed('entry points type-checked');
    assert.deepEqual(failures, []);
  });

  it('an app using every entry point, event and public property passes tsc --noEmit (strict) and vite build', async () => {
    const elements = manifestElements();
    assert.deepEqual([...elements.keys()].sort(), [...TAGS]);
    for (const [tag, element] of elements) assert.ok(publicFields(element).length > 3, `${tag}: public properties`);
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
    writeFileSync(join(app, 'src/main.ts'), appSource(elements));
    writeFileSync(
      join(app, 'index.html'),
      `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Consumer app</title><link rel="icon" href="data:," /><script type="module" src="/src/main.ts"></script></head>
  <body><main><article-feedback></article-feedback><output></output></main></body>
</html>
`,
    );
    await sh(join(app, 'node_modules/.bin/tsc'), ['--noEmit', '-p', 'tsconfig.json'], app);
    elapsed('app type-checked');
    await sh(join(app, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], app);
    elapsed('app built');
    const html = readFileSync(join(app, 'dist/index.html'), 'utf8');
    const entry = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    assert.ok(entry, html);
    const gzip = gzipSync(readFileSync(join(app, 'dist', entry))).length;
    console.log(`# the app's eager JavaScript: ${(gzip / 1024).toFixed(1)} KiB gzipped`);
  });

  it('npx article-feedback-server (the packed server package) serves the API, the bundle and the demo', async () => {
    pageServer = await serveFolder(join(app, 'dist'));
    pageOrigin = `http://127.0.0.1:${(pageServer.address() as AddressInfo).port}`;
    apiServer = spawn('npx', ['--no', '--', 'article-feedback-server'], {
      cwd: serverApp,
      env: cleanEnv({
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: join(work, 'comments.db'),
        CAPTCHA: 'none',
        MODERATION: 'off',
        RATE_LIMIT_WRITES: '0',
        ALLOWED_ORIGINS: pageOrigin,
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    serverOrigin = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the server did not start:\n${serverOutput}`)), 60_000);
      const onData = (chunk: Buffer) => {
        serverOutput += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(serverOutput);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      };
      apiServer!.stdout!.on('data', onData);
      apiServer!.stderr!.on('data', onData);
      apiServer!.once('exit', (code) => reject(new Error(`the server exited (${code}):\n${serverOutput}`)));
    });

    const comments = await fetch(`${serverOrigin}/api/threads/x/comments`);
    assert.equal(comments.status, 200);
    assert.ok(Array.isArray(((await comments.json()) as { comments: unknown }).comments));

    const bundle = await fetch(`${serverOrigin}/article-feedback.js`);
    assert.equal(bundle.status, 200);
    assert.match(bundle.headers.get('content-type') ?? '', /javascript/);
    assert.equal(
      await bundle.text(),
      readFileSync(join(serverApp, 'node_modules/article-feedback/dist/article-feedback.js'), 'utf8'),
      'the bundle is the installed widget package’s',
    );

    // <comment-count>'s own entry (#18), from the same installed widget package, embeddable from any origin.
    const count = await fetch(`${serverOrigin}/comment-count.js`);
    assert.equal(count.status, 200);
    assert.match(count.headers.get('content-type') ?? '', /javascript/);
    assert.equal(count.headers.get('access-control-allow-origin'), '*');
    assert.equal(
      await count.text(),
      readFileSync(join(serverApp, 'node_modules/article-feedback/dist/comment-count.js'), 'utf8'),
    );
    const counts = await fetch(`${serverOrigin}/api/counts?thread=x`);
    assert.deepEqual(await counts.json(), { counts: { x: { comments: 0, rating: { average: 0, count: 0 } } } });
    // #19: the block rendered on the server, by the installed widget's `article-feedback/server`.
    const rendered = await fetch(`${serverOrigin}/api/threads/x/rendered`);
    assert.equal(rendered.status, 200);
    assert.match(await rendered.text(), /<article-feedback[^>]*><template shadowroot="open" shadowrootmode="open">/);

    const demo = await fetch(`${serverOrigin}/`);
    assert.equal(demo.status, 200);
    assert.match(await demo.text(), /<article-feedback[\s>]/);

    const lock = readJson(join(serverApp, 'package-lock.json')) as Lockfile;
    for (const name of ['tsx', 'esbuild', 'smtp-server'])
      assert.ok(!lock.packages[`node_modules/${name}`], `the server package pulls ${name}`);
    const installed = readJson(join(serverApp, 'node_modules/article-feedback-server/package.json')) as {
      dependencies: Record<string, string>;
    };
    assert.equal(installed.dependencies['article-feedback'], rootPackage.version);
    const kit = await sh('npx', ['--no', '--', 'article-feedback-conformance', '--help'], serverApp);
    assert.match(kit, /Usage: article-feedback-conformance <base URL>/);
  });

  it('npx article-feedback-server import and export (the packed package: each command in its own chunk)', async () => {
    const disqus = join(work, 'disqus.xml');
    await writeDisqusFile(disqus, 30);
    const env = { DATABASE_URL: join(work, 'imported.db') };
    const imported = await sh(
      'npx',
      ['--no', '--', 'article-feedback-server', 'import', '--from', 'disqus', disqus],
      serverApp,
      env,
    );
    assert.match(imported, /imported: 30\b/);
    const exported = await sh('npx', ['--no', '--', 'article-feedback-server', 'export'], serverApp, env);
    const records = exported
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string });
    assert.equal(records.filter((record) => record.type === 'comment').length, 30);
  });

  it('the app built by Vite, on its own origin in Chromium, posts a comment to that server', async () => {
    assert.ok(serverOrigin, 'the server test ran first');
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('response', (response) => {
        if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
      });
      await page.goto(`${pageOrigin}/?api=${encodeURIComponent(`${serverOrigin}/api`)}`);
      const block = page.locator('article-feedback');
      await block.getByText('Leave the first review').waitFor({ timeout: 20_000 });
      const form = block.locator('comment-form').first();
      await form.getByLabel('Name', { exact: true }).fill('Package Reader');
      await form.getByLabel('Email', { exact: true }).fill('reader@example.com');
      await form.getByLabel('Message', { exact: true }).fill('Installed from the tarball, and it posts.');
      await form.getByRole('button', { name: 'Post comment' }).click();
      await page.getByText('comment-submitted: published Package Reader').waitFor({ timeout: 20_000 });
      await block.locator('comment-list').getByText('Installed from the tarball, and it posts.').waitFor();
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
    const stored = await fetch(`${serverOrigin}/api/threads/${encodeURIComponent('/consumer/article')}/comments`);
    const body = (await stored.json()) as { comments: { name: string }[] };
    assert.deepEqual(
      body.comments.map((c) => c.name),
      ['Package Reader'],
    );
  });
});
