import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { pendingComments } from '../../../src/client/pending.js';
import { avatarColor, formatMessage, initials, linkify } from '../../../src/components/comment-list/format.js';
import type { PublicComment } from '../../../src/contract/schemas.js';
import { restoreFetch, routeFetch, stubFetch } from '../helpers/fetch-stub.js';
import {
  articles,
  buttonByText,
  comment,
  countCommentRenders,
  makeList,
  page,
  shadow,
  text,
  until,
} from './helpers.js';

async function listWith(comments: PublicComment[], attrs: Record<string, string> = {}) {
  stubFetch(() => page(comments));
  const el = await makeList(attrs);
  await until(() => shadow(el).querySelector('section')?.getAttribute('aria-busy') === 'false', 'loaded');
  return el;
}

/** WCAG contrast ratio of white text on an HSL background (s, l in 0…1). */
function contrastWithWhite(h: number, s: number, l: number): number {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    const c = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 1.05 / (0.2126 * f(0) + 0.7152 * f(8) + 0.0722 * f(4) + 0.05);
}

function byId(el: Element, id: string): HTMLElement {
  const found = shadow(el).querySelector<HTMLElement>(`article[data-id="${id}"]`);
  if (!found) throw new Error(`no comment ${id}`);
  return found;
}

describe('<comment-list> a comment', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => restoreFetch());

  it('is accessible', async () => {
    const el = await listWith([comment({ rating: 5, message: 'See https://example.com/x.' })]);
    await expect(el).to.be.accessible();
  });

  it('shows initials on a colour from the name, the name, a relative <time>, and stars', async () => {
    const createdAt = new Date(Date.now() - 3 * 3600_000).toISOString();
    const c = comment({ name: 'Ana López', createdAt, rating: 4 });
    const el = await listWith([c]);
    const art = byId(el, c.id);
    expect(art.getAttribute('part')).to.equal('comment');
    const avatar = art.querySelector<HTMLElement>('.avatar')!;
    expect(text(avatar)).to.equal('AL');
    expect(avatar.getAttribute('aria-hidden')).to.equal('true');
    expect(getComputedStyle(avatar).backgroundColor).to.not.equal('rgba(0, 0, 0, 0)');
    expect(text(art.querySelector('.name'))).to.equal('Ana López');
    const time = art.querySelector('time')!;
    expect(time.getAttribute('datetime')).to.equal(createdAt);
    expect(text(time)).to.equal('3 hours ago');
    const stars = art.querySelector('.stars')!;
    expect(stars.getAttribute('role')).to.equal('img');
    expect(stars.getAttribute('aria-label')).to.equal('Rated 4 of 5 stars');
    expect(stars.querySelectorAll('.star.on').length).to.equal(4);
    expect(stars.querySelectorAll('.star').length).to.equal(5);
  });

  it('shows no stars when the author did not rate', async () => {
    const c = comment({ rating: null });
    const el = await listWith([c]);
    expect(byId(el, c.id).querySelector('.stars') === null, 'absent').to.equal(true);
  });

  it('gives the same name the same colour, readable with white text', () => {
    expect(avatarColor('Ana López')).to.equal(avatarColor('ana lópez '));
    const names = ['Ana', 'Bo', 'Chen', 'Dmitri', 'Eve', 'Fatima', 'Gus', 'Hiro', 'Ines', 'Jo', 'Kai', 'Lena', 'Mo'];
    const colours = new Set(names.map(avatarColor));
    expect(colours.size).to.be.greaterThan(5);
    for (const colour of colours) {
      const m = /hsl\((\d+(?:\.\d+)?) (\d+)% (\d+)%\)/.exec(colour)!;
      expect(contrastWithWhite(Number(m[1]), Number(m[2]) / 100, Number(m[3]) / 100)).to.be.at.least(4.5);
    }
  });

  it('makes initials from letters', () => {
    expect(initials('ana maría lópez')).to.equal('AL');
    expect(initials('Zoë')).to.equal('Z');
    expect(initials('  ')).to.equal('?');
    expect(initials('@bob')).to.equal('B');
  });

  it('keeps a first letter whole when marks follow it', () => {
    // A base letter and a combining acute (not the precomposed É) is one grapheme: never cut
    // after its first code unit. Precomposed letters and other scripts as before.
    expect(initials('e\u0301mile zola')).to.equal('E\u0301Z');
    expect(initials('o\u0308zil e\u0301')).to.equal('O\u0308E\u0301');
    expect(initials('Ünal ñúñez')).to.equal('ÜÑ');
    expect(initials('한국 사람')).to.equal('한사');
    expect(initials('o9 x')).to.equal('OX');
  });

  it('refreshes relative times', async () => {
    const c = comment({ createdAt: new Date(Date.now() - 5_000).toISOString() });
    const el = await listWith([c]);
    const time = byId(el, c.id).querySelector('time')!;
    expect(text(time)).to.equal('now');
    // The clock ticks every minute; move it on without waiting.
    (el as unknown as { _now: number })._now = Date.now() + 2 * 3600_000;
    await el.updateComplete;
    expect(text(time)).to.equal('2 hours ago');
  });

  it('at a minute’s tick renders again only the comments whose relative time moves on (#24)', async () => {
    const young = comment({ createdAt: new Date(Date.now() - 3 * 60_000).toISOString() });
    const old = comment({ createdAt: new Date(Date.now() - 3 * 86400_000).toISOString() });
    const el = await listWith([young, old]);
    await until(() => shadow(el).querySelector('.vote'), 'the votes');
    const counted = countCommentRenders();
    try {
      (el as unknown as { _now: number })._now = Date.now() + 60_000;
      await el.updateComplete;
      expect(text(byId(el, young.id).querySelector('time'))).to.equal('4 minutes ago');
      expect(text(byId(el, old.id).querySelector('time'))).to.equal('3 days ago');
      expect(counted.renders, 'comment renders').to.equal(1);
    } finally {
      counted.restore();
    }
  });

  it('uses the reader’s language for relative times', async () => {
    const c = comment({ createdAt: new Date(Date.now() - 2 * 86400_000 - 60_000).toISOString() });
    const el = await listWith([c], { lang: 'fr' });
    expect(text(byId(el, c.id).querySelector('time'))).to.equal('avant-hier');
  });
});

describe('<comment-list> message text', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => restoreFetch());

  it('keeps paragraphs and line breaks', async () => {
    const c = comment({ message: 'First line\nsecond line\n\nNew paragraph' });
    const el = await listWith([c]);
    const ps = byId(el, c.id).querySelectorAll('.message p');
    expect(ps.length).to.equal(2);
    expect(ps[0]!.querySelectorAll('br').length).to.equal(1);
    // Exactly the reader's text, nothing added around it (copying a comment copies its words).
    expect(ps[0]!.textContent).to.equal('First linesecond line');
    expect(ps[1]!.textContent).to.equal('New paragraph');
  });

  it('turns bare http(s) URLs into nofollow links, without trailing punctuation', async () => {
    const c = comment({ message: 'Read https://example.com/a?b=1&c=2. Also (see http://example.org/wiki/X_(y)), ok?' });
    const el = await listWith([c]);
    const links = [...byId(el, c.id).querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
      'https://example.com/a?b=1&c=2',
      'http://example.org/wiki/X_(y)',
    ]);
    for (const a of links) {
      expect(a.getAttribute('rel')).to.equal('nofollow ugc noopener');
      expect(a.getAttribute('target')).to.equal('_blank');
    }
    expect(text(byId(el, c.id).querySelector('.message'))).to.equal(
      'Read https://example.com/a?b=1&c=2. Also (see http://example.org/wiki/X_(y)), ok?',
    );
  });

  it('never makes a link of javascript:, data:, ftp: or a scheme-less text', async () => {
    const c = comment({
      message: 'javascript:alert(1) data:text/html,<b>x</b> ftp://files.example.com www.example.com https:// http://',
    });
    const el = await listWith([c]);
    expect(byId(el, c.id).querySelectorAll('a').length).to.equal(0);
    expect(linkify('x JAVASCRIPT://example.com/%0aalert(1)').some((s) => s.kind === 'link')).to.equal(false);
    expect(linkify('go to HTTPS://Example.COM/ now')).to.deep.equal([
      { kind: 'text', text: 'go to ' },
      // A link shows exactly its target (format.test.ts).
      { kind: 'link', text: 'https://example.com/', href: 'https://example.com/' },
      { kind: 'text', text: ' now' },
    ]);
  });

  it('does not let a URL carry markup or quotes into the link', () => {
    const segs = linkify('https://evil.example/"onmouseover="alert(1)<script>');
    const link = segs.find((s) => s.kind === 'link')!;
    expect(link.kind === 'link' && link.href).to.equal('https://evil.example/');
  });

  it('shows hostile text as text: no element is created from it', async () => {
    const hostile =
      '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script><b>bold</b> &amp; <a href="javascript:alert(1)">x</a>';
    const c = comment({ name: '<svg onload=alert(1)>', message: hostile });
    const el = await listWith([c]);
    const art = byId(el, c.id);
    expect(art.querySelector('img, script, b, svg, iframe') === null, 'absent').to.equal(true);
    expect(art.querySelectorAll('a').length).to.equal(0);
    expect(text(art.querySelector('.message'))).to.equal(hostile);
    expect(text(art.querySelector('.name'))).to.equal('<svg onload=alert(1)>');
    await new Promise((r) => setTimeout(r, 50));
    expect((window as unknown as { __xss?: number }).__xss === undefined, 'absent').to.equal(true);
  });

  it('formats messages as data', () => {
    expect(formatMessage('\n\n a \r\n\r\n\n b\nc \n')).to.deep.equal([
      [[{ kind: 'text', text: 'a ' }]],
      [[{ kind: 'text', text: ' b' }], [{ kind: 'text', text: 'c' }]],
    ]);
  });
});

/** How many list items hold `el`: 1 at the top level, 2 for a reply, at most 3. */
function depth(el: Element): number {
  let n = 0;
  for (let li = el.closest('li'); li; li = li.parentElement!.closest('li')) n++;
  return n;
}

describe('<comment-list> replies', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => restoreFetch());

  it('nests replies under their parent, indented up to 3 levels', async () => {
    const root = comment({ message: 'root', createdAt: '2024-01-01T00:00:00.000Z' });
    const r1 = comment({ parent: root.id, message: 'r1', createdAt: '2024-01-02T00:00:00.000Z' });
    const r2 = comment({ parent: r1.id, message: 'r2', createdAt: '2024-01-03T00:00:00.000Z' });
    const r3 = comment({ parent: r2.id, message: 'r3', createdAt: '2024-01-04T00:00:00.000Z' });
    const r4 = comment({ parent: r3.id, message: 'r4', createdAt: '2024-01-05T00:00:00.000Z' });
    const other = comment({ message: 'other', createdAt: '2024-01-06T00:00:00.000Z' });
    // Newest first, as a server would list them.
    const el = await listWith([other, r4, r3, r2, r1, root]);
    await until(() => articles(el).length === 6);
    // The level a reader sees: how many lists (indentations) the comment is in.
    const level = (c: PublicComment) => String(depth(byId(el, c.id)));
    expect([root, r1, r2, r3, r4].map(level)).to.deep.equal(['1', '2', '3', '3', '3']);
    expect(level(other)).to.equal('1');
    // r1 sits in root's list item, r2 in r1's; r3 and r4 are siblings at level 3.
    const itemOf = (c: PublicComment) => byId(el, c.id).closest('li')!;
    expect(itemOf(r1).parentElement!.closest('li') === itemOf(root), 'same item').to.equal(true);
    expect(itemOf(r2).parentElement!.closest('li') === itemOf(r1), 'same item').to.equal(true);
    expect(itemOf(r3).parentElement === itemOf(r4).parentElement, 'siblings').to.equal(true);
    expect(itemOf(r3).parentElement!.closest('li') === itemOf(r1), 'same item').to.equal(true);
    // At most three nested lists.
    expect(shadow(el).querySelectorAll('ol ol ol ol').length).to.equal(0);
    // Top level newest first; replies oldest first under their parent.
    const top = [...shadow(el).querySelectorAll('section > ol > li > article')].map((a) =>
      text(a.querySelector('.message')),
    );
    expect(top).to.deep.equal(['other', 'root']);
    expect(articles(el).map((a) => text(a.querySelector('.message')))).to.deep.equal([
      'other',
      'root',
      'r1',
      'r2',
      'r3',
      'r4',
    ]);
    await expect(el).to.be.accessible();
  });

  it('"Reply" opens an inline comment-form under that comment, with the list’s settings', async () => {
    const c = comment({ name: 'Ana' });
    const el = await listWith([c], { lang: 'en', theme: 'dark', captcha: 'none', 'captcha-site-key': 'k1' });
    const art = byId(el, c.id);
    const reply = buttonByText(art, 'Reply')!;
    expect(reply.getAttribute('aria-expanded')).to.equal('false');
    reply.click();
    await el.updateComplete;
    const form = art.querySelector('comment-form')!;
    expect(form, 'open after one render').to.not.equal(null);
    expect(form.getAttribute('parent')).to.equal(c.id);
    expect(form.getAttribute('endpoint')).to.equal('https://api.test/api');
    expect(form.getAttribute('thread')).to.equal('t-1');
    expect(form.getAttribute('lang')).to.equal('en');
    expect(form.getAttribute('theme')).to.equal('dark');
    expect(form.getAttribute('captcha')).to.equal('none');
    expect(form.getAttribute('captcha-site-key')).to.equal('k1');
    expect(form.closest('[role="group"]')!.getAttribute('aria-label')).to.equal('Reply to Ana');
    expect(reply.getAttribute('aria-expanded')).to.equal('true');
    expect(text(reply)).to.equal('Cancel reply');
    reply.click();
    await el.updateComplete;
    expect(art.querySelector('comment-form') === null, 'absent').to.equal(true);
    // Now that the code is here, a click opens the form at once.
    reply.click();
    await el.updateComplete;
    expect(Boolean(art.querySelector('comment-form')), 'open at once').to.equal(true);
    expect(text(reply)).to.equal('Cancel reply');
  });

  it('keeps an open reply form (its focus and typed text) when a comment is inserted above it and when "Load more" appends', async () => {
    const a = comment({ message: 'a' });
    const b = comment({ message: 'b' });
    routeFetch(({ params }) =>
      params.get('cursor') ? page([comment({ message: 'c' })], null, 3) : page([a, b], 'next', 3),
    );
    const el = await makeList();
    await until(() => articles(el).length === 2);
    buttonByText(byId(el, b.id), 'Reply')!.click();
    const form = await until(() => byId(el, b.id).querySelector('comment-form'), 'reply form');
    const field = await until(
      () => form.shadowRoot?.activeElement as HTMLInputElement | null,
      'focus in the reply form',
    );
    await sendKeys({ type: 'Half a thought' });
    const stillThere = () => {
      expect(byId(el, b.id).querySelector('comment-form') === form, 'same reply form').to.equal(true);
      expect(shadow(el).activeElement === form && form.shadowRoot!.activeElement === field, 'focus kept').to.equal(
        true,
      );
      expect(field.value).to.equal('Half a thought');
    };
    const fresh = comment({ message: 'fresh', createdAt: new Date().toISOString() });
    document.dispatchEvent(new CustomEvent('comment-submitted', { detail: { comment: fresh, status: 'published' } }));
    await el.updateComplete;
    expect(articles(el).map((x) => text(x.querySelector('.message')))).to.deep.equal(['fresh', 'a', 'b']);
    stillThere();
    buttonByText(shadow(el), 'Load more comments')!.click();
    await until(() => articles(el).length === 4, 'appended page');
    await el.updateComplete;
    stillThere();
    await sendKeys({ type: '!' });
    expect(field.value).to.equal('Half a thought!');
  });

  it('closes the reply form and nests the reply when it is posted', async () => {
    const c = comment({ name: 'Ana' });
    const el = await listWith([c]);
    buttonByText(byId(el, c.id), 'Reply')!.click();
    await el.updateComplete;
    const reply = comment({ parent: c.id, message: 'my reply', createdAt: new Date().toISOString() });
    document.dispatchEvent(new CustomEvent('comment-submitted', { detail: { comment: reply, status: 'published' } }));
    await el.updateComplete;
    expect(byId(el, c.id).querySelector('comment-form') === null, 'absent').to.equal(true);
    expect(depth(byId(el, reply.id))).to.equal(2);
    expect(
      byId(el, reply.id).closest('li')!.parentElement!.closest('li') === byId(el, c.id).closest('li'),
      'nested',
    ).to.equal(true);
  });
});

describe('<comment-list> new and pending comments', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => restoreFetch());

  it('shows a published comment at once and counts it', async () => {
    const el = await listWith([comment({ message: 'older' })]);
    expect(text(shadow(el).querySelector('.count'))).to.equal('1 comment');
    const fresh = comment({ message: 'fresh', createdAt: new Date().toISOString() });
    document.dispatchEvent(new CustomEvent('comment-submitted', { detail: { comment: fresh, status: 'published' } }));
    await el.updateComplete;
    expect(articles(el).map((a) => text(a.querySelector('.message')))).to.deep.equal(['fresh', 'older']);
    expect(text(shadow(el).querySelector('.count'))).to.equal('2 comments');
    // The same event twice changes nothing.
    document.dispatchEvent(new CustomEvent('comment-submitted', { detail: { comment: fresh, status: 'published' } }));
    await el.updateComplete;
    expect(articles(el).length).to.equal(2);
  });

  it('replaces the empty state with the first comment', async () => {
    stubFetch(() => page([]));
    const el = await makeList();
    await until(() => shadow(el).querySelector('.empty'));
    document.dispatchEvent(
      new CustomEvent('comment-submitted', {
        detail: { comment: comment({ message: 'first!' }), status: 'published' },
      }),
    );
    await el.updateComplete;
    expect(shadow(el).querySelector('.empty') === null, 'absent').to.equal(true);
    expect(text(shadow(el).querySelector('.count'))).to.equal('1 comment');
  });

  it('ignores comments of another thread', async () => {
    const el = await listWith([comment()]);
    document.dispatchEvent(
      new CustomEvent('comment-submitted', { detail: { comment: comment({ thread: 'other' }), status: 'published' } }),
    );
    await el.updateComplete;
    expect(articles(el).length).to.equal(1);
  });

  it('shows a pending comment with the "Awaiting moderation" badge and remembers it', async () => {
    const el = await listWith([comment()]);
    const mine = comment({ status: 'pending', message: 'wait for me', createdAt: new Date().toISOString() });
    document.dispatchEvent(new CustomEvent('comment-submitted', { detail: { comment: mine, status: 'pending' } }));
    await el.updateComplete;
    const art = byId(el, mine.id);
    expect(text(art.querySelector('.badge'))).to.equal('Awaiting moderation');
    expect(buttonByText(art, 'Reply') === undefined, 'absent').to.equal(true);
    expect(text(shadow(el).querySelector('.count'))).to.equal('1 comment');
    expect(pendingComments.list('t-1').map((c) => c.id)).to.deep.equal([mine.id]);
  });

  it('shows no "0 comments" above the reader’s own comment awaiting moderation alone', async () => {
    stubFetch(() => page([]));
    const el = await makeList();
    await until(() => shadow(el).querySelector('.empty'));
    const mine = comment({ status: 'pending', message: 'wait for me', createdAt: new Date().toISOString() });
    document.dispatchEvent(new CustomEvent('comment-submitted', { detail: { comment: mine, status: 'pending' } }));
    await el.updateComplete;
    expect(text(byId(el, mine.id).querySelector('.badge'))).to.equal('Awaiting moderation');
    expect(shadow(el).querySelector('.count') === null, 'no count').to.equal(true);
    expect(shadow(el).querySelector('select') === null, 'no order to choose').to.equal(true);
    // The first published comment brings them.
    document.dispatchEvent(
      new CustomEvent('comment-submitted', { detail: { comment: comment({ message: 'hi' }), status: 'published' } }),
    );
    await el.updateComplete;
    expect(text(shadow(el).querySelector('.count'))).to.equal('1 comment');
    await expect(el).to.be.accessible();
  });

  it('shows the reader’s stored pending comments after a reload, and forgets them once published', async () => {
    const mine = comment({ status: 'pending', message: 'still waiting' });
    const approved = comment({ status: 'pending', message: 'now approved' });
    pendingComments.add('t-1', mine);
    pendingComments.add('t-1', approved);
    const el = await listWith([{ ...approved, status: 'published' }]);
    await until(() => articles(el).length === 2);
    expect(text(byId(el, mine.id).querySelector('.badge'))).to.equal('Awaiting moderation');
    expect(byId(el, approved.id).querySelector('.badge') === null, 'absent').to.equal(true);
    expect(pendingComments.list('t-1').map((c) => c.id)).to.deep.equal([mine.id]);
  });
});
