import type { Plugin } from 'vite';
/** Minifies the static text of one css`` template part. */
export function squeezeCss(text: string): string;
/** Minifies the static text of one html`` or svg`` template part (line-break runs → one space). */
export function squeezeHtml(text: string): string;
/** Vite plugin: squeezes css``, html`` and svg`` template literals in src/*.ts during builds. */
export function minifyTemplateLiterals(): Plugin;
