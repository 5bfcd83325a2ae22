// How we start the two other engines readers use, from Debian's packages (no browser download;
// see TOOLCHAIN.md "Other engines"). Used by web-test-runner.engines.config.mjs (component
// suites) and test/e2e/engines.test.ts (the reader's path).
//
// - Firefox ESR (`firefox-esr`): driven by puppeteer-core over WebDriver BiDi.
// - WebKit (`webkit2gtk-driver`): WebKitGTK's MiniBrowser, the engine Safari uses, driven over W3C
//   WebDriver by WebKitWebDriver. MiniBrowser needs an X display: without one we start our own
//   Xvfb (`xvfb`) and stop it with the driver.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** Debian's Firefox ESR, unless FIREFOX_PATH names another. */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Debian's WebKitGTK WebDriver, unless WEBKIT_DRIVER_PATH names another. */
export const WEBKIT_DRIVER_PATH = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';

/** WebKitGTK's MiniBrowser, unless WEBKIT_BROWSER_PATH names another. */
export const WEBKIT_BROWSER_PATH =
  process.env.WEBKIT_BROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** puppeteer-core's launch options for Firefox ESR (headless, BiDi: the only protocol it speaks now). */
export const FIREFOX_LAUNCH_OPTIONS = {
  browser: 'firefox',
  executablePath: FIREFOX_PATH,
  headless: true,
  // Firefox would otherwise phone home (updates, telemetry, safe browsing) on a network that refuses it.
  extraPrefsFirefox: {
    'app.update.enabled': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
  },
};

/**
 * W3C capabilities for WebKitWebDriver. No `browserName`: the GTK driver refuses any it does not
 * expect. `--automation` lets MiniBrowser be driven.
 */
export const WEBKIT_CAPABILITIES = {
  'webkitgtk:browserOptions': { binary: WEBKIT_BROWSER_PATH, args: ['--automation'] },
};

/** A free TCP port on 127.0.0.1 (closed again before it is returned). */
export async function freePort() {
  const server = createServer();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Resolves when `child` writes a line matching `pattern` (stdout or stderr); rejects on exit or timeout. */
function waitForOutput(child, pattern, what, timeout) {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`${what} did not start within ${timeout} ms:\n${output}`)), timeout);
    const onData = (chunk) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match) finish(() => resolve(match));
    };
    const onExit = (code) => fail(new Error(`${what} exited (code ${code}) before it was ready:\n${output}`));
    function finish(then) {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      then();
    }
    function fail(error) {
      finish(() => reject(error));
    }
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

/** Stops a child process we started (by its pid) and waits for it to exit. */
async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts Xvfb on the first free display number (it tells us which through `-displayfd`).
 * Returns `{ display: ':N', stop() }`.
 */
async function startXvfb() {
  const xvfb = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [, number] = await waitForOutput(xvfb, /^(\d+)\n/m, 'Xvfb', 30000);
  return { display: `:${number}`, stop: () => stopChild(xvfb) };
}

/**
 * Starts WebKitWebDriver on a free port, with its own Xvfb when there is no DISPLAY.
 * Returns `{ hostname, port, path, stop() }`: the first three are what webdriverio's `remote()` wants.
 */
export async function startWebKitDriver() {
  const xvfb = process.env.DISPLAY ? null : await startXvfb();
  const port = await freePort();
  const driver = spawn(WEBKIT_DRIVER_PATH, [`--port=${port}`], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...(xvfb ? { DISPLAY: xvfb.display } : {}) },
  });
  try {
    await waitUntilServing(driver, port, 30000);
  } catch (error) {
    await stopChild(driver);
    await xvfb?.stop();
    throw error;
  }
  return {
    hostname: '127.0.0.1',
    port,
    path: '/',
    async stop() {
      await stopChild(driver);
      await xvfb?.stop();
    },
  };
}

/** WebKitWebDriver prints nothing when ready: poll its status endpoint until it answers. */
async function waitUntilServing(driver, port, timeout) {
  let output = '';
  driver.stdout.on('data', (chunk) => (output += chunk.toString()));
  driver.stderr.on('data', (chunk) => (output += chunk.toString()));
  const deadline = Date.now() + timeout;
  for (;;) {
    if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited (code ${driver.exitCode}):\n${output}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`WebKitWebDriver did not answer on port ${port} within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Types `text` into the focused element over W3C WebDriver, key after key. Not webdriverio's
 * `keys()`: it presses every key of its argument down, then releases them all (a chord), so a
 * repeated letter or a second space never arrives ("Ana Fery").
 */
export async function typeKeyByKey(browser, text) {
  const keyboard = browser.action('key');
  for (const character of text) keyboard.down(character).up(character);
  await keyboard.perform();
}
