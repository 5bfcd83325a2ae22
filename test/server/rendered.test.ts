/**
 * `GET /api/threads/:thread/rendered` (#19, SPEC §6.5): the block rendered on the server, with
 * the first page of comments, the rating, the data the elements take over from and the JSON-LD;
 * an ETag from the thread's version (304, and a new answer after a write); bad input refused.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { es as catalogueEs } from '../../src/i18n/lazy/es.js';
import { commentBody, startTestServer, voterId, type TestServer } from './helpers.js';

let s: TestServer;
before(async () => {
  s = await startTestServer({ moderation: 'off' });
});
after(() => s.close());

const path = (thread: string, query = '') => `/api/threads/${encodeURIComponent(thread)}/rendered${query}`;
const post = (thread: string, body: Record<string, unknown>) =>
  s.send('POST', `/api/threads/${encodeURIComponent(thread)}/comments`, commentBody(body));

/** The JSON of the `<script>` whose opening tag matches `open`. */
function scriptData(html: string, open: RegExp): any {
  const match = new RegExp(`${open.source}([^<]*)</script>`).exec(html);
  assert.ok(match, `no script ${open}`);
  return JSON.parse(match[1]!);
}

describe('GET /threads/:thread/rendered', () => {
  it('answers the block as HTML with the comments, the rating, their data and the JSON-LD', async () => {
    const thread = '/rendered/one';
    const first = await post(thread, { name: 'Grace Hopper', message: 'A fine piece.', rating: 4, voter: voterId(1) });
    const { comment } = (await first.json()) as { comment: { id: string } };
    await post(thread, { name: 'Alan Turing', message: 'Agreed, mostly.', parent: comment.id });
    await s.send('PUT', `/api/threads/${encodeURIComponent(thread)}/rating`, { value: 2, voter: voterId(2) });

    const res = await s.request(path(thread, '?url=https://news.example/one'));
    assert.equal(res.status, 200);
    assert.match(res.headers.get('Content-Type')!, /^text\/html; charset=UTF-8/);
    assert.match(res.headers.get('ETag')!, /^"h-/);
    const html = await res.text();
    assert.match(html, /^<!--lit-part [^>]*><!--lit-node 0--><article-feedback\s/);
    assert.match(html, /endpoint="http:\/\/127\.0\.0\.1:8787\/api" thread="\/rendered\/one" lang="en"/);
    assert.match(html, /<template shadowroot="open" shadowrootmode="open">/);
    for (const text of [
      'Leave a Comment',
      'Grace Hopper',
      'A fine piece.',
      'Alan Turing',
      'Agreed, mostly.',
      '2 comments',
    ])
      assert.ok(html.includes(text), text);
    assert.ok(html.includes('3.0'), 'the average');
    assert.match(html, /2 ratings/);

    const page = scriptData(html, /<script type="application\/json" id="article-feedback-comments:\/rendered\/one">/);
    assert.deepEqual(
      page.comments.map((c: { name: string }) => c.name),
      ['Alan Turing', 'Grace Hopper'],
    );
    const rating = scriptData(html, /<script type="application\/json" id="article-feedback-rating:\/rendered\/one">/);
    assert.deepEqual([rating.average, rating.count], [3, 2]);
    const ld = scriptData(html, /<script type="application\/ld\+json">/);
    assert.equal(ld['@context'], 'https://schema.org');
    const reply = ld['@graph'].find((n: { author: { name: string } }) => n.author?.name === 'Alan Turing');
    assert.deepEqual(reply.parentItem, { '@id': `https://news.example/one#comment-${comment.id}` });
    assert.equal(reply.text, 'Agreed, mostly.');
    // Off by default: no AggregateRating.
    assert.ok(!ld['@graph'].some((n: { '@type': string }) => n['@type'] === 'AggregateRating'));
  });

  it('describes the rating as an AggregateRating only when asked', async () => {
    const thread = '/rendered/rated';
    await s.send('PUT', `/api/threads/${encodeURIComponent(thread)}/rating`, { value: 5, voter: voterId(3) });
    const html = await (await s.request(path(thread, '?aggregateRating=true&url=https://news.example/r'))).text();
    const ld = scriptData(html, /<script type="application\/ld\+json">/);
    assert.deepEqual(
      ld['@graph'].find((n: { '@type': string }) => n['@type'] === 'AggregateRating'),
      {
        '@type': 'AggregateRating',
        ratingValue: 5,
        ratingCount: 1,
        bestRating: 5,
        worstRating: 1,
        itemReviewed: { '@id': 'https://news.example/r' },
      },
    );
  });

  it('leaves out the take-over data on request (embedData=false), keeping the markup and the JSON-LD', async () => {
    const thread = '/rendered/static';
    await post(thread, { name: 'Katherine Johnson', message: 'Checked the numbers.' });
    const html = await (await s.request(path(thread, '?embedData=false'))).text();
    assert.ok(html.includes('Checked the numbers.'));
    assert.ok(!html.includes('article-feedback-comments:'), 'no comments data');
    assert.ok(!html.includes('article-feedback-rating:'), 'no rating data');
    assert.equal(
      scriptData(html, /<script type="application\/ld\+json">/)['@graph'][0].author.name,
      'Katherine Johnson',
    );
  });

  it('is answered 304 by its ETag until the thread changes', async () => {
    const thread = '/rendered/etag';
    await post(thread, { message: 'Before.' });
    const res = await s.request(path(thread));
    const etag = res.headers.get('ETag')!;
    assert.equal((await s.request(path(thread), { headers: { 'If-None-Match': etag } })).status, 304);
    // Another language is another answer.
    const es = await s.request(path(thread, '?lang=es'));
    assert.notEqual(es.headers.get('ETag'), etag);
    const spanish = await es.text();
    assert.match(spanish, /lang="es"/);
    // In that language: the same catalogue as in the browser.
    assert.ok(spanish.includes(String(catalogueEs['feedback.heading'])), 'the Spanish heading');
    assert.ok(spanish.includes(String(catalogueEs['list.sortLabel'])), 'the Spanish sort label');
    await post(thread, { message: 'After.' });
    const fresh = await s.request(path(thread), { headers: { 'If-None-Match': etag } });
    assert.equal(fresh.status, 200);
    assert.ok((await fresh.text()).includes('After.'));
  });

  it('keeps hostile text inert: escaped in the markup, and unable to end a script', async () => {
    const thread = '/rendered/hostile';
    const evil = 'x</script><script>alert(1)</script><!-- <img src=x onerror=alert(2)>';
    await post(thread, { name: 'Mallory</script>', message: evil });
    const html = await (await s.request(path(thread))).text();
    assert.ok(!html.includes('<script>alert'), 'no script from the comment');
    assert.ok(!html.includes('<img src=x'), 'no element from the comment');
    assert.ok(!html.includes('Mallory</script>'), 'the name cannot end a script');
    // Every script of the fragment is ours, and its JSON reads back the exact text.
    assert.equal(html.match(/<script/g)?.length, 3);
    const page = scriptData(
      html,
      /<script type="application\/json" id="article-feedback-comments:\/rendered\/hostile">/,
    );
    assert.equal(page.comments[0].message, evil);
    const ld = scriptData(html, /<script type="application\/ld\+json">/);
    assert.equal(ld['@graph'][0].text, evil);
    assert.equal(ld['@graph'][0].author.name, 'Mallory</script>');
  });

  it('refuses a bad thread id, language or URL with 400', async () => {
    assert.equal((await s.request('/api/threads/bad%20thread/rendered')).status, 400);
    assert.equal((await s.request(path('/a', '?lang=<script>'))).status, 400);
    assert.equal((await s.request(path('/a', '?url=javascript:alert(1)'))).status, 400);
    assert.equal((await s.request(path('/a'), { method: 'POST' })).status, 405);
  });
});
