// Vite plugins for both builds: minify the static text of our Lit templates with the maintained
// `minify-literals` (the bundler keeps template text verbatim, indentation and all).
// - html`` and svg``: html-minifier-terser, minify-literals' default strategy.
// - css``: clean-css, the CSS minifier minify-literals itself ships. minify-literals leaves the
//   css`` of any file that mentions `unsafeCSS` alone (our tokens and the list's avatar palette
//   do), so css`` goes through a second, explicit strategy instead; its output is checked part
//   by part (minify-literals throws when a `${…}` placeholder does not come back).
// Only the literal text changes; `${…}` expressions are left alone. They run after TypeScript has
// been stripped, so the template parser sees plain JavaScript.
import { createRequire } from 'node:module';
import { minifyHTMLLiterals } from 'minify-literals';

/** clean-css, resolved from minify-literals (its dependency), so both passes use one version. */
const CleanCSS = createRequire(import.meta.resolve('minify-literals'))('clean-css');

/**
 * html-minifier-terser options over minify-literals' defaults. `conservativeCollapse`: a run of
 * whitespace becomes one space but never disappears, so the space between inline boxes (custom
 * elements included, which the minifier would otherwise treat as blocks) still renders.
 * `<pre>` and `<textarea>` keep their text as written.
 */
export const HTML_OPTIONS = {
  caseSensitive: true, // Lit's `.someProperty=${…}` bindings
  collapseWhitespace: true,
  conservativeCollapse: true,
  removeComments: true,
  // `lang=""` and `title=""` mean something (unknown language, no inherited tooltip): keep them.
  removeEmptyAttributes: false,
  minifyCSS: false, // no <style> in our templates; css`` is the CSS pass's
  minifyJS: false,
};

/** css`` templates: the parts are joined around a placeholder that clean-css keeps as an at-rule. */
const cssStrategy = {
  getPlaceholder(parts) {
    let name = '@TEMPLATE_EXPRESSION';
    while (parts.some((part) => part.text.includes(name))) name += '_';
    return `${name}();`;
  },
  combineHTMLStrings: (parts, placeholder) => parts.map((part) => part.text).join(placeholder),
  async minifyHTML(css) {
    const out = await new CleanCSS({ returnPromise: true }).minify(css);
    const problems = [...out.errors, ...out.warnings];
    if (problems.length) throw new Error(`clean-css: ${problems.join('; ')}`);
    return out.styles;
  },
  splitHTMLByPlaceholder: (css, placeholder) => css.split(placeholder),
};

const isSource = (id) => /\/src\/.*\.ts$/.test(id);
const tagged = (tags) => (template) => tags.includes(template.tag ?? '');

/** The html``/svg`` pass and the css`` pass, each a build-only plugin with its own source map. */
export function minifyLiterals() {
  return [
    {
      name: 'article-feedback-minify-html-literals',
      apply: 'build',
      transform(code, id) {
        if (!isSource(id) || !/\b(html|svg)`/.test(code)) return null;
        return minifyHTMLLiterals(code, {
          fileName: id,
          minifyOptions: HTML_OPTIONS,
          shouldMinify: tagged(['html', 'svg']),
          shouldMinifyCSS: () => false,
        });
      },
    },
    {
      name: 'article-feedback-minify-css-literals',
      apply: 'build',
      transform(code, id) {
        if (!isSource(id) || !/\bcss`/.test(code)) return null;
        return minifyHTMLLiterals(code, { fileName: id, strategy: cssStrategy, shouldMinify: tagged(['css']) });
      },
    },
  ];
}
