/**
 * Where the server finds the files it serves, the same in the repository and in the installed
 * `article-feedback-server` package (whose `lib/cli.js` is this code bundled):
 *
 * - the widget's `dist/` (the script-tag bundle at `/article-feedback.js`) belongs to the
 *   `article-feedback` package. In the repository the root package is that package, and Node
 *   resolves a package's own name from inside it; once installed, it is the server package's
 *   dependency. Either way the server serves the bundle of the widget it was built with.
 * - `demo/` is one folder above the server's code: the repository root for `server/*.ts`, the
 *   package folder for `lib/cli.js` (the server package's build copies the demo there).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface StaticDirs {
  /** The widget package's `dist/`: `article-feedback.js`, its chunks, `lib/`, `types/`. */
  dist: string;
  /** The demo pages. */
  demo: string;
}

export function defaultStaticDirs(): StaticDirs {
  const widgetManifest = createRequire(import.meta.url).resolve('article-feedback/package.json');
  return {
    dist: join(dirname(widgetManifest), 'dist'),
    demo: fileURLToPath(new URL('../demo', import.meta.url)),
  };
}
