/**
 * <article-rating> standalone, end to end: the real server (temporary SQLite) serving the built
 * bundle and demo/rating.html, headless Chromium. Votes by mouse and by keyboard, reloads, and
 * reads the aggregate back from the page and from the API.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { launchChromium } from '../helpers/launch-chromium.js';

// The demo page the server itself serves (same origin, under the server's own CSP): its
// `#standalone` rating votes on thread /demo/rating.
let server: ServerProcess;
let browser: Browser;
const problems: string[] = [];

before(async () => {
  server = await startServerProcess({
    env: { RATING_MAX: '5', RATE_LIMIT_WRITES: '0', MODERATION: 'off', CAPTCHA: 'none' },
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** A page in a fresh browser context: another reader, with their own localStorage. */
async function newReader(): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (err) => problems.push(`uncaught ${err.message}`));
  page.on('console', (msg) => {
    // Failed loads are reported by URL below; demo.css is the demo pages' shared styling, not this element's.
    if (msg.type() !== 'error' || /^Failed to load resource/.test(msg.text()) || /demo\.css/.test(msg.text())) return;
    problems.push(msg.text());
  });
  page.on('response', (res) => {
    const url = new URL(res.url());
    if (res.status() >= 400 && !['/demo.css', '/favicon.ico'].includes(url.pathname))
      problems.push(`${res.status()} ${url.pathname}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective}`));
  });
  return page;
}

async function getRating(): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.apiUrl}${ratingPath}`, { headers: { Accept: 'application/json' } });
  return { status: res.status, body: await res.json() };
}

const THREAD = '/demo/rating';
const ratingPath = `/threads/${encodeURIComponent(THREAD)}/rating`;
const RATING = '#standalone';

function summary(page: Page) {
  return page.locator(`${RATING} [part~="summary"]`);
}

async function summaryText(page: Page): Promise<string> {
  return ((await summary(page).textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

async function waitForSummary(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (expected) => {
      const host = document.querySelector('#standalone');
      const el = host?.shadowRoot?.querySelector('[part~="summary"]');
      return (el?.textContent ?? '').replace(/\s+/g, ' ').trim() === expected;
    },
    text,
    { timeout: 10000 },
  );
}

async function checkedStars(page: Page): Promise<string[]> {
  return page
    .locator(`${RATING} [role="radio"][aria-checked="true"]`)
    .evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
}

/** Resolves with the next `rating-submitted` detail. Call before the action. */
async function armSubmitted(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __submitted: Promise<unknown> }).__submitted = new Promise((resolve) =>
      document
        .getElementById('standalone')!
        .addEventListener('rating-submitted', (e) => resolve((e as CustomEvent).detail), { once: true }),
    );
  });
}

async function submitted(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() => (window as unknown as { __submitted: Promise<Record<string, unknown>> }).__submitted);
}

test('a reader votes by click, reloads, and sees the aggregate and their own vote', async () => {
  const page = await newReader();
  await page.goto(`${server.url}/rating.html`);
  await waitForSummary(page, 'No ratings yet');
  assert.equal(await page.locator(`${RATING} [part~="label"]`).textContent(), 'Rate this article:');
  assert.equal(await page.getByRole('radiogroup', { name: 'Rate this article:' }).count(), 1);
  const stars = (p: Page) => p.locator(RATING);
  assert.deepEqual(await checkedStars(page), []);

  await armSubmitted(page);
  await stars(page).getByRole('radio', { name: '4 of 5 stars' }).click();
  const detail = await submitted(page);
  assert.deepEqual(
    { average: detail.average, count: detail.count, max: detail.max, histogram: detail.histogram, yours: detail.yours },
    { average: 4, count: 1, max: 5, histogram: [0, 0, 0, 1, 0], yours: 4 },
  );
  await page.locator(`${RATING} [part~="feedback"]`, { hasText: 'Thanks for rating!' }).waitFor();
  assert.equal(await summaryText(page), '4.0 · 1 rating');

  await page.reload();
  await waitForSummary(page, '4.0 · 1 rating');
  assert.deepEqual(await checkedStars(page), ['4 of 5 stars']);

  const api = await getRating();
  assert.equal(api.status, 200);
  assert.deepEqual(
    { average: api.body.average, count: api.body.count, max: api.body.max, histogram: api.body.histogram },
    { average: 4, count: 1, max: 5, histogram: [0, 0, 0, 1, 0] },
  );

  // Another reader (own browser storage) votes with the keyboard: Tab, End, Enter.
  const other = await newReader();
  await other.goto(`${server.url}/rating.html`);
  await waitForSummary(other, '4.0 · 1 rating');
  // Focus the element before the stars, then Tab: the group is one tab stop.
  await other.locator('#standalone').evaluate((el) => {
    const before = document.createElement('button');
    before.id = 'before-rating';
    before.textContent = 'before';
    el.before(before);
  });
  await other.locator('#before-rating').focus();
  await other.keyboard.press('Tab');
  await armSubmitted(other);
  await other.keyboard.press('End');
  await other.keyboard.press('Enter');
  await submitted(other);
  await waitForSummary(other, '4.5 · 2 ratings');
  assert.deepEqual(await checkedStars(other), ['5 of 5 stars']);

  // The first reader changes their mind: the vote is replaced, not added.
  await page.reload();
  await waitForSummary(page, '4.5 · 2 ratings');
  await armSubmitted(page);
  await stars(page).getByRole('radio', { name: '2 of 5 stars' }).click();
  await submitted(page);
  await waitForSummary(page, '3.5 · 2 ratings');

  const final = await getRating();
  assert.deepEqual(
    { average: final.body.average, count: final.body.count, histogram: final.body.histogram },
    { average: 3.5, count: 2, histogram: [0, 1, 0, 0, 1] },
  );

  assert.deepEqual(problems, []);
});

test('stars stay visible in forced colors (Windows High Contrast)', async () => {
  const page = await newReader();
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto(`${server.url}/rating.html`);
  const el = page.locator('article-rating[name="score"]');
  await el.locator('[role="radio"]').first().waitFor();
  const paint = await el.evaluate((host) => {
    const svgs = Array.from(host.shadowRoot!.querySelectorAll('[part~="star"] svg'));
    return svgs.map((svg) => {
      const cs = getComputedStyle(svg);
      return { fill: cs.fill, stroke: cs.stroke };
    });
  });
  const canvas = await page.evaluate(() => {
    const probe = document.createElement('div');
    probe.style.setProperty('color', 'Canvas');
    document.body.append(probe);
    const c = getComputedStyle(probe).color;
    probe.style.setProperty('color', 'CanvasText');
    const t = getComputedStyle(probe).color;
    probe.remove();
    return { canvas: c, text: t };
  });
  // score is value="7" of 10: seven filled in CanvasText, three empty in Canvas, all outlined.
  assert.equal(paint.length, 10);
  assert.deepEqual(
    paint.slice(0, 7).map((p) => p.fill),
    Array(7).fill(canvas.text),
  );
  assert.deepEqual(
    paint.slice(7).map((p) => p.fill),
    Array(3).fill(canvas.canvas),
  );
  assert.ok(
    paint.every((p) => p.stroke === canvas.text),
    JSON.stringify(paint),
  );
  assert.notEqual(canvas.canvas, canvas.text);
});
