import { createHash } from 'node:crypto';

/**
 * The `style-src` sources that let a page with a strict Content-Security-Policy apply the
 * rendered block's inline styles (each shadow root carries a `<style>` until the script takes
 * over with constructed style sheets, which the CSP does not restrict): one `'sha256-…'` per
 * distinct `<style>` of `html`, e.g. `style-src 'self' ${styleHashes(html).join(' ')}`.
 */
export function styleHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, css] of html.matchAll(/<style>([^<]*)<\/style>/g))
    hashes.add(`'sha256-${createHash('sha256').update(css!).digest('base64')}'`);
  return [...hashes];
}
