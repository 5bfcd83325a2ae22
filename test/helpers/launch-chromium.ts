import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_PATH, PLAYWRIGHT_CHROMIUM_FLAGS } from './chromium.mjs';

/**
 * The system Chromium through playwright-core, headless, with the flags of chromium.mjs: what
 * every end-to-end test, package test, bench and script launches (never `chromium.launch` with
 * CHROMIUM_FLAGS alone, which would lose Playwright's own disabled features).
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: PLAYWRIGHT_CHROMIUM_FLAGS });
}
