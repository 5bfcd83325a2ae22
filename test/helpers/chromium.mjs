// The one place that says how we start the system Chromium (see TOOLCHAIN.md): used by the
// component tests (web-test-runner.config.mjs), the end-to-end tests and the benchmarks.

/** Headless, no sandbox (root), and no background networking: this network refuses it. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's chromium, unless CHROME_PATH names another. */
export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
