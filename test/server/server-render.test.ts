/**
 * `renderFeedback()` itself (#19, src/server-render/), called as a framework would: through its
 * `fetch` option (here a function answering like an API), with `data`, with bad input; and the
 * JSON it puts inside `<script>` tags.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderFeedback, scriptJson, styleHashes } from '../../src/server-render/index.js';
import type { PublicComment } from '../../src/contract/schemas.js';
import { formattedBody } from '../../src/markdown/to-body.js';

const comment = (id: string, overrides: Partial<PublicComment> = {}): PublicComment => ({
  id,
  thread: '/a',
  parent: null,
  name: `Reader ${id}`,
  message: `Message ${id}`,
  rating: null,
  createdAt: '2026-05-14T09:30:00.000Z',
  status: 'published',
  ...overrides,
});

/** A `fetch` answering like an API; records the URLs it was asked. */
function api(answers: { comments?: () => Response; rating?: () => Response }) {
  const asked: string[] = [];
  const fetch = async (input: string | URL | Request): Promise<Response> => {
    const url = String(input instanceof Request ? input.url : input);
    asked.push(url);
    const path = new URL(url).pathname;
    if (path.endsWith('/comments') && answers.comments) return answers.comments();
    if (path.endsWith('/rating') && answers.rating) return answers.rating();
    return new Response('{}', { status: 404 });
  };
  return { fetch: fetch as typeof globalThis.fetch, asked };
}

const page = (comments: PublicComment[]) => Response.json({ comments, nextCursor: null, total: comments.length });

describe('renderFeedback()', () => {
  it('asks the API for the page the element would ask for, and renders it', async () => {
    const { fetch, asked } = api({
      comments: () => page([comment('c1')]),
      rating: () => Response.json({ average: 5, count: 1, max: 5, histogram: [0, 0, 0, 0, 1] }),
    });
    const result = await renderFeedback({ endpoint: 'https://c.example/api/', thread: '/a/b', fetch, pageSize: 7 });
    assert.deepEqual(asked.sort(), [
      'https://c.example/api/threads/%2Fa%2Fb/comments?limit=7&sort=newest',
      'https://c.example/api/threads/%2Fa%2Fb/rating',
    ]);
    assert.match(result.html, /page-size="7"/);
    assert.ok(result.html.includes('Reader c1'));
    assert.ok(result.html.includes('5.0 · 1 rating'));
    assert.deepEqual(result.aggregateRating, {
      '@type': 'AggregateRating',
      ratingValue: 5,
      ratingCount: 1,
      bestRating: 5,
      worstRating: 1,
    });
    // Returned for the publisher, but not in the JSON-LD unless asked for.
    assert.ok(!JSON.stringify(result.structuredData).includes('AggregateRating'));
    assert.ok(result.styleHashes.length > 0);
    assert.deepEqual(result.styleHashes, await styleHashes(result.html));
  });

  it('loads none of the browser-only modules (votes, editing, formatted bodies): a server has no DOM', async () => {
    const failures: unknown[] = [];
    const record = (reason: unknown) => failures.push(reason);
    process.on('unhandledRejection', record);
    try {
      const formatted = comment('c1', {
        message: 'Hello **there**',
        body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Hello ' }] }],
        votes: { up: 2, down: 0 },
      });
      const result = await renderFeedback({
        endpoint: 'https://c.example/api',
        thread: '/a',
        data: { comments: { comments: [formatted], nextCursor: null, total: 1 }, rating: null },
      });
      assert.ok(result.html.includes('Reader c1'));
      // What the element would have loaded on demand had time to fail.
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.deepEqual(failures, []);
    } finally {
      process.off('unhandledRejection', record);
    }
  });

  it('renders a formatted comment as its markup, with the body styles, and hostile link targets inert', async () => {
    const message = [
      'The **late crossing** matters:',
      '',
      '- for the night shift',
      '- for the _island_ school',
      '',
      '> A ferry is a road on water.',
      '',
      '```',
      'depart <b>23:40</b>',
      '```',
      '',
      'See [the timetable](https://example.com/t?a=1&b=2) and www.example.org.',
    ].join('\n');
    const formatted = comment('c1', { message, body: formattedBody(message) });
    // A body from another backend, with targets our parser never makes: the renderer checks again.
    const hostile = comment('c2', {
      message: 'links',
      body: [
        {
          type: 'paragraph',
          children: [
            { type: 'link', href: 'javascript:alert(1)', children: [{ type: 'text', text: 'one' }] },
            { type: 'link', href: ' JaVaScRiPt:alert(2)', children: [{ type: 'text', text: 'two' }] },
            {
              type: 'link',
              href: 'data:text/html,<script>alert(3)</script>',
              children: [{ type: 'text', text: 'three' }],
            },
            { type: 'text', text: '<img src=x onerror=alert(4)>' },
          ],
        },
      ],
    });
    const result = await renderFeedback({
      endpoint: 'https://c.example/api',
      thread: '/a',
      data: { comments: { comments: [formatted, hostile], nextCursor: null, total: 2 }, rating: null },
    });
    // The markup without Lit's hydration comments.
    const markup = result.html.replace(/<!--[^]*?-->|<\?>/g, '');
    const messageOf = (id: string) =>
      markup.match(new RegExp(`data-id="${id}"[^]*?<div class="message">([^]*?)</div>`))![1]!;
    const one = messageOf('c1');
    assert.match(one, /<p>The <strong>late crossing<\/strong> matters:<\/p>/);
    assert.match(
      one,
      /<ul>\s*<li><p>for the night shift<\/p><\/li><li><p>for the <em>island<\/em> school<\/p><\/li>\s*<\/ul>/,
    );
    assert.match(one, /<blockquote><p>A ferry is a road on water\.<\/p><\/blockquote>/);
    assert.match(one, /<pre><code>depart &lt;b&gt;23:40&lt;\/b&gt;<\/code><\/pre>/);
    assert.match(
      one,
      /<a href="https:\/\/example\.com\/t\?a=1&amp;b=2" rel="nofollow ugc noopener"[^>]*>the timetable<\/a>/,
    );
    assert.match(one, /<a href="http:\/\/www\.example\.org\/"[^>]*>www\.example\.org<\/a>\./);
    assert.ok(!one.includes('**'), 'not the plain message');
    // Hostile targets are no links; hostile text is escaped.
    const two = messageOf('c2');
    assert.equal(two.match(/<a\b/g), null, two);
    assert.ok(
      !/javascript:|data:/i.test(two.replace(/&[^;]+;|<[^>]+>/g, '').replace(/one|two|three/g, '')) ||
        !/href=/.test(two),
    );
    assert.match(two, /onetwothree&lt;img src=x onerror=alert\(4\)&gt;/);
    assert.ok(!/<img/i.test(markup));
    // The list's shadow root carries the body styles, and the hashes cover its <style>.
    const listStyle = markup.match(
      /<comment-list[^>]*><template shadowroot(?:mode)?="open"[^>]*><style>([^<]*)<\/style>/,
    )![1]!;
    assert.match(listStyle, /blockquote/);
    assert.match(listStyle, /\.message pre/);
    assert.deepEqual(result.styleHashes, await styleHashes(result.html));
    assert.equal(result.styleHashes.length, new Set(result.html.match(/<style>[^<]*<\/style>/g)).size);
  });

  it('renders without the rating when the API cannot give it (the browser then asks for it)', async () => {
    const { fetch } = api({ comments: () => page([]), rating: () => new Response('oops', { status: 500 }) });
    const result = await renderFeedback({ endpoint: 'https://c.example/api', thread: '/a', fetch });
    assert.ok(result.html.includes('Leave the first review'));
    assert.ok(!result.html.includes('article-feedback-rating:'), 'no rating data');
    assert.ok(result.html.includes('article-feedback-comments:/a'));
    assert.equal(result.aggregateRating, null);
  });

  it('fails when the comments cannot be read, or are not what the contract says', async () => {
    const down = api({ comments: () => new Response('{}', { status: 503 }) });
    await assert.rejects(renderFeedback({ endpoint: 'https://c.example/api', thread: '/a', fetch: down.fetch }), /503/);
    const wrong = api({ comments: () => Response.json({ comments: 'none' }) });
    await assert.rejects(renderFeedback({ endpoint: 'https://c.example/api', thread: '/a', fetch: wrong.fetch }));
  });

  it('refuses a thread id the elements would refuse', async () => {
    await assert.rejects(
      renderFeedback({ endpoint: 'https://c.example/api', thread: 'no spaces', data: emptyData() }),
      TypeError,
    );
  });

  it('describes replies with their parent and leaves pending comments out of the JSON-LD', async () => {
    const result = await renderFeedback({
      endpoint: 'https://c.example/api',
      thread: '/a',
      url: 'https://news.example/a',
      data: {
        comments: {
          comments: [
            comment('c1'),
            comment('c2', { parent: 'c1', editedAt: '2026-05-14T10:00:00.000Z', votes: { up: 3, down: 1 } }),
            comment('c3', { status: 'pending' }),
          ],
          nextCursor: null,
          total: 2,
        },
        rating: null,
      },
    });
    const graph = result.structuredData['@graph'] as Record<string, unknown>[];
    assert.deepEqual(
      graph.map((node) => node['@id']),
      ['https://news.example/a#comment-c1', 'https://news.example/a#comment-c2'],
    );
    assert.deepEqual(graph[0]!.parentItem, { '@id': 'https://news.example/a' });
    assert.deepEqual(graph[1], {
      '@type': 'Comment',
      '@id': 'https://news.example/a#comment-c2',
      author: { '@type': 'Person', name: 'Reader c2' },
      dateCreated: '2026-05-14T09:30:00.000Z',
      dateModified: '2026-05-14T10:00:00.000Z',
      text: 'Message c2',
      parentItem: { '@id': 'https://news.example/a#comment-c1' },
      upvoteCount: 3,
      downvoteCount: 1,
    });
  });
});

function emptyData() {
  return { comments: { comments: [], nextCursor: null, total: 0 }, rating: null };
}

describe('scriptJson()', () => {
  it('cannot end a script or open a comment, and reads back the same value', () => {
    const hostile = { text: '</script><script>alert(1)</script><!-- & --> \u2028\u2029 </SCRIPT >' };
    const json = scriptJson(hostile);
    assert.doesNotMatch(json, /[<>&\u2028\u2029]/);
    assert.deepEqual(JSON.parse(json), hostile);
  });
});
