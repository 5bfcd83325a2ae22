/**
 * The OpenAPI document cannot drift from what the widget sends and reads: a client type is
 * generated from the served document with openapi-typescript, and a small TypeScript file
 * assigns our own client's requests to the generated request types and the generated answer
 * types to what our client reads, checked with tsc. A drifted document makes tsc fail (tested).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { testConfig } from '../../server/config.js';
import { openApiDocument } from '../../server/openapi.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);
const made: string[] = [];

/**
 * Our client's use of the API against the generated types. The generated file is `openapi.ts`
 * beside it; the client is imported from the repository (the folder sits in `.tmp/`).
 */
const CLIENT_USE = `
import type { components, paths } from './openapi.js';
import type { getCaptcha, postComment, PostResult, putRating } from '../../src/client/api-actions.js';
import type { ApiError, getRating, ListOptions, listComments } from '../../src/client/api.js';

type Comments = paths['/threads/{thread}/comments'];
type Rating = paths['/threads/{thread}/rating'];
type JsonOf<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;
type Received<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;
declare function value<T>(): T;
/** \`true\` when the document declares every field the widget sends, else the undeclared names. */
type Declared<Sent, Documented> = [Exclude<keyof Sent, keyof Documented>] extends [never]
  ? true
  : Exclude<keyof Sent, keyof Documented>;

// What the widget sends must be a request the document accepts.
export const commentBody: JsonOf<Comments['post']['requestBody']> = value<Parameters<typeof postComment>[2]>();
export const idempotencyKey: NonNullable<Comments['post']['parameters']['header']>['Idempotency-Key'] =
  value<Parameters<typeof postComment>[3]>();
export const threadOfPost: Comments['post']['parameters']['path']['thread'] = value<Parameters<typeof postComment>[1]>();
export const voteBody: JsonOf<Rating['put']['requestBody']> = value<Parameters<typeof putRating>[2]>();
// The client leaves out empty query values (a null cursor is not sent).
export const listQuery: NonNullable<Comments['get']['parameters']['query']> =
  value<{ [K in keyof ListOptions]: Exclude<ListOptions[K], null> }>();

// A type accepts extra fields, so also: nothing the widget sends is missing from the document.
export const commentFieldsDeclared: Declared<Parameters<typeof postComment>[2], JsonOf<Comments['post']['requestBody']>> = true;
export const voteFieldsDeclared: Declared<Parameters<typeof putRating>[2], JsonOf<Rating['put']['requestBody']>> = true;
export const queryDeclared: Declared<ListOptions, NonNullable<Comments['get']['parameters']['query']>> = true;

// What the document promises must be what the widget reads.
export const page: Received<typeof listComments> = value<JsonOf<Comments['get']['responses'][200]>>();
export const published: { comment: PostResult['comment'] } = value<JsonOf<Comments['post']['responses'][201]>>();
export const pending: { comment: PostResult['comment'] } = value<JsonOf<Comments['post']['responses'][202]>>();
export const aggregate: Received<typeof getRating> = value<JsonOf<Rating['get']['responses'][200]>>();
export const afterVote: Received<typeof putRating> = value<JsonOf<Rating['put']['responses'][200]>>();
export const captcha: Received<typeof getCaptcha> = value<JsonOf<paths['/captcha']['get']['responses'][200]>>();
export const fieldErrors: NonNullable<ApiError['body']> = value<JsonOf<Comments['post']['responses'][422]>>();
export const anyError: NonNullable<ApiError['body']> = value<components['schemas']['Error']>();
`;

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'Bundler',
    lib: ['ES2023', 'DOM', 'DOM.Iterable'],
    strict: true,
    noUncheckedIndexedAccess: true,
    experimentalDecorators: true,
    useDefineForClassFields: false,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  },
  files: ['client-use.ts'],
};

/** Generates the client types from `document` and type-checks our client's use against them. */
async function checkClientAgainst(document: unknown): Promise<{ ok: boolean; output: string }> {
  const dir = join(root, '.tmp', `openapi-types-${process.pid}-${made.length}`);
  made.push(dir);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'openapi.json'), JSON.stringify(document));
  await run(
    join(root, 'node_modules/.bin/openapi-typescript'),
    [join(dir, 'openapi.json'), '-o', join(dir, 'openapi.ts')],
    {
      cwd: root,
    },
  );
  writeFileSync(join(dir, 'client-use.ts'), CLIENT_USE);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG));
  try {
    const { stdout } = await run(join(root, 'node_modules/.bin/tsc'), ['-p', join(dir, 'tsconfig.json')], {
      cwd: root,
    });
    return { ok: true, output: stdout };
  } catch (err) {
    return { ok: false, output: (err as { stdout: string }).stdout };
  }
}

type Doc = { components: { schemas: Record<string, { properties: Record<string, unknown>; required?: string[] }> } };

describe('a client generated from /api/openapi.json (openapi-typescript)', () => {
  after(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });

  it('type-checks against what our widget sends and reads', async () => {
    const result = await checkClientAgainst(openApiDocument(testConfig().ratingMax));
    assert.equal(result.output, '');
    assert.equal(result.ok, true);
  });

  it('fails when the document drifts from the widget (a field it sends removed, a field it reads renamed)', async () => {
    const document = openApiDocument(testConfig().ratingMax) as unknown as Doc;
    const { CommentInput, CommentPage } = document.components.schemas;
    delete CommentInput!.properties.voter;
    CommentPage!.properties.next = CommentPage!.properties.nextCursor;
    delete CommentPage!.properties.nextCursor;
    CommentPage!.required = CommentPage!.required!.map((name) => (name === 'nextCursor' ? 'next' : name));
    const result = await checkClientAgainst(document);
    assert.equal(result.ok, false);
    assert.match(
      result.output,
      /client-use\.ts\(\d+,\d+\): error TS2322: Type 'true' is not assignable to type '"voter"'/,
    );
    assert.match(result.output, /client-use\.ts\(\d+,\d+\): error TS\d+: .*'nextCursor'/);
  });
});
