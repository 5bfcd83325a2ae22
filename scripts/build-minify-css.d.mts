import type { Plugin } from 'vite';
export function squeezeCss(text: string): string;
export function minifyCssLiterals(): Plugin;
