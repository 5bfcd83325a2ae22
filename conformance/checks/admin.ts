/** The admin API (SPEC §3), checked when the run is given `--admin-token`. */
import { adminCommentSchema, adminPageSchema } from '../../src/contract/schemas.js';
import * as z from 'zod/mini';
import type { Check, Context } from '../context.js';
import { expectEqual, expectError, expectShape, expectStatus, expectTrue } from '../expect.js';

const patchAnswerSchema = z.object({ comment: adminCommentSchema });

async function adminList(ctx: Context, query: string) {
  const answer = await ctx.admin('GET', `/comments?${query}`);
  expectStatus(answer, 200);
  return expectShape(answer, adminPageSchema, `GET /admin/comments?${query}`);
}

async function publicIds(ctx: Context, thread: string): Promise<string[]> {
  return (await ctx.listAll(thread)).map((c) => c.id);
}

export const adminChecks: Check[] = [
  {
    id: 'admin.unauthorized',
    title: 'the admin API without a token or with a wrong one → 401 unauthorized',
    needs: ['admin'],
    async run(ctx) {
      expectError(await ctx.admin('GET', '/comments', { token: null }), 401, 'unauthorized', undefined, 'no token');
      const wrong = `${ctx.options.adminToken}-wrong`;
      expectError(
        await ctx.admin('GET', '/comments', { token: wrong }),
        401,
        'unauthorized',
        undefined,
        'a wrong token',
      );
      expectError(
        await ctx.admin('DELETE', '/comments/anything', { token: wrong }),
        401,
        'unauthorized',
        undefined,
        'DELETE with a wrong token',
      );
    },
  },
  {
    id: 'admin.list',
    title: 'GET /admin/comments lists comments of all threads, newest first, with their email',
    needs: ['admin', 'writes'],
    async run(ctx) {
      const sent = ctx.comment();
      const comment = await ctx.postPublished(ctx.thread('admin-list'), sent);
      const page = await adminList(ctx, 'limit=100');
      const listed = page.comments.find((c) => c.id === comment.id);
      expectTrue(listed !== undefined, 'the comment just posted is not on the first page of the newest-first list');
      expectEqual(listed.email, sent.email, 'email');
      expectEqual(listed.status, 'published', 'status');
      const published = await adminList(ctx, 'status=published&limit=20');
      expectTrue(
        published.comments.every((c) => c.status === 'published'),
        '?status=published lists other statuses',
      );
    },
  },
  {
    id: 'admin.moderate',
    title: 'PATCH { status: "spam" } hides a comment from readers; PATCH { status: "published" } shows it again',
    needs: ['admin', 'writes'],
    async run(ctx) {
      const thread = ctx.thread('admin-spam');
      const comment = await ctx.postPublished(thread);
      const spam = await ctx.admin('PATCH', `/comments/${encodeURIComponent(comment.id)}`, {
        json: { status: 'spam' },
      });
      expectStatus(spam, 200);
      expectEqual(
        expectShape(spam, patchAnswerSchema, 'PATCH answer').comment.status,
        'spam',
        'status after PATCH spam',
      );
      expectEqual(await publicIds(ctx, thread), [], 'ids readers see after PATCH spam');
      const spamList = await adminList(ctx, 'status=spam&limit=100');
      expectTrue(
        spamList.comments.some((c) => c.id === comment.id),
        '?status=spam does not list the comment',
      );
      const back = await ctx.admin('PATCH', `/comments/${encodeURIComponent(comment.id)}`, {
        json: { status: 'published' },
      });
      expectEqual(
        expectShape(back, patchAnswerSchema, 'PATCH answer').comment.status,
        'published',
        'status after PATCH published',
      );
      expectEqual(await publicIds(ctx, thread), [comment.id], 'ids readers see after PATCH published');
    },
  },
  {
    id: 'admin.invalid-status',
    title: 'PATCH with a status other than published or spam → 422 validation',
    needs: ['admin', 'writes'],
    async run(ctx) {
      const comment = await ctx.postPublished(ctx.thread('admin-invalid'));
      const answer = await ctx.admin('PATCH', `/comments/${encodeURIComponent(comment.id)}`, {
        json: { status: 'deleted' },
      });
      expectError(answer, 422, 'validation');
    },
  },
  {
    id: 'admin.unknown-id',
    title: 'PATCH or DELETE of an unknown id → 404 not_found',
    needs: ['admin'],
    async run(ctx) {
      expectError(
        await ctx.admin('PATCH', '/comments/no-such-comment-0', { json: { status: 'spam' } }),
        404,
        'not_found',
      );
      expectError(await ctx.admin('DELETE', '/comments/no-such-comment-0'), 404, 'not_found');
    },
  },
  {
    id: 'admin.delete',
    title: 'DELETE → 204, the comment is gone for readers and the admin; a second DELETE → 404',
    needs: ['admin', 'writes'],
    async run(ctx) {
      const thread = ctx.thread('admin-delete');
      const comment = await ctx.postPublished(thread);
      const path = `/comments/${encodeURIComponent(comment.id)}`;
      const deleted = await ctx.admin('DELETE', path);
      expectStatus(deleted, 204);
      expectEqual(await publicIds(ctx, thread), [], 'ids readers see after DELETE');
      const page = await adminList(ctx, 'limit=100');
      expectTrue(!page.comments.some((c) => c.id === comment.id), 'the admin list still has the deleted comment');
      expectError(await ctx.admin('DELETE', path), 404, 'not_found', undefined, 'a second DELETE');
    },
  },
];
