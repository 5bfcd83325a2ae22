// A comment's formatted `body` (#18, SPEC §6.1): rendered with templates by the on-demand
// renderer, every node type, unknown types as text, links only to http/https/mailto, and the
// XSS corpus inert whether it comes through our parser or straight from a hostile backend.
import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { renderBody, safeLink } from '../../../src/components/comment-list/lazy/body.js';
import type { CommentBody, PublicComment } from '../../../src/contract/schemas.js';
import { messageToBody } from '../../../src/markdown/to-body.js';
import { restoreFetch, stubFetch } from '../helpers/fetch-stub.js';
import { comment, makeList, page, shadow, text, until } from './helpers.js';

/** The body of every node type, one of each. */
const EVERY_NODE: CommentBody = [
  {
    type: 'paragraph',
    children: [
      { type: 'text', text: 'Plain, ' },
      { type: 'strong', children: [{ type: 'text', text: 'strong' }] },
      { type: 'text', text: ', ' },
      { type: 'emphasis', children: [{ type: 'text', text: 'emphasis' }] },
      { type: 'text', text: ', ' },
      { type: 'code', text: 'a < b' },
      { type: 'break' },
      { type: 'link', href: 'https://example.com/a?b=1', children: [{ type: 'text', text: 'a link' }] },
      { type: 'text', text: ' ' },
      { type: 'link', href: 'mailto:ed@example.com', children: [{ type: 'text', text: 'mail' }] },
    ],
  },
  { type: 'quote', children: [{ type: 'paragraph', children: [{ type: 'text', text: 'quoted' }] }] },
  {
    type: 'list',
    ordered: false,
    items: [
      [{ type: 'paragraph', children: [{ type: 'text', text: 'one' }] }],
      [{ type: 'paragraph', children: [{ type: 'text', text: 'two' }] }],
    ],
  },
  { type: 'list', ordered: true, items: [[{ type: 'paragraph', children: [{ type: 'text', text: 'first' }] }]] },
  { type: 'code', text: 'const x = "<b>";\n  return x;' },
];

async function listWith(comments: PublicComment[]) {
  stubFetch(() => page(comments));
  const el = await makeList();
  await until(() => shadow(el).querySelector('section')?.getAttribute('aria-busy') === 'false', 'loaded');
  return el;
}

const messageOf = (el: Element, id: string) =>
  shadow(el).querySelector<HTMLElement>(`article[data-id="${id}"] .message`)!;

/**
 * The list's way to the renderer was fetched (this file imports the renderer itself, for the
 * server rendering's use of it, so that one is here from the start).
 */
const rendererFetched = () => performance.getEntriesByType('resource').some((e) => /lazy\/rich-text\./.test(e.name));

/** Renders a body the way the server rendering does: the pure function into a container. */
async function rendered(body: unknown[]): Promise<HTMLElement> {
  const box = await fixture<HTMLDivElement>(html`<div class="message"></div>`);
  render(renderBody(body), box);
  return box;
}

describe('<comment-list> formatted comments', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => restoreFetch());

  // First in this file (each test file has its own page): nothing has loaded the renderer yet.
  it('does not load the renderer for comments without a body, and links their bare URLs as before', async () => {
    const c = comment({ message: 'See https://example.com/x. **not bold** here' });
    const el = await listWith([c]);
    await new Promise((r) => setTimeout(r, 100));
    expect(rendererFetched(), 'renderer fetched').to.equal(false);
    const message = messageOf(el, c.id);
    expect(message.querySelector('strong')).to.equal(null);
    expect(text(message)).to.equal('See https://example.com/x. **not bold** here');
    const a = message.querySelector('a')!;
    expect(a.getAttribute('href')).to.equal('https://example.com/x');
    expect(a.getAttribute('rel')).to.equal('nofollow ugc noopener');
  });

  it('is accessible with every kind of node', async () => {
    const c = comment({ message: 'source', body: EVERY_NODE });
    const el = await listWith([c]);
    await until(() => messageOf(el, c.id).querySelector('blockquote'), 'the body rendered');
    expect(rendererFetched(), 'renderer fetched on demand').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('renders every node type with its element and exactly its text', async () => {
    const c = comment({ message: 'the source text', body: EVERY_NODE });
    const el = await listWith([c]);
    const message = await until(() => {
      const m = messageOf(el, c.id);
      return m.querySelector('pre') && m;
    }, 'the body rendered');
    const p = message.querySelector(':scope > p')!;
    expect(p.querySelector('strong')!.textContent).to.equal('strong');
    expect(p.querySelector('em')!.textContent).to.equal('emphasis');
    expect(p.querySelector('code')!.textContent).to.equal('a < b');
    expect(p.querySelectorAll('br')).to.have.length(1);
    const [link, mail] = [...p.querySelectorAll('a')];
    expect(link!.getAttribute('href')).to.equal('https://example.com/a?b=1');
    expect(link!.textContent).to.equal('a link');
    expect(link!.getAttribute('rel')).to.equal('nofollow ugc noopener');
    expect(mail!.getAttribute('href')).to.equal('mailto:ed@example.com');
    expect(text(message.querySelector('blockquote > p'))).to.equal('quoted');
    expect([...message.querySelectorAll('ul > li')].map(text)).to.deep.equal(['one', 'two']);
    expect([...message.querySelectorAll('ol > li')].map(text)).to.deep.equal(['first']);
    // A code block keeps its text verbatim: line breaks, indentation, markup characters.
    expect(message.querySelector('pre > code')!.textContent).to.equal('const x = "<b>";\n  return x;');
    // The source text is not shown beside it.
    expect(message.textContent).not.to.include('the source text');
  });

  it('styles quotes, code and lists with the theme (and undoes the thread list styles)', async () => {
    const c = comment({ body: EVERY_NODE });
    const el = await listWith([c]);
    const message = await until(() => {
      const m = messageOf(el, c.id);
      return m.querySelector('pre') && m;
    }, 'the body rendered');
    const ol = getComputedStyle(message.querySelector('ol')!);
    expect(ol.listStyleType).to.equal('decimal');
    expect(ol.display).to.equal('block');
    expect(getComputedStyle(message.querySelector('ul')!).listStyleType).to.equal('disc');
    expect(getComputedStyle(message.querySelector('blockquote')!).borderInlineStartWidth).to.equal('3px');
    expect(getComputedStyle(message.querySelector('pre')!).fontFamily).to.match(/mono/i);
  });

  it('scrolls a wide code block inside itself on a phone, with the block’s focus ring for the keyboard', async () => {
    const c = comment({
      body: messageToBody('Figures:\n\n```\n' + 'March 1,498 (with the festival weekend) '.repeat(4) + '\n```'),
    });
    const el = await listWith([c]);
    el.style.width = '280px';
    const message = await until(() => {
      const m = messageOf(el, c.id);
      return m.querySelector('pre') && m;
    }, 'the body rendered');
    const pre = message.querySelector('pre')!;
    expect(pre.scrollWidth, 'the code is wider').to.be.above(pre.clientWidth);
    expect(el.scrollWidth, 'the list is not').to.be.at.most(280);
    pre.focus({ focusVisible: true } as FocusOptions);
    expect(shadow(el).activeElement, 'a scroller takes focus').to.equal(pre);
    const ring = getComputedStyle(pre);
    expect(ring.outlineStyle).to.equal('solid');
    expect(ring.outlineColor).to.equal(
      getComputedStyle(message.querySelector('a') ?? shadow(el).querySelector('.link')!).color,
    );
  });

  it('keeps a code block left to right in a right-to-left page, the quote and list following the page', async () => {
    const c = comment({ body: messageToBody('ملاحظة\n\n> اقتباس\n\n- بند\n\n```\nJanuary 1,204\n```') });
    const el = await listWith([c]);
    el.setAttribute('dir', 'rtl');
    el.style.width = '400px';
    const message = await until(() => {
      const m = messageOf(el, c.id);
      return m.querySelector('pre') && m;
    }, 'the body rendered');
    const pre = message.querySelector('pre')!;
    const code = pre.querySelector('code')!;
    expect(getComputedStyle(pre).direction).to.equal('ltr');
    // The code starts at the left edge of its box.
    expect(code.getBoundingClientRect().left - pre.getBoundingClientRect().left).to.be.below(20);
    expect(getComputedStyle(message.querySelector('blockquote')!).direction).to.equal('rtl');
    expect(getComputedStyle(message.querySelector('blockquote')!).borderRightWidth).to.equal('3px');
  });

  it('shows unknown node types as their text, inline and as blocks', async () => {
    const box = await rendered([
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'a ' },
          { type: 'image', src: 'https://evil.test/x.png', text: 'alt words' },
          { type: 'html', value: '<b>x</b>', children: [{ type: 'text', text: 'kept' }] },
        ],
      },
      { type: 'heading', depth: 1, children: [{ type: 'text', text: 'A heading' }] },
      { type: 'table', items: [[{ type: 'text', text: 'cell' }]] },
    ]);
    expect([...box.querySelectorAll('*')].map((e) => e.localName)).to.deep.equal(['p', 'p', 'p']);
    expect([...box.querySelectorAll('p')].map(text)).to.deep.equal(['a alt wordskept', 'A heading', 'cell']);
    expect(box.querySelector('img, h1, table, b')).to.equal(null);
  });

  it('refuses link targets other than http, https and mailto, keeping the words', async () => {
    const hostile = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      '\u0001javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      '//evil.test/x',
      '/relative',
    ];
    const box = await rendered([
      {
        type: 'paragraph',
        children: hostile.map((href, i) => ({ type: 'link', href, children: [{ type: 'text', text: `w${i} ` }] })),
      },
    ]);
    expect(box.querySelectorAll('a')).to.have.length(0);
    expect(text(box)).to.equal(hostile.map((_, i) => `w${i}`).join(' '));
    for (const href of hostile) expect(safeLink(href), href).to.equal(null);
    expect(safeLink('HTTPS://Example.com/a b')).to.equal('https://example.com/a%20b');
  });

  it('renders the XSS corpus as inert text through our parser', async () => {
    const corpus = [
      '[x](javascript:alert(1))',
      '[x](JaVaScRiPt:alert(1))',
      '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      '[x](vbscript:msgbox(1))',
      '<script>window.__xss = 1</script>',
      '<img src=x onerror="window.__xss = 1">',
      '**<svg onload="window.__xss = 1">**',
      '> <iframe src="javascript:alert(1)"></iframe>',
      '`<b>code</b>`',
      '[click](https://example.com" onclick="window.__xss=1)',
    ];
    const box = await fixture<HTMLDivElement>(html`<div></div>`);
    for (const source of corpus) {
      render(renderBody(messageToBody(source)), box);
      const tags = [...box.querySelectorAll('*')].map((e) => e.localName);
      expect(tags, source).to.satisfy((list: string[]) =>
        list.every((t) => ['p', 'strong', 'em', 'code', 'blockquote', 'a', 'br'].includes(t)),
      );
      for (const a of box.querySelectorAll('a')) expect(a.protocol, source).to.match(/^https?:$/);
      for (const e of box.querySelectorAll('*'))
        expect(
          [...e.attributes].map((at) => at.name).filter((n) => n.startsWith('on')),
          source,
        ).to.deep.equal([]);
    }
    // The words stay visible as the reader typed them.
    render(renderBody(messageToBody('<script>window.__xss = 1</script>')), box);
    expect(text(box)).to.equal('<script>window.__xss = 1</script>');
    render(renderBody(messageToBody('[x](javascript:alert(1))')), box);
    expect(text(box)).to.equal('[x](javascript:alert(1))');
    expect((window as { __xss?: unknown }).__xss).to.equal(undefined);
  });

  it('shows a link inside a link (which no parser makes) by its words only', async () => {
    const box = await rendered([
      {
        type: 'paragraph',
        children: [
          {
            type: 'link',
            href: 'https://outer.example/',
            children: [{ type: 'link', href: 'https://inner.example/', children: [{ type: 'text', text: 'inner' }] }],
          },
        ],
      },
    ]);
    expect([...box.querySelectorAll('a')].map((a) => a.href)).to.deep.equal(['https://outer.example/']);
    expect(text(box)).to.equal('inner');
  });

  it('stays text past a deep nesting from a hostile backend, without running out of stack', async () => {
    let node: Record<string, unknown> = { type: 'text', text: 'deep' };
    for (let i = 0; i < 20_000; i++) node = { type: i % 2 ? 'strong' : 'emphasis', children: [node] };
    const box = await rendered([{ type: 'paragraph', children: [node] }]);
    expect(text(box)).to.equal('deep');
    expect(box.querySelectorAll('strong, em').length).to.be.at.most(20);
  });

  it('shows a comment edited to carry formatting with the renderer', async () => {
    const plain = comment({ message: 'plain' });
    const formatted = comment({ message: '**bold**', body: messageToBody('**bold**') });
    const el = await listWith([plain, formatted]);
    await until(() => messageOf(el, formatted.id).querySelector('strong'), 'strong rendered');
    expect(text(messageOf(el, formatted.id))).to.equal('bold');
    expect(text(messageOf(el, plain.id))).to.equal('plain');
  });
});
