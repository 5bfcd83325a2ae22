/**
 * The dashboard's calls to the admin API (#15). Same origin, with the session cookie the
 * browser holds (HttpOnly: no script here ever sees it); the browser adds `Origin` to every
 * write, which the server checks. A 401 means the session ended.
 */
import type {
  Block,
  BlockKind,
  BulkAction,
  ModerationComment,
  ModerationPage,
  QueueStatus,
  StatusCounts,
} from '../contract/admin.js';
import { SIGNED_IN_COOKIE } from '../contract/admin-cookies.js';
import type { AdminComment, AdminDelivery } from '../contract/schemas.js';

export class SignedOutError extends Error {
  constructor() {
    super('The session has ended. Sign in again.');
    this.name = 'SignedOutError';
  }
}

/** A refusal with the server's own sentence. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const API = '/api/admin';

async function call(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.body !== undefined) headers.set('Content-Type', 'application/json');
  headers.set('Accept', 'application/json');
  const res = await fetch(API + path, { ...init, headers, credentials: 'same-origin', cache: 'no-store' });
  if (res.status === 401 && path !== '/session') throw new SignedOutError();
  if (!res.ok && res.status !== 304) {
    let message = `The server answered ${res.status}.`;
    try {
      message = ((await res.json()) as { message?: string }).message ?? message;
    } catch {
      /* keep the status line */
    }
    throw new ApiError(res.status, message);
  }
  return res;
}

const send = (method: string, body?: unknown): RequestInit => ({
  method,
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

/**
 * True when the browser's cookie names a live session. Without the server's readable
 * SIGNED_IN_COOKIE (set and cleared with the session's, which no script can read)
 * there is none, and nothing is asked: a 401 would be logged as an error on every signed-out load.
 */
export async function checkSession(): Promise<boolean> {
  if (!document.cookie.split('; ').includes(`${SIGNED_IN_COOKIE}=1`)) return false;
  try {
    await call('/session');
    return true;
  } catch {
    return false;
  }
}

/** Resolves when signed in; rejects with the server's sentence otherwise. */
export async function signIn(token: string): Promise<void> {
  await call('/session', send('POST', { token }));
}

export async function signOut(): Promise<void> {
  await call('/session', send('DELETE'));
}

export interface QueueQuery {
  status: QueueStatus;
  q: string;
  thread: string;
  cursor: string | null;
}

/** A conditional GET: `null` when unchanged since `etag`. */
async function getWithTag<T>(path: string, etag: string | null): Promise<{ body: T; etag: string | null } | null> {
  const res = await call(path, etag ? { headers: { 'If-None-Match': etag } } : {});
  if (res.status === 304) return null;
  return { body: (await res.json()) as T, etag: res.headers.get('ETag') };
}

export function listQueue(query: QueueQuery, etag: string | null = null) {
  const params = new URLSearchParams({ status: query.status, limit: '50' });
  if (query.q.trim()) params.set('q', query.q.trim());
  if (query.thread.trim()) params.set('thread', query.thread.trim());
  if (query.cursor) params.set('cursor', query.cursor);
  return getWithTag<ModerationPage>(`/comments?${params}`, etag);
}

export function fetchCounts(etag: string | null = null) {
  return getWithTag<{ counts: StatusCounts }>('/counts', etag);
}

export async function getComment(id: string): Promise<ModerationComment> {
  const res = await call(`/comments/${encodeURIComponent(id)}`);
  return ((await res.json()) as { comment: ModerationComment }).comment;
}

export async function setStatus(id: string, status: 'published' | 'spam' | 'pending'): Promise<AdminComment> {
  const res = await call(`/comments/${encodeURIComponent(id)}`, send('PATCH', { status }));
  return ((await res.json()) as { comment: AdminComment }).comment;
}

export async function editMessage(id: string, message: string): Promise<AdminComment> {
  const res = await call(`/comments/${encodeURIComponent(id)}`, send('PATCH', { message }));
  return ((await res.json()) as { comment: AdminComment }).comment;
}

export async function bulk(action: BulkAction, ids: string[], keepalive = false): Promise<{ done: string[] }> {
  const res = await call('/comments/bulk', { ...send('POST', { action, ids }), keepalive });
  return (await res.json()) as { done: string[] };
}

export async function listBlocks(): Promise<Block[]> {
  const res = await call('/blocks');
  return ((await res.json()) as { blocks: Block[] }).blocks;
}

export async function blockAuthor(comment: string, by: BlockKind[]): Promise<Block[]> {
  const res = await call('/blocks', send('POST', { comment, by }));
  return ((await res.json()) as { blocks: Block[] }).blocks;
}

export async function liftBlock(id: string): Promise<void> {
  await call(`/blocks/${encodeURIComponent(id)}`, send('DELETE'));
}

// ---- deliveries (#16) -------------------------------------------------------------------------

export interface DeliveryList {
  deliveries: AdminDelivery[];
  /** Waiting (or being sent) and failed, over the whole outbox. */
  depth: { pending: number; failed: number };
}

/** The most recent emails and webhooks, newest first; only the failed ones with `failedOnly`. */
export async function listDeliveries(failedOnly = false): Promise<DeliveryList> {
  const params = new URLSearchParams({ limit: '50' });
  if (failedOnly) params.set('state', 'failed');
  const res = await call(`/deliveries?${params}`);
  return (await res.json()) as DeliveryList;
}

/** One more attempt now for a failed delivery; resolves to the row as it is after the request. */
export async function retryDelivery(id: string): Promise<AdminDelivery> {
  const res = await call(`/deliveries/${encodeURIComponent(id)}/retry`, send('POST'));
  return ((await res.json()) as { delivery: AdminDelivery }).delivery;
}
