// Web Test Runner launchers for Firefox ESR and WebKit (see engines.mjs for how each is started).
// Only web-test-runner.engines.config.mjs uses them.
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import { FIREFOX_LAUNCH_OPTIONS, WEBKIT_CAPABILITIES, startWebKitDriver, typeKeyByKey } from './engines.mjs';

/**
 * Firefox ESR through the Chrome launcher's puppeteer path: given a puppeteer module it calls
 * `puppeteer.launch(launchOptions)`, and puppeteer-core launches Firefox over WebDriver BiDi.
 * (This is all that @web/test-runner-puppeteer does, minus its dependency on the full
 * `puppeteer`, which downloads browsers.)
 */
export function firefoxLauncher() {
  return chromeLauncher({
    puppeteer: puppeteerCore,
    launchOptions: FIREFOX_LAUNCH_OPTIONS,
    createPage: async ({ context }) => acceptSpaceKeyName(await context.newPage()),
  });
}

/**
 * The suites press `Space` by its key name (as `sendKeys` documents, and as Chromium and
 * WebDriver accept); puppeteer's BiDi keyboard knows only the character ' ' and throws
 * `Unknown key: "Space"`. Same key, other spelling.
 */
function acceptSpaceKeyName(page) {
  const keyboard = page.keyboard;
  for (const method of ['down', 'up', 'press']) {
    const original = keyboard[method].bind(keyboard);
    keyboard[method] = (key, ...rest) => original(key === 'Space' ? ' ' : key, ...rest);
  }
  return page;
}

/**
 * WebKit (MiniBrowser) through the WebDriver launcher, which connects to a running driver: this
 * subclass starts WebKitWebDriver (and Xvfb when needed) before the first session and stops both
 * at the end. With `concurrency: 1` the launcher runs the test files one after the other in one
 * window.
 */
class WebKitLauncher extends WebdriverLauncher {
  constructor() {
    super({ capabilities: WEBKIT_CAPABILITIES });
    this.driverProcess = null;
  }

  async initialize(config, testFiles) {
    await super.initialize(config, testFiles);
    this.name = 'WebKit';
    this.driverProcess = await startWebKitDriver();
    const { hostname, port, path } = this.driverProcess;
    this.options = { ...this.options, hostname, port, path };
  }

  /**
   * `sendKeys({ type })` arrives here split into characters, which the WebDriver launcher hands
   * to webdriverio's `keys()`: one chord, where a repeated letter or a second space is lost.
   * Typed text goes key after key instead; a single key (`press`) as before.
   */
  async sendKeys(sessionId, keys) {
    if (keys.length === 1) return super.sendKeys(sessionId, keys);
    await typeKeyByKey(this.driver, keys.join(''));
  }

  async stop() {
    await super.stop();
    await this.driverProcess?.stop();
    this.driverProcess = null;
  }
}

export function webkitLauncher() {
  return new WebKitLauncher();
}
