import { defineConfig } from 'vite';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { minifyLiterals } from './scripts/build-minify-literals.mjs';

const root = import.meta.dirname;

/** The public elements; each gets `article-feedback/<tag>` and `article-feedback/<tag>/define`. */
export const TAGS = ['article-feedback', 'article-rating', 'comment-form', 'comment-list', 'comment-count'] as const;

const entries: Record<string, string> = {
  index: resolve(root, 'src/index.ts'),
  define: resolve(root, 'src/define.ts'),
  // `article-feedback/server` (#19): renderFeedback(), for Node and other server runtimes.
  server: resolve(root, 'src/server-render/index.ts'),
};
for (const tag of TAGS) {
  for (const file of [`${tag}.ts`, 'define.ts']) {
    const path = resolve(root, 'src/components', tag, file);
    // Lets the build run while an element is still being written; the exports map expects all.
    if (existsSync(path)) entries[`components/${tag}/${file.replace(/\.ts$/, '')}`] = path;
  }
}

/** A bare import of a runtime dependency: lit (and its parts) and zod stay imports. */
const external = (id: string) => /^(lit|lit-html|lit-element|@lit\/reactive-element|zod|@lit-labs\/ssr)(\/|$)/.test(id);

/**
 * The npm library build: dist/lib/, one ES module per source module (so a bundler keeps only
 * what an app imports and `sideEffects` can name the define modules exactly), with `lit` and
 * `zod` left as imports for the app's bundler to share. Types come from `tsc -p
 * tsconfig.build.json` (dist/types/, same layout).
 */
export default defineConfig({
  publicDir: false,
  plugins: [minifyLiterals()],
  worker: {
    format: 'es',
    rolldownOptions: { output: { minify: true, comments: false } },
  },
  build: {
    outDir: resolve(root, 'dist/lib'),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    lib: { entry: entries, formats: ['es'] },
    rolldownOptions: {
      external,
      output: {
        preserveModules: true,
        preserveModulesRoot: resolve(root, 'src'),
        // Compiler helpers (the decorator runtime) arrive as `_virtual/_@oxc-project_runtime@…`.
        entryFileNames: (chunk) =>
          chunk.name.startsWith('_virtual/') ? `helpers/${chunk.name.split('/').pop()}.js` : '[name].js',
        chunkFileNames: '[name].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
        minify: true,
        comments: false,
      },
    },
  },
});
