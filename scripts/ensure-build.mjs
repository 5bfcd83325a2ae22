// Builds the widget when dist/ is missing or older than any source file, so `npm start`
// and the end-to-end tests always serve the current code.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const output = join(root, 'dist', 'article-feedback.js');

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const inputs = Math.max(
  newest(join(root, 'src')),
  newest(join(root, 'scripts')), // the build's own plugins
  statSync(join(root, 'vite.config.ts')).mtimeMs,
  statSync(join(root, 'package.json')).mtimeMs,
);
if (!existsSync(output) || statSync(output).mtimeMs < inputs) {
  console.log('[article-feedback] building the widget (dist/ is missing or stale)…');
  execSync('npx vite build', { cwd: root, stdio: 'inherit' });
}

// The moderation dashboard served at /admin (#15): its own entry, its own output.
const dashboard = join(root, 'dist', 'admin', 'admin.js');
const dashboardInputs = Math.max(inputs, statSync(join(root, 'vite.admin.config.ts')).mtimeMs);
if (!existsSync(dashboard) || statSync(dashboard).mtimeMs < dashboardInputs) {
  console.log('[article-feedback] building the moderation dashboard (dist/admin/ is missing or stale)…');
  execSync('npx vite build --config vite.admin.config.ts', { cwd: root, stdio: 'inherit' });
}

// <comment-count> for index pages (#18): its own entry too, served at /comment-count.js.
const countEntry = join(root, 'dist', 'comment-count.js');
const countInputs = Math.max(inputs, statSync(join(root, 'vite.count.config.ts')).mtimeMs);
if (!existsSync(countEntry) || statSync(countEntry).mtimeMs < countInputs) {
  console.log('[article-feedback] building <comment-count> (dist/comment-count.js is missing or stale)…');
  execSync('npx vite build --config vite.count.config.ts', { cwd: root, stdio: 'inherit' });
}

// The library modules (dist/lib/), for `article-feedback/server` (#19): the server-rendering
// examples import the package by its own name.
const library = join(root, 'dist', 'lib', 'server.js');
const libraryInputs = Math.max(inputs, statSync(join(root, 'vite.lib.config.ts')).mtimeMs);
if (!existsSync(library) || statSync(library).mtimeMs < libraryInputs) {
  console.log('[article-feedback] building the library (dist/lib/ is missing or stale)…');
  execSync('npx vite build --config vite.lib.config.ts', { cwd: root, stdio: 'inherit' });
}
