import { defineConfig } from 'vite';
import { resolve } from 'node:path';
import { minifyLiterals } from './scripts/build-minify-literals.mjs';

const root = import.meta.dirname;

/**
 * The moderation dashboard (#15): `src/admin/main.ts` → `dist/admin/admin.js`, one ES module
 * (Lit included) that `/admin` loads. Its own entry, apart from the script-tag bundle
 * (vite.config.ts), which never carries any of it.
 */
export default defineConfig({
  publicDir: false,
  plugins: [minifyLiterals()],
  build: {
    outDir: resolve(root, 'dist/admin'),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    lib: { entry: resolve(root, 'src/admin/main.ts'), formats: ['es'], fileName: () => 'admin.js' },
    rolldownOptions: { output: { minify: true, comments: false, codeSplitting: false } },
  },
});
