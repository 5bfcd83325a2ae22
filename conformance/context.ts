/**
 * What every check gets: the backend, the run's options, the server's rating scale, and
 * helpers that make fresh threads, voters and keys (so checks never see each other's data,
 * and a run against a backend that already holds comments still counts exactly) and post
 * comments the way the widget does.
 */
import { randomBytes } from 'node:crypto';
import type { CommentInputRaw, PublicComment } from '../src/contract/schemas.js';
import { commentCreatedSchema, commentPageSchema } from '../src/contract/schemas.js';
import { expectShape, expectStatus } from './expect.js';
import { type Answer, Backend, threadPath } from './http.js';

export interface KitOptions {
  /** The API base URL: what the widget's `endpoint` is set to. */
  baseUrl: string;
  /** Bearer token of the admin API; without it the admin checks are skipped. */
  adminToken?: string | undefined;
  /** An origin the backend allows for browsers (CORS); without it those checks are skipped. */
  origin?: string | undefined;
  /** An origin the backend must not allow. */
  foreignOrigin?: string | undefined;
  /** Only checks whose id starts with one of these. */
  only?: string[] | undefined;
  /** Another `fetch` (tests run an app in process). */
  fetch?: ((url: string, init: RequestInit) => Promise<Response>) | undefined;
}

export const DEFAULT_FOREIGN_ORIGIN = 'https://conformance-foreign.invalid';

export class Context {
  readonly api: Backend;
  /** The backend's rating scale (`max` of an aggregate); 5 until the kit has asked. */
  ratingMax = 5;
  /** 8 base64url characters: fits thread ids, voter ids and keys alike. */
  private readonly runId = randomBytes(6).toString('base64url');
  private counter = 0;

  constructor(readonly options: KitOptions) {
    this.api = new Backend(options.baseUrl.replace(/\/+$/, ''), options.fetch);
  }

  get foreignOrigin(): string {
    return this.options.foreignOrigin ?? DEFAULT_FOREIGN_ORIGIN;
  }

  private next(): string {
    this.counter += 1;
    return `${this.counter}`;
  }

  /** A thread id nobody has used: `conformance:<run>:<label>:<n>`. */
  thread(label: string): string {
    return `conformance:${this.runId}:${label}:${this.next()}`;
  }

  /** A voter id of the contract's shape ([A-Za-z0-9_-]{8,64}), new each time. */
  voter(): string {
    return `kit_${this.runId}_${this.next()}`;
  }

  /** An Idempotency-Key of the contract's shape ([A-Za-z0-9_.:-]{8,128}), new each time. */
  idempotencyKey(): string {
    return `kit-${this.runId}-${this.next()}`;
  }

  /** A valid comment, with a unique message so a listing can find it. */
  comment(overrides: Partial<CommentInputRaw> = {}): CommentInputRaw {
    const n = this.next();
    return {
      name: 'Conformance Kit',
      email: `kit-${n}@example.com`,
      message: `Comment ${n} of conformance run ${this.runId}.`,
      ...overrides,
    };
  }

  post(thread: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    return this.api.request('POST', `${threadPath(thread)}/comments`, { json: body, headers });
  }

  /** Posts a valid comment and expects it published (201 `{ comment }`). */
  async postPublished(thread: string, overrides: Partial<CommentInputRaw> = {}): Promise<PublicComment> {
    const answer = await this.post(thread, this.comment(overrides));
    expectStatus(answer, 201, 'a valid comment is published at once');
    return expectShape(answer, commentCreatedSchema, `POST ${threadPath(thread)}/comments`).comment;
  }

  listAnswer(thread: string, query = '', headers: Record<string, string> = {}): Promise<Answer> {
    return this.api.get(`${threadPath(thread)}/comments${query ? `?${query}` : ''}`, headers);
  }

  /** One page of the published list (200, the contract's shape). */
  async list(thread: string, query = '') {
    const answer = await this.listAnswer(thread, query);
    expectStatus(answer, 200);
    return expectShape(answer, commentPageSchema, `GET ${threadPath(thread)}/comments`);
  }

  /** Every published comment of a thread, following `nextCursor`. */
  async listAll(thread: string, query = 'limit=100'): Promise<PublicComment[]> {
    const all: PublicComment[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 100; page++) {
      const q: string = cursor ? `${query}&cursor=${encodeURIComponent(cursor)}` : query;
      const body = await this.list(thread, q);
      all.push(...body.comments);
      cursor = body.nextCursor;
      if (!cursor) return all;
    }
    return all;
  }

  rating(thread: string, headers: Record<string, string> = {}): Promise<Answer> {
    return this.api.get(`${threadPath(thread)}/rating`, headers);
  }

  vote(thread: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    return this.api.request('PUT', `${threadPath(thread)}/rating`, { json: body, headers });
  }

  admin(method: string, path: string, options: { json?: unknown; token?: string | null } = {}): Promise<Answer> {
    const token = options.token === undefined ? this.options.adminToken : options.token;
    return this.api.request(method, `/admin${path}`, {
      json: options.json,
      headers: token === null || token === undefined ? {} : { Authorization: `Bearer ${token}` },
    });
  }
}

/** What a check needs before it can run; the runner skips it, with the reason, otherwise. */
export type Need = 'writes' | 'admin' | 'origin';

export interface Check {
  /** Stable, for `--only` and for machines: `group.what`. */
  id: string;
  /** What the contract asks for, in one line. */
  title: string;
  needs?: readonly Need[];
  run(ctx: Context): Promise<void>;
}
