/**
 * Votes follow their comment (issue #20, item 6), seen through the API as a reader and a
 * moderator see it: a comment's rating is in the public average only while the comment is
 * published. The store suite checks the same on SQLite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { commentBody, startTestServer, voterId, type TestServer } from './helpers.js';

const TOKEN = 'admin-token-for-tests-0123456789';
const admin = { Authorization: `Bearer ${TOKEN}` };

describe("a comment's rating in the public average", () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer({ moderation: 'all', adminToken: TOKEN });
  });
  after(() => s.close());

  const average = async (thread: string) =>
    (await (await s.request(`/api/threads/${thread}/rating`)).json()) as { count: number; average: number };

  it('waits while the comment is pending, joins on approval, leaves as spam, comes back, and goes with a deletion', async () => {
    await s.send('PUT', '/api/threads/votes/rating', { value: 2, voter: voterId('standalone') });
    const posted = await s.send('POST', '/api/threads/votes/comments', commentBody({ rating: 5, voter: voterId(1) }));
    assert.equal(posted.status, 202);
    const { comment } = (await posted.json()) as { comment: { id: string } };
    assert.deepEqual(await average('votes'), { average: 2, count: 1, max: 5, histogram: [0, 1, 0, 0, 0] });

    const moderate = (status: string) => s.send('PATCH', `/api/admin/comments/${comment.id}`, { status }, admin);
    assert.equal((await moderate('published')).status, 200);
    assert.deepEqual(await average('votes'), { average: 3.5, count: 2, max: 5, histogram: [0, 1, 0, 0, 1] });
    await moderate('spam');
    assert.equal((await average('votes')).count, 1);
    await moderate('published');
    assert.equal((await average('votes')).count, 2);

    const deleted = await s.request(`/api/admin/comments/${comment.id}`, { method: 'DELETE', headers: admin });
    assert.equal(deleted.status, 204);
    assert.deepEqual(await average('votes'), { average: 2, count: 1, max: 5, histogram: [0, 1, 0, 0, 0] });
  });
});
