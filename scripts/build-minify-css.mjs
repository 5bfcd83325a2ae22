// A Vite plugin for both builds: squeezes the whitespace and comments out of Lit's css``
// templates in our sources (the bundler keeps template text verbatim). Only the literal parts
// change; `${…}` expressions are left alone. Conservative on purpose: it never touches the
// space around `:` or `>` (`a :hover` ≠ `a:hover`), nor html`` templates (whitespace there
// can be visible text).

/** Minifies the static text of one css`` template part. */
export function squeezeCss(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,])\s*/g, '$1')
    .replace(/;}/g, '}');
}

/** Finds the end of a template literal starting after its opening backtick at `i`. */
function scanTemplate(code, i) {
  const parts = []; // [start, end] of literal text
  let start = i;
  while (i < code.length) {
    const ch = code[i];
    if (ch === '\\') {
      i += 2;
    } else if (ch === '`') {
      parts.push([start, i]);
      return { end: i, parts };
    } else if (ch === '$' && code[i + 1] === '{') {
      parts.push([start, i]);
      let depth = 1;
      i += 2;
      while (i < code.length && depth > 0) {
        if (code[i] === '{') depth++;
        else if (code[i] === '}') depth--;
        else if (code[i] === '`') return null; // a nested template: leave this one alone
        i++;
      }
      start = i;
    } else {
      i++;
    }
  }
  return null;
}

export function minifyCssLiterals() {
  return {
    name: 'article-feedback-minify-css-literals',
    enforce: 'pre',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return null;
      let out = '';
      let last = 0;
      for (const match of code.matchAll(/\bcss`/g)) {
        const open = match.index + match[0].length;
        if (open <= last) continue;
        const scanned = scanTemplate(code, open);
        if (!scanned) continue;
        out += code.slice(last, open);
        let cursor = open;
        for (const [s, e] of scanned.parts) {
          out += code.slice(cursor, s) + squeezeCss(code.slice(s, e));
          cursor = e;
        }
        out += code.slice(cursor, scanned.end);
        last = scanned.end;
      }
      if (last === 0) return null;
      return { code: out + code.slice(last), map: null };
    },
  };
}
