// A Vite plugin for both builds: squeezes the whitespace out of Lit's tagged templates in our
// sources (the bundler keeps template text verbatim, indentation and all).
// - css``: comments and whitespace around `{ } ; ,` and after a declaration's colon go, and
//   `0.5` becomes `.5`. It never touches the space before `:` or around `>` (`a :hover` ≠
//   `a:hover`).
// - html`` and svg``: a run of whitespace that holds a line break becomes one space. HTML shows
//   such a run as one space (or nothing) anyway; our templates hold no <pre>, no text inside
//   <textarea> and nothing styled `white-space: pre`, where it would show.
// Only the literal text changes; `${…}` expressions are left alone. The templates are found with
// the TypeScript parser, so nested templates inside expressions are handled too.
import MagicString from 'magic-string';
import ts from 'typescript';

/** Minifies the static text of one css`` template part. */
export function squeezeCss(text) {
  return (
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,])\s*/g, '$1')
      .replace(/;}/g, '}')
      // `{color: red` → `{color:red`: a bare word, a colon and a space right after `{` or `;` is a
      // declaration (a selector's pseudo-class has no space after its colon).
      .replace(/([{;][-\w]+):\s+/g, '$1:')
      // `0.375rem` → `.375rem`
      .replace(/([^\w.#-])0\.(\d)/g, '$1.$2')
  );
}

/** Minifies the static text of one html`` or svg`` template part. */
export function squeezeHtml(text) {
  return text.replace(/[ \t]*\n\s*/g, ' ');
}

const SQUEEZERS = { css: squeezeCss, html: squeezeHtml, svg: squeezeHtml };

/** [start, end, squeeze] of every literal part of css``/html``/svg`` templates in `code`. */
export function templateParts(code, fileName = 'x.ts') {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const parts = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && SQUEEZERS[node.tag.text]) {
      const squeeze = SQUEEZERS[node.tag.text];
      const tpl = node.template;
      if (ts.isNoSubstitutionTemplateLiteral(tpl)) {
        parts.push([tpl.getStart(source) + 1, tpl.end - 1, squeeze]);
      } else {
        parts.push([tpl.head.getStart(source) + 1, tpl.head.end - 2, squeeze]);
        for (const span of tpl.templateSpans) {
          const lit = span.literal;
          parts.push([lit.getStart(source) + 1, lit.end - (ts.isTemplateTail(lit) ? 1 : 2), squeeze]);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return parts.sort((a, b) => a[0] - b[0]);
}

/** `code` with every css``/html``/svg`` literal part squeezed, as a MagicString (for its source map). */
export function squeezeTemplates(code, fileName) {
  const out = new MagicString(code);
  for (const [start, end, squeeze] of templateParts(code, fileName)) {
    const text = code.slice(start, end);
    const squeezed = squeeze(text);
    if (squeezed !== text) {
      if (squeezed) out.overwrite(start, end, squeezed);
      else out.remove(start, end);
    }
  }
  return out;
}

export function minifyTemplateLiterals() {
  return {
    name: 'article-feedback-minify-template-literals',
    enforce: 'pre',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(css|html|svg)`/.test(code)) return null;
      const out = squeezeTemplates(code, id);
      return out.hasChanged()
        ? { code: out.toString(), map: out.generateMap({ hires: 'boundary', source: id }) }
        : null;
    },
  };
}
