/**
 * Server rendering (#19), end to end: the real reference server (temporary SQLite) renders a
 * thread's block at `GET /api/threads/:thread/rendered`; a publisher's page (the second origin,
 * strict CSP plus the block's style hashes) puts that HTML into its article and loads the
 * script as usual. Headless Chromium reads it:
 *
 * - with JavaScript off: the comments (names, text, dates) and the rating are on the page;
 * - with JavaScript on: the elements take the block over (a working Reply), without asking the
 *   server for the first page or the rating again, and the page does not move (cumulative
 *   layout shift measured by a PerformanceObserver, < 0.01);
 * - the JSON-LD parses and names every comment on the page.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { styleHashes } from '../../src/server-render/index.js';
import { startStack, type PageContext, type Stack } from './harness.js';

const THREAD = '/articles/rendered';
let stack: Stack;
/** The fragment the reference server rendered, put into the page by the publisher's template. */
let fragment = '';
let hashes: string[] = [];

/**
 * The article page: the rendered block where the block goes; at /articles/control the same
 * thread's block without server rendering (the script loads the list, which pushes the text below).
 */
const article = ({ path, apiUrl }: PageContext) => `<main>
  <article>
    <h1>Harbour town votes to keep its night ferry</h1>
    <p>After a long evening meeting, the council decided to keep the late crossing running.</p>
    ${path === '/articles/control' ? `<article-feedback endpoint="${apiUrl}" thread="${THREAD}"></article-feedback>` : fragment}
    <p id="after-block">More stories from the harbour.</p>
  </article>
</main>`;

before(async () => {
  stack = await startStack({
    pageHtml: article,
    // The strict policy, plus the hashes of the block's inline styles (what a publisher adds).
    csp: ({ serverOrigin }) =>
      [
        "default-src 'none'",
        `script-src 'self' ${serverOrigin}`,
        `style-src 'self' ${hashes.join(' ')}`,
        `connect-src ${serverOrigin}`,
        "img-src 'self' data:",
        `worker-src 'self' blob: ${serverOrigin}`,
      ].join('; '),
  });
  const first = await stack.postComment(THREAD, {
    name: 'Grace Hopper',
    email: 'grace@example.com',
    message: 'The late crossing matters to the night shift.\nKeep it running.',
    rating: 4,
    voter: 'voter-e2e-000001',
  });
  assert.equal(first.status, 201);
  const parent = (first.body as { comment: { id: string } }).comment.id;
  const ids: Record<string, string> = {};
  for (const [name, message, extra] of [
    ['Alan Turing', 'Agreed: the numbers in the report support it.', { parent }],
    ['Mallory', 'Nice </script><script>alert(1)</script><!-- try', {}],
    ['Ada Lovelace', 'What about the winter timetable?', {}],
    ['Margaret Hamilton', FORMATTED, {}],
  ] as const) {
    const res = await stack.postComment(THREAD, { name, email: 'reader@example.com', message, ...extra });
    assert.equal(res.status, 201);
    ids[name] = (res.body as { comment: { id: string } }).comment.id;
  }
  // Votes on Ada's comment: the score the reader module shows beside Reply.
  for (const voter of ['voter-e2e-000002', 'voter-e2e-000003', 'voter-e2e-000004']) {
    const vote = await fetch(
      `${stack.apiUrl}/threads/${encodeURIComponent(THREAD)}/comments/${ids['Ada Lovelace']}/vote`,
      {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ voter, value: 1 }),
      },
    );
    assert.equal(vote.status, 200);
  }
  const res = await fetch(`${stack.apiUrl}/threads/${encodeURIComponent(THREAD)}/rendered`);
  assert.equal(res.status, 200);
  fragment = await res.text();
  hashes = await styleHashes(fragment);
});

after(() => stack?.close());

const NAMES = ['Grace Hopper', 'Alan Turing', 'Mallory', 'Ada Lovelace', 'Margaret Hamilton'];

/** A formatted comment (#18): the server renders its body as markup, not as the plain message. */
const FORMATTED = [
  'The **late crossing** matters:',
  '',
  '- for the night shift',
  '- for the _island_ school',
  '',
  '> A ferry is a road on water.',
  '',
  '```',
  'depart 23:40',
  '```',
  '',
  'See [the timetable](https://example.com/timetable) but not [this](javascript:alert(1)).',
].join('\n');

/**
 * What a reader sees of the formatted comment, read in the list's shadow DOM: its markup.
 * Works with JavaScript off too (declarative shadow roots).
 */
async function formattedMarkup(page: Page) {
  const message = page
    .locator('comment-list article[data-id]')
    .filter({ hasText: 'Margaret Hamilton' })
    .locator('.message');
  return {
    strong: await message.locator('strong').allTextContents(),
    items: await message.locator('li').allTextContents(),
    quote: await message.locator('blockquote').allTextContents(),
    code: await message.locator('pre').allTextContents(),
    links: await message.locator('a').evaluateAll((links) => links.map((a) => [a.textContent, a.getAttribute('href')])),
    text: (await message.textContent())!,
    // The body styles are there: a quote is set off by its border, code in a monospace font.
    quoteBorder: await message.locator('blockquote').evaluate((q) => getComputedStyle(q).borderInlineStartStyle),
    codeFont: await message.locator('pre').evaluate((pre) => getComputedStyle(pre).fontFamily),
  };
}

function assertFormatted(markup: Awaited<ReturnType<typeof formattedMarkup>>) {
  assert.deepEqual(markup.strong, ['late crossing']);
  assert.deepEqual(
    markup.items.map((item) => item.trim()),
    ['for the night shift', 'for the island school'],
  );
  assert.equal(markup.quote.length, 1);
  assert.match(markup.quote[0]!, /A ferry is a road on water\./);
  assert.deepEqual(
    markup.code.map((code) => code.trim()),
    ['depart 23:40'],
  );
  // Only the safe link is a link; the other stays text.
  assert.deepEqual(markup.links, [['the timetable', 'https://example.com/timetable']]);
  assert.match(markup.text, /\[this\]\(javascript:alert\(1\)\)/);
  assert.ok(!markup.text.includes('**'), 'no Markdown syntax left');
  assert.equal(markup.quoteBorder, 'solid');
  assert.match(markup.codeFont, /mono/i);
}

/** Sums the layout shifts of the page (buffered: from the first paint on), as web-vitals does. */
const WATCH_LAYOUT_SHIFT = `
  window.__layoutShift = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__layoutShift += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  // Was the formatted comment ever painted as its plain message (the Markdown it was typed in)?
  window.__plainShown = false;
  requestAnimationFrame(function frame() {
    const list = document.querySelector('article-feedback')?.shadowRoot?.querySelector('comment-list');
    if (list?.shadowRoot?.textContent.includes('**late crossing**')) window.__plainShown = true;
    requestAnimationFrame(frame);
  });
`;

/** A viewport that holds the whole page: a shift anywhere on it counts. */
const TALL = { width: 1000, height: 3000 };

async function requestsTo(page: Page, pattern: RegExp): Promise<string[]> {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (pattern.test(new URL(request.url()).pathname)) seen.push(`${request.method()} ${request.url()}`);
  });
  return seen;
}

describe('a server-rendered block', () => {
  it('shows the comments and the rating with JavaScript off', async () => {
    const page = await stack.newPage({ javaScriptEnabled: false });
    await page.goto(stack.urlFor('/articles/no-js'));
    for (const name of NAMES) assert.equal(await page.getByText(name, { exact: true }).first().isVisible(), true, name);
    assert.equal(await page.getByText('The late crossing matters to the night shift.').isVisible(), true);
    assert.equal(await page.getByText('Nice </script><script>alert(1)</script><!-- try').isVisible(), true);
    assert.equal(await page.getByText('5 comments').isVisible(), true);
    // The formatted comment, formatted and styled.
    assertFormatted(await formattedMarkup(page));
    assert.equal(await page.getByText('Leave a Comment').isVisible(), true);
    // The rating: the average and the count.
    assert.equal(await page.getByText(/4\.0 · 1 rating/).isVisible(), true);
    // Dates: a <time> per comment with its machine-readable date.
    const dates = await page
      .locator('comment-list article time')
      .evaluateAll((times) => times.map((t) => t.getAttribute('datetime')));
    assert.equal(dates.length, 5);
    for (const date of dates) assert.ok(!Number.isNaN(Date.parse(date!)), String(date));
    // No script ran: the elements are not defined.
    assert.equal(await page.evaluate(() => customElements.get('comment-list')), undefined);
  });

  it('is taken over by the script without loading the first page again and without a layout shift', async () => {
    const context = await stack.newContext({ viewport: TALL });
    await context.addInitScript({ content: WATCH_LAYOUT_SHIFT });
    const page = await context.newPage();
    const listRequests = await requestsTo(page, /\/comments$/);
    const ratingRequests = await requestsTo(page, /\/rating$/);
    // The on-demand modules (body renderer, votes) arrive late, as on a real network: whatever
    // the list shows before they are in is painted, and would move the page if it differed.
    await page.route(/\/chunks\//, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await route.continue();
    });
    await page.goto(stack.urlFor('/articles/with-js'));
    await page.waitForFunction(() => customElements.get('comment-list') !== undefined);
    const list = page.locator('comment-list');
    // Taken over: formatted as it was rendered, with the votes beside Reply.
    await list.getByRole('button', { name: 'Upvote, 3 votes' }).waitFor();
    assertFormatted(await formattedMarkup(page));
    // The live elements: exactly one of each comment (no rendered copy left behind).
    for (const name of NAMES) assert.equal(await list.getByText(name, { exact: true }).count(), 1, name);
    // Interactive: Reply opens the inline form under the comment.
    const reply = list.locator('article[data-id]').filter({ hasText: 'Ada Lovelace' }).getByRole('button', {
      name: 'Reply',
      exact: true,
    });
    // Let the page settle (fonts, the first frames after the take-over) before measuring.
    await page.waitForTimeout(500);
    const shift = await page.evaluate(() => (window as unknown as { __layoutShift: number }).__layoutShift);
    console.log(`# cumulative layout shift after the take-over: ${shift}`);
    assert.ok(shift < 0.01, `cumulative layout shift ${shift}`);
    const plainShown = await page.evaluate(() => (window as unknown as { __plainShown: boolean }).__plainShown);
    assert.equal(plainShown, false, 'the formatted comment was painted as plain text first');
    assert.deepEqual(listRequests, [], 'no request for the first page');
    assert.deepEqual(ratingRequests, [], 'no request for the rating');

    await reply.click();
    const ada = list.locator('article[data-id]').filter({ hasText: 'Ada Lovelace' });
    assert.equal(await ada.getByRole('button', { name: 'Cancel reply' }).getAttribute('aria-expanded'), 'true');
    assert.equal(
      await list
        .getByRole('group', { name: /Ada Lovelace/ })
        .locator('comment-form')
        .count(),
      1,
    );
    // The rating is live too: the summary from the rendered data, stars that answer a hover.
    assert.equal(
      await page
        .locator('article-rating')
        .getByText(/4\.0 · 1 rating/)
        .isVisible(),
      true,
    );
    assert.deepEqual(stack.cspViolations, []);
    assert.deepEqual(stack.consoleErrors, []);
  });

  it('measures the shift that a block rendered only in the browser does cause (the control)', async () => {
    const context = await stack.newContext({ viewport: TALL });
    await context.addInitScript({ content: WATCH_LAYOUT_SHIFT });
    const page = await context.newPage();
    // The list arrives after the first paint, as on a real network.
    await page.route(/\/comments\?/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });
    await page.goto(stack.urlFor('/articles/control'));
    await page.locator('comment-list').getByText('Ada Lovelace', { exact: true }).waitFor();
    await page.waitForTimeout(500);
    const shift = await page.evaluate(() => (window as unknown as { __layoutShift: number }).__layoutShift);
    // Any shift at all: the same observer, page and viewport as above do see one.
    assert.ok(shift > 0, `the measurement sees the shift: ${shift}`);
  });

  it('carries JSON-LD that parses and names every comment on the page', async () => {
    const page = await stack.newPage({ javaScriptEnabled: false });
    await page.goto(stack.urlFor('/articles/json-ld'));
    const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
    assert.equal(scripts.length, 1);
    const data = JSON.parse(scripts[0]!) as { '@context': string; '@graph': Record<string, any>[] };
    assert.equal(data['@context'], 'https://schema.org');
    const comments = data['@graph'].filter((node) => node['@type'] === 'Comment');
    const onPage = await page.locator('comment-list article .name').allTextContents();
    assert.deepEqual(onPage.sort(), [...NAMES].sort());
    assert.deepEqual(comments.map((c) => c.author.name).sort(), [...NAMES].sort());
    for (const comment of comments) {
      assert.ok(!Number.isNaN(Date.parse(comment.dateCreated)));
      assert.equal(typeof comment.text, 'string');
    }
    const reply = comments.find((c) => c.author.name === 'Alan Turing')!;
    const parent = comments.find((c) => c.author.name === 'Grace Hopper')!;
    assert.deepEqual(reply.parentItem, { '@id': parent['@id'] });
    // The hostile text is data, read back exactly, and it ended no script.
    assert.equal(
      comments.find((c) => c.author.name === 'Mallory')!.text,
      'Nice </script><script>alert(1)</script><!-- try',
    );
    assert.equal(await page.locator('script').count(), 3 + 2); // ours (data ×2, JSON-LD) + the page's two
  });
});
