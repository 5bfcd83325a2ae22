// The script-tag bundle (dist/article-feedback.js, built by `npm run build`) loaded twice in
// one page, as two script tags with different URLs would: the second copy must not throw,
// and the elements the first copy defined keep working.
import { expect, fixture, html } from '@open-wc/testing';
import { es } from '../../../src/i18n/lazy/es.js';
import { en } from '../../../src/i18n/en.js';
import { json, restoreFetch, routeFetch, type Call } from '../helpers/fetch-stub.js';

const BUNDLE = '/dist/article-feedback.js';
const TAGS = ['article-feedback', 'article-rating', 'comment-form', 'comment-list'] as const;

const errors: unknown[] = [];
let requests: Call[] = [];

/** A tiny in-page stand-in for the API under /stub-api: an empty thread. Other requests go through. */
function fakeApi(): Call[] {
  return routeFetch(({ path }) => {
    if (!path.startsWith('/stub-api/')) return undefined;
    if (path.endsWith('/comments')) return json(200, { comments: [], nextCursor: null, total: 0 });
    if (path.endsWith('/rating')) return json(200, { average: 0, count: 0, max: 5, histogram: [0, 0, 0, 0, 0] });
    if (path.endsWith('/captcha')) return json(200, { provider: 'none' });
    return json(404, { error: 'not_found', message: 'Not found' });
  });
}

/** Every text node under `root`, through open shadow roots. */
function deepText(root: Node): string {
  let text = '';
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) text += node.textContent;
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    for (const child of Array.from(node.childNodes)) walk(child);
  };
  walk(root);
  return text.replace(/\s+/g, ' ');
}

function deepQuery(root: Node, selector: string): Element | null {
  if (root instanceof Element && root.shadowRoot) {
    const inner = deepQuery(root.shadowRoot, selector);
    if (inner) return inner;
  }
  const scope = root as ParentNode;
  const hit = scope.querySelector?.(selector);
  if (hit) return hit;
  for (const el of Array.from(scope.querySelectorAll?.('*') ?? [])) {
    if (el.shadowRoot) {
      const inner = deepQuery(el.shadowRoot, selector);
      if (inner) return inner;
    }
  }
  return null;
}

async function until(check: () => boolean, what: string, timeout = 4000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('dist/article-feedback.js', () => {
  let first: Record<string, unknown>;
  let second: Record<string, unknown>;

  before(async () => {
    window.addEventListener('error', (e) => errors.push(e.error ?? e.message));
    window.addEventListener('unhandledrejection', (e) => errors.push(e.reason));
    requests = fakeApi();
    const url = BUNDLE;
    first = (await import(`${url}?copy=1`)) as Record<string, unknown>;
    second = (await import(`${url}?copy=2`)) as Record<string, unknown>;
  });

  after(() => {
    restoreFetch();
  });

  it('loads twice without an error, the first copy keeps the tags', () => {
    expect(errors).to.deep.equal([]);
    // Two module instances really ran (two distinct classes)…
    expect(first.CommentForm).to.be.a('function');
    expect(second.CommentForm).to.be.a('function');
    expect(first.CommentForm).not.to.equal(second.CommentForm);
    // …and every tag is defined once, by the first.
    for (const tag of TAGS) {
      const name = tag.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase());
      expect(customElements.get(tag), tag).to.equal(first[name]);
    }
  });

  it('the elements work: the whole block renders its form and the empty list', async () => {
    const el = await fixture<HTMLElement>(html`<article-feedback endpoint="/stub-api" thread="dist-test" captcha="none"></article-feedback>`);
    await until(() => deepText(el).includes(en['list.empty']), 'the empty-thread text');
    await until(() => deepQuery(el, 'textarea') !== null, 'the message box');
    const text = deepText(el);
    expect(text).to.include('Leave a Comment');
    expect(text).to.include('Rate this article:');
    expect(deepQuery(el, 'textarea'), 'the message box').to.be.instanceOf(HTMLTextAreaElement);
    expect(deepQuery(el, 'comment-form')).to.be.instanceOf(first.CommentForm as typeof HTMLElement);
    expect(requests.some(({ path }) => path === '/stub-api/threads/dist-test/comments')).to.equal(true);
    await expect(el).to.be.accessible();
    expect(errors).to.deep.equal([]);
  });

  it('loads another language on demand, from its own chunk', async () => {
    const source = await (await fetch(BUNDLE)).text();
    const spanish = Object.entries(es)
      .filter(([key, value]) => typeof value === 'string' && value !== en[key as keyof typeof en] && value.length > 12)
      .map(([, value]) => value as string);
    expect(spanish.length).to.be.greaterThan(5);
    expect(spanish.filter((s) => source.includes(s)), 'Spanish strings in the main file').to.deep.equal([]);

    const el = await fixture<HTMLElement>(html`<comment-list endpoint="/stub-api" thread="dist-es" lang="es"></comment-list>`);
    await until(() => deepText(el).includes(es['list.empty']), 'the Spanish empty-thread text');
    const chunks = performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname)
      .filter((path) => path.startsWith('/dist/chunks/'));
    expect(chunks.some((path) => /\/es-[\w-]+\.js$/.test(path)), `chunks fetched: ${chunks.join(', ')}`).to.equal(true);
    expect(errors).to.deep.equal([]);
  });
});
