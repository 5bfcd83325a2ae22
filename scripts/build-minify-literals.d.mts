import type { Plugin } from 'vite';

/** html-minifier-terser options used for html`` and svg`` templates. */
export const HTML_OPTIONS: Record<string, unknown>;
/** The build's template-literal minifiers: the html``/svg`` pass and the css`` pass. */
export function minifyLiterals(): Plugin[];
