/**
 * `GET /api/openapi.json`: the HTTP contract (SPEC §3) as OpenAPI 3.1, generated from the same
 * zod schemas the widget and the routes validate with, so it cannot drift from them. Every
 * operation names each status it can answer; error answers list their `error` codes (from the
 * contract's ERROR_CODES) and carry examples made by the server's own error factories, so the
 * documented message is the one the server sends. `npm run lint:openapi` holds it to Redocly's
 * recommended rules, and test/conformance/openapi-client-types.test.ts checks that a client
 * generated from it accepts what the widget sends and gives what the widget reads. The document
 * does not list itself (`GET /openapi.json`): it is the one route that is not part of the contract.
 */
import { z } from 'zod';
import {
  adminCommentSchema,
  bodyBlockSchema,
  bodyInlineSchema,
  captchaConfigSchema,
  commentEditedSchema,
  commentEditInputSchema,
  commentVoteInputSchema,
  commentVoteResultSchema,
  countsSchema,
  commentCreatedSchema,
  commentInputSchema,
  commentPageSchema,
  commentSchema,
  errorBodySchema,
  ratingAggregateSchema,
  ratingInputSchema,
  // ---- notifications (#16) ----
  adminDeliverySchema,
  serverConfigSchema,
} from '../src/contract/schemas.js';
import {
  blockInputSchema,
  blockListSchema,
  blockSchema,
  BULK_MAX,
  bulkResultSchema,
  bulkSchema,
  moderationCommentSchema,
  moderationPageSchema,
  moderationPatchSchema,
  QUEUE_STATUSES,
  sessionSchema,
  signInSchema,
  statusCountsSchema,
} from '../src/contract/admin.js';
import { ERROR_CODES, FIELD_ERROR_KEYS, type ErrorCode } from '../src/contract/keys.js';
import { ID_PATTERN, IDEMPOTENCY_KEY_PATTERN, LIMITS, THREAD_PATTERN } from '../src/contract/limits.js';
import { english, errors, HttpError } from './errors.js';

type JsonSchema = Record<string, unknown>;

const SCHEMAS = '#/components/schemas/';
const ref = (name: string) => ({ $ref: `${SCHEMAS}${name}` });

/**
 * The named schemas of one direction, with `$ref`s between them. Answers are converted as zod
 * outputs, requests as zod inputs (what a client may send before trimming and defaults).
 */
function namedSchemas(io: 'input' | 'output', named: Record<string, z.core.$ZodType>): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { io, uri: (id) => `${SCHEMAS}${id}`, unrepresentable: 'any' });
  const out: Record<string, JsonSchema> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    const { $schema: _schema, $id: _id, ...rest } = schema as JsonSchema;
    out[id] = io === 'output' ? openForAdditions(rest) : rest;
  }
  return out;
}

/**
 * Answers may gain fields (SPEC §6 adds `votes`, `body`, `editToken`), and clients ignore what
 * they do not know, so answer objects are not closed with `additionalProperties: false`.
 */
function openForAdditions(schema: unknown): JsonSchema {
  if (Array.isArray(schema)) return schema.map(openForAdditions) as unknown as JsonSchema;
  if (schema === null || typeof schema !== 'object') return schema as JsonSchema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'additionalProperties' && value === false) continue;
    out[key] = openForAdditions(value);
  }
  return out;
}

const EXAMPLE_COMMENT = {
  id: 'q2V8xY1bLm3Z',
  thread: '/2026/05/rivers-in-spring',
  parent: null,
  name: 'Ada',
  message: 'Thank you for this piece: the map of the floods helped a lot.',
  rating: 5,
  createdAt: '2026-05-14T09:30:00.000Z',
  status: 'published',
};
const EXAMPLE_VOTER = 'v_3f9a1c2d4e5b6a7f';

/** An error answer: its description, its `error` codes, and one example per way it happens. */
function errorResponse(description: string, examples: Record<string, HttpError>, headers?: JsonSchema): JsonSchema {
  const codes: ErrorCode[] = [...new Set(Object.values(examples).map((e) => e.code))];
  return {
    description,
    ...(headers ? { headers } : {}),
    content: {
      'application/json': {
        schema: { allOf: [ref('Error'), { type: 'object', properties: { error: { type: 'string', enum: codes } } }] },
        examples: Object.fromEntries(Object.entries(examples).map(([name, e]) => [name, { value: e.body() }])),
      },
    },
  };
}

const invalidThread = () =>
  errors.badRequest('The thread id is not valid: use 1–200 characters of A–Z, a–z, 0–9 and . _ ~ : / -');
const invalidQuery = () => errors.badRequest('Invalid query parameter: limit.');
const invalidCursor = () => errors.badRequest('The cursor is not valid. Start again from the first page.');
const invalidKey = () =>
  errors.badRequest('The Idempotency-Key header must be 8–128 characters of A–Z, a–z, 0–9 and _ . : -');
const validation = (field: string, key: string, max: number) =>
  new HttpError(422, 'validation', english(key, { max }), { [field]: key });

const internal = errorResponse('An unexpected failure on the server; nothing internal is shown.', {
  internal: errors.internal(),
});
const originNotAllowed = errorResponse('A browser on an origin outside ALLOWED_ORIGINS sent a write.', {
  origin: errors.originNotAllowed(),
});
const payloadTooLarge = errorResponse(`The body is larger than ${LIMITS.bodyMaxBytes} bytes (32 KiB).`, {
  tooLarge: errors.payloadTooLarge(),
});
const unsupportedMediaType = errorResponse('The body is not sent as `application/json`.', {
  notJson: errors.unsupportedMediaType(),
});
const retryAfter = {
  'Retry-After': { description: 'Seconds to wait before the next write.', schema: { type: 'integer', minimum: 0 } },
};
const cacheHeaders = {
  ETag: {
    description: 'Send it back in `If-None-Match` to get a 304 while nothing changed.',
    schema: { type: 'string' },
  },
  'Cache-Control': { description: '`no-cache`: revalidate with the ETag.', schema: { type: 'string' } },
};
const notModified = { description: 'Not modified: the `If-None-Match` ETag still matches.', headers: cacheHeaders };
const replayedHeader = {
  'Idempotent-Replayed': {
    description: '`true` when this repeats the answer to an earlier request with the same key.',
    schema: { type: 'string', enum: ['true'] },
  },
};
const ifNoneMatch = {
  name: 'If-None-Match',
  in: 'header',
  required: false,
  description: 'The ETag of an earlier answer; a match answers 304 without a body.',
  schema: { type: 'string' },
};

const json = (schema: JsonSchema, example?: unknown) => ({
  'application/json': { schema, ...(example === undefined ? {} : { example }) },
});

export function openApiDocument(ratingMax: number): JsonSchema {
  const thread = {
    name: 'thread',
    in: 'path',
    required: true,
    description: `The discussion id, percent-encoded (1–${LIMITS.threadMax} characters of [A-Za-z0-9._~:/-]).`,
    schema: { type: 'string', pattern: THREAD_PATTERN.source },
    example: EXAMPLE_COMMENT.thread,
  };
  const commentId = {
    name: 'id',
    in: 'path',
    required: true,
    description: 'A comment id as the server handed it out.',
    schema: { type: 'string', pattern: ID_PATTERN.source },
    example: EXAMPLE_COMMENT.id,
  };
  // Written out rather than derived: the contract reads `limit` from a query string (a digit
  // string piped into a number), while a client, and this document, deal in the integer.
  const limit = {
    name: 'limit',
    in: 'query',
    required: false,
    description: 'Comments per page.',
    schema: { type: 'integer', minimum: 1, maximum: LIMITS.pageSizeMax, default: LIMITS.pageSizeDefault },
  };
  const cursor = {
    name: 'cursor',
    in: 'query',
    required: false,
    description: 'The `nextCursor` of the previous page (opaque).',
    schema: { type: 'string', maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' },
  };
  const sort = {
    name: 'sort',
    in: 'query',
    required: false,
    description:
      'Newest or oldest first, or `best`: by the Wilson lower bound of up against down votes, ties newest first (#18).',
    schema: { type: 'string', enum: ['newest', 'oldest', 'best'], default: 'newest' },
  };
  const idempotencyKey = {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description:
      'Scoped to the thread. A retry with the same key and the same fields (the `captcha` field aside) answers ' +
      'the first answer again, with `Idempotent-Replayed: true`, and stores nothing new.',
    schema: { type: 'string', pattern: IDEMPOTENCY_KEY_PATTERN.source },
    example: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  };
  const publicOperation = { security: [] };
  const rateLimited = (key: 'form.rateLimited' | 'rating.rateLimited') =>
    errorResponse(
      'Too many writes from this client; retry after the given seconds.',
      { rateLimited: new HttpError(429, 'rate_limited', english(key, { n: 42 })) },
      retryAfter,
    );
  const aggregateExample = aggregateExampleFor(ratingMax);
  const notifications = notificationsOpenApi(ratingMax);

  const inputs = namedSchemas('input', {
    CommentInput: commentInputSchema,
    RatingInput: ratingInputSchema,
    ...readerInputs,
  });
  // This server's scale: a value above RATING_MAX is refused with 422 `rating.range`.
  setRatingMaximum(inputs.CommentInput, 'rating', ratingMax);
  setRatingMaximum(inputs.RatingInput, 'value', ratingMax);
  const outputs = namedSchemas('output', {
    Comment: commentSchema,
    CommentPage: commentPageSchema,
    CommentCreated: commentCreatedSchema,
    RatingAggregate: ratingAggregateSchema,
    CaptchaConfig: captchaConfigSchema,
    AdminComment: adminCommentSchema,
    Error: errorBodySchema,
    ...readerOutputs,
  });
  const errorProperties = outputs.Error!.properties as Record<string, JsonSchema>;
  errorProperties.error = { type: 'string', enum: [...ERROR_CODES], description: 'What went wrong, for programs.' };
  errorProperties.message = { type: 'string', description: 'An English sentence, for people.' };
  errorProperties.fields!.description =
    'Per field, a message key of the contract the widget shows in the reader’s language: ' +
    `${FIELD_ERROR_KEYS.join(', ')} (a captcha 503 names captcha.unavailable).`;

  // ---- the moderator's desk (#15): the dashboard's calls, with the session cookie or the token ----
  const moderatorOperation = { security: [{ adminToken: [] }, { adminSession: [] }], tags: ['admin'] };
  const moderatorOff = errors.notFound('The admin API is off: set ADMIN_TOKEN (or ADMIN_PASSWORD) to turn it on.');
  const moderatorUnauthorized = errorResponse(
    'Neither a valid bearer token nor a live dashboard session.',
    { unauthorized: errors.unauthorized() },
    { 'WWW-Authenticate': { description: 'The bearer challenge.', schema: { type: 'string' } } },
  );
  const cookieOrigin = errorResponse(
    'A write made with the session cookie did not come from the server’s own origin (or a foreign browser origin).',
    {
      cookieOrigin: new HttpError(
        403,
        'origin_not_allowed',
        'A moderation request made with the dashboard session must come from the dashboard itself.',
      ),
      origin: errors.originNotAllowed(),
    },
  );
  const moderatorErrors = { 401: moderatorUnauthorized, 500: internal };
  const moderatorWriteErrors = {
    ...moderatorErrors,
    400: errorResponse('Malformed JSON.', { malformedJson: errors.malformedJson() }),
    403: cookieOrigin,
    413: payloadTooLarge,
    415: unsupportedMediaType,
  };
  const notFoundOrOff = (what: string) =>
    errorResponse(`No ${what} with this id, or the admin API is off.`, {
      missing: errors.notFound(`No ${what} with this id.`),
      off: moderatorOff,
    });
  const queryParameter = (name: string, description: string, schema: JsonSchema) => ({
    name,
    in: 'query',
    required: false,
    description,
    schema,
  });
  const blockId = {
    name: 'id',
    in: 'path',
    required: true,
    description: 'The block’s id.',
    schema: { type: 'string' },
  };
  const moderationExample = {
    ...EXAMPLE_COMMENT,
    email: 'ada@example.com',
    status: 'pending',
    url: 'https://news.example/2026/05/rivers-in-spring',
  };
  const blockExample = {
    id: 'Zk3m9QwErTy1',
    kind: 'email',
    value: 'troll@example.com',
    label: 'Troll',
    comment: 'q2V8xY1bLm3Z',
    createdAt: '2026-05-14T09:31:00.000Z',
  };
  const dashboardInputs = namedSchemas('input', {
    SignIn: signInSchema,
    ModerationPatch: moderationPatchSchema,
    BulkAction: bulkSchema,
    BlockInput: blockInputSchema,
  });
  const dashboardOutputs = namedSchemas('output', {
    Session: sessionSchema,
    // Named here too, so a moderation comment's `body` refers to them instead of copying them.
    BodyBlock: bodyBlockSchema,
    BodyInline: bodyInlineSchema,
    ModerationComment: moderationCommentSchema,
    ModerationPage: moderationPageSchema,
    StatusCounts: statusCountsSchema,
    BulkResult: bulkResultSchema,
    Block: blockSchema,
    BlockList: blockListSchema,
  });
  const dashboardPaths = {
    '/admin/session': {
      post: {
        operationId: 'signIn',
        summary: 'Sign in to the dashboard: sets the session cookie',
        description:
          'The token is ADMIN_TOKEN, or ADMIN_PASSWORD when that is set. Five attempts a minute per client; ' +
          'every failure answers the same 401.',
        tags: ['admin'],
        security: [],
        requestBody: { required: true, content: json(ref('SignIn'), { token: 'the admin token or password' }) },
        responses: {
          200: {
            description:
              'Signed in: `Set-Cookie: af_admin_session=…; HttpOnly; SameSite=Strict; Path=/` (and Secure on https), ' +
              'and `af_admin_signed_in=1` with the same attributes but readable by scripts: not a credential, it ' +
              'only tells the dashboard that a session may be there (both are cleared on sign-out, and by a ' +
              '`GET /admin/session` that finds the session over).',
            headers: {
              'Set-Cookie': { description: 'The session cookie and the signed-in cookie.', schema: { type: 'string' } },
            },
            content: json(ref('Session'), { expiresAt: '2026-05-14T21:30:00.000Z' }),
          },
          401: errorResponse('The token or password is not right (or the body is not `{ token }`).', {
            failed: new HttpError(401, 'unauthorized', 'Sign-in failed. Check the token or password and try again.'),
          }),
          403: cookieOrigin,
          404: errorResponse('The admin API is off.', { off: moderatorOff }),
          415: unsupportedMediaType,
          429: errorResponse(
            'Too many sign-in attempts from this client.',
            {
              rateLimited: new HttpError(429, 'rate_limited', 'Too many sign-in attempts. Try again in 42 seconds.'),
            },
            retryAfter,
          ),
          500: internal,
        },
      },
      get: {
        operationId: 'getSession',
        summary: 'Whether the session cookie names a live session',
        tags: ['admin'],
        security: [{ adminSession: [] }],
        responses: {
          200: { description: 'Signed in.', content: json(ref('Session'), { expiresAt: '2026-05-14T21:30:00.000Z' }) },
          401: errorResponse('No live session.', {
            failed: new HttpError(401, 'unauthorized', 'Sign-in failed. Check the token or password and try again.'),
          }),
          404: errorResponse('The admin API is off.', { off: moderatorOff }),
          500: internal,
        },
      },
      delete: {
        operationId: 'signOut',
        summary: 'Sign out: ends the session on every instance and clears the cookie',
        tags: ['admin'],
        security: [{ adminSession: [] }],
        responses: {
          204: { description: 'Signed out (also when there was no session).' },
          403: cookieOrigin,
          404: errorResponse('The admin API is off.', { off: moderatorOff }),
          500: internal,
        },
      },
    },
    '/admin/comments': {
      get: {
        operationId: 'listAdminComments',
        summary: 'Comments for moderation, newest first, by status, words and thread',
        ...moderatorOperation,
        parameters: [
          queryParameter('status', 'One status, or `all`; every status when absent.', {
            type: 'string',
            enum: [...QUEUE_STATUSES],
          }),
          queryParameter('q', 'Words to find in the text, name, email or thread.', { type: 'string', maxLength: 200 }),
          queryParameter('thread', 'Only this thread.', { type: 'string', pattern: THREAD_PATTERN.source }),
          limit,
          cursor,
        ],
        responses: {
          200: {
            description: 'A page (ETag; a matching If-None-Match answers 304); `nextCursor` is null on the last page.',
            content: json(ref('ModerationPage'), { comments: [moderationExample], nextCursor: null }),
          },
          304: { description: 'Unchanged since the ETag sent in If-None-Match.' },
          400: errorResponse('A bad query parameter or cursor.', { query: invalidQuery(), cursor: invalidCursor() }),
          404: errorResponse('The admin API is off.', { off: moderatorOff }),
          ...moderatorErrors,
        },
      },
    },
    '/admin/counts': {
      get: {
        operationId: 'countAdminComments',
        summary: 'How many comments have each status',
        ...moderatorOperation,
        responses: {
          200: {
            description: 'The counts (ETag; a matching If-None-Match answers 304).',
            content: json(
              { type: 'object', properties: { counts: ref('StatusCounts') }, required: ['counts'] },
              { counts: { pending: 3, published: 120, spam: 7, all: 130 } },
            ),
          },
          304: { description: 'Unchanged since the ETag sent in If-None-Match.' },
          404: errorResponse('The admin API is off.', { off: moderatorOff }),
          ...moderatorErrors,
        },
      },
    },
    '/admin/comments/bulk': {
      post: {
        operationId: 'moderateComments',
        summary: `Approve, mark spam or delete up to ${BULK_MAX} comments at once`,
        ...moderatorOperation,
        requestBody: { required: true, content: json(ref('BulkAction'), { action: 'approve', ids: ['q2V8xY1bLm3Z'] }) },
        responses: {
          200: {
            description: 'What was done, and the ids that did not exist.',
            content: json(ref('BulkResult'), { done: ['q2V8xY1bLm3Z'], missing: [] }),
          },
          404: errorResponse('The admin API is off.', { off: moderatorOff }),
          422: errorResponse('An unknown action, or no ids, or too many.', {
            action: new HttpError(422, 'validation', english('field.invalid'), { action: 'field.invalid' }),
          }),
          ...moderatorWriteErrors,
        },
      },
    },
    '/admin/comments/{id}': {
      get: {
        operationId: 'getAdminComment',
        summary: 'One comment, as the dashboard lists it (for links to `/admin?comment=<id>`)',
        ...moderatorOperation,
        parameters: [commentId],
        responses: {
          200: {
            description: 'The comment.',
            content: json(
              { type: 'object', properties: { comment: ref('ModerationComment') }, required: ['comment'] },
              { comment: moderationExample },
            ),
          },
          404: notFoundOrOff('comment'),
          ...moderatorErrors,
        },
      },
      patch: {
        operationId: 'moderateComment',
        summary: 'Set a comment’s status (published, spam, or back to pending), or edit its text',
        description: 'An edit is validated as a new comment’s message and records `editedAt`.',
        ...moderatorOperation,
        parameters: [commentId],
        requestBody: { required: true, content: json(ref('ModerationPatch'), { status: 'published' }) },
        responses: {
          200: {
            description: 'The updated comment.',
            content: json(
              { type: 'object', properties: { comment: ref('AdminComment') }, required: ['comment'] },
              { comment: { ...EXAMPLE_COMMENT, email: 'ada@example.com' } },
            ),
          },
          404: notFoundOrOff('comment'),
          422: errorResponse('Neither a known `status` nor a valid `message`.', {
            message: validation('message', 'message.required', LIMITS.messageMax),
          }),
          ...moderatorWriteErrors,
        },
      },
      delete: {
        operationId: 'deleteComment',
        summary: 'Delete a comment (and the rating it carried) for good',
        ...moderatorOperation,
        parameters: [commentId],
        responses: { 204: { description: 'Deleted.' }, 404: notFoundOrOff('comment'), ...moderatorWriteErrors },
      },
    },
    '/admin/blocks': {
      get: {
        operationId: 'listBlocks',
        summary: 'Blocked authors, newest first',
        ...moderatorOperation,
        responses: {
          200: { description: 'The blocks.', content: json(ref('BlockList'), { blocks: [blockExample] }) },
          404: errorResponse('The admin API is off.', { off: moderatorOff }),
          ...moderatorErrors,
        },
      },
      post: {
        operationId: 'blockAuthor',
        summary: 'Block the author of a comment by email and/or client address; the comment becomes spam',
        description: 'The author’s later comments are stored as spam; they get the answer anyone would.',
        ...moderatorOperation,
        requestBody: { required: true, content: json(ref('BlockInput'), { comment: 'q2V8xY1bLm3Z', by: ['email'] }) },
        responses: {
          201: {
            description: 'The blocks now in force for this author, and the comment (now spam).',
            content: json(
              {
                type: 'object',
                properties: { blocks: { type: 'array', items: ref('Block') }, comment: ref('AdminComment') },
                required: ['blocks', 'comment'],
              },
              { blocks: [blockExample], comment: { ...EXAMPLE_COMMENT, email: 'troll@example.com', status: 'spam' } },
            ),
          },
          404: notFoundOrOff('comment'),
          422: errorResponse('No comment id, or `by` names nothing known.', {
            by: new HttpError(422, 'validation', english('field.invalid'), { by: 'field.invalid' }),
          }),
          ...moderatorWriteErrors,
        },
      },
    },
    '/admin/blocks/{id}': {
      delete: {
        operationId: 'liftBlock',
        summary: 'Lift a block',
        ...moderatorOperation,
        parameters: [blockId],
        responses: { 204: { description: 'Lifted.' }, 404: notFoundOrOff('block'), ...moderatorWriteErrors },
      },
    },
  };
  const adminSessionScheme = {
    type: 'apiKey',
    in: 'cookie',
    name: 'af_admin_session',
    description: 'The dashboard’s session (POST /admin/session); writes must also carry the server’s own Origin.',
  };
  // ---- end of the moderator's desk (#15) ----

  return markReferenceOnly({
    openapi: '3.1.0',
    info: {
      title: 'article-feedback API',
      version: '1.0.0',
      license: { name: 'MIT', identifier: 'MIT' },
      description:
        'Comments and star ratings for articles (SPEC §3): the contract the article-feedback widget talks to, ' +
        'which any backend may implement (`npx -p article-feedback-server article-feedback-conformance <base URL>` checks one). ' +
        'Errors are always `{ error, message, fields? }`; a 422 names a message key per field. ' +
        `Request bodies are JSON of at most ${LIMITS.bodyMaxBytes} bytes. This server's rating scale is 1–${ratingMax}.`,
    },
    servers: [{ url: '/api', description: 'This server' }],
    tags: [
      { name: 'comments', description: 'Reading and posting comments; votes, editing and deleting one’s own (#18)' },
      { name: 'rating', description: 'The star rating of a thread' },
      { name: 'captcha', description: 'What the widget shows before posting' },
      { name: 'admin', description: 'Moderation, behind the admin token' },
      { name: 'notifications', description: 'Emails and webhooks (#16)' },
    ],
    paths: {
      ...readerPaths({ thread, commentId, publicOperation, rateLimited }),
      ...renderedPaths({ thread, publicOperation }), // #19
      '/threads/{thread}/comments': {
        get: {
          operationId: 'listComments',
          summary: 'Published comments of a thread, cursor-paginated',
          description:
            'Keyset pagination on (createdAt, id): following `nextCursor` shows no comment twice and skips none, ' +
            'even while comments arrive. Replies are listed with their `parent`.',
          tags: ['comments'],
          ...publicOperation,
          parameters: [thread, limit, cursor, sort, ifNoneMatch],
          responses: {
            200: {
              description: 'A page of comments; `nextCursor` is null on the last page.',
              headers: cacheHeaders,
              content: json(ref('CommentPage'), { comments: [EXAMPLE_COMMENT], nextCursor: null, total: 1 }),
            },
            304: notModified,
            400: errorResponse('A bad thread id, query parameter or cursor.', {
              thread: invalidThread(),
              query: invalidQuery(),
              cursor: invalidCursor(),
            }),
            500: internal,
          },
        },
        post: {
          operationId: 'postComment',
          summary: 'Post a comment',
          description:
            'A `rating` with a `voter` is also that reader’s vote in the thread. A `parent` must be a published ' +
            'comment of the same thread. A filled `website` (the honeypot) gets a normal-looking 201 and is never shown.',
          tags: ['comments'],
          ...publicOperation,
          parameters: [thread, idempotencyKey],
          requestBody: {
            required: true,
            content: json(ref('CommentInput'), {
              name: 'Ada',
              email: 'ada@example.com',
              message: EXAMPLE_COMMENT.message,
              rating: Math.min(5, ratingMax),
              voter: EXAMPLE_VOTER,
            }),
          },
          responses: {
            201: {
              description: 'Published.',
              headers: replayedHeader,
              content: json(ref('CommentCreated'), { comment: EXAMPLE_COMMENT }),
            },
            202: {
              description: 'Stored, awaiting moderation; only its author sees it (kept in their browser).',
              headers: replayedHeader,
              content: json(ref('CommentCreated'), { comment: { ...EXAMPLE_COMMENT, status: 'pending' } }),
            },
            400: errorResponse('Malformed JSON, a bad thread id or a bad Idempotency-Key.', {
              malformedJson: errors.malformedJson(),
              thread: invalidThread(),
              idempotencyKey: invalidKey(),
            }),
            403: errorResponse('The captcha failed, or a browser on a foreign origin sent it.', {
              captcha: errors.captchaFailed(),
              origin: errors.originNotAllowed(),
            }),
            409: errorResponse('The Idempotency-Key was used before for a different request.', {
              conflict: errors.idempotencyConflict(),
            }),
            413: payloadTooLarge,
            415: unsupportedMediaType,
            422: errorResponse('A field is not valid; `fields` maps each field to a message key.', {
              email: validation('email', 'email.invalid', ratingMax),
              name: validation('name', 'name.tooLong', LIMITS.nameMax),
              message: validation('message', 'message.required', LIMITS.messageMax),
              rating: validation('rating', 'rating.range', ratingMax),
              parent: validation('parent', 'parent.invalid', ratingMax),
              captcha: errors.captchaMissing('pow'),
            }),
            429: rateLimited('form.rateLimited'),
            500: internal,
            503: errorResponse('The captcha provider could not be reached; try again.', {
              captcha: errors.captchaUnavailable(),
            }),
          },
        },
      },
      '/threads/{thread}/rating': {
        get: {
          operationId: 'getRating',
          summary: 'Rating aggregate of a thread',
          tags: ['rating'],
          ...publicOperation,
          parameters: [thread, ifNoneMatch],
          responses: {
            200: {
              description: '`histogram[i]` counts the votes for i+1 stars; `max` is the server’s scale.',
              headers: cacheHeaders,
              content: json(ref('RatingAggregate'), aggregateExample),
            },
            304: notModified,
            400: errorResponse('A bad thread id.', { thread: invalidThread() }),
            500: internal,
          },
        },
        put: {
          operationId: 'putRating',
          summary: "Cast or replace a voter's vote",
          description: 'One vote per `voter` and thread: a second vote replaces the first.',
          tags: ['rating'],
          ...publicOperation,
          parameters: [thread],
          requestBody: {
            required: true,
            content: json(ref('RatingInput'), { value: ratingMax, voter: EXAMPLE_VOTER }),
          },
          responses: {
            200: {
              description: 'The new aggregate, with `yours`: the value just cast.',
              content: json(ref('RatingAggregate'), { ...aggregateExample, yours: ratingMax }),
            },
            400: errorResponse('Malformed JSON or a bad thread id.', {
              malformedJson: errors.malformedJson(),
              thread: invalidThread(),
            }),
            403: originNotAllowed,
            413: payloadTooLarge,
            415: unsupportedMediaType,
            422: errorResponse('The value is outside the scale, or the voter id is not valid.', {
              value: validation('value', 'rating.range', ratingMax),
              voter: validation('voter', 'voter.invalid', ratingMax),
            }),
            429: rateLimited('rating.rateLimited'),
            500: internal,
          },
        },
      },
      '/captcha': {
        get: {
          operationId: 'getCaptcha',
          summary: 'What captcha the widget should show',
          description: 'Asked before posting; a `pow` challenge is fresh on every call (`Cache-Control: no-store`).',
          tags: ['captcha'],
          ...publicOperation,
          responses: {
            200: {
              description: 'The captcha configuration.',
              content: json(ref('CaptchaConfig'), { provider: 'none' }),
            },
            500: internal,
          },
        },
      },
      ...dashboardPaths,
      ...notifications.paths,
    },
    components: {
      securitySchemes: {
        adminToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'The server’s ADMIN_TOKEN, compared in constant time.',
        },
        adminSession: adminSessionScheme,
      },
      schemas: { ...inputs, ...outputs, ...dashboardInputs, ...dashboardOutputs, ...notifications.schemas },
    },
  });
}

/**
 * The reference server's own extras, which SPEC does not ask of other backends (the conformance
 * kit does not check them): the dashboard's sign-in, counts, bulk actions, single comment and
 * blocks (#15), the notification deliveries and unsubscribe links (#16).
 */
export const REFERENCE_ONLY_OPERATIONS: ReadonlySet<string> = new Set([
  'signIn',
  'getSession',
  'signOut',
  'countAdminComments',
  'moderateComments',
  'getAdminComment',
  'listBlocks',
  'blockAuthor',
  'liftBlock',
  'listDeliveries',
  'retryDelivery',
  'unsubscribePage',
  'unsubscribe',
]);

/** Marks each of those operations with `x-reference-only: true`, where other backends see it. */
function markReferenceOnly(document: JsonSchema): JsonSchema {
  const paths = document.paths as Record<string, Record<string, JsonSchema>>;
  for (const operations of Object.values(paths))
    for (const operation of Object.values(operations))
      if (REFERENCE_ONLY_OPERATIONS.has(String(operation.operationId))) operation['x-reference-only'] = true;
  return document;
}

// ---- formatting, votes, editing, counts (#18, SPEC §6.1–6.4) ------------------------------------

const readerInputs = { CommentVoteInput: commentVoteInputSchema, CommentEditInput: commentEditInputSchema };
const readerOutputs = {
  BodyBlock: bodyBlockSchema,
  BodyInline: bodyInlineSchema,
  CommentVoteResult: commentVoteResultSchema,
  CommentEdited: commentEditedSchema,
  Counts: countsSchema,
};

function readerPaths(shared: {
  thread: JsonSchema;
  commentId: JsonSchema;
  publicOperation: JsonSchema;
  rateLimited: (key: 'form.rateLimited' | 'rating.rateLimited') => JsonSchema;
}): Record<string, JsonSchema> {
  const { thread, commentId, publicOperation, rateLimited } = shared;
  const editToken = {
    name: 'Authorization',
    in: 'header',
    required: true,
    description: '`Bearer <editToken>`: the token the 201/202 to the post (or its replay) carried.',
    schema: { type: 'string' },
  };
  const notAllowed = new HttpError(403, 'edit_not_allowed', 'Only the browser that posted this comment can change it.');
  const windowClosed = new HttpError(
    403,
    'edit_window_closed',
    'Comments can only be changed within 15 minutes of posting.',
  );
  const ownCommentErrors = {
    403: errorResponse('Not the author’s token, the edit window is over, or a browser on a foreign origin.', {
      notAllowed,
      windowClosed,
      origin: errors.originNotAllowed(),
    }),
    404: errorResponse('No comment with this id in this thread.', {
      missing: errors.notFound('No comment with this id in this thread.'),
    }),
    429: rateLimited('form.rateLimited'),
    500: internal,
  };
  return {
    '/threads/{thread}/comments/{id}/vote': {
      put: {
        operationId: 'voteOnComment',
        summary: 'Vote a comment up or down, or take the vote back',
        description:
          'One vote per voter id and comment: 1 up, -1 down, 0 removes it. Counts toward the write rate limit.',
        tags: ['comments'],
        ...publicOperation,
        parameters: [thread, commentId],
        requestBody: {
          required: true,
          content: json(ref('CommentVoteInput'), { voter: EXAMPLE_VOTER, value: 1 }),
        },
        responses: {
          200: {
            description: 'The comment’s votes now, and this voter’s (0: none).',
            content: json(ref('CommentVoteResult'), { up: 3, down: 1, yours: 1 }),
          },
          400: errorResponse('Malformed JSON.', { malformedJson: errors.malformedJson() }),
          403: originNotAllowed,
          404: errorResponse('No published comment with this id in this thread.', {
            missing: errors.notFound('No published comment with this id in this thread.'),
          }),
          413: payloadTooLarge,
          415: unsupportedMediaType,
          422: errorResponse('A value other than 1, -1 or 0, or a bad voter id.', {
            value: new HttpError(422, 'validation', english('field.invalid'), { value: 'field.invalid' }),
            voter: new HttpError(422, 'validation', english('voter.invalid'), { voter: 'voter.invalid' }),
          }),
          429: rateLimited('rating.rateLimited'),
          500: internal,
        },
      },
    },
    '/threads/{thread}/comments/{id}': {
      patch: {
        operationId: 'editOwnComment',
        summary: 'The author corrects their comment',
        description:
          'Within EDIT_WINDOW_MINUTES of `createdAt` (0: never), with the edit token. The message is checked as a ' +
          'new one is; the answer carries `editedAt` and the new `body`.',
        tags: ['comments'],
        ...publicOperation,
        parameters: [thread, commentId, editToken],
        requestBody: {
          required: true,
          content: json(ref('CommentEditInput'), { message: 'Thank you for this piece: the *map* helped a lot.' }),
        },
        responses: {
          200: {
            description: 'The comment as now listed.',
            content: json(ref('CommentEdited'), {
              comment: { ...EXAMPLE_COMMENT, editedAt: '2026-05-14T09:34:00.000Z', votes: { up: 0, down: 0 } },
            }),
          },
          400: errorResponse('Malformed JSON.', { malformedJson: errors.malformedJson() }),
          ...ownCommentErrors,
          413: payloadTooLarge,
          415: unsupportedMediaType,
          422: errorResponse('The new message is empty, too long or holds control characters.', {
            required: validation('message', 'message.required', LIMITS.messageMax),
          }),
        },
      },
      delete: {
        operationId: 'deleteOwnComment',
        summary: 'The author deletes their comment',
        description:
          'Within EDIT_WINDOW_MINUTES, with the edit token. With published replies the comment stays listed as ' +
          '`{ status: "deleted", name: "", message: "", body: [] }`; without, it is gone.',
        tags: ['comments'],
        ...publicOperation,
        parameters: [thread, commentId, editToken],
        responses: { 204: { description: 'Deleted.' }, ...ownCommentErrors },
      },
    },
    '/counts': {
      get: {
        operationId: 'getCounts',
        summary: 'Comment counts and ratings of many threads, for index pages',
        description: `Published comments and the rating of 1–${LIMITS.countsThreadsMax} threads; unknown threads count 0.`,
        tags: ['comments'],
        ...publicOperation,
        parameters: [
          {
            name: 'thread',
            in: 'query',
            required: true,
            description: `A thread id; repeat the parameter for up to ${LIMITS.countsThreadsMax} threads.`,
            schema: {
              type: 'array',
              minItems: 1,
              maxItems: LIMITS.countsThreadsMax,
              items: { type: 'string', pattern: THREAD_PATTERN.source },
            },
            style: 'form',
            explode: true,
          },
          ifNoneMatch,
        ],
        responses: {
          200: {
            description: 'One entry per asked thread.',
            headers: cacheHeaders,
            content: json(ref('Counts'), {
              counts: {
                [EXAMPLE_COMMENT.thread]: { comments: 12, rating: { average: 4.3, count: 9 } },
                '/2026/05/ferry': { comments: 0, rating: { average: 0, count: 0 } },
              },
            }),
          },
          304: notModified,
          400: errorResponse('No thread, more than 100, or a bad thread id.', {
            threads: errors.badRequest(
              `Name 1–${LIMITS.countsThreadsMax} threads as thread=… parameters, each 1–200 characters of A–Z, a–z, 0–9 and . _ ~ : / -`,
            ),
          }),
          500: internal,
        },
      },
    },
  };
}

function setRatingMaximum(schema: JsonSchema | undefined, property: string, ratingMax: number): void {
  const properties = schema?.properties as Record<string, JsonSchema> | undefined;
  const field = properties?.[property];
  if (!field) return;
  const numeric = (field.anyOf as JsonSchema[] | undefined)?.find((s) => s.type === 'integer') ?? field;
  numeric.maximum = ratingMax;
}

/** An example aggregate on this server's scale: one top vote and two one below it. */
function aggregateExampleFor(ratingMax: number) {
  const histogram = new Array<number>(ratingMax).fill(0);
  histogram[ratingMax - 1] = 1;
  histogram[ratingMax - 2] = 2;
  const average = Math.round(((ratingMax + 2 * (ratingMax - 1)) / 3) * 100) / 100;
  return { average, count: 3, max: ratingMax, histogram };
}

// ---- notifications (#16) ----------------------------------------------------------------------------

/** `GET /config`, the outbox in the admin API, and the unsubscribe link of reply emails. */
function notificationsOpenApi(ratingMax: number): { paths: JsonSchema; schemas: Record<string, JsonSchema> } {
  // The same sign-in as the other admin routes: the bearer token or the dashboard's session (#15).
  const adminOperation = { security: [{ adminToken: [] }, { adminSession: [] }], tags: ['admin', 'notifications'] };
  const adminOff = errors.notFound('The admin API is off: set ADMIN_TOKEN (or ADMIN_PASSWORD) to turn it on.');
  const unauthorized = errorResponse(
    'Neither a valid bearer token nor a live dashboard session.',
    { unauthorized: errors.unauthorized() },
    { 'WWW-Authenticate': { description: 'The bearer challenge.', schema: { type: 'string' } } },
  );
  const exampleDelivery = {
    id: 'msg_2m7vQzV0YI1mTjX1O0w4bA',
    kind: 'webhook',
    event: 'comment.created',
    target: 'https://hooks.example.com/comments',
    state: 'pending',
    attempts: 2,
    nextAttemptAt: '2026-03-01T10:01:30.000Z',
    lastError: 'HTTP 503',
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:31.000Z',
  };
  const token = {
    name: 't',
    in: 'query',
    required: true,
    description: 'The signed token of the link in a reply email.',
    schema: { type: 'string', maxLength: 200 },
  };
  const html = (description: string) => ({ description, content: { 'text/html': { schema: { type: 'string' } } } });
  const unsubscribeInvalid = html('The link is not valid (not signed by this server).');
  return {
    schemas: namedSchemas('output', { ServerConfig: serverConfigSchema, AdminDelivery: adminDeliverySchema }),
    paths: {
      '/config': {
        get: {
          operationId: 'getConfig',
          summary: 'What the widget adapts to: captcha, whether email is sent, edit window, rating scale',
          description:
            'SPEC §6.7. `mail` is true when the server sends email (SMTP_URL is set): the comment form then offers ' +
            '"Email me when someone replies". `captcha` is what `GET /captcha` answers.',
          tags: ['notifications'],
          security: [],
          responses: {
            200: {
              description: 'The settings.',
              content: json(ref('ServerConfig'), {
                captcha: { provider: 'none' },
                mail: true,
                editWindowMinutes: 15,
                ratingMax,
              }),
            },
            500: internal,
          },
        },
      },
      '/admin/deliveries': {
        get: {
          operationId: 'listDeliveries',
          summary: 'Recent emails and webhooks with their state, attempts and last error, newest first',
          ...adminOperation,
          parameters: [
            {
              name: 'state',
              in: 'query',
              required: false,
              description: 'Only deliveries in this state.',
              schema: { type: 'string', enum: ['pending', 'delivering', 'delivered', 'failed'] },
            },
            {
              name: 'limit',
              in: 'query',
              required: false,
              description: 'How many (default 50).',
              schema: { type: 'integer', minimum: 1, maximum: LIMITS.pageSizeMax, default: 50 },
            },
          ],
          responses: {
            200: {
              description: 'The deliveries, and the outbox depth (waiting or being sent; failed).',
              content: json(
                {
                  type: 'object',
                  properties: {
                    deliveries: { type: 'array', items: ref('AdminDelivery') },
                    depth: {
                      type: 'object',
                      properties: { pending: { type: 'integer' }, failed: { type: 'integer' } },
                      required: ['pending', 'failed'],
                    },
                  },
                  required: ['deliveries', 'depth'],
                },
                { deliveries: [exampleDelivery], depth: { pending: 1, failed: 0 } },
              ),
            },
            400: errorResponse('A bad query parameter.', {
              query: errors.badRequest('Invalid query parameter: state.'),
            }),
            401: unauthorized,
            404: errorResponse('The admin API is off (no ADMIN_TOKEN on the server).', { off: adminOff }),
            500: internal,
          },
        },
      },
      '/admin/deliveries/{id}/retry': {
        post: {
          operationId: 'retryDelivery',
          summary: 'One more attempt now for a failed delivery',
          description: 'A waiting row becomes due now; a delivered one, or one being sent, is answered unchanged.',
          ...adminOperation,
          parameters: [
            {
              name: 'id',
              in: 'path',
              required: true,
              description: 'The delivery id (also the `webhook-id`).',
              schema: { type: 'string', pattern: '^msg_[A-Za-z0-9_-]{1,64}$' },
            },
          ],
          responses: {
            200: {
              description: 'The delivery as it is now.',
              content: json(
                { type: 'object', properties: { delivery: ref('AdminDelivery') }, required: ['delivery'] },
                { delivery: { ...exampleDelivery, state: 'pending', nextAttemptAt: exampleDelivery.updatedAt } },
              ),
            },
            401: unauthorized,
            403: originNotAllowed,
            404: errorResponse('No delivery with this id, or the admin API is off.', {
              missing: errors.notFound('No delivery with this id.'),
              off: adminOff,
            }),
            500: internal,
          },
        },
      },
      '/unsubscribe': {
        get: {
          operationId: 'unsubscribePage',
          summary: 'The page behind the unsubscribe link of reply emails: one button, nothing changed yet',
          tags: ['notifications'],
          security: [],
          parameters: [token],
          responses: { 200: html('A page with the button.'), 400: unsubscribeInvalid },
        },
        post: {
          operationId: 'unsubscribe',
          summary: 'Stop reply emails to this address for the thread (one click, RFC 8058)',
          description: 'Mail clients send `List-Unsubscribe=One-Click` here; the body is not needed.',
          tags: ['notifications'],
          security: [],
          parameters: [token],
          responses: { 200: html('Done.'), 400: unsubscribeInvalid },
        },
      },
    },
  };
}

/** `GET /threads/{thread}/rendered` (#19, SPEC §6.5): the block rendered on the server. */
function renderedPaths(shared: { thread: JsonSchema; publicOperation: JsonSchema }): Record<string, JsonSchema> {
  const { thread, publicOperation } = shared;
  const query = (name: string, description: string, schema: JsonSchema) => ({
    name,
    in: 'query',
    required: false,
    description,
    schema,
  });
  return {
    '/threads/{thread}/rendered': {
      get: {
        operationId: 'getRenderedThread',
        summary: 'The block rendered on the server, as an HTML fragment',
        description:
          'The `<article-feedback>` element with its declarative shadow DOM: the first page of comments ' +
          `(${LIMITS.pageSizeDefault}, newest first) and the rating already inside, the data the script takes the block ` +
          'over from (no second request), and a JSON-LD script (`application/ld+json`) describing the comments ' +
          '(schema.org `Comment`). Put it where the block goes in an article page, and load the script as usual.',
        tags: ['comments'],
        ...publicOperation,
        parameters: [
          thread,
          query('lang', 'The block’s language (default `en`); an unknown language renders in English.', {
            type: 'string',
            pattern: '^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8}){0,3}$',
          }),
          query('url', 'The article’s absolute URL: the JSON-LD names it as what the comments are about.', {
            type: 'string',
            format: 'uri',
            maxLength: 2000,
          }),
          query(
            'aggregateRating',
            '`true`: the JSON-LD also describes the rating as an `AggregateRating` (off by default; see the README on self-serving reviews).',
            { type: 'string', enum: ['true', 'false'] },
          ),
          query(
            'embedData',
            '`false`: leave out the data the script takes the block over from, so that it loads the current comments (for HTML kept for long, e.g. a static site’s build).',
            { type: 'string', enum: ['true', 'false'] },
          ),
          ifNoneMatch,
        ],
        responses: {
          200: {
            description: 'The HTML fragment.',
            headers: cacheHeaders,
            content: { 'text/html': { schema: { type: 'string' } } },
          },
          304: notModified,
          400: errorResponse('A bad thread id or query parameter.', {
            thread: invalidThread(),
            query: errors.badRequest('Invalid query parameter: lang.'),
          }),
          500: internal,
        },
      },
    },
  };
}
