// The last compression pass (scripts/build-terser-pass.mjs) runs on finished chunks, after the
// source maps were written, so it must chain them: on the built bundle, a position the map
// names must still be that name in our TypeScript source, and the bundle must still say where
// its map is.
import { existsSync, readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { build, type Rolldown } from 'vite';

const root = new URL('../../', import.meta.url).pathname;

describe('the terser pass over the script-tag bundle', () => {
  let code = '';
  let map: TraceMap;

  before(async () => {
    const result = (await build({
      configFile: `${root}vite.config.ts`,
      logLevel: 'silent',
      build: { write: false },
    })) as Rolldown.RolldownOutput[] | Rolldown.RolldownOutput;
    const output = (Array.isArray(result) ? result[0]! : result).output;
    const chunk = output.find(
      (o) => o.type === 'chunk' && o.fileName === 'article-feedback.js',
    ) as Rolldown.OutputChunk;
    const mapAsset = output.find(
      (o) => o.type === 'asset' && o.fileName === 'article-feedback.js.map',
    ) as Rolldown.OutputAsset;
    code = chunk.code;
    map = new TraceMap(String(mapAsset.source));
  });

  it('keeps the comment that points to the source map', () => {
    assert.match(code, /\n\/\/# sourceMappingURL=article-feedback\.js\.map$/);
  });

  it('maps code back into our TypeScript sources, at the right place', () => {
    // `customElements.define` survives every minifier (a global's member): each call maps to
    // the line of src/components/shared/define.ts that makes it.
    const lines = code.split('\n');
    const line = lines.findIndex((l) => l.includes('customElements.define('));
    assert.ok(line >= 0, 'the bundle registers elements');
    const column = lines[line]!.indexOf('customElements.define(');
    const original = originalPositionFor(map, { line: line + 1, column });
    assert.equal(original.source, '../src/components/shared/define.ts');
    const source = readFileSync(`${root}src/components/shared/define.ts`, 'utf8').split('\n');
    assert.match(source[original.line! - 1]!, /customElements\.define\(/);
  });

  it('maps names of Lit itself to its files, so stack traces through Lit read too', () => {
    const lines = code.split('\n');
    const line = lines.findIndex((l) => l.includes('attachShadow('));
    const original = originalPositionFor(map, { line: line + 1, column: lines[line]!.indexOf('attachShadow(') });
    assert.match(original.source ?? '', /@lit\/reactive-element\/reactive-element\.js$/);
    assert.ok(existsSync(`${root}node_modules/@lit/reactive-element/reactive-element.js`));
  });
});
