import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/article-feedback/define.js';
import type { ArticleFeedback } from '../../../src/components/article-feedback/article-feedback.js';
import { json, restoreFetch, routeFetch, type Call } from '../helpers/fetch-stub.js';

/** The API as the inner elements see it: no comments, no ratings, no captcha. */
function stubApi(): Call[] {
  return routeFetch(({ path }) =>
    json(
      200,
      path.endsWith('/comments')
        ? { comments: [], nextCursor: null, total: 0 }
        : path.endsWith('/rating')
          ? { average: 0, count: 0, max: 5, histogram: [0, 0, 0, 0, 0] }
          : path.endsWith('/captcha')
            ? { provider: 'none' }
            : {},
    ),
  );
}

async function make(attrs: string): Promise<ArticleFeedback> {
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  wrapper.innerHTML = `<article-feedback ${attrs}></article-feedback>`;
  const el = wrapper.querySelector('article-feedback')!;
  await el.updateComplete;
  return el;
}

function inner<K extends keyof HTMLElementTagNameMap>(el: ArticleFeedback, tag: K): HTMLElementTagNameMap[K] {
  const found = el.shadowRoot!.querySelector(tag);
  if (!found) throw new Error(`no ${tag}`);
  return found;
}

async function settle(el: ArticleFeedback): Promise<void> {
  const list = inner(el, 'comment-list');
  for (let i = 0; i < 300; i++) {
    if (list.shadowRoot?.querySelector('section')?.getAttribute('aria-busy') === 'false') break;
    await new Promise((r) => setTimeout(r, 10));
  }
  await Promise.all([
    inner(el, 'article-rating').updateComplete,
    inner(el, 'comment-form').updateComplete,
    list.updateComplete,
  ]);
}

describe('<article-feedback>', () => {
  beforeEach(() => {
    localStorage.clear();
    stubApi();
  });
  afterEach(() => {
    restoreFetch();
    document.head.querySelectorAll('link[rel="canonical"][data-test]').forEach((l) => l.remove());
  });

  it('is accessible', async () => {
    const el = await make('endpoint="https://api.test/api" thread="t-1" captcha="none"');
    await settle(el);
    await expect(el).to.be.accessible();
  });

  it('shows "Leave a Comment", the rating labelled "Rate this article:", the form and the list, in that order', async () => {
    const el = await make('endpoint="https://api.test/api" thread="t-1" captcha="none"');
    await settle(el);
    const section = el.shadowRoot!.querySelector('section')!;
    const order = [...section.children].map((c) => c.localName);
    expect(order).to.deep.equal(['h2', 'article-rating', 'comment-form', 'comment-list']);
    expect(section.querySelector('h2')!.textContent!.trim()).to.equal('Leave a Comment');
    expect(inner(el, 'article-rating').getAttribute('label')).to.equal('Rate this article:');
    const empty = inner(el, 'comment-list').shadowRoot!.querySelector('.empty');
    expect(empty?.textContent?.trim()).to.equal('Leave the first review');
  });

  it('takes its heading from the heading attribute', async () => {
    const el = await make('endpoint="https://api.test/api" thread="t-1" captcha="none" heading="Your thoughts?"');
    expect(el.shadowRoot!.querySelector('h2')!.textContent!.trim()).to.equal('Your thoughts?');
    el.heading = 'Discuss';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('h2')!.textContent!.trim()).to.equal('Discuss');
  });

  it('takes endpoint and thread set as properties from script, without attributes', async () => {
    const calls = stubApi();
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('article-feedback') as ArticleFeedback;
    el.endpoint = 'https://api.test/scripted/';
    el.thread = '/news/scripted';
    el.captcha = 'none';
    wrapper.append(el);
    await el.updateComplete;
    expect(el.hasAttribute('endpoint')).to.equal(false);
    for (const tag of ['article-rating', 'comment-form', 'comment-list'] as const) {
      expect(inner(el, tag).getAttribute('endpoint'), tag).to.equal('https://api.test/scripted');
      expect(inner(el, tag).getAttribute('thread'), tag).to.equal('/news/scripted');
    }
    await waitUntil(() =>
      calls.some(({ url }) => url === 'https://api.test/scripted/threads/%2Fnews%2Fscripted/rating'),
    );
    await waitUntil(() =>
      calls.some(({ url }) => url.startsWith('https://api.test/scripted/threads/%2Fnews%2Fscripted/comments')),
    );
  });

  it('hands endpoint, thread, lang, theme, captcha and page-size to its children', async () => {
    const el = await make(
      'endpoint="https://api.test/api/" thread="/news/1" lang="de" theme="dark" captcha="pow" captcha-site-key="site-1" page-size="5"',
    );
    const rating = inner(el, 'article-rating');
    const form = inner(el, 'comment-form');
    const list = inner(el, 'comment-list');
    for (const child of [rating, form, list]) {
      expect(child.getAttribute('endpoint'), child.localName).to.equal('https://api.test/api');
      expect(child.getAttribute('thread'), child.localName).to.equal('/news/1');
      expect(child.getAttribute('lang'), child.localName).to.equal('de');
      expect(child.getAttribute('theme'), child.localName).to.equal('dark');
    }
    for (const child of [form, list]) {
      expect(child.getAttribute('captcha')).to.equal('pow');
      expect(child.getAttribute('captcha-site-key')).to.equal('site-1');
    }
    expect(list.getAttribute('page-size')).to.equal('5');
    expect(el.getAttribute('theme')).to.equal('dark');
  });

  it('defaults theme to auto, captcha to auto and page-size to 20', async () => {
    const el = await make('endpoint="https://api.test/api" thread="t-1"');
    expect(el.theme).to.equal('auto');
    expect(inner(el, 'comment-list').getAttribute('theme')).to.equal('auto');
    expect(inner(el, 'comment-form').getAttribute('captcha')).to.equal('auto');
    expect(inner(el, 'comment-list').getAttribute('page-size')).to.equal('20');
  });

  it('defaults the thread to the canonical link’s path', async () => {
    const link = document.createElement('link');
    link.rel = 'canonical';
    link.href = 'https://news.example.com/2024/05/harbour-ferry?utm=x';
    link.dataset.test = '';
    document.head.append(link);
    const calls = stubApi();
    const el = await make('endpoint="https://api.test/api" captcha="none"');
    expect(inner(el, 'comment-list').getAttribute('thread')).to.equal('/2024/05/harbour-ferry');
    await settle(el);
    expect(
      calls.some(({ url }) => url.startsWith('https://api.test/api/threads/%2F2024%2F05%2Fharbour-ferry/comments')),
    ).to.equal(true);
  });

  it('passes lang down and re-renders the heading in that language', async () => {
    const el = await make('endpoint="https://api.test/api" thread="t-1" captcha="none" lang="es"');
    await settle(el);
    // The Spanish catalogue loads on demand: up to 5 s on a busy machine.
    for (let i = 0; i < 500 && el.shadowRoot!.querySelector('h2')!.textContent!.trim() === 'Leave a Comment'; i++) {
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(el.shadowRoot!.querySelector('h2')!.textContent!.trim()).to.not.equal('Leave a Comment');
  });
  it('exports the inner parts: a page rule on article-feedback::part(button|textarea|star) styles them', async () => {
    const style = document.createElement('style');
    style.textContent = `
      article-feedback::part(button) { background-color: rgb(1, 2, 3); }
      article-feedback::part(textarea) { border-top-color: rgb(4, 5, 6); }
      article-feedback::part(star) { background-color: rgb(7, 8, 9); }
    `;
    document.head.append(style);
    try {
      const el = await make('endpoint="https://api.test/api" thread="t-1" captcha="none"');
      await settle(el);
      const form = inner(el, 'comment-form').shadowRoot!;
      expect(getComputedStyle(form.querySelector('button[type="submit"]')!).backgroundColor).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle(form.querySelector('textarea')!).borderTopColor).to.equal('rgb(4, 5, 6)');
      const star = inner(el, 'article-rating').shadowRoot!.querySelector('[part~="star"]')!;
      expect(getComputedStyle(star).backgroundColor).to.equal('rgb(7, 8, 9)');
    } finally {
      style.remove();
    }
  });

  // #24: the form on screen first. The first frame holds the heading, a stand-in as large as the
  // rating, and the form; the rating and the list come after that frame, and the form stays put.
  for (const width of ['42rem', '15rem', '9rem']) {
    it(`paints the form before the rating and the list, which then do not move it (${width} wide)`, async () => {
      routeFetch(() => new Promise<Response>(() => undefined)); // no answer: nothing but the first render moves anything
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: ${width}"></div>`);
      wrapper.innerHTML =
        '<article-feedback endpoint="https://api.test/api" thread="t-1" captcha="none"></article-feedback>';
      const el = wrapper.querySelector('article-feedback')!;
      const textarea = () => inner(el, 'comment-form').shadowRoot!.querySelector('textarea')!;

      await new Promise(requestAnimationFrame); // the block's first frame
      expect(!!el.shadowRoot!.querySelector('comment-list'), 'a list in the first frame').to.equal(false);
      expect(!!el.shadowRoot!.querySelector('article-rating'), 'a rating in the first frame').to.equal(false);
      const before = textarea().getBoundingClientRect();
      expect(before.height).to.be.greaterThan(0);
      // Typed before the rest arrives, and kept.
      textarea().focus();
      await sendKeys({ type: 'Early words' });

      await el.updateComplete;
      const rating = inner(el, 'article-rating');
      await rating.updateComplete;
      expect(rating.shadowRoot!.querySelectorAll('[part~="star"]')).to.have.length(5);
      expect(inner(el, 'comment-list').isConnected).to.equal(true);
      expect(textarea().getBoundingClientRect().top).to.equal(before.top);
      expect(textarea().value).to.equal('Early words');
    });
  }
});
