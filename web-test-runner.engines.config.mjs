// The component suites' cross-engine subset, in Firefox ESR and WebKit (Chromium runs every suite
// through web-test-runner.config.mjs). One engine alone: AF_ENGINE=firefox or AF_ENGINE=webkit.
//
// The subset covers each element's core behaviour: form validation and hints, the rating's form
// association and keyboard, drafts, the proof-of-work captcha in a worker, theming tokens, and a
// language other than English. A run of every suite in three engines would not fit `npm test`'s
// time on two cores (see README "Browsers").
import { firefoxLauncher, webkitLauncher } from './test/helpers/engine-launchers.mjs';
// Module resolution, TypeScript, concurrency and timeouts as in the Chromium run.
import chromiumConfig from './web-test-runner.config.mjs';

const launchers = { firefox: firefoxLauncher, webkit: webkitLauncher };
const chosen = process.env.AF_ENGINE ? process.env.AF_ENGINE.split(',') : Object.keys(launchers);
for (const name of chosen) {
  if (!launchers[name]) throw new Error(`AF_ENGINE: unknown engine "${name}" (firefox, webkit)`);
}

/**
 * Tests left to Chromium, by title, because a driver cannot give the input they need (not because
 * the engine fails them). `npm run test:engines` runs one engine at a time, so each leaves out
 * only its own; with both engines in one run, both lists apply.
 */
const needsWhatTheDriverLacks = {
  // Neither driver emulates media features (puppeteer needs CDP for it, WebDriver has no such
  // command). test/engines/components/theme.test.ts covers the theme tokens here instead.
  firefox: ['prefers-reduced-motion', 'prefers-color-scheme'],
  // The same, and Web Test Runner's sendKeys over WebDriver has no held modifier (`down`/`up`).
  webkit: ['prefers-reduced-motion', 'prefers-color-scheme', 'Ctrl\\+Enter'],
};
/**
 * Tests whose environment a driver cannot restore. In Firefox, the test before this one ends
 * with a Tab past the last control, which moves the focus out of the page into Firefox's own
 * window; the page then has no focus (document.hasFocus() is false) and gets no focus events,
 * so this test's blur() changes nothing. Neither window.focus() nor puppeteer's bringToFront()
 * gives the focus back. It passes alone and after every other test of its file.
 */
const focusLostToTheBrowserWindow = {
  firefox: ['a keyboard pick that is not voted is dropped when focus leaves'],
  webkit: [],
};
const leftOut = [
  ...new Set(chosen.flatMap((name) => [...needsWhatTheDriverLacks[name], ...focusLostToTheBrowserWindow[name]])),
].join('|');

/**
 * Marks the left-out tests as skipped: a root-level mocha hook, put at the top of every test
 * file, that runs before any test. (Mocha's `grep` would not do: Web Test Runner counts a test
 * that did not run as failed.)
 */
const skipLeftOut = {
  name: 'engines-skip-left-out',
  transform(context) {
    if (!leftOut || !/\.test\.ts$/.test(context.path)) return undefined;
    // One line, with no line break after it: the file's line numbers in errors stay right.
    const hook =
      `before(function () { const leftOut = new RegExp(${JSON.stringify(leftOut)}); ` +
      `(function skip(suite) { for (const test of suite.tests) if (leftOut.test(test.fullTitle())) test.pending = true; ` +
      `suite.suites.forEach(skip); })(this.test.parent); });`;
    return { body: `${hook}${context.body}` };
  },
};

export default {
  ...chromiumConfig,
  files: [
    'test/components/comment-form/validation.test.ts',
    'test/components/comment-form/drafts.test.ts',
    'test/components/article-rating/form.test.ts',
    'test/components/article-rating/standalone.test.ts',
    'test/components/af-captcha/pow.test.ts',
    'test/components/af-captcha/af-captcha.test.ts',
    'test/components/i18n/controller.test.ts',
    'test/engines/components/*.test.ts',
  ],
  plugins: [...chromiumConfig.plugins, skipLeftOut],
  browsers: chosen.map((name) => launchers[name]()),
};
