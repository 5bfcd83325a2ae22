import { expect } from '@open-wc/testing';
import { MAX_URL_LENGTH, formatMessage, linkify, trimUrl } from '../../../src/components/comment-list/format.js';
import { MESSAGE_MAX } from '../../../src/contract/constants.js';
import { restoreFetch, stubFetch } from '../helpers/fetch-stub.js';
import { articles, comment, makeList, page, shadow, until } from './helpers.js';

// Comments this browser sent and the server has not listed yet are kept in localStorage and
// shown too; other suites leave some behind.
beforeEach(() => localStorage.clear());

const links = (line: string) => linkify(line).filter((s) => s.kind === 'link');

describe('comment text → links: trimming', () => {
  it('drops trailing punctuation and unbalanced closers, keeps balanced pairs', () => {
    const cases: [string, string][] = [
      ['https://a.example/c', 'https://a.example/c'],
      ['https://a.example/c.', 'https://a.example/c'],
      ['https://a.example/c?!…', 'https://a.example/c'],
      ['https://a.example/c).', 'https://a.example/c'],
      ['https://a.example/c)))', 'https://a.example/c'],
      ['https://a.example/c]]', 'https://a.example/c'],
      ['https://w.example/X_(y)', 'https://w.example/X_(y)'],
      ['https://w.example/X_(y)),', 'https://w.example/X_(y)'],
      ['https://w.example/a[1]', 'https://w.example/a[1]'],
      ['https://w.example/a[1]].', 'https://w.example/a[1]'],
      ['https://w.example/(a)).)', 'https://w.example/(a)'],
      ['https://w.example/a_', 'https://w.example/a'],
    ];
    for (const [url, trimmed] of cases) expect(trimUrl(url), url).to.equal(trimmed);
  });

  it('leaves what it trims as text after the link', () => {
    expect(linkify('(see https://a.example/c).')).to.deep.equal([
      { kind: 'text', text: '(see ' },
      { kind: 'link', text: 'https://a.example/c', href: 'https://a.example/c' },
      { kind: 'text', text: ').' },
    ]);
  });
});

describe('comment text → links: a link shows exactly its target', () => {
  it('shows the URL as the browser follows it when the text is written differently', () => {
    const cases: [string, string][] = [
      ['HTTPS://Example.COM/', 'https://example.com/'],
      // A Cyrillic "а" in a host that reads like apple.com: the link shows the real host.
      ['https://\u0430pple.com/', 'https://xn--pple-43d.com/'],
      ['https://de.wikipedia.org/wiki/Köln', 'https://de.wikipedia.org/wiki/K%C3%B6ln'],
      ['https://a.example/x/../y', 'https://a.example/y'],
      ['https://a.example:443/', 'https://a.example/'],
    ];
    for (const [written, shown] of cases) {
      expect(links(`see ${written} now`), written).to.deep.equal([{ kind: 'link', text: shown, href: shown }]);
    }
  });

  it('keeps a URL as written when that already is its target (an origin without its closing slash too)', () => {
    for (const url of ['https://example.com', 'https://example.com/a?b=1&c=2#top', 'http://example.org/wiki/X_(y)']) {
      expect(linkify(url)).to.deep.equal([{ kind: 'link', text: url, href: url }]);
    }
  });

  it('does not link a URL holding an invisible or bidirectional-control character; the text stays as written', () => {
    const hidden = [0xad, 0x61c, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e];
    hidden.push(0x2060, 0x2066, 0x2067, 0x2068, 0x2069, 0xfeff);
    for (const code of hidden) {
      const ch = String.fromCharCode(code);
      for (const line of [
        `https://bank.example${ch}/moc.live`,
        `https://bank.example/a${ch}b`,
        `https://a${ch}.example/`,
      ]) {
        const name = `U+${code.toString(16).toUpperCase()} in ${JSON.stringify(line)}`;
        expect(links(line), name).to.deep.equal([]);
        expect(linkify(line), name).to.deep.equal([{ kind: 'text', text: line }]);
      }
    }
  });

  it(`treats at most ${MAX_URL_LENGTH} characters as one URL`, () => {
    const base = 'https://a.example/';
    const longest = base + 'x'.repeat(MAX_URL_LENGTH - base.length);
    expect(links(longest)).to.have.length(1);
    expect(links(longest + 'x')).to.deep.equal([]);
    // What is trimmed off does not count.
    expect(links(`${longest}).`)).to.have.length(1);
  });

  it('renders each link in <comment-list> with its text equal to its href', async () => {
    const c = comment({
      message:
        'Go HTTPS://Example.COM/ or https://\u0430pple.com/x or (https://w.example/X_(y)). Not https://a\u202Eb.example',
    });
    stubFetch(() => page([c]));
    try {
      const el = await makeList();
      await until(() => articles(el).length === 1, 'the comment');
      const anchors = [...articles(el)[0]!.querySelectorAll('a')];
      expect(anchors.map((a) => a.getAttribute('href'))).to.deep.equal([
        'https://example.com/',
        'https://xn--pple-43d.com/x',
        'https://w.example/X_(y)',
      ]);
      for (const a of anchors) expect(a.textContent).to.equal(a.getAttribute('href'));
      await expect(el).to.be.accessible();
    } finally {
      restoreFetch();
    }
  });
});

describe('comment text → links: one comment cannot freeze the page', () => {
  afterEach(() => restoreFetch());

  /** The worst known shape: a URL followed by thousands of closers, at the message limit. */
  const worstCase = (i: number) => {
    const head = i % 2 ? 'see https://a.example/' : '(https://a.example/x_(y)';
    const closers = [')', ']', ').', ']]…'][i % 4]!;
    return (head + closers.repeat(MESSAGE_MAX)).slice(0, MESSAGE_MAX);
  };

  it('formats a worst-case message in linear time: 20 of them in well under a second', () => {
    const started = performance.now();
    for (let i = 0; i < 20; i++) formatMessage(worstCase(i));
    expect(performance.now() - started).to.be.below(1000);
  });

  it('renders 20 worst-case 5,000-character messages in <comment-list> in well under a second', async () => {
    const comments = Array.from({ length: 20 }, (_, i) => comment({ message: worstCase(i) }));
    expect(comments.every((c) => c.message.length === MESSAGE_MAX)).to.equal(true);
    stubFetch(() => page(comments));
    const started = performance.now();
    const el = await makeList();
    await until(() => articles(el).length === 20, '20 comments', 30000);
    const elapsed = performance.now() - started;
    // The quadratic formatter took 4–5 s here.
    expect(elapsed, `${Math.round(elapsed)} ms`).to.be.below(1000);
    // What the reader sees is the message, the closers included.
    expect(shadow(el).querySelector('.message')?.textContent?.replace(/\s+/g, '')).to.have.length(MESSAGE_MAX);
  });
});
