import type { Plugin } from 'vite';
import type { MinifyOptions } from 'terser';

/** What the pass asks of terser. */
export const TERSER_OPTIONS: MinifyOptions;
/** The script-tag build's last compression pass over finished chunks, source maps chained. */
export function terserPass(): Plugin;
