import type { Plugin } from 'vite';

/** Starts the static imports of every `import()`ed chunk together with it: one round trip. */
export function preloadImports(): Plugin;
