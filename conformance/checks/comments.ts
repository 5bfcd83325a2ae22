/**
 * Posting and reading comments (SPEC §3): the published answer, the list, text handling,
 * replies, the honeypot, and every field error with its message key and length limit.
 */
import type { CommentInputRaw } from '../../src/contract/schemas.js';
import { commentCreatedSchema } from '../../src/contract/schemas.js';
import { LIMITS } from '../../src/contract/limits.js';
import type { Check, Context } from '../context.js';
import { expectEqual, expectError, expectShape, expectStatus, expectTrue } from '../expect.js';
import { threadPath } from '../http.js';

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** An email address of exactly `length` characters that matches the contract's pattern. */
function emailOfLength(length: number): string {
  const domain = `${'d'.repeat(60)}.${'e'.repeat(60)}.${'f'.repeat(60)}.com`; // labels stay under 64
  return `${'a'.repeat(length - domain.length - 1)}@${domain}`;
}

/** A field error check: one field changed from a valid comment → 422 naming the key. */
function fieldError(
  id: string,
  field: string,
  key: string,
  change: (ctx: Context) => Partial<Record<keyof CommentInputRaw, unknown>>,
  what: string,
): Check {
  return {
    id: `fields.${id}`,
    title: `${what} → 422 validation, fields.${field} = "${key}"`,
    needs: ['writes'],
    async run(ctx) {
      const thread = ctx.thread(id);
      const body: Record<string, unknown> = { ...ctx.comment(), ...change(ctx) };
      for (const [name, value] of Object.entries(body)) if (value === undefined) delete body[name];
      const answer = await ctx.post(thread, body);
      expectError(answer, 422, 'validation', { [field]: key });
      const listed = await ctx.list(thread);
      expectEqual(listed.comments.length, 0, 'comments stored after a refused post');
    },
  };
}

export const commentChecks: Check[] = [
  {
    id: 'comments.post-published',
    title: 'POST a valid comment → 201 { comment } with the sent text, its thread, an id, an ISO date, published',
    needs: ['writes'],
    async run(ctx) {
      const thread = ctx.thread('post');
      const sent = ctx.comment();
      const answer = await ctx.post(thread, sent);
      expectStatus(answer, 201);
      const { comment } = expectShape(answer, commentCreatedSchema, `POST ${threadPath(thread)}/comments`);
      expectEqual(comment.thread, thread, 'comment.thread');
      expectEqual(comment.name, sent.name, 'comment.name');
      expectEqual(comment.message, sent.message, 'comment.message');
      expectEqual(comment.parent, null, 'comment.parent of a top-level comment');
      expectEqual(comment.rating, null, 'comment.rating when none was sent');
      expectEqual(comment.status, 'published', 'comment.status');
      expectTrue(comment.id !== '', 'comment.id must not be empty');
      expectTrue(ISO_8601.test(comment.createdAt), `createdAt must be ISO 8601; got "${comment.createdAt}"`);
    },
  },
  {
    id: 'comments.list',
    title: 'GET the list → 200 { comments, nextCursor, total } with the posted comment, published only',
    needs: ['writes'],
    async run(ctx) {
      const thread = ctx.thread('list');
      const first = await ctx.postPublished(thread);
      const second = await ctx.postPublished(thread, { rating: 1 });
      const page = await ctx.list(thread);
      expectEqual(page.total, 2, 'total');
      expectEqual(page.nextCursor, null, 'nextCursor of the only page');
      expectEqual(page.comments.map((c) => c.id).sort(), [first.id, second.id].sort(), 'ids listed');
      const listed = page.comments.find((c) => c.id === second.id)!;
      expectEqual(listed, second, 'the listed comment and the answer to its POST');
    },
  },
  {
    id: 'comments.email-private',
    title: 'the email is in no public answer (POST answer, list)',
    needs: ['writes'],
    async run(ctx) {
      const thread = ctx.thread('email');
      const sent = ctx.comment();
      const posted = await ctx.post(thread, sent);
      expectStatus(posted, 201);
      const listed = await ctx.listAnswer(thread);
      for (const answer of [posted, listed]) {
        expectTrue(
          !answer.text.includes(sent.email) && !/"email"\s*:/.test(answer.text),
          `${answer.method} ${answer.path} shows the author's email`,
        );
      }
    },
  },
  {
    id: 'comments.text-normalised',
    title: 'names and messages are trimmed and normalised to Unicode NFC',
    needs: ['writes'],
    async run(ctx) {
      const thread = ctx.thread('nfc');
      const comment = await ctx.postPublished(thread, {
        name: '  Ade\u0301le  ',
        message: '\n  Cafe\u0301 au lait.  \n',
      });
      expectEqual(comment.name, 'Ad\u00e9le', 'name');
      expectEqual(comment.message, 'Caf\u00e9 au lait.', 'message');
    },
  },
  {
    id: 'comments.text-verbatim',
    title: 'markup and line breaks in a message come back as the same text (never as HTML)',
    needs: ['writes'],
    async run(ctx) {
      const thread = ctx.thread('verbatim');
      const message = 'Line one\n\t<script>alert("x")</script> & <b>bold</b> "quoted" \u{1F600}\nLine three';
      const comment = await ctx.postPublished(thread, { message, name: '<img src=x onerror=alert(1)>' });
      expectEqual(comment.message, message, 'message');
      expectEqual(comment.name, '<img src=x onerror=alert(1)>', 'name');
      const [listed] = (await ctx.list(thread)).comments;
      expectEqual(listed?.message, message, 'listed message');
    },
  },
  {
    id: 'comments.reply',
    title: 'a reply names a published parent of the same thread and is listed with it',
    needs: ['writes'],
    async run(ctx) {
      const thread = ctx.thread('reply');
      const parent = await ctx.postPublished(thread);
      const reply = await ctx.postPublished(thread, { parent: parent.id });
      expectEqual(reply.parent, parent.id, 'reply.parent');
      const listed = await ctx.listAll(thread);
      expectEqual(listed.find((c) => c.id === reply.id)?.parent, parent.id, 'listed reply.parent');
      const elsewhere = await ctx.post(ctx.thread('reply-other'), ctx.comment({ parent: parent.id }));
      expectError(elsewhere, 422, 'validation', { parent: 'parent.invalid' }, 'the parent is in another thread');
    },
  },
  {
    id: 'comments.honeypot',
    title: 'a filled `website` (honeypot) gets a 201-looking answer and is never listed',
    needs: ['writes'],
    async run(ctx) {
      const thread = ctx.thread('honeypot');
      const answer = await ctx.post(thread, ctx.comment({ website: 'https://spam.example' }));
      expectStatus(answer, 201, 'the bot must not learn it was caught');
      const { comment } = expectShape(answer, commentCreatedSchema, `POST ${threadPath(thread)}/comments`);
      const listed = await ctx.list(thread);
      expectTrue(!listed.comments.some((c) => c.id === comment.id), 'the honeypot comment is listed');
      expectEqual(listed.total, 0, 'total');
    },
  },
  fieldError('name-required', 'name', 'name.required', () => ({ name: undefined }), 'no name'),
  fieldError('name-blank', 'name', 'name.required', () => ({ name: '   ' }), 'a name of spaces'),
  fieldError(
    'name-too-long',
    'name',
    'name.tooLong',
    () => ({ name: 'n'.repeat(LIMITS.nameMax + 1) }),
    `a name of ${LIMITS.nameMax + 1} characters`,
  ),
  fieldError('name-control', 'name', 'name.control', () => ({ name: 'Ada\u0007' }), 'a control character in the name'),
  fieldError('email-required', 'email', 'email.required', () => ({ email: undefined }), 'no email'),
  fieldError('email-invalid', 'email', 'email.invalid', () => ({ email: 'not-an-address' }), 'an email without @'),
  fieldError(
    'email-too-long',
    'email',
    'email.tooLong',
    () => ({ email: emailOfLength(LIMITS.emailMax + 1) }),
    `an email of ${LIMITS.emailMax + 1} characters`,
  ),
  fieldError('message-required', 'message', 'message.required', () => ({ message: ' \n ' }), 'a blank message'),
  fieldError(
    'message-too-long',
    'message',
    'message.tooLong',
    () => ({ message: 'm'.repeat(LIMITS.messageMax + 1) }),
    `a message of ${LIMITS.messageMax + 1} characters`,
  ),
  fieldError(
    'message-control',
    'message',
    'message.control',
    () => ({ message: 'Hello\u0000there' }),
    'a NUL character in the message',
  ),
  fieldError('rating-zero', 'rating', 'rating.range', () => ({ rating: 0 }), 'a rating of 0'),
  fieldError(
    'rating-above-scale',
    'rating',
    'rating.range',
    (ctx) => ({ rating: ctx.ratingMax + 1 }),
    'a rating above the scale',
  ),
  fieldError('rating-fraction', 'rating', 'rating.range', () => ({ rating: 2.5 }), 'a rating of 2.5'),
  fieldError(
    'parent-unknown',
    'parent',
    'parent.invalid',
    () => ({ parent: 'no-such-comment-0' }),
    'an unknown parent',
  ),
  fieldError('voter-invalid', 'voter', 'voter.invalid', () => ({ voter: 'short' }), 'a voter id of 5 characters'),
  {
    id: 'limits.field-lengths',
    title: `fields at their limits are accepted (name ${LIMITS.nameMax}, email ${LIMITS.emailMax}, message ${LIMITS.messageMax} characters)`,
    needs: ['writes'],
    async run(ctx) {
      const thread = ctx.thread('lengths');
      const sent = {
        name: 'n'.repeat(LIMITS.nameMax),
        email: emailOfLength(LIMITS.emailMax),
        message: 'm'.repeat(LIMITS.messageMax),
      };
      const comment = await ctx.postPublished(thread, sent);
      expectEqual(comment.name.length, LIMITS.nameMax, 'name length');
      expectEqual(comment.message.length, LIMITS.messageMax, 'message length');
    },
  },
  {
    id: 'limits.body-size',
    title: `a body of exactly ${LIMITS.bodyMaxBytes} bytes is accepted; one byte more → 413 payload_too_large`,
    needs: ['writes'],
    async run(ctx) {
      const thread = ctx.thread('size');
      // JSON allows any amount of whitespace: a valid comment padded to the exact size.
      const padded = (size: number) => {
        const json = JSON.stringify(ctx.comment());
        return `${json.slice(0, -1)}${' '.repeat(size - Buffer.byteLength(json))}}`;
      };
      const path = `${threadPath(thread)}/comments`;
      const atLimit = await ctx.api.request('POST', path, {
        raw: padded(LIMITS.bodyMaxBytes),
        headers: { 'Content-Type': 'application/json' },
      });
      expectStatus(atLimit, 201, `${LIMITS.bodyMaxBytes} bytes is within the limit`);
      const over = await ctx.api.request('POST', path, {
        raw: padded(LIMITS.bodyMaxBytes + 1),
        headers: { 'Content-Type': 'application/json' },
      });
      expectError(over, 413, 'payload_too_large');
    },
  },
  {
    id: 'requests.malformed-json',
    title: 'a body that is not valid JSON → 400 malformed_json',
    needs: ['writes'],
    async run(ctx) {
      const path = `${threadPath(ctx.thread('json'))}/comments`;
      const answer = await ctx.api.request('POST', path, {
        raw: '{"name": "Ada",',
        headers: { 'Content-Type': 'application/json' },
      });
      expectError(answer, 400, 'malformed_json');
    },
  },
  {
    id: 'requests.not-json',
    title: 'a body sent as text/plain → 415 unsupported_media_type',
    needs: ['writes'],
    async run(ctx) {
      const path = `${threadPath(ctx.thread('media'))}/comments`;
      const answer = await ctx.api.request('POST', path, {
        raw: JSON.stringify(ctx.comment()),
        headers: { 'Content-Type': 'text/plain' },
      });
      expectError(answer, 415, 'unsupported_media_type');
    },
  },
  {
    id: 'requests.bad-thread',
    title: `a thread id outside [A-Za-z0-9._~:/-]{1,${LIMITS.threadMax}} → 400 bad_request (read and write)`,
    async run(ctx) {
      for (const thread of ['has space', 'x'.repeat(LIMITS.threadMax + 1), 'quote"s']) {
        expectError(
          await ctx.listAnswer(thread),
          400,
          'bad_request',
          undefined,
          `GET with thread "${thread.slice(0, 20)}…"`,
        );
      }
      expectError(await ctx.rating('has space'), 400, 'bad_request');
      expectError(await ctx.post('has space', ctx.comment()), 400, 'bad_request');
    },
  },
  {
    id: 'requests.bad-query',
    title: `limit outside 1..${LIMITS.pageSizeMax}, an unknown sort or a broken cursor → 400 bad_request`,
    async run(ctx) {
      const thread = ctx.thread('query');
      for (const query of [
        'limit=0',
        `limit=${LIMITS.pageSizeMax + 1}`,
        'limit=ten',
        'sort=sideways',
        'cursor=%21%21%21',
        'cursor=bm90LWEtY3Vyc29y',
      ]) {
        expectError(await ctx.listAnswer(thread, query), 400, 'bad_request', undefined, `?${query}`);
      }
    },
  },
];
