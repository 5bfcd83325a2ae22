import { expect, fixture, html } from '@open-wc/testing';
import { json, restoreFetch, routeFetch, stubFetch } from '../helpers/fetch-stub.js';
import { addCounts, ENDPOINT, loaded, serveCounts, settle, shown } from './helpers.js';

async function container(lang?: string): Promise<HTMLElement> {
  const el = await fixture<HTMLDivElement>(html`<div></div>`);
  if (lang) el.setAttribute('lang', lang);
  return el;
}

/** The shown text of a count for `n` comments in a language. */
async function countIn(lang: string, n: number): Promise<string> {
  serveCounts({ '/t': { comments: n } });
  const [el] = addCounts(await container(lang), { thread: '/t' });
  const text = await loaded(el!);
  restoreFetch();
  return text;
}

describe('<comment-count>', () => {
  afterEach(() => restoreFetch());

  it('is accessible inside a link, with its rating', async () => {
    serveCounts({ '/2024/05/ferry': { comments: 12, rating: { average: 4.32, count: 12 } } });
    const link = await fixture<HTMLAnchorElement>(html`<a href="/2024/05/ferry#comments"></a>`);
    const [el] = addCounts(link, { thread: '/2024/05/ferry', rating: '' });
    expect(await loaded(el!)).to.equal('12 comments · ★ 4.3');
    await expect(el).to.be.accessible();
    await expect(link).to.be.accessible();
  });

  it('names the star and the average as one image, read as a sentence', async () => {
    serveCounts({ '/2024/05/ferry': { comments: 12, rating: { average: 4.32, count: 12 } } });
    const link = await fixture<HTMLAnchorElement>(html`<a href="/2024/05/ferry#comments"></a>`);
    const [el] = addCounts(link, { thread: '/2024/05/ferry', rating: '' });
    await loaded(el!);
    const stars = el!.shadowRoot!.querySelector('[part="rating"]')!;
    expect(stars.getAttribute('role')).to.equal('img');
    expect(stars.getAttribute('aria-label')).to.equal('Rated 4.3 out of 5 by 12 readers');
    // The visible star is inside the image: its name replaces it (the link's full accessible
    // name, "12 comments Rated 4.3 out of 5 by 12 readers", is checked in test/e2e/comment-count.test.ts).
    expect(stars.textContent).to.equal('· ★ 4.3');
    expect(stars.previousSibling?.textContent).to.equal(' ');
    expect(stars.firstElementChild!.getAttribute('aria-hidden')).to.equal('true');
  });

  it('says "1 comment", "0 comments" and "1,234 comments" in English', async () => {
    expect(await countIn('en', 1)).to.equal('1 comment');
    expect(await countIn('en', 0)).to.equal('0 comments');
    expect(await countIn('en-GB', 1234)).to.equal('1,234 comments');
  });

  it('uses the plural forms of Polish, Russian and Arabic', async () => {
    expect(await countIn('pl', 1)).to.equal('1 komentarz');
    expect(await countIn('pl', 3)).to.equal('3 komentarze');
    expect(await countIn('pl', 5)).to.equal('5 komentarzy');
    expect(await countIn('pl', 22)).to.equal('22 komentarze');
    expect(await countIn('ru', 21)).to.equal('21 комментарий');
    expect(await countIn('ru', 3)).to.equal('3 комментария');
    expect(await countIn('ru', 11)).to.equal('11 комментариев');
    const ar = (n: number) => new Intl.NumberFormat('ar').format(n);
    expect(await countIn('ar', 0)).to.equal('لا توجد تعليقات');
    expect(await countIn('ar', 2)).to.equal('تعليقان');
    expect(await countIn('ar', 3)).to.equal(`${ar(3)} تعليقات`);
    expect(await countIn('ar', 11)).to.equal(`${ar(11)} تعليقًا`);
  });

  it('speaks the five shipped languages', async () => {
    expect(await countIn('es', 2)).to.equal('2 comentarios');
    expect(await countIn('pt-BR', 1)).to.equal('1 comentário');
    expect(await countIn('fr', 1)).to.equal('1 commentaire');
    expect(await countIn('de', 2)).to.equal('2 Kommentare');
    expect(await countIn('de', 1)).to.equal('1 Kommentar');
  });

  it('takes its own lang over the page’s, and shows English for a language we do not ship', async () => {
    serveCounts({ '/a': { comments: 2 }, '/b': { comments: 2 }, '/c': { comments: 2 } });
    const german = await container('de');
    const [inherits, own] = addCounts(german, { thread: '/a' }, { thread: '/b', lang: 'fr' });
    const [unknown] = addCounts(await container('tlh'), { thread: '/c' });
    expect(await loaded(inherits!)).to.equal('2 Kommentare');
    expect(await loaded(own!)).to.equal('2 commentaires');
    expect(await loaded(unknown!)).to.equal('2 comments');
  });

  it('reads `de_DE` as `de-DE`, and an empty `lang` (an unknown language) as English', async () => {
    expect(await countIn('de_DE', 1234)).to.equal('1.234 Kommentare');
    serveCounts({ '/t': { comments: 2 } });
    const german = await container('de');
    const unknown = document.createElement('span');
    unknown.setAttribute('lang', '');
    german.append(unknown);
    const [el] = addCounts(unknown, { thread: '/t' });
    expect(await loaded(el!)).to.equal('2 comments');
  });

  it('counts the canonical link’s thread without a `thread`, else the page’s path', async () => {
    const calls = serveCounts({});
    const parent = await container();
    const [pagePath] = addCounts(parent, {});
    await loaded(pagePath!);
    const link = Object.assign(document.createElement('link'), { rel: 'canonical', href: '/2024/05/ferry?utm=x#top' });
    document.head.append(link);
    try {
      const [canonical] = addCounts(parent, {});
      await loaded(canonical!);
    } finally {
      link.remove();
    }
    expect(calls.map((c) => c.params.getAll('thread'))).to.deep.equal([[location.pathname], ['/2024/05/ferry']]);
  });

  it('says the rating in the language, with its plural', async () => {
    serveCounts({
      '/one': { comments: 3, rating: { average: 5, count: 1 } },
      '/many': { comments: 0, rating: { average: 3.75, count: 5 } },
    });
    const [one] = addCounts(await container(), { thread: '/one', rating: '' });
    const [many] = addCounts(await container('pl'), { thread: '/many', rating: '', max: '10' });
    expect(await loaded(one!)).to.equal('3 comments · ★ 5.0');
    expect(one!.shadowRoot!.querySelector('[part="rating"]')!.getAttribute('aria-label')).to.equal(
      'Rated 5.0 out of 5 by 1 reader',
    );
    expect(await loaded(many!)).to.equal('0 komentarzy · ★ 3,8');
    expect(many!.shadowRoot!.querySelector('[part="rating"]')!.getAttribute('aria-label')).to.equal(
      'Ocena 3,8 na 10 od 5 czytelników',
    );
  });

  it('shows no rating without the attribute, nor for a thread nobody rated', async () => {
    serveCounts({ '/rated': { comments: 4, rating: { average: 4, count: 2 } }, '/unrated': { comments: 4 } });
    const parent = await container();
    const [plain, unrated] = addCounts(parent, { thread: '/rated' }, { thread: '/unrated', rating: '' });
    expect(await loaded(plain!)).to.equal('4 comments');
    expect(await loaded(unrated!)).to.equal('4 comments');
    expect(unrated!.shadowRoot!.querySelector('[part="rating"]')).to.equal(null);
  });

  it('asks for every count of the page in one request', async () => {
    const calls = serveCounts({ '/a': { comments: 1 }, '/b': { comments: 2 }, '/c': { comments: 3 } });
    const parent = await container();
    const els = addCounts(parent, { thread: '/a' }, { thread: '/b' }, { thread: '/c' }, { thread: '/a', rating: '' });
    expect(await Promise.all(els.map((el) => loaded(el)))).to.deep.equal([
      '1 comment',
      '2 comments',
      '3 comments',
      '1 comment',
    ]);
    expect(calls).to.have.length(1);
    expect(calls[0]!.url.split('?')[0]).to.equal(`${ENDPOINT}/counts`);
    expect(calls[0]!.params.getAll('thread')).to.deep.equal(['/a', '/b', '/c']);
  });

  it('lets elements added later join the next batch', async () => {
    const calls = serveCounts({ '/late-1': { comments: 7 } });
    const parent = await container();
    const [first] = addCounts(parent, { thread: '/early' });
    await loaded(first!);
    const late = addCounts(parent, { thread: '/late-1' }, { thread: '/late-2' });
    expect(await Promise.all(late.map((el) => loaded(el)))).to.deep.equal(['7 comments', '0 comments']);
    expect(calls.map((c) => c.params.getAll('thread'))).to.deep.equal([['/early'], ['/late-1', '/late-2']]);
  });

  it('asks for more than 100 threads in requests of 100', async () => {
    const totals = Object.fromEntries(Array.from({ length: 250 }, (_, i) => [`/story-${i}`, { comments: i }]));
    const calls = serveCounts(totals);
    const parent = await container();
    const els = addCounts(parent, ...Array.from({ length: 250 }, (_, i) => ({ thread: `/story-${i}` })));
    const texts = await Promise.all(els.map((el) => loaded(el)));
    expect(texts[0]).to.equal('0 comments');
    expect(texts[1]).to.equal('1 comment');
    expect(texts[249]).to.equal('249 comments');
    expect(calls.map((c) => c.params.getAll('thread').length)).to.deep.equal([100, 100, 50]);
    expect(new Set(calls.flatMap((c) => c.params.getAll('thread'))).size).to.equal(250);
  });

  it('asks each endpoint separately', async () => {
    const calls = serveCounts({});
    const parent = await container();
    const els = addCounts(parent, { thread: '/a' }, { thread: '/b', endpoint: 'https://other.test/api/' });
    await Promise.all(els.map((el) => loaded(el)));
    expect(calls.map((c) => c.url.split('?')[0]).sort()).to.deep.equal([
      'https://api.test/api/counts',
      'https://other.test/api/counts',
    ]);
  });

  it('takes the endpoint of the enclosing <article-feedback>', async () => {
    const calls = serveCounts({ '/x': { comments: 5 } });
    const block = await fixture<HTMLElement>(
      html`<article-feedback endpoint="https://block.test/api"></article-feedback>`,
    );
    const el = document.createElement('comment-count');
    el.setAttribute('thread', '/x');
    block.append(el);
    expect(await loaded(el)).to.equal('5 comments');
    expect(calls[0]!.url.split('?')[0]).to.equal('https://block.test/api/counts');
  });

  it('shows "…" while loading, nothing after a failure, and the publisher’s own text if given', async () => {
    let answer: (r: Response | Error) => void = () => {};
    stubFetch(
      () => new Promise<Response>((resolve, reject) => (answer = (r) => (r instanceof Error ? reject(r) : resolve(r)))),
    );
    const parent = await container();
    const [el] = addCounts(parent, { thread: '/slow' });
    await settle();
    expect(shown(el!)).to.equal('…');
    answer(json(503, { error: 'unavailable', message: 'down' }));
    expect(await loaded(el!)).to.equal('');

    restoreFetch();
    stubFetch(new TypeError('Failed to fetch'));
    const withText = document.createElement('comment-count');
    withText.setAttribute('endpoint', ENDPOINT);
    withText.setAttribute('thread', '/offline');
    withText.textContent = 'Comments';
    parent.append(withText);
    expect(await loaded(withText)).to.equal('');
    const slot = withText.shadowRoot!.querySelector('slot')!;
    expect(slot.assignedNodes().map((n) => n.textContent)).to.deep.equal(['Comments']);
  });

  it('shows nothing and asks nothing for an invalid thread or without an endpoint', async () => {
    const calls = serveCounts({});
    const parent = await container();
    const [bad] = addCounts(parent, { thread: '/has spaces<b>' });
    const lost = document.createElement('comment-count');
    lost.setAttribute('thread', '/fine');
    parent.append(lost);
    expect(await loaded(bad!)).to.equal('');
    expect(await loaded(lost)).to.equal('');
    await settle();
    expect(calls).to.have.length(0);
  });

  it('ignores an answer without the thread, and an answer for a thread it no longer shows', async () => {
    const calls = routeFetch((call) =>
      json(200, {
        counts: Object.fromEntries(
          call.params
            .getAll('thread')
            .filter((t) => t !== '/missing')
            .map((t) => [t, { comments: t === '/new' ? 9 : 1, rating: { average: 0, count: 0 } }]),
        ),
      }),
    );
    const parent = await container();
    const [missing, moving] = addCounts(parent, { thread: '/missing' }, { thread: '/old' });
    moving!.setAttribute('thread', '/new');
    expect(await loaded(missing!)).to.equal('');
    expect(await loaded(moving!)).to.equal('9 comments');
    await settle();
    expect(shown(moving!)).to.equal('9 comments');
    expect(calls).to.have.length(1);
  });
});
