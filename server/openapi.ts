/**
 * `GET /api/openapi.json`: the HTTP contract (SPEC §3) as OpenAPI 3.1, generated from the same
 * zod schemas the widget and the routes validate with, so it cannot drift from them.
 */
import { z } from 'zod';
import {
  adminCommentSchema,
  adminListQuerySchema,
  adminPageSchema,
  adminPatchSchema,
  captchaConfigSchema,
  commentCreatedSchema,
  commentInputSchema,
  commentPageSchema,
  commentSchema,
  errorBodySchema,
  listQuerySchema,
  ratingAggregateSchema,
  ratingInputSchema,
} from '../src/contract/schemas.js';
import { IDEMPOTENCY_KEY_PATTERN, LIMITS, THREAD_PATTERN } from '../src/contract/limits.js';

type JsonSchema = Record<string, unknown>;

function schemaOf(schema: z.core.$ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ 'application/json': { schema: ref(name) } });
const error = (description: string) => ({ description, content: json('Error') });

function queryParameters(schema: z.core.$ZodType): unknown[] {
  const s = schemaOf(schema, 'input') as { properties?: Record<string, JsonSchema> };
  return Object.entries(s.properties ?? {}).map(([name, sub]) => ({ name, in: 'query', required: false, schema: sub }));
}

export function openApiDocument(ratingMax: number): JsonSchema {
  const thread = {
    name: 'thread',
    in: 'path',
    required: true,
    description: 'The discussion id, percent-encoded (1–200 characters of [A-Za-z0-9._~:/-]).',
    schema: { type: 'string', pattern: THREAD_PATTERN.source },
  };
  const bearer = [{ adminToken: [] }];
  const rateLimited = {
    description: 'Too many writes from this client; retry after the given seconds.',
    headers: { 'Retry-After': { schema: { type: 'integer' } } },
    content: json('Error'),
  };
  const notModified = { description: 'Not modified (the `If-None-Match` ETag matched).' };
  return {
    openapi: '3.1.0',
    info: {
      title: 'article-feedback API',
      version: '1.0.0',
      description:
        'Comments and star ratings for articles. Errors are always `{ error, message, fields? }`; a 422 names message keys per field. ' +
        `Request bodies are JSON (max ${LIMITS.bodyMaxBytes} bytes). This server's rating scale is 1–${ratingMax}.`,
    },
    servers: [{ url: '/api' }],
    paths: {
      '/threads/{thread}/comments': {
        get: {
          summary: 'Published comments of a thread, cursor-paginated',
          parameters: [thread, ...queryParameters(listQuerySchema)],
          responses: {
            200: {
              description: 'A page of comments',
              headers: { ETag: { schema: { type: 'string' } } },
              content: json('CommentPage'),
            },
            304: notModified,
            400: error('Bad thread id or query parameters'),
          },
        },
        post: {
          summary: 'Post a comment',
          parameters: [
            thread,
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              description: 'A retry with the same key returns the first answer and stores nothing new.',
              schema: { type: 'string', pattern: IDEMPOTENCY_KEY_PATTERN.source },
            },
          ],
          requestBody: { required: true, content: json('CommentInput') },
          responses: {
            201: { description: 'Published', content: json('CommentCreated') },
            202: { description: 'Stored, awaiting moderation', content: json('CommentCreated') },
            400: error('Malformed JSON or a bad thread id / Idempotency-Key'),
            403: error('Captcha failed (`captcha_failed`) or origin not allowed (`origin_not_allowed`)'),
            409: error('The Idempotency-Key was used before for a different request'),
            413: error('Body over 32 KiB'),
            415: error('Body is not application/json'),
            422: error('Validation failed; `fields` maps each field to a message key'),
            429: rateLimited,
            503: error('The captcha provider could not be reached'),
          },
        },
      },
      '/threads/{thread}/rating': {
        get: {
          summary: 'Rating aggregate of a thread',
          parameters: [thread],
          responses: {
            200: { description: 'The aggregate', content: json('RatingAggregate') },
            304: notModified,
            400: error('Bad thread id'),
          },
        },
        put: {
          summary: "Cast or replace a voter's vote",
          parameters: [thread],
          requestBody: { required: true, content: json('RatingInput') },
          responses: {
            200: { description: 'The aggregate plus `yours`', content: json('RatingAggregate') },
            400: error('Malformed JSON or bad thread id'),
            403: error('Origin not allowed'),
            413: error('Body over 32 KiB'),
            415: error('Body is not application/json'),
            422: error('Validation failed'),
            429: rateLimited,
          },
        },
      },
      '/captcha': {
        get: {
          summary: 'What captcha the widget should show',
          responses: { 200: { description: 'Captcha configuration', content: json('CaptchaConfig') } },
        },
      },
      '/admin/comments': {
        get: {
          summary: 'List comments for moderation (all threads, newest first)',
          security: bearer,
          parameters: queryParameters(adminListQuerySchema),
          responses: {
            200: { description: 'A page', content: json('AdminPage') },
            400: error('Bad query'),
            401: error('Missing or wrong token'),
          },
        },
      },
      '/admin/comments/{id}': {
        patch: {
          summary: 'Approve (published) or mark as spam',
          security: bearer,
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: { required: true, content: json('AdminPatch') },
          responses: {
            200: {
              description: 'The updated comment',
              content: {
                'application/json': {
                  schema: { type: 'object', properties: { comment: ref('AdminComment') }, required: ['comment'] },
                },
              },
            },
            401: error('Missing or wrong token'),
            404: error('No such comment'),
            422: error('Validation failed'),
          },
        },
        delete: {
          summary: 'Delete a comment',
          security: bearer,
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            204: { description: 'Deleted' },
            401: error('Missing or wrong token'),
            404: error('No such comment'),
          },
        },
      },
    },
    components: {
      securitySchemes: { adminToken: { type: 'http', scheme: 'bearer' } },
      schemas: {
        CommentInput: schemaOf(commentInputSchema, 'input'),
        RatingInput: schemaOf(ratingInputSchema, 'input'),
        Comment: schemaOf(commentSchema, 'output'),
        CommentPage: schemaOf(commentPageSchema, 'output'),
        CommentCreated: schemaOf(commentCreatedSchema, 'output'),
        RatingAggregate: schemaOf(ratingAggregateSchema, 'output'),
        CaptchaConfig: schemaOf(captchaConfigSchema, 'output'),
        AdminComment: schemaOf(adminCommentSchema, 'output'),
        AdminPage: schemaOf(adminPageSchema, 'output'),
        AdminPatch: schemaOf(adminPatchSchema, 'input'),
        Error: schemaOf(errorBodySchema, 'output'),
      },
    },
  };
}
