// A Vite plugin for the script-tag build (issue #24): one round trip for an on-demand chunk.
//
// A chunk loaded by `import()` (the form's checks and sending, on the reader's first touch)
// has static imports of its own (shared chunks: the later English texts, the API calls). The
// browser learns of them only once the chunk has arrived and been parsed, and fetches them then:
// a second round trip before the first hint can show. This pass rewrites every
// `import("./chunks/x.js")` so that it also starts, at the same moment, the chunks x.js imports
// statically (all the way down) that the importing chunk does not already have:
//
//   import("./chunks/x.js")  →  (import("./chunks/dep.js").catch(()=>0),import("./chunks/x.js"))
//
// A failure of the early request is ignored: the real import reports it, and the on-demand
// loader tries again. The module map makes the early request the one x.js's own import then
// uses. (Written out at each call rather than through a shared function: smaller once gzipped,
// as the calls repeat the same text.) It runs on rendered chunks (renderChunk, file names still
// hash placeholders) with a source map, so the maps stay chained.
import { dirname, posix } from 'node:path';
import MagicString from 'magic-string';

/** Static imports of `fileName`, transitively, in a stable order. */
function staticClosure(chunks, fileName, seen = new Set()) {
  for (const dep of chunks[fileName]?.imports ?? []) {
    if (seen.has(dep) || !chunks[dep]) continue;
    seen.add(dep);
    staticClosure(chunks, dep, seen);
  }
  return seen;
}

function relative(from, to) {
  const path = posix.relative(dirname(from), to);
  return path.startsWith('.') ? path : `./${path}`;
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function preloadImports() {
  return {
    name: 'article-feedback-preload-imports',
    apply: 'build',
    renderChunk(code, chunk, _options, meta) {
      if (!chunk.dynamicImports.length) return null;
      const have = staticClosure(meta.chunks, chunk.fileName);
      have.add(chunk.fileName);
      const s = new MagicString(code);
      let changed = false;
      for (const target of chunk.dynamicImports) {
        const deps = [...staticClosure(meta.chunks, target)].filter((d) => !have.has(d) && d !== target);
        if (!deps.length) continue;
        const call = new RegExp(`import\\((["'\`])${escape(relative(chunk.fileName, target))}\\1\\)`, 'g');
        const urls = deps.map((d) => `import(${JSON.stringify(relative(chunk.fileName, d))}).catch(()=>0),`).join('');
        for (const match of code.matchAll(call)) {
          s.appendLeft(match.index, `(${urls}`);
          s.appendRight(match.index + match[0].length, ')');
          changed = true;
        }
      }
      if (!changed) return null;
      return { code: s.toString(), map: s.generateMap({ hires: true }) };
    },
  };
}
