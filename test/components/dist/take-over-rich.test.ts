// The script-tag bundle taking over a server-rendered block whose comments are formatted (#19
// with #18): the body renderer is loaded on demand, so the take-over waits for it before it
// empties the block and defines the tags. The rendered block stays on screen meanwhile, and the
// live list shows the formatted comment from its first painted frame, never its plain message.
// (Imported with a query, the bundle is here twice: the chunks import it by its plain URL. That
// second copy must not empty the block the first one took over while both waited.)
import { expect } from '@open-wc/testing';
import { json, restoreFetch, routeFetch } from '../helpers/fetch-stub.js';

const BUNDLE = '/dist/article-feedback.js';
const THREAD = '/take-over-rich';
const seeded = {
  comments: [
    {
      id: 'c1',
      thread: THREAD,
      parent: null,
      name: 'Grace Hopper',
      message: 'Keep **the ferry**',
      body: [
        {
          type: 'paragraph',
          children: [
            { type: 'text', text: 'Keep ' },
            { type: 'strong', children: [{ type: 'text', text: 'the ferry' }] },
          ],
        },
      ],
      rating: null,
      createdAt: new Date().toISOString(),
      status: 'published',
    },
  ],
  nextCursor: null,
  total: 1,
};

/** What renderFeedback() writes, cut down: the rendered, formatted comment, and the block's data. */
const RENDERED = `<article-feedback endpoint="/stub-api" thread="${THREAD}" captcha="none"><template shadowrootmode="open"><section><comment-list endpoint="/stub-api" thread="${THREAD}"><template shadowrootmode="open"><p class="rendered">Keep <strong>the ferry</strong></p></template></comment-list></section></template><script type="application/json" id="article-feedback-comments:${THREAD}">${JSON.stringify(seeded)}</script></article-feedback>`;

async function until(check: () => boolean, what: string, timeout = 4000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('dist/article-feedback.js and a server-rendered block with formatted comments', () => {
  after(() => restoreFetch());

  it('keeps the rendered block until the body renderer is in, then shows the comment formatted at once', async () => {
    routeFetch(({ path }) => {
      if (!path.startsWith('/stub-api/')) return undefined;
      if (path.endsWith('/rating')) return json(200, { average: 0, count: 0, max: 5, histogram: [0, 0, 0, 0, 0] });
      if (path.endsWith('/comments')) return json(200, { comments: [], nextCursor: null, total: 0 });
      return json(200, { provider: 'none' });
    });
    const host = document.createElement('div');
    document.body.append(host);
    host.setHTMLUnsafe(RENDERED);
    const block = host.querySelector('article-feedback')!;
    const root = block.shadowRoot!;
    // What each painted frame shows of the list: the rendered one, then only the live one.
    const frames: string[] = [];
    let watching = true;
    requestAnimationFrame(function frame() {
      const list = root.querySelector('comment-list')?.shadowRoot;
      frames.push(list?.querySelector('.rendered') ? 'rendered' : (list?.querySelector('.message')?.innerHTML ?? 'none ' + (list ? list.innerHTML.slice(0, 160) : root.innerHTML.slice(0, 160))));
      if (watching) requestAnimationFrame(frame);
    });
    await import(`${BUNDLE}?take-over-rich`);
    // Right after the script ran, the rendered block is still there (the module is on its way).
    expect(root.querySelector('.rendered, comment-list')).to.not.equal(null);
    await until(() => root.querySelector('comment-list')?.shadowRoot?.querySelector('article') != null, 'the list');
    const message = root.querySelector('comment-list')!.shadowRoot!.querySelector('.message')!;
    expect(message.querySelector('strong')?.textContent).to.equal('the ferry');
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    watching = false;
    // No frame without the list, and none with the plain message (its `**`).
    expect(frames.filter((f) => f.startsWith('none') || f.includes('**'))).to.deep.equal([]);
    expect(frames).to.include('rendered');
    await expect(block).to.be.accessible();
  });
});
