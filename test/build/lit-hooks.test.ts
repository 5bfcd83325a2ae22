// scripts/build-lit-hooks.mjs: the script-tag bundle carries none of Lit's polyfill and hydration
// hooks nor its version lists, `css`'s developer errors have short messages, and a Lit whose
// lines no longer match stops the build.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { build, type Rolldown } from 'vite';
import { dropLitHooks } from '../../scripts/build-lit-hooks.mjs';

const root = new URL('../../', import.meta.url).pathname;
const HOOKS =
  /litHtmlPolyfillSupport|reactiveElementPolyfillSupport|litElementPolyfillSupport|litElementHydrateSupport|litHtmlVersions|reactiveElementVersions|litElementVersions/g;

describe("Lit's hooks in the script-tag bundle", () => {
  let code = '';
  before(async () => {
    const result = (await build({
      configFile: `${root}vite.config.ts`,
      logLevel: 'silent',
      build: { write: false },
    })) as Rolldown.RolldownOutput[] | Rolldown.RolldownOutput;
    const output = (Array.isArray(result) ? result[0]! : result).output;
    code = (output.find((o) => o.type === 'chunk' && o.fileName === 'article-feedback.js') as Rolldown.OutputChunk)
      .code;
  });

  it('are gone, and the elements are still there', () => {
    assert.deepEqual(code.match(HOOKS), null);
    assert.match(code, /"article-feedback"/);
  });

  it("leave css's developer errors with short messages", () => {
    assert.doesNotMatch(code, /Use 'unsafeCSS' to pass non-literal values|CSSResult is not constructable/);
    assert.match(code, /"Not a css result: "/);
  });

  it('stop the build when a Lit module no longer has the expected line', () => {
    const plugin = dropLitHooks();
    const transform = plugin.transform as (this: unknown, code: string, id: string) => unknown;
    const context = {
      error(message: string): never {
        throw new Error(message);
      },
    };
    assert.throws(
      () => transform.call(context, 'export const x = 1;', '/x/node_modules/lit-html/lit-html.js'),
      /litHtmlPolyfillSupport.*matched 0 times/,
    );
    assert.equal(transform.call(context, 'export const x = 1;', '/x/src/other.js'), null);
  });
});
