import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { commentBody, startTestServer, voterId, type TestServer } from './helpers.js';

const TOKEN = 'admin-token-for-tests-0123456789';
const auth = { Authorization: `Bearer ${TOKEN}` };

describe('rating API', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer({ ratingMax: 7 });
  });
  after(() => s.close());

  it('GET answers an empty aggregate on the server scale', async () => {
    const res = await s.request('/api/threads/r1/rating');
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { average: 0, count: 0, max: 7, histogram: [0, 0, 0, 0, 0, 0, 0] });
  });

  it('PUT casts one vote per voter, a re-vote replaces it, and answers the aggregate plus yours', async () => {
    const put = (value: number, voter: string) => s.send('PUT', '/api/threads/r1/rating', { value, voter });
    let res = await put(7, voterId(1));
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { average: 7, count: 1, max: 7, histogram: [0, 0, 0, 0, 0, 0, 1], yours: 7 });
    res = await put(2, voterId(2));
    assert.deepEqual(await res.json(), { average: 4.5, count: 2, max: 7, histogram: [0, 1, 0, 0, 0, 0, 1], yours: 2 });
    res = await put(3, voterId(1));
    assert.deepEqual(await res.json(), { average: 2.5, count: 2, max: 7, histogram: [0, 1, 1, 0, 0, 0, 0], yours: 3 });
    await put(3, voterId(3));
    const agg = await (await s.request('/api/threads/r1/rating')).json();
    assert.deepEqual(agg, { average: 2.67, count: 3, max: 7, histogram: [0, 1, 2, 0, 0, 0, 0] });
    // Other threads are separate.
    assert.equal(((await (await s.request('/api/threads/r2/rating')).json()) as { count: number }).count, 0);
  });

  it('422 for values outside 1..RATING_MAX and bad voter ids', async () => {
    for (const value of [0, 8, 11, -1, 2.5, '3', null]) {
      const res = await s.send('PUT', '/api/threads/r1/rating', { value, voter: voterId(4) });
      assert.equal(res.status, 422, String(value));
      assert.deepEqual(await res.json(), {
        error: 'validation',
        message: 'Please pick between 1 and 7 stars.',
        fields: { value: 'rating.range' },
      });
    }
    for (const voter of ['short', 'has spaces in it', 'x'.repeat(65), 12345678]) {
      const res = await s.send('PUT', '/api/threads/r1/rating', { value: 3, voter });
      assert.equal(res.status, 422);
      assert.deepEqual(((await res.json()) as { fields: unknown }).fields, { voter: 'voter.invalid' });
    }
    assert.equal((await s.send('PUT', '/api/threads/r1/rating', '{')).status, 400);
    assert.equal(
      (await s.send('PUT', `/api/threads/${'t'.repeat(201)}/rating`, { value: 3, voter: voterId(5) })).status,
      400,
    );
  });
});

describe('admin API', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer({ adminToken: TOKEN, moderation: 'all' });
  });
  after(() => s.close());

  it('401 without a token or with a wrong one', async () => {
    for (const headers of [
      {} as Record<string, string>,
      { Authorization: 'Bearer wrong-token' },
      { Authorization: `Basic ${TOKEN}` },
      { Authorization: `Bearer ${TOKEN}x` },
      { Authorization: TOKEN },
    ]) {
      const res = await s.request('/api/admin/comments', { headers });
      assert.equal(res.status, 401, JSON.stringify(headers));
      assert.equal(((await res.json()) as { error: string }).error, 'unauthorized');
      assert.match(res.headers.get('WWW-Authenticate') ?? '', /^Bearer/);
    }
    assert.equal((await s.send('PATCH', '/api/admin/comments/abc', { status: 'published' })).status, 401);
    assert.equal((await s.request('/api/admin/comments/abc', { method: 'DELETE' })).status, 401);
  });

  it('lists pending comments with emails, approves, marks spam, deletes (404 for unknown ids)', async () => {
    const posted = await s.send(
      'POST',
      '/api/threads/adm/comments',
      commentBody({ email: 'mod@example.com', message: 'Please approve me' }),
    );
    assert.equal(posted.status, 202);
    const { comment } = (await posted.json()) as { comment: { id: string; status: string } };
    assert.equal(comment.status, 'pending');
    const other = (
      (await (await s.send('POST', '/api/threads/adm/comments', commentBody())).json()) as { comment: { id: string } }
    ).comment;

    const list = await s.request('/api/admin/comments?status=pending', { headers: auth });
    assert.equal(list.status, 200);
    assert.equal(list.headers.get('Cache-Control'), 'no-store');
    const page = (await list.json()) as {
      comments: { id: string; email: string; status: string }[];
      nextCursor: string | null;
    };
    assert.deepEqual(
      page.comments.map((c) => c.id),
      [other.id, comment.id],
    );
    assert.equal(page.comments[1]!.email, 'mod@example.com');
    assert.equal(page.comments[1]!.status, 'pending');
    const paged = (await (await s.request('/api/admin/comments?status=pending&limit=1', { headers: auth })).json()) as {
      nextCursor: string;
    };
    const second = (await (
      await s.request(`/api/admin/comments?status=pending&limit=1&cursor=${paged.nextCursor}`, { headers: auth })
    ).json()) as {
      comments: { id: string }[];
      nextCursor: null;
    };
    assert.deepEqual(
      second.comments.map((c) => c.id),
      [comment.id],
    );
    assert.equal(second.nextCursor, null);
    assert.equal((await s.request('/api/admin/comments?status=deleted', { headers: auth })).status, 400);

    // Not public while pending.
    assert.equal(((await (await s.request('/api/threads/adm/comments')).json()) as { total: number }).total, 0);

    const approve = await s.send('PATCH', `/api/admin/comments/${comment.id}`, { status: 'published' }, auth);
    assert.equal(approve.status, 200);
    const approved = ((await approve.json()) as { comment: { status: string; email: string } }).comment;
    assert.equal(approved.status, 'published');
    assert.equal(approved.email, 'mod@example.com');
    const pub = (await (await s.request('/api/threads/adm/comments')).json()) as {
      comments: { id: string }[];
      total: number;
    };
    assert.deepEqual(
      pub.comments.map((c) => c.id),
      [comment.id],
    );
    assert.doesNotMatch(JSON.stringify(pub), /mod@example\.com/);

    const spam = await s.send('PATCH', `/api/admin/comments/${comment.id}`, { status: 'spam' }, auth);
    assert.equal(spam.status, 200);
    assert.equal(((await (await s.request('/api/threads/adm/comments')).json()) as { total: number }).total, 0);
    const spamList = (await (await s.request('/api/admin/comments?status=spam', { headers: auth })).json()) as {
      comments: { id: string }[];
    };
    assert.deepEqual(
      spamList.comments.map((c) => c.id),
      [comment.id],
    );

    const bad = await s.send('PATCH', `/api/admin/comments/${comment.id}`, { status: 'pending' }, auth);
    assert.equal(bad.status, 422);

    const del = await s.request(`/api/admin/comments/${comment.id}`, { method: 'DELETE', headers: auth });
    assert.equal(del.status, 204);
    assert.equal(await del.text(), '');
    assert.equal(await s.store.getComment(comment.id), null);
    assert.equal(
      (await s.request(`/api/admin/comments/${comment.id}`, { method: 'DELETE', headers: auth })).status,
      404,
    );
    assert.equal((await s.send('PATCH', '/api/admin/comments/unknownId1', { status: 'published' }, auth)).status, 404);
    assert.equal((await s.send('PATCH', '/api/admin/comments/bad%20id', { status: 'published' }, auth)).status, 404);
  });

  it('is off (404) when ADMIN_TOKEN is unset, whatever the header', async () => {
    const off = await startTestServer({ adminToken: undefined });
    try {
      const res = await off.request('/api/admin/comments', { headers: auth });
      assert.equal(res.status, 404);
      assert.match(((await res.json()) as { message: string }).message, /ADMIN_TOKEN/);
    } finally {
      await off.close();
    }
  });
});

describe('moderation', () => {
  it('off: every comment is published (201)', async () => {
    const s = await startTestServer({ moderation: 'off' });
    try {
      for (let i = 0; i < 2; i++)
        assert.equal(
          (await s.send('POST', '/api/threads/m/comments', commentBody({ email: 'new@example.com' }))).status,
          201,
        );
    } finally {
      await s.close();
    }
  });

  it('all: every comment waits (202), even from a known author', async () => {
    const s = await startTestServer({ moderation: 'all', adminToken: TOKEN });
    try {
      const first = await s.send('POST', '/api/threads/m/comments', commentBody({ email: 'known@example.com' }));
      const id = ((await first.json()) as { comment: { id: string } }).comment.id;
      await s.send('PATCH', `/api/admin/comments/${id}`, { status: 'published' }, auth);
      const again = await s.send('POST', '/api/threads/m/comments', commentBody({ email: 'known@example.com' }));
      assert.equal(again.status, 202);
      assert.equal(((await again.json()) as { comment: { status: string } }).comment.status, 'pending');
    } finally {
      await s.close();
    }
  });

  it('first-time: a new author waits; once approved, their token (the email in any case) publishes at once', async () => {
    const s = await startTestServer({ moderation: 'first-time', adminToken: TOKEN });
    try {
      const first = await s.send('POST', '/api/threads/m/comments', commentBody({ email: 'first@example.com' }));
      assert.equal(first.status, 202);
      const { comment, authorToken } = (await first.json()) as { comment: { id: string }; authorToken: string };
      // Still unknown while pending.
      assert.equal(
        (await s.send('POST', '/api/threads/m/comments', commentBody({ email: 'first@example.com', authorToken })))
          .status,
        202,
      );
      await s.send('PATCH', `/api/admin/comments/${comment.id}`, { status: 'published' }, auth);
      const later = await s.send(
        'POST',
        '/api/threads/other/comments',
        commentBody({ email: 'FIRST@example.com', authorToken }),
      );
      assert.equal(later.status, 201);
      assert.equal(((await later.json()) as { comment: { status: string } }).comment.status, 'published');
      // The email without the author's token is not enough (see author-token.test.ts).
      assert.equal(
        (await s.send('POST', '/api/threads/m/comments', commentBody({ email: 'first@example.com' }))).status,
        202,
      );
    } finally {
      await s.close();
    }
  });
});
