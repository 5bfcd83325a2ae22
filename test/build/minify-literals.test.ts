// The template minifier (scripts/build-minify-literals.mjs), run by a real Vite build of a small
// fixture: it must squeeze our templates without changing what they render — text inside quoted
// CSS strings stays as written, a space between inline boxes stays, `<pre>` keeps its text.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { build, type Rolldown } from 'vite';
import { minifyLiterals } from '../../scripts/build-minify-literals.mjs';

const FIXTURE = `
// Stand-ins for Lit's tags: the minifier finds templates by their tag's name.
const tag = (strings: TemplateStringsArray, ...values: unknown[]) => ({ strings: [...strings], values });
const css = tag;
const html = tag;
const svg = tag;
const extra = 'color: red;';

export const styles = css\`
  /* a comment goes */
  .quote::before {
    content: 'x, y ; z';
  }
  .quote::after {
    content: "a  {  b }  ;  c";
  }
  .list > .item ,
  .other   .descendant:hover {
    margin: 0.5rem   0px;
  }
  :host([theme='dark']) {
    \${extra}
  }
\`;

export const view = (name: string, count: number) => html\`
  <p class="line">
    <b>bold</b> <i>\${name}</i>
    <x-one></x-one> <x-two></x-two>
    <span lang="" title="">unknown language</span>
    \${name} \${count}
  </p>
  <pre>  two  spaces
    and an indented line  </pre>
  <textarea>  kept
  as typed</textarea>
\`;

export const icon = svg\`
  <path
    d="M0 0L10 10"
  />
\`;
`;

let dir = '';
let output = '';

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'af-minify-'));
  mkdirSync(join(dir, 'src'));
  writeFileSync(join(dir, 'src', 'fixture.ts'), FIXTURE);
  const result = (await build({
    configFile: false,
    logLevel: 'silent',
    root: dir,
    plugins: [minifyLiterals()],
    build: {
      write: false,
      minify: false,
      lib: { entry: join(dir, 'src', 'fixture.ts'), formats: ['es'], fileName: () => 'fixture.js' },
    },
  })) as Rolldown.RolldownOutput[];
  const chunk = result[0]!.output.find((o) => o.type === 'chunk')!;
  output = chunk.code;
  writeFileSync(join(dir, 'fixture.mjs'), output);
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** The built module's exports: the fixture's templates as their static strings. */
async function templates() {
  return (await import(join(dir, 'fixture.mjs'))) as {
    styles: { strings: string[] };
    view: (name: string, count: number) => { strings: string[] };
    icon: { strings: string[] };
  };
}

describe('template minifier (minify-literals) in a real build', () => {
  it('minifies css`` but leaves the text of quoted CSS strings exactly as written', async () => {
    const css = (await templates()).styles.strings.join('${…}');
    assert.ok(css.includes(`content:'x, y ; z'`) || css.includes(`content:"x, y ; z"`), css);
    assert.ok(css.includes(`"a  {  b }  ;  c"`), css);
    // And it did minify: no comment, no line breaks, squeezed selectors and values.
    assert.doesNotMatch(css, /comment|\n/);
    assert.ok(css.includes('.list>.item,.other .descendant:hover{margin:.5rem 0}'), css);
  });

  it('keeps an interpolation inside a rule (the tokens and palettes depend on it)', async () => {
    const { styles } = await templates();
    assert.equal(styles.strings.length, 2);
    assert.match(styles.strings[0]!, /:host\(\[theme=("?)dark\1\]\)\{$/);
    assert.match(styles.strings[1]!, /^;?\}$/);
  });

  it('keeps the whitespace that renders in html``: between inline boxes and in <pre>/<textarea>', async () => {
    const parts = (await templates()).view('Ada', 2).strings;
    const html = parts.join('${…}');
    assert.ok(html.includes('<b>bold</b> <i>${…}</i>'), html);
    // Custom elements are inline by default: the space between them shows.
    assert.ok(html.includes('<x-one></x-one> <x-two></x-two>'), html);
    assert.ok(html.includes('${…} ${…}'), html);
    // Empty attributes that mean something stay.
    assert.ok(html.includes('<span lang="" title="">unknown language</span>'), html);
    assert.ok(html.includes('<pre>  two  spaces\n    and an indented line  </pre>'), html);
    assert.ok(html.includes('<textarea>  kept\n  as typed</textarea>'), html);
    // Everywhere else, indentation and line breaks collapse.
    const outsidePre = html.replace(/<pre>[\s\S]*<\/pre>|<textarea>[\s\S]*<\/textarea>/g, '<kept/>');
    assert.doesNotMatch(outsidePre, /\n|\s{2}/);
  });

  it('minifies svg`` as markup', async () => {
    const svg = (await templates()).icon.strings.join('');
    assert.doesNotMatch(svg, /\n/);
    assert.match(svg, /<path d="M0 0L10 10"\s?\/?>/);
  });
});

describe('script-tag bundle', () => {
  // The minifier cannot know which elements a stylesheet sets to `white-space: pre`; it keeps
  // <pre> and <textarea> only. So preformatted text in our templates must be a <pre>, or come
  // from an expression (which the minifier never touches). This fails if that changes.
  it('styles no element `white-space: pre*` (template text under it would lose its spacing)', () => {
    const bundle = readFileSync(new URL('../../dist/article-feedback.js', import.meta.url), 'utf8');
    assert.doesNotMatch(bundle, /white-space:\s*(pre|pre-wrap|pre-line|break-spaces)\b/);
  });
});
