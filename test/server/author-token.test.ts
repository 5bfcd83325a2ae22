/**
 * MODERATION=first-time binds "approved author" to a token the author's browser holds (#20.4),
 * not to an email anyone can type: a post is published at once only when it carries an author
 * token that names a published comment with the same email. So 201 versus 202 tells a caller
 * nothing they do not already hold.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commentBody, startTestServer, type TestServer } from './helpers.js';

const ADMIN = 'admin-token-for-tests-0123456789';
const auth = { Authorization: `Bearer ${ADMIN}` };
const T = '/api/threads/authors/comments';

interface Created {
  comment: { id: string; status: string };
  authorToken: string;
}

async function post(s: TestServer, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await s.send('POST', T, commentBody(body), headers);
  return { status: res.status, body: (await res.json()) as Created };
}

describe('author tokens under MODERATION=first-time', () => {
  it('an approved author publishes at once with their token; the email alone, or an attacker token, waits', async () => {
    const s = await startTestServer({ moderation: 'first-time', adminToken: ADMIN });
    try {
      const first = await post(s, { email: 'author@example.com' });
      assert.equal(first.status, 202);
      assert.match(first.body.authorToken, /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
      // While the first comment waits, the token does not publish.
      const early = await post(s, { email: 'author@example.com', authorToken: first.body.authorToken });
      assert.equal(early.status, 202);
      const patched = await s.send(
        'PATCH',
        `/api/admin/comments/${first.body.comment.id}`,
        { status: 'published' },
        auth,
      );
      assert.equal(patched.status, 200);

      // The author, with the token their browser kept (the email in any case): published at once,
      // and the same token comes back.
      const later = await post(s, { email: 'Author@Example.com', authorToken: first.body.authorToken });
      assert.equal(later.status, 201);
      assert.equal(later.body.comment.status, 'published');
      assert.equal(later.body.authorToken, first.body.authorToken);

      // Someone who only knows the email: held, with an answer that looks like any newcomer's.
      const impostor = await post(s, { email: 'author@example.com', name: 'Not the author' });
      assert.equal(impostor.status, 202);
      assert.equal(impostor.body.comment.status, 'pending');
      // The token the impostor got back names their own pending comment: it publishes nothing.
      const again = await post(s, { email: 'author@example.com', authorToken: impostor.body.authorToken });
      assert.equal(again.status, 202);
      // A token for another email, a forged or a mangled one: held, never an error.
      const other = await post(s, { email: 'other@example.com', authorToken: first.body.authorToken });
      assert.equal(other.status, 202);
      const [id] = first.body.authorToken.split('.');
      for (const forged of [`${id}.${'A'.repeat(43)}`, 'garbage', first.body.authorToken + 'x']) {
        assert.equal((await post(s, { email: 'author@example.com', authorToken: forged })).status, 202, forged);
      }

      // An approved email answers exactly like an unknown one without the token.
      const unknown = await post(s, { email: 'never-seen@example.com' });
      assert.deepEqual(Object.keys(unknown.body).sort(), Object.keys(impostor.body).sort());
      assert.equal(unknown.status, impostor.status);
    } finally {
      await s.close();
    }
  });

  it('the token is in the replay of an idempotent retry, and a spam-marked comment stops publishing', async () => {
    const s = await startTestServer({ moderation: 'first-time', adminToken: ADMIN });
    try {
      const headers = { 'Idempotency-Key': 'retry-key-0001' };
      const body = { email: 'retry@example.com', message: 'Sent twice' };
      const first = await post(s, body, headers);
      const replay = await post(s, body, headers);
      assert.deepEqual(replay, first);
      await s.send('PATCH', `/api/admin/comments/${first.body.comment.id}`, { status: 'published' }, auth);
      assert.equal((await post(s, { email: 'retry@example.com', authorToken: first.body.authorToken })).status, 201);
      await s.send('PATCH', `/api/admin/comments/${first.body.comment.id}`, { status: 'spam' }, auth);
      const afterSpam = await post(s, { email: 'retry@example.com', authorToken: first.body.authorToken });
      assert.equal(afterSpam.status, 202);
    } finally {
      await s.close();
    }
  });

  it('a token longer than 200 characters is refused as a bad request body (422), nothing stored', async () => {
    const s = await startTestServer({ moderation: 'off' });
    try {
      const res = await s.send('POST', T, commentBody({ authorToken: 'x'.repeat(201) }));
      assert.equal(res.status, 422);
      assert.deepEqual(((await res.json()) as { fields: unknown }).fields, { authorToken: 'field.invalid' });
      assert.equal(await s.store.countPublished('authors'), 0);
    } finally {
      await s.close();
    }
  });
});
