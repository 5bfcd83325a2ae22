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

/**
 * The features playwright-core (1.65) turns off in every Chromium it launches. Chromium keeps
 * only the last `--disable-features` of its command line, so a list of our own replaces
 * Playwright's instead of adding to it: ours repeats it. `test/e2e/chromium-flags.test.ts`
 * reads the command line of a launched browser and fails when Playwright's list holds a name
 * this one lacks (after an upgrade).
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * The omnibox popups (WebUI pages). Every new browser window (each Playwright context; Web Test
 * Runner's page of each test file, whose window closes with it) makes Chromium 156 load that
 * window's two omnibox popups in a renderer of their own: about a second at 1.5–1.8 cores, for a
 * browser UI no test or bench ever shows. On a 2-core machine that second is taken from the page
 * under test (here: the end-to-end tests 159 → 143 s, the component tests 76 → 67 s).
 */
export const UNSHOWN_UI_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

/**
 * For playwright-core (`launchChromium` in launch-chromium.ts): CHROMIUM_FLAGS and all the
 * features above off, in the one `--disable-features` Chromium keeps.
 */
export const PLAYWRIGHT_CHROMIUM_FLAGS = [
  ...CHROMIUM_FLAGS,
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...UNSHOWN_UI_FEATURES].join(',')}`,
];

/** For Puppeteer (Web Test Runner), which adds a `--disable-features` of ours to its own list. */
export const PUPPETEER_CHROMIUM_FLAGS = [...CHROMIUM_FLAGS, `--disable-features=${UNSHOWN_UI_FEATURES.join(',')}`];

/** Debian's chromium, unless CHROME_PATH names another. */
export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
