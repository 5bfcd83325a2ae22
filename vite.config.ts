import { defineConfig, type Plugin } from 'vite';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { minifyLiterals } from './scripts/build-minify-literals.mjs';
import { manglePrivateMembers } from './scripts/build-mangle-private.mjs';
import { terserPass } from './scripts/build-terser-pass.mjs';
import { preloadImports } from './scripts/build-preload-imports.mjs';
import { dropLitHooks } from './scripts/build-lit-hooks.mjs';

const root = import.meta.dirname;
const outDir = resolve(root, 'dist');

/** In `npm run dev`, the demo's `<script src="/article-feedback.js">` gets the live sources. */
function devBundleAlias(): Plugin {
  return {
    name: 'article-feedback-dev-bundle',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url === '/article-feedback.js') req.url = '/@fs' + resolve(root, 'src/cdn.ts');
        next();
      });
    },
  };
}

/**
 * dist/ also holds the npm library build (dist/lib, dist/types, dist/custom-elements.json),
 * which `npx vite build` alone (scripts/ensure-build.mjs) must not wipe. So instead of
 * `emptyOutDir`, remove only what this build writes: the bundle, its map and its chunks (and
 * nothing when the build writes nothing: the build tests build in memory).
 */
function cleanOwnOutput(): Plugin {
  let dir = outDir;
  let write = true;
  return {
    name: 'article-feedback-clean-cdn-output',
    apply: 'build',
    configResolved(config) {
      dir = config.build.outDir;
      write = config.build.write;
    },
    buildStart() {
      if (!write || !existsSync(dir)) return;
      for (const name of readdirSync(dir)) {
        if (name.startsWith('article-feedback.js')) rmSync(resolve(dir, name), { force: true });
      }
      rmSync(resolve(dir, 'chunks'), { recursive: true, force: true });
    },
  };
}

/**
 * `vite` serves the demo (demo/) with /api proxied to the reference server on :8787.
 * `vite build` writes the script-tag bundle: dist/article-feedback.js, one self-contained,
 * minified ES module (Lit, the contract, English, every element registered) with a source map.
 * Other languages (and anything else loaded by dynamic import) become separate files in
 * dist/chunks/, fetched only when a page needs them. The npm library build is
 * vite.lib.config.ts.
 */
export default defineConfig({
  root: resolve(root, 'demo'),
  plugins: [
    devBundleAlias(),
    cleanOwnOutput(),
    dropLitHooks(),
    minifyLiterals(),
    manglePrivateMembers(),
    preloadImports(),
    terserPass(),
  ],
  server: {
    open: false,
    fs: { allow: [root] },
    proxy: { '/api': 'http://127.0.0.1:8787' },
  },
  // A module worker (the proof-of-work solver) is emitted as its own file, not a blob: URL,
  // so it runs under a strict CSP (`worker-src` falls back to `script-src 'self'`).
  worker: {
    format: 'es',
    rolldownOptions: { output: { minify: true, comments: false, entryFileNames: 'chunks/[name]-[hash].js' } },
  },
  build: {
    outDir,
    emptyOutDir: false,
    copyPublicDir: false,
    sourcemap: true,
    target: 'es2022',
    // Assets (the worker) as files: a data:/blob: URL would break under a strict CSP.
    assetsInlineLimit: 0,
    lib: {
      entry: resolve(root, 'src/cdn.ts'),
      formats: ['es'],
      fileName: () => 'article-feedback.js',
    },
    rolldownOptions: {
      // Lets the entry absorb the code it shares with the on-demand chunks, so what a page loads at once is one file.
      preserveEntrySignatures: 'allow-extension',
      output: {
        minify: true,
        comments: false,
        chunkFileNames: 'chunks/[name]-[hash].js',
        // The small modules every on-demand chunk of the form and the rating shares (the later
        // English texts, the API calls, the voter id, adopting the chunks' styles) as one chunk:
        // one more URL to start with them (scripts/build-preload-imports.mjs), not three (#24).
        codeSplitting: {
          groups: [
            {
              name: 'shared',
              test: /[\\/]src[\\/](i18n[\\/]en-later|client[\\/]api-actions|client[\\/]voter|client[\\/]edit-tokens|client[\\/]per-task-read|client[\\/]server-config|components[\\/]shared[\\/]adopt-once)\.ts$/,
              includeDependenciesRecursively: false,
            },
          ],
        },
        assetFileNames: 'chunks/[name]-[hash][extname]',
      },
    },
  },
});
