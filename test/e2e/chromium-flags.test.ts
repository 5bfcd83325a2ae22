/**
 * The flags every Playwright launch of Chromium uses (test/helpers/chromium.mjs), read back from
 * the browser process Playwright started: Chromium keeps only the last `--disable-features` of
 * its command line, so ours must hold every feature Playwright's own list turns off (a
 * playwright-core upgrade that adds one fails here, naming it), and the window of a new context
 * must not load the omnibox popups (about a second of CPU per context on two cores).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/launch-chromium.js';

let browser: Browser;

before(async () => {
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

/** The command line of the browser process, as the kernel has it. */
async function browserCommandLine(): Promise<string[]> {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
    processInfo: { type: string; id: number }[];
  };
  await cdp.detach();
  const main = processInfo.find((process) => process.type === 'browser');
  assert.ok(main, 'the browser process is listed');
  return readFileSync(`/proc/${main.id}/cmdline`, 'utf8').split('\0');
}

test('the last --disable-features (the one Chromium keeps) holds every feature Playwright turns off', async () => {
  const lists = (await browserCommandLine())
    .filter((arg) => arg.startsWith('--disable-features='))
    .map((arg) => arg.slice('--disable-features='.length).split(','));
  assert.ok(lists.length >= 2, `Playwright's list and ours, found ${lists.length}`);
  const kept = new Set(lists.at(-1));
  const dropped = lists.slice(0, -1).flatMap((list) => list.filter((feature) => feature && !kept.has(feature)));
  assert.deepEqual(dropped, [], 'add these to PLAYWRIGHT_DISABLED_FEATURES in test/helpers/chromium.mjs');
  assert.ok(kept.has('WebUIOmniboxPopup') && kept.has('WebUIOmniboxAimPopup'));
});

test("a new context's window loads no omnibox popup", async () => {
  const cdp = await browser.newBrowserCDPSession();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto('about:blank');
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { type: string; url: string }[] };
    assert.ok(
      targetInfos.some((target) => target.type === 'page'),
      'the page itself is listed',
    );
    assert.deepEqual(
      targetInfos.filter((target) => target.url.startsWith('chrome://omnibox-popup')).map((target) => target.url),
      [],
    );
  } finally {
    await cdp.detach();
    await context.close();
  }
});
