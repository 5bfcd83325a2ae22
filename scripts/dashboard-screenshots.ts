/**
 * Takes the README's pictures of the moderation dashboard (#15): docs/dashboard-light.png and
 * docs/dashboard-dark.png. The real server on a temporary SQLite file, a few sample comments
 * waiting for moderation, headless Chromium. Run: `node --import tsx scripts/dashboard-screenshots.ts`
 * (after `npm run build`).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../test/helpers/launch-chromium.js';
import { startServerProcess } from '../test/helpers/server-process.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const TOKEN = 'screenshot-token-0123456789abcdef';

const SAMPLES = [
  {
    thread: '/2026/05/rivers-in-spring',
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    rating: 5,
    message: 'Thank you for this piece: the map of the floods helped a lot.\nCould you add the gauges upstream too?',
  },
  {
    thread: '/2026/05/harbour-ferry',
    name: 'Grace Hopper',
    email: 'grace@navy.example',
    rating: 3,
    message: 'The night ferry matters to shift workers. Glad the council listened.',
  },
  {
    thread: '/2026/05/harbour-ferry',
    name: 'BestDeals',
    email: 'deals@spam.example',
    message: 'Cheap watches!!! <a href="https://spam.example">click here</a>',
  },
];

const server = await startServerProcess({
  env: { MODERATION: 'all', ADMIN_TOKEN: TOKEN, PUBLIC_URL: 'https://news.example' },
});
try {
  const post = async (sample: Record<string, unknown>) => {
    const { thread, ...body } = sample;
    const res = await fetch(`${server.apiUrl}/threads/${encodeURIComponent(String(thread))}/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return ((await res.json()) as { comment: { id: string } }).comment.id;
  };
  const parent = await post({
    thread: '/2026/05/harbour-ferry',
    name: 'Marta',
    email: 'marta@example.com',
    message: 'Does the late crossing run on Sundays?',
  });
  await fetch(`${server.apiUrl}/admin/comments/${parent}`, {
    method: 'PATCH',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ status: 'published' }),
  });
  for (const sample of SAMPLES) await post(sample);
  await post({
    thread: '/2026/05/harbour-ferry',
    parent,
    name: 'Jonas',
    email: 'jonas@example.com',
    message: 'Yes, from May to September, the last one leaves at 23:40.',
  });

  const browser = await launchChromium();
  for (const scheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ viewport: { width: 960, height: 900 }, colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(`${server.url}/admin`);
    await page.getByLabel('Admin token or password').fill(TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('moderation-desk ol.queue').waitFor();
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    await page.screenshot({ path: join(root, 'docs', `dashboard-${scheme}.png`), fullPage: true });
    await context.close();
  }
  await browser.close();
} finally {
  await server.stop();
}
