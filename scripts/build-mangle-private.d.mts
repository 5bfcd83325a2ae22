import type { Plugin } from 'vite';

/** A private member of ours: an underscore, then a camelCase name. */
export const PRIVATE_MEMBER: RegExp;
/** Short replacement names, most used first, avoiding `uses`' own names and `taken`. */
export function shortNames(uses: Map<string, number>, taken?: Set<string>): Record<string, string>;
/** The renaming plan for a build's modules: our names → short names, the dependencies' reserved names, clashes. */
export function planRenames(modules: Iterable<{ id: string; code: string }>): {
  table: Record<string, string>;
  reserved: string[];
  clashes: string[];
};
/** The script-tag build's pass that shortens our `_private` member names in every chunk. */
export function manglePrivateMembers(): Plugin & { api: { readonly table: Record<string, string> | null } };
