// `npm run build`: every artefact the package ships, in order.
//   dist/article-feedback.js (+ .map, chunks/)  the script-tag bundle      vite.config.ts
//   dist/lib/**.js                               the npm library modules   vite.lib.config.ts
//   dist/types/**.d.ts                           declarations              tsconfig.build.json
//   dist/custom-elements.json                    the elements' manifest    custom-elements-manifest.config.mjs
//   dist/admin/admin.js                          the moderation dashboard  vite.admin.config.ts
//   dist/comment-count.js (+ .map, count/)       <comment-count> (#18)     vite.count.config.ts
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);

function step(label, command, args) {
  const started = performance.now();
  try {
    execFileSync(command, args, { cwd: root, stdio: 'inherit' });
  } catch {
    console.error(`[build] FAILED: ${label}`);
    process.exit(1);
  }
  console.log(`[build] ${label} (${Math.round(performance.now() - started)} ms)`);
}

step('script-tag bundle → dist/article-feedback.js', bin('vite'), ['build', '--logLevel', 'warn']);
step('library → dist/lib/', bin('vite'), ['build', '--config', 'vite.lib.config.ts', '--logLevel', 'warn']);
rmSync(join(root, 'dist', 'types'), { recursive: true, force: true });
step('declarations → dist/types/', bin('tsc'), ['-p', 'tsconfig.build.json']);
step('manifest → dist/custom-elements.json', bin('cem'), [
  'analyze',
  '--config',
  'custom-elements-manifest.config.mjs',
  '--quiet',
]);
step('moderation dashboard → dist/admin/', bin('vite'), [
  'build',
  '--config',
  'vite.admin.config.ts',
  '--logLevel',
  'warn',
]);
step('<comment-count> → dist/comment-count.js', bin('vite'), [
  'build',
  '--config',
  'vite.count.config.ts',
  '--logLevel',
  'warn',
]);
