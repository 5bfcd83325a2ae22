import { defineConfig, type Plugin } from 'vite';
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { manglePrivateMembers } from './scripts/build-mangle-private.mjs';
import { terserPass } from './scripts/build-terser-pass.mjs';

const root = import.meta.dirname;
const outDir = resolve(root, 'dist');

/**
 * dist/ holds the other builds too, so remove only what this one writes: the entry, its map
 * and its on-demand chunks in dist/count/ (nothing when the build writes nothing).
 */
function cleanOwnOutput(): Plugin {
  let write = true;
  return {
    name: 'article-feedback-clean-count-output',
    apply: 'build',
    configResolved(config) {
      write = config.build.write;
    },
    buildStart() {
      if (!write || !existsSync(outDir)) return;
      for (const name of ['comment-count.js', 'comment-count.js.map', 'count'])
        rmSync(resolve(outDir, name), { recursive: true, force: true });
    },
  };
}

/**
 * `<comment-count>` for index and front pages (#18): `src/components/comment-count/define.ts` →
 * `dist/comment-count.js`, its own small ES module (budget 1 KiB gzipped, checked by
 * `npm run size`), apart from the script-tag bundle (vite.config.ts), whose Lit it does not
 * need. Everything for another language (comment-count/other-languages.ts, the loader table,
 * the catalogues) is in its chunks in `dist/count/`, fetched only by pages in another language,
 * and so is the rating (comment-count/rating.ts), fetched only by counts with `rating`; the
 * entry's two dynamic imports find them next to it.
 */
export default defineConfig({
  publicDir: false,
  plugins: [cleanOwnOutput(), manglePrivateMembers(), terserPass()],
  build: {
    outDir,
    emptyOutDir: false,
    copyPublicDir: false,
    sourcemap: true,
    target: 'es2022',
    lib: {
      entry: resolve(root, 'src/components/comment-count/define.ts'),
      formats: ['es'],
      fileName: () => 'comment-count.js',
    },
    rolldownOptions: {
      output: {
        minify: true,
        comments: false,
        chunkFileNames: 'count/[name]-[hash].js',
      },
    },
  },
});
