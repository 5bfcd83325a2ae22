/**
 * What makes the widget reliable over a flaky network and cheap to serve: idempotent posts,
 * ETag revalidation, keyset pagination, and CORS for the publisher's origin only.
 */
import { commentCreatedSchema } from '../../src/contract/schemas.js';
import { LIMITS } from '../../src/contract/limits.js';
import type { Check, Context } from '../context.js';
import { expectEqual, expectError, expectShape, expectStatus, expectTrue, fail } from '../expect.js';
import { type Answer, threadPath } from '../http.js';

function commentOf(answer: Answer) {
  return expectShape(answer, commentCreatedSchema, `${answer.method} ${answer.path}`).comment;
}

/** The comma-separated header as lower-case names; `*` stands for all. */
function listed(header: string | null): string[] {
  return (header ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}

function allowsOrigin(answer: Answer, origin: string): boolean {
  const value = answer.headers.get('Access-Control-Allow-Origin');
  return value === origin || value === '*';
}

/** Follows `nextCursor` pages of `size`, running `between` after the first page. */
async function pageThrough(ctx: Context, thread: string, sort: string, size: number, between?: () => Promise<void>) {
  const ids: string[] = [];
  const dates: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const query: string = `limit=${size}&sort=${sort}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page = await ctx.list(thread, query);
    expectTrue(page.comments.length <= size, `a page of limit=${size} held ${page.comments.length} comments`);
    ids.push(...page.comments.map((c) => c.id));
    dates.push(...page.comments.map((c) => c.createdAt));
    cursor = page.nextCursor;
    pages += 1;
    if (pages === 1 && between) await between();
    if (pages > 50) fail('nextCursor never became null');
  } while (cursor);
  return { ids, dates, pages };
}

function expectOrdered(dates: string[], sort: 'newest' | 'oldest'): void {
  for (let i = 1; i < dates.length; i++) {
    const [a, b] = [Date.parse(dates[i - 1]!), Date.parse(dates[i]!)];
    if (sort === 'newest' ? a < b : a > b) fail(`sort=${sort}: ${dates[i - 1]} is listed before ${dates[i]}`);
  }
}

function expectSameSet(ids: string[], expected: string[], what: string): void {
  const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (repeated.length) fail(`${what}: listed twice: ${repeated.join(', ')}`);
  const missing = expected.filter((id) => !ids.includes(id));
  if (missing.length) fail(`${what}: never listed (a gap): ${missing.join(', ')}`);
  const extra = ids.filter((id) => !expected.includes(id));
  if (extra.length) fail(`${what}: listed but not expected: ${extra.join(', ')}`);
}

export const idempotencyChecks: Check[] = [
  {
    id: 'idempotency.replay',
    title: 'a retry with the same Idempotency-Key and body answers the first answer again and stores nothing new',
    needs: ['writes'],
    async run(ctx) {
      const thread = ctx.thread('replay');
      const key = ctx.idempotencyKey();
      const body = ctx.comment();
      const first = await ctx.post(thread, body, { 'Idempotency-Key': key });
      expectStatus(first, 201);
      const again = await ctx.post(thread, body, { 'Idempotency-Key': key });
      expectStatus(again, first.status, 'the replay repeats the first status');
      expectEqual(commentOf(again), commentOf(first), 'the replayed comment');
      expectEqual((await ctx.list(thread)).total, 1, 'comments stored after a retry');
    },
  },
  {
    id: 'idempotency.captcha-renewed',
    title: 'a retry that differs only in its `captcha` token is still the same request (replay, not 409)',
    needs: ['writes'],
    async run(ctx) {
      const thread = ctx.thread('renewed');
      const key = ctx.idempotencyKey();
      const body = ctx.comment();
      const first = await ctx.post(thread, { ...body, captcha: 'token-one' }, { 'Idempotency-Key': key });
      expectStatus(first, 201);
      const again = await ctx.post(thread, { ...body, captcha: 'token-two' }, { 'Idempotency-Key': key });
      expectStatus(again, 201, 'the widget renews its captcha token between attempts');
      expectEqual(commentOf(again).id, commentOf(first).id, 'the replayed comment id');
    },
  },
  {
    id: 'idempotency.conflict',
    title: 'the same Idempotency-Key with a different body → 409 idempotency_conflict, nothing stored',
    needs: ['writes'],
    async run(ctx) {
      const thread = ctx.thread('conflict');
      const key = ctx.idempotencyKey();
      const body = ctx.comment();
      expectStatus(await ctx.post(thread, body, { 'Idempotency-Key': key }), 201);
      const changed = await ctx.post(
        thread,
        { ...body, message: `${body.message} (edited)` },
        { 'Idempotency-Key': key },
      );
      expectError(changed, 409, 'idempotency_conflict');
      expectEqual((await ctx.list(thread)).total, 1, 'comments stored');
    },
  },
  {
    id: 'idempotency.per-thread',
    title: 'an Idempotency-Key is scoped to its thread: the same key in another thread posts anew',
    needs: ['writes'],
    async run(ctx) {
      const key = ctx.idempotencyKey();
      const body = ctx.comment();
      const one = await ctx.post(ctx.thread('scope-a'), body, { 'Idempotency-Key': key });
      const two = await ctx.post(ctx.thread('scope-b'), body, { 'Idempotency-Key': key });
      expectStatus(one, 201);
      expectStatus(two, 201, 'another thread');
      expectTrue(commentOf(one).id !== commentOf(two).id, 'the second thread got the first thread’s comment');
    },
  },
  {
    id: 'idempotency.bad-key',
    title: `an Idempotency-Key outside [A-Za-z0-9_.:-]{8,${LIMITS.idempotencyKeyMax}} → 400 bad_request`,
    needs: ['writes'],
    async run(ctx) {
      for (const key of ['short', 'k'.repeat(LIMITS.idempotencyKeyMax + 1), 'has space in it']) {
        const thread = ctx.thread('bad-key');
        const answer = await ctx.post(thread, ctx.comment(), { 'Idempotency-Key': key });
        expectError(answer, 400, 'bad_request', undefined, `Idempotency-Key "${key.slice(0, 20)}"`);
        expectEqual((await ctx.list(thread)).total, 0, 'comments stored');
      }
    },
  },
];

/** GET → ETag; If-None-Match → 304; after a change → 200 with another ETag. */
async function etagCheck(ctx: Context, read: () => Promise<Answer>, change: () => Promise<void>) {
  const first = await read();
  expectStatus(first, 200);
  const etag = first.headers.get('ETag');
  if (!etag) fail(`${first.method} ${first.path} sent no ETag header`);
  expectTrue(first.headers.get('Cache-Control') !== null, `${first.method} ${first.path} sent no Cache-Control header`);
  const same = await ctx.api.get(first.path, { 'If-None-Match': etag });
  expectStatus(same, 304, 'If-None-Match with the current ETag');
  expectEqual(same.text, '', 'the body of a 304');
  await change();
  const changed = await ctx.api.get(first.path, { 'If-None-Match': etag });
  expectStatus(changed, 200, 'If-None-Match with the ETag from before a change');
  expectTrue(changed.headers.get('ETag') !== etag, 'the ETag stayed the same after a change');
}

export const cachingChecks: Check[] = [
  {
    id: 'caching.comments-etag',
    title: 'the comment list carries ETag and Cache-Control, answers 304 to a matching If-None-Match, and changes',
    needs: ['writes'],
    async run(ctx) {
      const thread = ctx.thread('etag');
      await ctx.postPublished(thread);
      await etagCheck(
        ctx,
        () => ctx.listAnswer(thread),
        async () => void (await ctx.postPublished(thread)),
      );
    },
  },
  {
    id: 'caching.rating-etag',
    title: 'the rating aggregate carries ETag and Cache-Control, answers 304 to a matching If-None-Match, and changes',
    needs: ['writes'],
    async run(ctx) {
      const thread = ctx.thread('etag-rating');
      await etagCheck(
        ctx,
        () => ctx.rating(thread),
        async () => {
          expectStatus(await ctx.vote(thread, { value: 1, voter: ctx.voter() }), 200);
        },
      );
    },
  },
];

export const paginationChecks: Check[] = [
  {
    id: 'pagination.newest',
    title: 'sort=newest pages with limit=3 list every comment once, newest first, nextCursor null at the end',
    needs: ['writes'],
    async run(ctx) {
      const thread = ctx.thread('pages-newest');
      const posted: string[] = [];
      for (let i = 0; i < 7; i++) posted.push((await ctx.postPublished(thread)).id);
      const { ids, dates, pages } = await pageThrough(ctx, thread, 'newest', 3);
      expectSameSet(ids, posted, 'sort=newest');
      expectEqual(pages, 3, 'pages for 7 comments at limit=3');
      expectOrdered(dates, 'newest');
      expectEqual((await ctx.list(thread, 'limit=1')).total, 7, 'total');
    },
  },
  {
    id: 'pagination.oldest',
    title: 'sort=oldest pages list every comment once, oldest first',
    needs: ['writes'],
    async run(ctx) {
      const thread = ctx.thread('pages-oldest');
      const posted: string[] = [];
      for (let i = 0; i < 7; i++) posted.push((await ctx.postPublished(thread)).id);
      const { ids, dates } = await pageThrough(ctx, thread, 'oldest', 3);
      expectSameSet(ids, posted, 'sort=oldest');
      expectOrdered(dates, 'oldest');
      expectEqual(ids[0], posted[0], 'the first comment posted, first with sort=oldest');
    },
  },
  {
    id: 'pagination.arrivals',
    title: 'comments posted while a reader pages on cause no gap and no repeat (newest: not shown; oldest: at the end)',
    needs: ['writes'],
    async run(ctx) {
      for (const sort of ['newest', 'oldest'] as const) {
        const thread = ctx.thread(`arrivals-${sort}`);
        const posted: string[] = [];
        for (let i = 0; i < 7; i++) posted.push((await ctx.postPublished(thread)).id);
        const arrived: string[] = [];
        const { ids } = await pageThrough(ctx, thread, sort, 3, async () => {
          for (let i = 0; i < 2; i++) arrived.push((await ctx.postPublished(thread)).id);
        });
        expectSameSet(ids, sort === 'newest' ? posted : [...posted, ...arrived], `sort=${sort} with arrivals`);
      }
    },
  },
  {
    id: 'pagination.limits',
    title: `without limit a page holds at most ${LIMITS.pageSizeDefault}; limit=${LIMITS.pageSizeMax} is accepted`,
    needs: ['writes'],
    async run(ctx) {
      const thread = ctx.thread('page-size');
      for (let i = 0; i <= LIMITS.pageSizeDefault; i++) await ctx.postPublished(thread);
      const page = await ctx.list(thread);
      expectEqual(page.comments.length, LIMITS.pageSizeDefault, 'comments on a page without limit');
      expectTrue(page.nextCursor !== null, 'a first page of a longer list must carry nextCursor');
      const all = await ctx.list(thread, `limit=${LIMITS.pageSizeMax}`);
      expectEqual(all.comments.length, LIMITS.pageSizeDefault + 1, `comments on a page of limit=${LIMITS.pageSizeMax}`);
      expectEqual(all.nextCursor, null, 'nextCursor of the only page');
    },
  },
];

export const corsChecks: Check[] = [
  {
    id: 'cors.allowed-read',
    title: 'a read from the allowed origin gets Access-Control-Allow-Origin',
    needs: ['origin'],
    async run(ctx) {
      const origin = ctx.options.origin!;
      const answer = await ctx.listAnswer(ctx.thread('cors-read'), '', { Origin: origin });
      expectStatus(answer, 200);
      expectTrue(
        allowsOrigin(answer, origin),
        `Access-Control-Allow-Origin is "${answer.headers.get('Access-Control-Allow-Origin')}" for ${origin}`,
      );
    },
  },
  {
    id: 'cors.allowed-preflight',
    title: 'a preflight from the allowed origin allows POST and PUT with Content-Type and Idempotency-Key',
    needs: ['origin'],
    async run(ctx) {
      const origin = ctx.options.origin!;
      const thread = ctx.thread('cors-preflight');
      for (const [path, method] of [
        [`${threadPath(thread)}/comments`, 'POST'],
        [`${threadPath(thread)}/rating`, 'PUT'],
      ] as const) {
        const answer = await ctx.api.request('OPTIONS', path, {
          headers: {
            Origin: origin,
            'Access-Control-Request-Method': method,
            'Access-Control-Request-Headers': 'content-type,idempotency-key',
          },
        });
        expectStatus(answer, [200, 204], `preflight of ${method}`);
        expectTrue(
          allowsOrigin(answer, origin),
          `preflight of ${method}: Access-Control-Allow-Origin is "${answer.headers.get('Access-Control-Allow-Origin')}"`,
        );
        const methods = listed(answer.headers.get('Access-Control-Allow-Methods'));
        expectTrue(
          methods.includes(method.toLowerCase()) || methods.includes('*'),
          `preflight of ${method}: Access-Control-Allow-Methods lacks ${method}`,
        );
        const headers = listed(answer.headers.get('Access-Control-Allow-Headers'));
        for (const header of ['content-type', 'idempotency-key']) {
          expectTrue(
            headers.includes(header) || headers.includes('*'),
            `preflight of ${method}: Access-Control-Allow-Headers lacks ${header}`,
          );
        }
      }
    },
  },
  {
    id: 'cors.allowed-write',
    title:
      'a write from the allowed origin is accepted and its answer, an error too, is readable (CORS headers, Retry-After exposed)',
    needs: ['origin', 'writes'],
    async run(ctx) {
      const origin = ctx.options.origin!;
      const thread = ctx.thread('cors-write');
      const posted = await ctx.post(thread, ctx.comment(), { Origin: origin });
      expectStatus(posted, 201);
      expectTrue(allowsOrigin(posted, origin), 'the 201 carries no Access-Control-Allow-Origin for the allowed origin');
      const refused = await ctx.post(thread, ctx.comment({ email: 'nope' }), { Origin: origin });
      expectError(refused, 422, 'validation', { email: 'email.invalid' });
      expectTrue(
        allowsOrigin(refused, origin),
        'a 422 carries no Access-Control-Allow-Origin: the widget could not show the field errors',
      );
      const exposed = listed(refused.headers.get('Access-Control-Expose-Headers'));
      expectTrue(
        exposed.includes('retry-after') || exposed.includes('*'),
        'Access-Control-Expose-Headers lacks Retry-After: the widget could not say how long to wait after a 429',
      );
    },
  },
  {
    id: 'cors.foreign-read',
    title: 'a read from a foreign origin gets no Access-Control-Allow-Origin for it',
    async run(ctx) {
      const answer = await ctx.listAnswer(ctx.thread('cors-foreign'), '', { Origin: ctx.foreignOrigin });
      expectStatus(answer, 200);
      expectTrue(
        !allowsOrigin(answer, ctx.foreignOrigin),
        `Access-Control-Allow-Origin "${answer.headers.get('Access-Control-Allow-Origin')}" lets ${ctx.foreignOrigin} read`,
      );
    },
  },
  {
    id: 'cors.foreign-preflight',
    title: 'a preflight from a foreign origin is not granted',
    async run(ctx) {
      const answer = await ctx.api.request('OPTIONS', `${threadPath(ctx.thread('cors-foreign'))}/comments`, {
        headers: {
          Origin: ctx.foreignOrigin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type',
        },
      });
      expectTrue(
        !allowsOrigin(answer, ctx.foreignOrigin),
        `the preflight grants ${ctx.foreignOrigin} (Access-Control-Allow-Origin "${answer.headers.get('Access-Control-Allow-Origin')}")`,
      );
    },
  },
  {
    id: 'cors.foreign-write',
    title: 'a write from a foreign origin → 403 origin_not_allowed, nothing stored',
    needs: ['writes'],
    async run(ctx) {
      const thread = ctx.thread('cors-foreign-write');
      const answer = await ctx.post(thread, ctx.comment(), { Origin: ctx.foreignOrigin });
      expectError(answer, 403, 'origin_not_allowed');
      expectEqual((await ctx.list(thread)).total, 0, 'comments stored');
      const vote = await ctx.vote(thread, { value: 1, voter: ctx.voter() }, { Origin: ctx.foreignOrigin });
      expectError(vote, 403, 'origin_not_allowed', undefined, 'a vote');
    },
  },
];
