/**
 * The `style-src` sources that let a page with a strict Content-Security-Policy apply the
 * rendered block's inline styles (each shadow root carries a `<style>` until the script takes
 * over with constructed style sheets, which the CSP does not restrict): one `'sha256-…'` per
 * distinct `<style>` of `html`, e.g. `style-src 'self' ${(await styleHashes(html)).join(' ')}`.
 * (Web Crypto: the same in Node, Deno, Bun and edge runtimes.)
 */
export async function styleHashes(html: string): Promise<string[]> {
  const styles = new Set([...html.matchAll(/<style>([^<]*)<\/style>/g)].map(([, css]) => css!));
  return Promise.all(
    [...styles].map(async (css) => {
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(css)));
      return `'sha256-${btoa(String.fromCharCode(...digest))}'`;
    }),
  );
}
