import { defineConfig, type Plugin } from 'vite';
import { resolve } from 'node:path';

const root = import.meta.dirname;

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
 * `vite` serves the demo (demo/) with /api proxied to the reference server on :8787.
 * `vite build` writes dist/article-feedback.js: one self-contained ES module for the script tag.
 */
export default defineConfig({
  root: resolve(root, 'demo'),
  plugins: [devBundleAlias()],
  server: {
    open: false,
    fs: { allow: [root] },
    proxy: { '/api': 'http://127.0.0.1:8787' },
  },
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    lib: {
      entry: resolve(root, 'src/cdn.ts'),
      formats: ['es'],
      fileName: () => 'article-feedback.js',
    },
    rolldownOptions: {
      output: { minify: true, comments: false },
    },
  },
});
