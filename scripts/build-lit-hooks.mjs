// A Vite plugin for the script-tag build: drops the four hooks Lit's production modules leave
// for other code on the page, which the bundle never uses, and its version lists:
// - `litHtmlPolyfillSupport`, `reactiveElementPolyfillSupport`, `litElementPolyfillSupport`:
//   for the webcomponents polyfills (ShadyDOM/ShadyCSS), which no supported browser needs;
// - `litElementHydrateSupport`: for `@lit-labs/ssr-client` hydration; a server-rendered block is
//   taken over, never hydrated (article-feedback/take-over.ts), and a page that loads the
//   hydrate support for its own elements must not make ours hydrate;
// - `litHtmlVersions`, `reactiveElementVersions`, `litElementVersions`: read only by Lit's
//   development build, to warn about two copies on one page.
// About 110 B gzipped (#24: the form's first frame paid for with them).
// It also shortens the two messages of `css`'s developer errors (a CSSResult constructed by hand,
// a value that is not a `css` result put into `css`): our styles are static, so the shipped
// bundle never throws them, and the tests and `vite` run the unpatched Lit with its full texts
// (about 100 B gzipped: English prose compresses poorly; it pays for the form's warm-up,
// comment-form.ts `warmWhenSeen`). Each pattern must match
// exactly once, so a Lit upgrade that changes these lines stops the build instead of shipping
// them silently; `test/build/` checks that none of the names is left in the bundle.

/** [module path ending, pattern, replacement] */
const CUTS = [
  [
    '/lit-html/lit-html.js',
    /,(\w+)=(\w+)\.litHtmlPolyfillSupport;\1\?\.\(\w+,\w+\),\(\2\.litHtmlVersions\?\?=\[\]\)\.push\("[\d.]+"\);/,
    ';',
  ],
  ['/@lit/reactive-element/reactive-element.js', /(\w+)=\w+\.reactiveElementPolyfillSupport,/, ''],
  [
    '/@lit/reactive-element/reactive-element.js',
    /,\w+\?\.\(\{ReactiveElement:\w+\}\),\(\w+\.reactiveElementVersions\?\?=\[\]\)\.push\("[\d.]+"\)/,
    '',
  ],
  ['/lit-element/lit-element.js', /,\w+\.litElementHydrateSupport\?\.\(\{LitElement:\w+\}\)/, ''],
  ['/lit-element/lit-element.js', /const (\w+)=\w+\.litElementPolyfillSupport;\1\?\.\(\{LitElement:\w+\}\);/, ''],
  ['/lit-element/lit-element.js', /\(\w+\.litElementVersions\?\?=\[\]\)\.push\("[\d.]+"\);/, ''],
  [
    '/@lit/reactive-element/css-tag.js',
    /"CSSResult is not constructable\. Use `unsafeCSS` or `css` instead\."/,
    '"Use css"',
  ],
  [
    '/@lit/reactive-element/css-tag.js',
    /"Value passed to 'css' function must be a 'css' function result: "\+(\w+)\+"\. Use 'unsafeCSS' to pass non-literal values, but take care to ensure page security\."/,
    '"Not a css result: "+$1',
  ],
];

/** @returns {import('vite').Plugin} */
export function dropLitHooks() {
  return {
    name: 'article-feedback-drop-lit-hooks',
    apply: 'build',
    transform(code, id) {
      const path = id.replaceAll('\\', '/').split('?')[0];
      const cuts = CUTS.filter(([end]) => path.endsWith(end));
      if (!cuts.length) return null;
      for (const [, pattern, replacement] of cuts) {
        const found = code.match(new RegExp(pattern.source, 'g'))?.length ?? 0;
        if (found !== 1) this.error(`drop-lit-hooks: ${pattern} matched ${found} times in ${path} (a Lit upgrade?)`);
        code = code.replace(pattern, replacement);
      }
      return { code, map: null };
    },
  };
}
