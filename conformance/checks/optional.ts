/**
 * Parts a backend may leave out (SPEC §6): the widget's settings (`GET /config`), votes on comments, editing one's own comment, counts
 * for index pages. Each is detected from the backend's own answers and skipped, with the
 * reason, when it is absent; when present it must behave as the contract says.
 */
import * as z from 'zod/mini';
import { commentSchema, serverConfigSchema } from '../../src/contract/schemas.js';
import type { Check } from '../context.js';
import { expectEqual, expectError, expectShape, expectStatus, expectTrue, skip } from '../expect.js';
import { threadPath } from '../http.js';

const votesSchema = z.object({ up: z.number(), down: z.number(), yours: z.number() });
const editedSchema = z.object({ comment: z.extend(commentSchema, { editedAt: z.string() }) });
const countsSchema = z.object({
  counts: z.record(
    z.string(),
    z.object({ comments: z.number(), rating: z.object({ average: z.number(), count: z.number() }) }),
  ),
});

export const optionalChecks: Check[] = [
  {
    id: 'config.get',
    title: 'GET /config (optional, SPEC §6.7): captcha, mail, edit window and rating scale in one answer',
    needs: [],
    async run(ctx) {
      const answer = await ctx.api.get('/config');
      if (answer.status === 404 || answer.status === 405)
        skip(`the backend has no GET /config (answered ${answer.status}); the widget then offers no reply emails`);
      expectStatus(answer, 200);
      const config = expectShape(answer, serverConfigSchema, 'GET /config');
      const captcha = await ctx.api.get('/captcha');
      expectStatus(captcha, 200);
      // The provider only: a proof-of-work challenge is fresh in every answer.
      expectEqual(
        config.captcha.provider,
        (captcha.body as { provider?: unknown }).provider,
        'the captcha provider of GET /config against GET /captcha',
      );
      expectTrue(config.editWindowMinutes >= 0, '`editWindowMinutes` is 0 (editing off) or more');
      expectTrue(config.ratingMax >= 1, '`ratingMax` is 1 or more');
    },
  },
  {
    id: 'votes.comment-votes',
    title: 'votes on comments (optional, SPEC §6.2): up, down, change and remove a vote',
    needs: ['writes'],
    async run(ctx) {
      const thread = ctx.thread('votes');
      const posted = await ctx.post(thread, ctx.comment());
      expectStatus(posted, 201);
      const comment = (posted.body as { comment?: Record<string, unknown> }).comment ?? {};
      if (!('votes' in comment)) skip('comments carry no `votes`: the backend does not implement votes on comments');
      const path = `${threadPath(thread)}/comments/${encodeURIComponent(String(comment.id))}/vote`;
      const voter = ctx.voter();
      for (const [value, expected] of [
        [1, { up: 1, down: 0, yours: 1 }],
        [-1, { up: 0, down: 1, yours: -1 }],
        [0, { up: 0, down: 0, yours: 0 }],
      ] as const) {
        const answer = await ctx.api.request('PUT', path, { json: { voter, value } });
        expectStatus(answer, 200, `vote ${value}`);
        expectEqual(expectShape(answer, votesSchema, `PUT ${path}`), expected, `after a vote of ${value}`);
      }
      const unknown = await ctx.api.request('PUT', `${threadPath(thread)}/comments/no-such-comment-0/vote`, {
        json: { voter, value: 1 },
      });
      expectError(unknown, 404, 'not_found');
    },
  },
  {
    id: 'edit.own-comment',
    title: 'editing and deleting one’s own comment (optional, SPEC §6.3): editToken once, 403 without it',
    needs: ['writes'],
    async run(ctx) {
      const thread = ctx.thread('edit');
      const posted = await ctx.post(thread, ctx.comment());
      expectStatus(posted, 201);
      const token = (posted.body as { editToken?: unknown }).editToken;
      if (token === undefined)
        skip('the answer to a POST carries no `editToken`: the backend does not implement editing');
      expectTrue(typeof token === 'string' && token.length >= 22, 'editToken must be a secret of at least 128 bits');
      const id = String((posted.body as { comment: { id: string } }).comment.id);
      const listed = await ctx.listAnswer(thread);
      expectTrue(!listed.text.includes(token), 'the list shows the editToken');
      const path = `${threadPath(thread)}/comments/${encodeURIComponent(id)}`;
      const wrong = await ctx.api.request('PATCH', path, {
        json: { message: 'Edited.' },
        headers: { Authorization: 'Bearer wrong-token' },
      });
      expectError(wrong, 403, 'edit_not_allowed');
      const edited = await ctx.api.request('PATCH', path, {
        json: { message: 'Edited.' },
        headers: { Authorization: `Bearer ${token}` },
      });
      expectStatus(edited, 200);
      expectEqual(
        expectShape(edited, editedSchema, `PATCH ${path}`).comment.message,
        'Edited.',
        'message after the edit',
      );
      const deleted = await ctx.api.request('DELETE', path, { headers: { Authorization: `Bearer ${token}` } });
      expectStatus(deleted, 204);
      expectEqual((await ctx.list(thread)).total, 0, 'comments listed after the author deleted theirs');
    },
  },
  {
    id: 'counts.get',
    title: 'GET /counts (optional, SPEC §6.4): published comments and rating per thread; over 100 threads → 400',
    needs: ['writes'],
    async run(ctx) {
      const [busy, quiet] = [ctx.thread('counts'), ctx.thread('counts-none')];
      const query = (threads: string[]) => threads.map((t) => `thread=${encodeURIComponent(t)}`).join('&');
      const probe = await ctx.api.get(`/counts?${query([quiet])}`);
      if (probe.status === 404 || probe.status === 405)
        skip(`the backend has no GET /counts (answered ${probe.status})`);
      await ctx.postPublished(busy);
      await ctx.postPublished(busy, { rating: 1, voter: ctx.voter() });
      const answer = await ctx.api.get(`/counts?${query([busy, quiet])}`);
      expectStatus(answer, 200);
      const { counts } = expectShape(answer, countsSchema, 'GET /counts');
      expectEqual(counts[busy]?.comments, 2, 'comments of a thread with two');
      expectEqual(counts[busy]?.rating.count, 1, 'rating count of a thread with one vote');
      expectEqual(counts[quiet]?.comments, 0, 'comments of a thread with none');
      const many = Array.from({ length: 101 }, (_, i) => `t${i}`);
      expectError(await ctx.api.get(`/counts?${query(many)}`), 400, 'bad_request', undefined, '101 threads');
    },
  },
];
