import type { Plugin } from 'vite';

/** The `_names` declared in `srcDir`'s TypeScript files, with their use counts. */
export function privateNames(srcDir: string): Map<string, number>;
/** Short replacement names, most used first, avoiding `taken`. */
export function shortNames(uses: Map<string, number>, taken?: Set<string>): Record<string, string>;
/** The script-tag build's pass that shortens our `_private` member names in every chunk. */
export function manglePrivateMembers(options: { srcDir: string }): Plugin;
