import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PublicComment } from '../../../src/contract/schemas.js';
import { restoreFetch, stubFetch } from '../helpers/fetch-stub.js';
import { articles, comment, makeList, page, shadow, until } from './helpers.js';

/** 500 comments, newest first as the server lists them; every fifth replies to the thread before it. */
function longThread(): PublicComment[] {
  const all: PublicComment[] = [];
  let lastTop = '';
  const start = Date.parse('2026-01-01T00:00:00Z');
  for (let i = 0; i < 500; i++) {
    const reply = i % 5 === 4;
    const c = comment({
      id: `long-${i}`,
      name: `Reader ${i}`,
      message: `Comment ${i}`,
      parent: reply ? lastTop : null,
      createdAt: new Date(start + i * 60_000).toISOString(),
    });
    if (!reply) lastTop = c.id;
    all.push(c);
  }
  return all.reverse();
}

/** The order a reader meets them in: threads newest first, each thread's replies oldest first under it. */
function readingOrder(all: PublicComment[]): string[] {
  const tops = all.filter((c) => c.parent === null);
  return tops.flatMap((t) => [
    t.id,
    ...all
      .filter((c) => c.parent === t.id)
      .reverse()
      .map((c) => c.id),
  ]);
}

describe('<comment-list> with a long thread (#24: rendered in slices)', () => {
  afterEach(() => restoreFetch());

  it('shows the first screenful at once, then all 500, in reading order', async () => {
    const all = longThread();
    stubFetch(() => page(all, null, 500));
    const el = await makeList({ 'page-size': '100' });
    await until(() => articles(el).length > 0, 'the first comments');
    const first = articles(el).map((a) => a.dataset.id);
    // The first update renders a slice, not the whole list: no long task.
    expect(first.length).to.be.below(500);
    expect(first).to.deep.equal(readingOrder(all).slice(0, first.length), 'the top of the list comes first');
    await until(() => articles(el).length === 500, 'all 500 comments', 10000);
    expect(articles(el).map((a) => a.dataset.id)).to.deep.equal(readingOrder(all));
    await expect(el).to.be.accessible();
  });

  it('keeps the keyboard order: Tab goes from one comment’s buttons to the next one’s, across slices', async () => {
    const all = longThread();
    stubFetch(() => page(all, null, 500));
    const el = await makeList({ 'page-size': '100' });
    await until(() => articles(el).length === 500, 'all 500 comments', 10000);
    expect(shadow(el).querySelector('[tabindex]:not([tabindex="-1"]):not([tabindex="0"])')).to.equal(null);
    // Each comment's last button (Reply, then the votes once they are loaded).
    const lastButtons = articles(el).map((a) => [...a.querySelectorAll<HTMLButtonElement>('.actions button')].pop()!);
    const order = readingOrder(all);
    // Around the end of the first slice and deep in the list.
    for (const at of [20, 29, 30, 31, 250, 498]) {
      lastButtons[at]!.focus();
      await sendKeys({ press: 'Tab' });
      const next = shadow(el).activeElement?.closest('article');
      expect(next?.dataset.id, `Tab after comment ${at}`).to.equal(order[at + 1]);
    }
  });
});
