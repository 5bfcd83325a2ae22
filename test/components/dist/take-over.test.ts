// The script-tag bundle taking over a server-rendered block (#19): a block whose declarative
// shadow root is already filled when the script loads is emptied and rendered again by the live
// elements (one of each, the rendered ones never upgraded), from the data it carries, without a
// request for the first page; a second copy of the script leaves the live block alone.
import { expect } from '@open-wc/testing';
import { json, restoreFetch, routeFetch } from '../helpers/fetch-stub.js';

const BUNDLE = '/dist/article-feedback.js';
const THREAD = '/take-over';
const seeded = {
  comments: [
    {
      id: 'c1',
      thread: THREAD,
      parent: null,
      name: 'Grace Hopper',
      message: 'From the carried page',
      rating: null,
      createdAt: new Date().toISOString(),
      status: 'published',
    },
  ],
  nextCursor: null,
  total: 1,
};

/** What renderFeedback() writes, cut down: the block's declarative shadow root with a rendered list inside, and its data. */
const RENDERED = `<article-feedback endpoint="/stub-api" thread="${THREAD}" captcha="none"><template shadowrootmode="open"><section><h2>Rendered heading</h2><comment-list endpoint="/stub-api" thread="${THREAD}"><template shadowrootmode="open"><p class="rendered">Rendered list</p></template></comment-list></section></template><script type="application/json" id="article-feedback-comments:${THREAD}">${JSON.stringify(seeded)}</script></article-feedback>`;

async function until(check: () => boolean, what: string, timeout = 4000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('dist/article-feedback.js and a server-rendered block', () => {
  const paths: string[] = [];
  let block: HTMLElement;

  before(async () => {
    const calls = routeFetch(({ path }) => {
      if (!path.startsWith('/stub-api/')) return undefined;
      paths.push(path);
      if (path.endsWith('/rating')) return json(200, { average: 0, count: 0, max: 5, histogram: [0, 0, 0, 0, 0] });
      if (path.endsWith('/comments')) return json(200, { comments: [], nextCursor: null, total: 0 });
      return json(200, { provider: 'none' });
    });
    void calls;
    const host = document.createElement('div');
    document.body.append(host);
    // Parsed as a page would be: declarative shadow roots attached, nothing defined yet.
    host.setHTMLUnsafe(RENDERED);
    block = host.querySelector('article-feedback')!;
    expect(block.shadowRoot?.querySelector('h2')?.textContent).to.equal('Rendered heading');
    await import(`${BUNDLE}?take-over`);
  });

  after(() => restoreFetch());

  it('renders the block again with live elements, from the carried page, without asking for it', async () => {
    const root = block.shadowRoot!;
    await until(() => root.querySelector('comment-list')?.shadowRoot?.querySelector('article') != null, 'the list');
    expect(root.querySelectorAll('h2').length).to.equal(1);
    expect(root.querySelector('h2')!.textContent).to.equal('Leave a Comment');
    expect(root.querySelectorAll('comment-list').length).to.equal(1);
    const list = root.querySelector('comment-list')!.shadowRoot!;
    expect(list.querySelector('.rendered')).to.equal(null);
    expect(list.querySelector('.name')!.textContent).to.equal('Grace Hopper');
    expect(paths.filter((p) => p.endsWith('/comments'))).to.deep.equal([]);
    await expect(block).to.be.accessible();
  });

  it('a second copy of the script leaves the live block alone', async () => {
    await import(`${BUNDLE}?second-copy`);
    const root = block.shadowRoot!;
    expect(root.querySelector('h2')?.textContent).to.equal('Leave a Comment');
    expect(root.querySelector('comment-list')!.shadowRoot!.querySelector('.name')!.textContent).to.equal('Grace Hopper');
  });
});
