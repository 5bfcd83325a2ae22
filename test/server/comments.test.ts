import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { commentBody, startTestServer, voterId, type TestServer } from './helpers.js';

const T = '/api/threads/blog%2Fpost-1/comments';

describe('comments API', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer({ moderation: 'off' });
  });
  after(() => s.close());

  it('201 publishes a comment, lists it without the email, and stores text verbatim (NFC)', async () => {
    const hostile = "Robert'); DROP TABLE comments;-- <script>alert(1)</script>";
    const nonLatin = 'Привет, мир! 你好 مرحبا 👋🏽 café';
    const decomposed = 'Cafe\u0301 au lait'; // e + combining acute → é after NFC
    const res = await s.send('POST', T, {
      name: `  ${nonLatin}  `,
      email: 'Reader@Example.com',
      message: `${hostile}\n\n${decomposed}\tend`,
    });
    assert.equal(res.status, 201);
    const { comment } = (await res.json()) as { comment: Record<string, unknown> };
    assert.equal(comment.name, nonLatin);
    assert.equal(comment.message, `${hostile}\n\nCaf\u00e9 au lait\tend`);
    assert.equal(comment.status, 'published');
    assert.equal(comment.thread, 'blog/post-1');
    assert.equal(comment.parent, null);
    assert.match(String(comment.id), /^[A-Za-z0-9_-]{8,16}$/);
    assert.ok(!Number.isNaN(Date.parse(String(comment.createdAt))));
    assert.equal('email' in comment, false);

    const list = await s.request(T);
    assert.equal(list.status, 200);
    const text = await list.text();
    assert.doesNotMatch(text, /Reader@Example\.com/i);
    const page = JSON.parse(text) as { comments: Record<string, unknown>[]; total: number; nextCursor: string | null };
    assert.equal(page.total, 1);
    assert.equal(page.nextCursor, null);
    assert.deepEqual(page.comments[0], comment);
    const stored = await s.store.getComment(String(comment.id));
    assert.equal(stored?.email, 'Reader@Example.com');
    assert.match(stored?.clientHash ?? '', /^[A-Za-z0-9_-]{16,}$/);
  });

  it('an empty thread answers 200 with no comments and total 0', async () => {
    const res = await s.request('/api/threads/nothing-here/comments');
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { comments: [], nextCursor: null, total: 0 });
  });

  it('422 names the message key of each bad field and says the first in English', async () => {
    const res = await s.send('POST', T, { name: '   ', email: 'not-an-email', message: '' });
    assert.equal(res.status, 422);
    assert.deepEqual(await res.json(), {
      error: 'validation',
      message: 'Please enter your name.',
      fields: { name: 'name.required', email: 'email.invalid', message: 'message.required' },
    });
  });

  it('422 for missing fields uses the "required" keys', async () => {
    const res = await s.send('POST', T, {});
    assert.equal(res.status, 422);
    const body = (await res.json()) as { fields: Record<string, string>; message: string };
    assert.deepEqual(body.fields, { name: 'name.required', email: 'email.required', message: 'message.required' });
    assert.equal(body.message, 'Please enter your name.');
  });

  it('enforces the field limits: name 80, message 5000, email 254 and format', async () => {
    const ok = await s.send('POST', T, commentBody({ name: 'n'.repeat(80), message: 'm'.repeat(5000) }));
    assert.equal(ok.status, 201);
    const cases: [Record<string, unknown>, string, string, string][] = [
      [{ name: 'n'.repeat(81) }, 'name', 'name.tooLong', 'Please use at most 80 characters for your name.'],
      [
        { message: 'm'.repeat(5001) },
        'message',
        'message.tooLong',
        'Please shorten your message to at most 5000 characters.',
      ],
      [{ email: `${'a'.repeat(250)}@example.com` }, 'email', 'email.tooLong', 'This email address is too long.'],
      [{ email: 'a@b' }, 'email', 'email.invalid', 'Please enter a valid email address.'],
      [{ email: 'two@@example.com' }, 'email', 'email.invalid', 'Please enter a valid email address.'],
      [{ name: 'bad\u0000name' }, 'name', 'name.control', 'Please remove invisible control characters from your name.'],
      [
        { message: 'bell\u0007' },
        'message',
        'message.control',
        'Please remove invisible control characters from your message.',
      ],
    ];
    for (const [override, field, key, message] of cases) {
      const res = await s.send('POST', T, commentBody(override));
      assert.equal(res.status, 422, JSON.stringify(override).slice(0, 60));
      const body = (await res.json()) as { fields: Record<string, string>; message: string };
      assert.deepEqual(body.fields, { [field]: key });
      assert.equal(body.message, message);
    }
  });

  it('422 for wrong types; 422 for a body that is not an object', async () => {
    for (const [override, field] of [
      [{ name: 42 }, 'name'],
      [{ email: ['a@b.co'] }, 'email'],
      [{ message: { text: 'x' } }, 'message'],
      [{ rating: '5' }, 'rating'],
      [{ rating: 2.5 }, 'rating'],
      [{ voter: 'short' }, 'voter'],
      [{ parent: 5 }, 'parent'],
    ] as const) {
      const res = await s.send('POST', T, commentBody(override));
      assert.equal(res.status, 422, field);
      const body = (await res.json()) as { error: string; fields: Record<string, string> };
      assert.equal(body.error, 'validation');
      assert.ok(field in body.fields, `${field} in ${JSON.stringify(body.fields)}`);
    }
    for (const raw of ['[]', '"text"', 'null', '42']) {
      const res = await s.send('POST', T, raw);
      assert.equal(res.status, 422, raw);
      assert.equal(((await res.json()) as { error: string }).error, 'validation');
    }
  });

  it('a rating above RATING_MAX is refused with rating.range naming the scale', async () => {
    const res = await s.send('POST', T, commentBody({ rating: 6, voter: voterId(1) }));
    assert.equal(res.status, 422);
    assert.deepEqual(await res.json(), {
      error: 'validation',
      message: 'Please pick between 1 and 5 stars.',
      fields: { rating: 'rating.range' },
    });
  });

  it("a comment's rating is its author's vote under the voter id (one vote per reader)", async () => {
    const thread = '/api/threads/rated/comments';
    assert.equal((await s.send('POST', thread, commentBody({ rating: 2, voter: voterId(7) }))).status, 201);
    assert.equal((await s.send('POST', thread, commentBody({ rating: 5, voter: voterId(7) }))).status, 201);
    assert.equal((await s.send('POST', thread, commentBody({ rating: 4 }))).status, 201); // no voter: no vote
    const agg = (await (await s.request('/api/threads/rated/rating')).json()) as Record<string, unknown>;
    assert.deepEqual(agg, { average: 5, count: 1, max: 5, histogram: [0, 0, 0, 0, 1] });
    const list = (await (await s.request(thread + '?sort=oldest')).json()) as { comments: { rating: number | null }[] };
    assert.deepEqual(
      list.comments.map((c) => c.rating),
      [2, 5, 4],
    );
  });

  it('replies need a published parent of the same thread (422 parent.invalid)', async () => {
    const parentRes = await s.send('POST', T, commentBody());
    const parent = ((await parentRes.json()) as { comment: { id: string } }).comment;
    const reply = await s.send('POST', T, commentBody({ parent: parent.id }));
    assert.equal(reply.status, 201);
    assert.equal(((await reply.json()) as { comment: { parent: string } }).comment.parent, parent.id);

    for (const bad of ['doesNotExist1', parent.id]) {
      const path = bad === parent.id ? '/api/threads/other-thread/comments' : T;
      const res = await s.send('POST', path, commentBody({ parent: bad }));
      assert.equal(res.status, 422);
      assert.deepEqual(await res.json(), {
        error: 'validation',
        message: 'The comment you are replying to is no longer available.',
        fields: { parent: 'parent.invalid' },
      });
    }
  });

  it('the honeypot: a filled `website` gets a 201-looking answer, is stored as spam, never listed', async () => {
    const thread = '/api/threads/honeypot/comments';
    const res = await s.send('POST', thread, commentBody({ website: 'http://spam.example', message: 'Buy now' }));
    assert.equal(res.status, 201);
    const { comment } = (await res.json()) as { comment: { id: string; status: string } };
    assert.equal(comment.status, 'published');
    assert.equal((await s.store.getComment(comment.id))?.status, 'spam');
    const list = (await (await s.request(thread)).json()) as { comments: unknown[]; total: number };
    assert.deepEqual(list, { comments: [], nextCursor: null, total: 0 });
  });

  it('Idempotency-Key: a retry returns the first answer and stores nothing new', async () => {
    const thread = '/api/threads/idem/comments';
    const body = commentBody({ rating: 3, voter: voterId(9) });
    const headers = { 'Idempotency-Key': 'af-retry-key-0001' };
    const first = await s.send('POST', thread, body, headers);
    assert.equal(first.status, 201);
    const firstBody = await first.text();
    // The captcha token may change between attempts; it is not part of "the same request".
    const second = await s.send('POST', thread, { ...body, captcha: 'renewed-token' }, headers);
    assert.equal(second.status, 201);
    assert.equal(await second.text(), firstBody);
    assert.equal(second.headers.get('Idempotent-Replayed'), 'true');
    const list = (await (await s.request(thread)).json()) as { total: number };
    assert.equal(list.total, 1);

    const changed = await s.send('POST', thread, { ...body, message: 'Something else' }, headers);
    assert.equal(changed.status, 409);
    assert.equal(((await changed.json()) as { error: string }).error, 'idempotency_conflict');

    // Concurrent duplicates: exactly one comment.
    const key = { 'Idempotency-Key': 'af-concurrent-0002' };
    const burst = await Promise.all(Array.from({ length: 5 }, () => s.send('POST', thread, body, key)));
    const texts = await Promise.all(burst.map((r) => r.text()));
    assert.deepEqual(
      burst.map((r) => r.status),
      [201, 201, 201, 201, 201],
    );
    assert.equal(new Set(texts).size, 1);
    assert.equal(((await (await s.request(thread)).json()) as { total: number }).total, 2);

    const bad = await s.send('POST', thread, body, { 'Idempotency-Key': 'no spaces allowed' });
    assert.equal(bad.status, 400);
  });

  it('hostile thread ids are refused with 400 (too long, bad characters) and never escape the key', async () => {
    for (const thread of ['a'.repeat(201), 'a%20b', 'a%00b', '%3Cscript%3E', 'x%25y', 'q%3Fx']) {
      const res = await s.request(`/api/threads/${thread}/comments`);
      assert.equal(res.status, 400, thread);
      assert.equal(((await res.json()) as { error: string }).error, 'bad_request');
    }
    assert.equal((await s.send('POST', `/api/threads/${'a'.repeat(201)}/comments`, commentBody())).status, 400);
    // `..` inside an encoded id is just part of the key.
    const dotted = '/api/threads/..%2F..%2Fetc%2Fpasswd/comments';
    const res = await s.send('POST', dotted, commentBody());
    assert.equal(res.status, 201);
    assert.equal(((await res.json()) as { comment: { thread: string } }).comment.thread, '../../etc/passwd');
    assert.equal(((await (await s.request(dotted)).json()) as { total: number }).total, 1);
    // A literal `..` segment is resolved by URL parsing and lands nowhere.
    const literal = await s.request('/api/threads/../comments');
    assert.equal(literal.status, 404);
    assert.equal(literal.headers.get('Content-Type')?.startsWith('application/json'), true);
    // 200 characters is the longest valid id; encoded slashes are part of it.
    assert.equal((await s.request(`/api/threads/${'a'.repeat(200)}/comments`)).status, 200);
  });
});

describe('pagination', () => {
  let s: TestServer;
  let clock = Date.parse('2025-01-01T00:00:00Z');
  before(async () => {
    // Several comments share a millisecond, to exercise the (createdAt, id) tie-break.
    s = await startTestServer({ moderation: 'off' }, { now: () => Math.floor(clock++ / 3) * 3 });
  });
  after(() => s.close());

  async function all(sort: 'newest' | 'oldest', limit: number, interleave?: () => Promise<void>) {
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const qs: string = `?limit=${limit}&sort=${sort}${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await s.request(`/api/threads/paged/comments${qs}`);
      assert.equal(res.status, 200);
      const page = (await res.json()) as { comments: { id: string }[]; nextCursor: string | null; total: number };
      assert.ok(page.comments.length <= limit);
      ids.push(...page.comments.map((c) => c.id));
      cursor = page.nextCursor;
      if (cursor) assert.match(cursor, /^[A-Za-z0-9_-]+$/);
      pages += 1;
      await interleave?.();
    } while (cursor);
    return { ids, pages };
  }

  it('walks every comment once, in both orders, even with inserts between pages', async () => {
    const created: string[] = [];
    for (let i = 0; i < 23; i++) {
      const res = await s.send('POST', '/api/threads/paged/comments', commentBody({ message: `m${i}` }));
      created.push(((await res.json()) as { comment: { id: string } }).comment.id);
    }
    const oldest = await all('oldest', 5);
    assert.equal(oldest.ids.length, 23);
    assert.equal(new Set(oldest.ids).size, 23);
    assert.deepEqual([...oldest.ids].sort(), [...created].sort());
    assert.equal(oldest.pages, 5);
    const newest = await all('newest', 4);
    assert.deepEqual(newest.ids, [...oldest.ids].reverse());

    // New comments arriving while a reader pages through "newest" appear on a fresh load,
    // not as repeats or gaps in the walk already under way.
    const walk = await all('newest', 6, async () => {
      await s.send('POST', '/api/threads/paged/comments', commentBody());
    });
    assert.deepEqual(walk.ids, newest.ids);
    const total = ((await (await s.request('/api/threads/paged/comments')).json()) as { total: number }).total;
    assert.equal(total, 23 + walk.pages);
  });

  it('default page size is 20; bad query parameters are 400', async () => {
    const page = (await (await s.request('/api/threads/paged/comments')).json()) as { comments: unknown[] };
    assert.equal(page.comments.length, 20);
    for (const qs of [
      'limit=0',
      'limit=101',
      'limit=abc',
      'limit=-1',
      'sort=random',
      'cursor=***',
      'cursor=bm90LWpzb24',
      `cursor=${'a'.repeat(201)}`,
    ]) {
      const res = await s.request(`/api/threads/paged/comments?${qs}`);
      assert.equal(res.status, 400, qs);
      const body = (await res.json()) as { error: string; message: string };
      assert.equal(body.error, 'bad_request');
      assert.ok(body.message.length > 0);
    }
  });
});
