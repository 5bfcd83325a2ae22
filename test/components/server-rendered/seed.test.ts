/**
 * The data a server-rendered block carries (#19, client/seed.ts): the list and the rating show
 * it at their first render without a request, each part is taken once (a reload asks the
 * server), and a page without it loads as before.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { seedId } from '../../../src/client/seed.js';
import '../../../src/components/article-rating/define.js';
import type { ArticleRating } from '../../../src/components/article-rating/article-rating.js';
import { json, restoreFetch, stubFetch } from '../helpers/fetch-stub.js';
import { articles, comment, makeList, page, shadow, text, until } from '../comment-list/helpers.js';

/** Puts a seed script into the page, as renderFeedback() writes it. */
function carry(part: 'comments' | 'rating', thread: string, data: unknown): HTMLScriptElement {
  const script = document.createElement('script');
  script.type = 'application/json';
  script.id = seedId(part, thread);
  script.textContent = JSON.stringify(data);
  document.body.append(script);
  return script;
}

describe('server-rendered data (seed)', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    restoreFetch();
    for (const s of document.querySelectorAll('script[type="application/json"]')) s.remove();
  });

  it('the list shows the carried first page at its first render, without a request, and is accessible', async () => {
    const calls = stubFetch(() => page([]));
    const first = comment({ name: 'Grace Hopper', message: 'Seeded </script> text', thread: 't-1' });
    carry('comments', 't-1', { comments: [first], nextCursor: null, total: 1 });
    const el = await makeList();
    // Rendered in the first update: no skeleton in between.
    expect(articles(el).map((a) => text(a.querySelector('.name')))).to.deep.equal(['Grace Hopper']);
    expect(text(shadow(el).querySelector('.message'))).to.equal('Seeded </script> text');
    expect(shadow(el).querySelector('.skeleton')).to.equal(null);
    expect(calls.length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('is taken once: the script leaves the page, and a reload asks the server', async () => {
    const calls = stubFetch(() => page([comment({ name: 'From the server' })]));
    const script = carry('comments', 't-1', { comments: [comment({ name: 'Seeded' })], nextCursor: null, total: 1 });
    const el = await makeList();
    expect(script.isConnected).to.equal(false);
    el.reload();
    await until(() => calls.length === 1, 'a request');
    await until(() => text(articles(el)[0]?.querySelector('.name')) === 'From the server', 'the server page');
  });

  it('is only for its thread: another thread loads from the server', async () => {
    const calls = stubFetch(() => page([]));
    carry('comments', 'another-thread', { comments: [comment({ name: 'Elsewhere' })], nextCursor: null, total: 1 });
    const el = await makeList();
    await until(() => calls.length === 1, 'a request');
    expect(articles(el).length).to.equal(0);
  });

  it('the rating shows the carried aggregate without a request', async () => {
    const calls = stubFetch(() => json(200, { average: 1, count: 1, max: 5, histogram: [1, 0, 0, 0, 0] }));
    carry('rating', '/rated', { average: 4.5, count: 2, max: 5, histogram: [0, 0, 0, 1, 1] });
    const el = await fixture<ArticleRating>(
      html`<article-rating endpoint="https://api.test/api" thread="/rated"></article-rating>`,
    );
    await until(() => text(el.shadowRoot!.querySelector('[part=summary]')).includes('4.5'), 'the summary');
    expect(text(el.shadowRoot!.querySelector('[part=summary]'))).to.equal('4.5 · 2 ratings');
    expect(calls.length).to.equal(0);
    await expect(el).to.be.accessible();
  });
});
