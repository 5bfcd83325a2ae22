import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { loadReader } from '../../../src/components/comment-list/on-demand.js';
import type { PublicComment } from '../../../src/contract/schemas.js';
import { restoreFetch, stubFetch } from '../helpers/fetch-stub.js';
import { articles, comment, countCommentRenders, makeList, page, shadow, until } from './helpers.js';

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
  // Another file's pending comments of the same thread would be listed too (the browser's
  // storage outlives a test file).
  beforeEach(() => localStorage.clear());
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

  it('renders each comment once while the slices arrive: one already shown is left as it is, its focus kept', async () => {
    const all = longThread();
    stubFetch(() => page(all, null, 500));
    // Every render of a comment formats its relative time once ("3 minutes ago"): the count of
    // those is the count of comment renders. Before #24's last round every slice rendered the
    // comments already shown again (about 1,400 renders for 500 comments).
    const counted = countCommentRenders();
    try {
      const el = await makeList({ 'page-size': '100' });
      await until(
        () => articles(el).length > 0 && shadow(el).querySelector('.vote'),
        'the first comments and their votes',
      );
      const shownFirst = articles(el).length;
      expect(shownFirst).to.be.below(500);
      const first = articles(el)[0]!;
      const reply = first.querySelector<HTMLButtonElement>('.actions button')!;
      reply.focus();
      await until(() => articles(el).length === 500, 'all 500 comments', 10000);
      // The first comment is the same element, its Reply button still focused.
      expect(articles(el)[0]).to.equal(first);
      expect(shadow(el).activeElement).to.equal(reply);
      // 500 first renders, plus at most once more those shown before the votes' module arrived.
      expect(counted.renders, 'comment renders').to.be.at.most(500 + shownFirst);
    } finally {
      counted.restore();
    }
  });

  it('loads the votes’ module with the request: comments that arrive after it render once, with their votes', async () => {
    // The answer comes once the module is there, as when both take one round trip.
    stubFetch(loadReader().then(() => page([comment({ id: 'r-1' }), comment({ id: 'r-2' }), comment({ id: 'r-3' })])));
    const counted = countCommentRenders();
    try {
      const el = await makeList();
      await until(() => articles(el).length === 3, 'the comments');
      expect(articles(el).every((a) => a.querySelector('.vote'))).to.equal(true, 'every comment has its votes');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(counted.renders, 'comment renders').to.equal(3);
    } finally {
      counted.restore();
    }
  });

  it('keeps the keyboard order: Tab goes from one comment’s last control to the next comment, across slices', async () => {
    const all = longThread();
    stubFetch(() => page(all, null, 500));
    const el = await makeList({ 'page-size': '100' });
    await until(() => articles(el).length === 500, 'all 500 comments', 10000);
    expect(shadow(el).querySelector('[tabindex]:not([tabindex="-1"]):not([tabindex="0"])')).to.equal(null);
    // The last button of each comment (Reply, after the votes of #18).
    const lastButtons = articles(el).map((a) => [...a.querySelectorAll<HTMLButtonElement>('.actions button')].at(-1)!);
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
