// One round trip for the form's first touch (#24, scripts/build-preload-imports.mjs): every
// `import()` of an on-demand chunk in the script-tag bundle starts, in the same expression,
// every chunk that chunk imports statically (all the way down), so the browser never learns of
// a needed file only after another one has arrived.
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { build, type Rolldown } from 'vite';

const root = new URL('../../', import.meta.url).pathname;

describe('on-demand chunks are requested with their own imports', () => {
  let output: Rolldown.OutputChunk[];
  let entry: Rolldown.OutputChunk;

  before(async () => {
    const result = (await build({
      configFile: `${root}vite.config.ts`,
      logLevel: 'silent',
      build: { write: false },
    })) as Rolldown.RolldownOutput[] | Rolldown.RolldownOutput;
    output = (Array.isArray(result) ? result[0]! : result).output.filter(
      (o): o is Rolldown.OutputChunk => o.type === 'chunk',
    );
    entry = output.find((o) => o.fileName === 'article-feedback.js')!;
  });

  /** A chunk's static imports, transitively, leaving out the entry (already loaded). */
  const closure = (fileName: string, seen = new Set<string>()): Set<string> => {
    for (const dep of output.find((o) => o.fileName === fileName)?.imports ?? []) {
      if (dep === entry.fileName || seen.has(dep)) continue;
      seen.add(dep);
      closure(dep, seen);
    }
    return seen;
  };

  /** `(import("./chunks/a.js").catch(…),import("./chunks/b.js").catch(…),import("./chunks/x.js"))` → x.js: [a.js, b.js]. */
  const preloads = (code: string): Map<string, string[]> => {
    const found = new Map<string, string[]>();
    for (const m of code.matchAll(/\(((?:import\("[^"]+"\)\.catch\(\(\)=>[^,()]+\),)+)import\("\.\/([^"]+)"\)\)/g))
      found.set(
        m[2]!,
        [...m[1]!.matchAll(/import\("\.\/([^"]+)"\)/g)].map((d) => d[1]!),
      );
    return found;
  };

  it('the form’s checks and sending chunks, loaded on the first touch, bring their imports along', () => {
    const found = preloads(entry.code);
    const names = (files: Iterable<string>) => [...files].map((f) => f.replace(/-[\w-]+\.js$/, '')).sort();
    const checks = entry.dynamicImports.find((f) => f.startsWith('chunks/checks-'))!;
    const sending = entry.dynamicImports.find((f) => f.startsWith('chunks/sending-'))!;
    assert.ok(closure(checks).size > 0, 'the checks chunk has imports of its own (else there is nothing to test)');
    assert.deepEqual(names(found.get(checks) ?? []), names(closure(checks)));
    assert.deepEqual(names(found.get(sending) ?? []), names(closure(sending)));
  });

  it('every import() of the bundle does, so no chunk waits for a second round trip', () => {
    const found = preloads(entry.code);
    for (const target of entry.dynamicImports) {
      const needed = [...closure(target)].sort();
      if (needed.length === 0) continue;
      assert.deepEqual([...(found.get(target) ?? [])].sort(), needed, `import("./${target}")`);
    }
  });

  it('the shared modules of the on-demand chunks are one chunk, so each import names at most a few files', () => {
    for (const target of entry.dynamicImports) assert.ok(closure(target).size <= 2, target);
  });
});
