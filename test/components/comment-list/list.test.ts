import { expect } from '@open-wc/testing';
import { pendingComments } from '../../../src/client/pending.js';
import { json, restoreFetch, routeFetch, stubFetch } from '../helpers/fetch-stub.js';
import { articles, buttonByText, comment, makeList, page, shadow, text, until } from './helpers.js';

describe('<comment-list> states', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => restoreFetch());

  it('is accessible with comments, replies, stars and a pending one', async () => {
    const a = comment({ name: 'Ana López', rating: 4 });
    const b = comment({ parent: a.id, name: 'Bo' });
    pendingComments.add('t-1', comment({ name: 'Me', status: 'pending' }));
    stubFetch(() => page([a, b], 'next'));
    const el = await makeList();
    await until(() => articles(el).length === 3, 'three comments');
    await expect(el).to.be.accessible();
  });

  it('shows a busy skeleton while the first page loads', async () => {
    stubFetch(() => new Promise<Response>(() => {}));
    const el = await makeList();
    const section = shadow(el).querySelector('section')!;
    expect(section.getAttribute('aria-busy')).to.equal('true');
    expect(shadow(el).querySelectorAll('.skeleton-item').length).to.equal(3);
    expect(text(shadow(el).querySelector('.skeleton [role], .skeleton .visually-hidden'))).to.equal(
      'Loading comments…',
    );
    await expect(el).to.be.accessible();
  });

  it('asks for page-size comments, newest first, of its thread', async () => {
    const calls = stubFetch(() => page([]));
    const el = await makeList({ 'page-size': '7', thread: '/news/story-1' });
    await until(() => calls.length === 1);
    const { url, params } = calls[0]!;
    expect(url.split('?')[0]).to.equal('https://api.test/api/threads/%2Fnews%2Fstory-1/comments');
    expect(params.get('limit')).to.equal('7');
    expect(params.get('sort')).to.equal('newest');
    expect(params.has('cursor')).to.equal(false);
    void el;
  });

  it('says "Leave the first review" when there are no comments', async () => {
    stubFetch(() => page([]));
    const el = await makeList();
    const empty = await until(() => shadow(el).querySelector('.empty'), 'empty state');
    expect(text(empty)).to.equal('Leave the first review');
    expect(shadow(el).querySelector('section')!.getAttribute('aria-busy')).to.equal('false');
    expect(shadow(el).querySelector('.count') === null, 'absent').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('makes no Intl object for an empty thread (the first of a page loads ICU data: 15-90 ms, #24)', async () => {
    const made: string[] = [];
    const kinds = ['NumberFormat', 'PluralRules', 'RelativeTimeFormat', 'DateTimeFormat'] as const;
    const originals = kinds.map((kind) => Intl[kind]);
    kinds.forEach((kind, i) => {
      const Original = originals[i] as new (...args: unknown[]) => object;
      (Intl as Record<string, unknown>)[kind] = class extends Original {
        constructor(...args: unknown[]) {
          super(...args);
          made.push(kind);
        }
      };
    });
    try {
      stubFetch(() => page([]));
      // A language no other test uses: the Intl objects of a language are kept for the page.
      const el = await makeList({ lang: 'en-IE' });
      await until(() => shadow(el).querySelector('.empty'), 'empty state');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(made).to.deep.equal([]);
    } finally {
      kinds.forEach((kind, i) => ((Intl as Record<string, unknown>)[kind] = originals[i]));
    }
  });

  it('shows a failure message, and Retry loads again', async () => {
    let fail = true;
    const calls = stubFetch(() =>
      fail ? json(503, { error: 'unavailable', message: 'down' }) : page([comment({ message: 'Back again' })]),
    );
    const el = await makeList();
    const alert = await until(() => shadow(el).querySelector('[role="alert"]'), 'error');
    expect(text(alert.querySelector('p'))).to.equal('Comments could not be loaded.');
    await expect(el).to.be.accessible();
    fail = false;
    buttonByText(alert, 'Retry')!.click();
    await until(() => articles(el).length === 1, 'comment after retry');
    expect(calls.length).to.equal(2);
    expect(shadow(el).querySelector('[role="alert"]') === null, 'absent').to.equal(true);
    expect(text(articles(el)[0]!.querySelector('.message'))).to.equal('Back again');
  });

  it('treats a network failure like a server failure', async () => {
    stubFetch(() => new TypeError('Failed to fetch'));
    const el = await makeList();
    const alert = await until(() => shadow(el).querySelector('[role="alert"]'), 'error');
    expect(Boolean(buttonByText(alert, 'Retry')), 'present').to.equal(true);
  });

  it('shows the total with plural rules', async () => {
    stubFetch(() => page([comment()], 'more', 12));
    const el = await makeList();
    await until(() => articles(el).length === 1);
    expect(text(shadow(el).querySelector('.count'))).to.equal('12 comments');

    restoreFetch();
    stubFetch(() => page([comment()], null, 1));
    const one = await makeList();
    await until(() => articles(one).length === 1);
    expect(text(shadow(one).querySelector('.count'))).to.equal('1 comment');
  });

  it('shows the count in the reader’s language', async () => {
    stubFetch(() => page([comment()], 'more', 1234));
    const el = await makeList({ lang: 'de' });
    await until(() => /1\.234/.test(text(shadow(el).querySelector('.count'))), 'German number');
  });
});

describe('<comment-list> pagination and sort', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => restoreFetch());

  it('"Load more comments" fetches the next page by cursor and appends it', async () => {
    const first = [comment({ message: 'one' }), comment({ message: 'two' })];
    const second = [comment({ message: 'three' })];
    const calls = routeFetch(({ params }) =>
      params.get('cursor') === 'cur-2' ? page(second, null, 3) : page(first, 'cur-2', 3),
    );
    const el = await makeList({ 'page-size': '2' });
    await until(() => articles(el).length === 2);
    const more = buttonByText(shadow(el), 'Load more comments')!;
    expect(Boolean(more), 'present').to.equal(true);
    more.click();
    await until(() => articles(el).length === 3, 'third comment');
    // The request "Load more" made (other requests may interleave when the machine is slow).
    const next = calls.filter((c) => c.params.has('cursor'));
    expect(next).to.have.length(1);
    expect(next[0]!.params.get('cursor')).to.equal('cur-2');
    expect(next[0]!.params.get('limit')).to.equal('2');
    expect(articles(el).map((a) => text(a.querySelector('.message')))).to.deep.equal(['one', 'two', 'three']);
    expect(buttonByText(shadow(el), 'Load more comments') === undefined, 'absent').to.equal(true);
  });

  it('skips a comment that a later page repeats', async () => {
    const a = comment({ message: 'a' });
    const b = comment({ message: 'b' });
    routeFetch(({ params }) =>
      params.get('cursor') ? page([b, comment({ message: 'c' })], null, 3) : page([a, b], 'x', 3),
    );
    const el = await makeList();
    await until(() => articles(el).length === 2);
    buttonByText(shadow(el), 'Load more comments')!.click();
    await until(() => articles(el).length === 3);
    expect(articles(el).map((x) => x.dataset.id)).to.deep.equal([a.id, b.id, articles(el)[2]!.dataset.id]);
  });

  it('a failed "Load more" keeps what is shown and offers Retry', async () => {
    let fail = true;
    routeFetch(({ params }) => {
      if (!params.get('cursor')) return page([comment()], 'c2', 2);
      return fail ? json(500, { error: 'internal', message: 'x' }) : page([comment({ message: 'second' })], null, 2);
    });
    const el = await makeList();
    await until(() => articles(el).length === 1);
    buttonByText(shadow(el), 'Load more comments')!.click();
    const alert = await until(() => shadow(el).querySelector('.more[role="alert"]'), 'load-more error');
    expect(articles(el).length).to.equal(1);
    fail = false;
    buttonByText(alert, 'Retry')!.click();
    await until(() => articles(el).length === 2);
  });

  it('switches to oldest first and back, reloading from the first page', async () => {
    const old = comment({ message: 'old', createdAt: '2024-01-01T00:00:00.000Z' });
    const recent = comment({ message: 'recent', createdAt: '2024-06-01T00:00:00.000Z' });
    const calls = routeFetch(({ params }) =>
      params.get('sort') === 'oldest' ? page([old, recent]) : page([recent, old]),
    );
    const el = await makeList();
    await until(() => articles(el).length === 2);
    expect(articles(el).map((a) => text(a.querySelector('.message')))).to.deep.equal(['recent', 'old']);
    const select = shadow(el).querySelector('select')!;
    expect(select.value).to.equal('newest');
    expect(text(select.closest('label')!.querySelector('span'))).to.equal('Sort comments');
    select.value = 'oldest';
    select.dispatchEvent(new Event('change'));
    await until(() => calls.length === 2);
    expect(calls[1]!.params.get('sort')).to.equal('oldest');
    await until(() => text(articles(el)[0]?.querySelector('.message')) === 'old', 'oldest first');
    expect(articles(el).map((a) => text(a.querySelector('.message')))).to.deep.equal(['old', 'recent']);
  });

  it('honours sort="oldest" from the start', async () => {
    const calls = stubFetch(() => page([]));
    await makeList({ sort: 'oldest' });
    await until(() => calls.length === 1);
    expect(calls[0]!.params.get('sort')).to.equal('oldest');
  });

  it('renders 500 comments, keyed', async () => {
    const many = Array.from({ length: 500 }, (_, i) => comment({ message: `m${i}`, name: `Reader ${i}` }));
    stubFetch(() => page(many, null, 500));
    const el = await makeList({ 'page-size': '100' });
    await until(() => articles(el).length === 500, '500 comments');
    const firstNode = articles(el)[0];
    // A new comment on top moves nothing else: the existing nodes are reused.
    document.dispatchEvent(
      new CustomEvent('comment-submitted', {
        detail: { comment: comment({ createdAt: new Date().toISOString(), message: 'new' }), status: 'published' },
      }),
    );
    await until(() => articles(el).length === 501);
    expect(articles(el)[1] === firstNode, 'node reused').to.equal(true);
    expect(text(shadow(el).querySelector('.count'))).to.equal('501 comments');
  });
});
