import type { Plugin } from 'vite';

/** Drops Lit's polyfill and hydration hooks and its version lists from the script-tag build. */
export function dropLitHooks(): Plugin;
