/**
 * Which notifications a change causes (#16): the outbox rows to write in the same transaction
 * as the change. Nothing is sent here; the worker sends (worker.ts).
 *
 * - every new comment (not a honeypot catch): `comment.created` to each webhook;
 * - a comment becoming visible (posted published, or approved): `comment.published`, a copy to
 *   the moderators under MODERATOR_NOTIFY=all, and a reply email to the parent's author when
 *   they asked for one (never to someone replying to themselves);
 * - a comment held for moderation: an email to each moderator (MODERATOR_NOTIFY=pending or all);
 * - `comment.edited`, `comment.deleted`, `rating.changed` to each webhook.
 * Emails only when SMTP_URL is set.
 */
import type { Config } from '../config.js';
import type { CommentNotify, NewDelivery, OutboxWrite } from '../store/outbox.js';
import type { Store, StoredComment } from '../store/types.js';
import { unsubscribeToken } from './unsubscribe.js';
import type { WebhookComment, WebhookMessage, WebhookPayload, WebhookType } from './webhooks.js';

export interface NotifyDeps {
  config: Config;
  store: Pick<Store, 'outbox' | 'getComment'>;
  now: () => number;
}

/** The language emails use when a comment carries none (posted before #16, or imported). */
export const DEFAULT_LANG = 'en';

/** A comment as emails describe it. */
export interface EmailComment {
  id: string;
  thread: string;
  name: string;
  email: string;
  message: string;
  rating: number | null;
  createdAt: string;
}

/** `moderator.pending` and `moderator.published`. */
export interface ModeratorEmailPayload {
  lang: string;
  comment: EmailComment;
  links: { moderate: string; article: string | null };
}

/** `reply`: someone answered the recipient's comment. */
export interface ReplyEmailPayload {
  lang: string;
  thread: string;
  recipientName: string;
  /** The start of the recipient's own comment, to say which one. */
  parentExcerpt: string;
  reply: { id: string; name: string; message: string };
  links: { article: string | null; unsubscribe: string };
}

/** Where a change came from: the links in its notifications. */
export interface LinkContext {
  /** PUBLIC_URL, else the origin the request reached. */
  publicUrl: string;
}

export interface NewCommentContext extends LinkContext {
  /** The article page, when the thread names it (see `articleUrlFor`). */
  articleUrl: string | null;
  /** The widget's language. */
  lang: string | undefined;
  /** The author ticked "Email me when someone replies". */
  notify: boolean;
}

/** True when emails can be sent at all. */
export function mailEnabled(config: Config): boolean {
  return !!config.smtpUrl && !!config.mailFrom;
}

/**
 * The article's address: a thread that is a path (the widget's default: the page's path) on
 * the page's origin (the request's Origin header, which CORS has already checked), or a thread
 * that is a URL itself.
 */
export function articleUrlFor(thread: string, pageOrigin: string | undefined): string | null {
  if (/^https?:\/\//i.test(thread)) return thread;
  if (!thread.startsWith('/') || !pageOrigin || !/^https?:\/\/[^/]+$/i.test(pageOrigin)) return null;
  return `${pageOrigin}${thread}`;
}

export function moderateUrl(publicUrl: string, commentId: string): string {
  return `${publicUrl}/admin?comment=${encodeURIComponent(commentId)}`;
}

function webhookComment(config: Config, c: StoredComment): WebhookComment {
  return {
    id: c.id,
    thread: c.thread,
    parent: c.parent,
    name: c.name,
    ...(config.webhookIncludeEmail ? { email: c.email } : {}),
    message: c.message,
    rating: c.rating,
    status: c.status,
    createdAt: new Date(c.createdAt).toISOString(),
    ...(c.editedAt === null ? {} : { editedAt: new Date(c.editedAt).toISOString() }),
  };
}

function webhooks(deps: NotifyDeps, type: WebhookType, data: WebhookMessage['data']): NewDelivery[] {
  const message: WebhookMessage = { type, timestamp: new Date(deps.now()).toISOString(), data };
  return deps.config.webhooks.map((hook) => {
    const payload: WebhookPayload = { format: hook.format, message };
    return { kind: 'webhook', event: type, target: hook.url, payload };
  });
}

function commentWebhooks(
  deps: NotifyDeps,
  type: WebhookType,
  comment: StoredComment,
  links: { publicUrl: string; articleUrl: string | null },
): NewDelivery[] {
  // No hooks, no message to build (#24: every post asks).
  if (deps.config.webhooks.length === 0) return [];
  return webhooks(deps, type, {
    thread: comment.thread,
    comment: webhookComment(deps.config, comment),
    links: {
      moderate: moderateUrl(links.publicUrl, comment.id),
      ...(links.articleUrl ? { article: links.articleUrl } : {}),
    },
  });
}

function emailComment(c: StoredComment): EmailComment {
  return {
    id: c.id,
    thread: c.thread,
    name: c.name,
    email: c.email,
    message: c.message,
    rating: c.rating,
    createdAt: new Date(c.createdAt).toISOString(),
  };
}

function moderatorEmails(
  deps: NotifyDeps,
  event: 'moderator.pending' | 'moderator.published',
  comment: StoredComment,
  context: { publicUrl: string; articleUrl: string | null; lang: string },
): NewDelivery[] {
  const { config } = deps;
  if (!mailEnabled(config)) return [];
  const payload: ModeratorEmailPayload = {
    lang: context.lang,
    comment: emailComment(comment),
    links: { moderate: moderateUrl(context.publicUrl, comment.id), article: context.articleUrl },
  };
  // One row per moderator: one address that bounces does not send the others theirs again.
  return config.moderatorEmails.map((to) => ({ kind: 'email', event, target: to, payload }));
}

/** The reply email to the parent's author, when they asked for it and this is not their own reply. */
async function replyEmail(
  deps: NotifyDeps,
  reply: StoredComment,
  context: { publicUrl: string; articleUrl: string | null },
): Promise<NewDelivery[]> {
  if (!reply.parent || !mailEnabled(deps.config)) return [];
  const parent = await deps.store.outbox.commentNotify(reply.parent);
  if (!parent?.replyEmails || parent.thread !== reply.thread) return [];
  if (parent.email.toLowerCase() === reply.email.toLowerCase()) return [];
  const parentComment = await parentSummary(deps, reply.parent);
  const payload: ReplyEmailPayload = {
    lang: parent.lang,
    thread: reply.thread,
    recipientName: parentComment.name,
    parentExcerpt: parentComment.excerpt,
    reply: { id: reply.id, name: reply.name, message: reply.message },
    links: {
      article: context.articleUrl ?? parent.articleUrl,
      unsubscribe: `${context.publicUrl}/api/unsubscribe?t=${unsubscribeToken(deps.config.secret, parent.commentId)}`,
    },
  };
  return [{ kind: 'email', event: 'reply', target: parent.email, payload }];
}

async function parentSummary(deps: NotifyDeps, id: string): Promise<{ name: string; excerpt: string }> {
  const parent = await deps.store.getComment(id);
  const text = parent?.message ?? '';
  return { name: parent?.name ?? '', excerpt: text.length > 200 ? `${text.slice(0, 200)}…` : text };
}

async function publishedDeliveries(
  deps: NotifyDeps,
  comment: StoredComment,
  context: { publicUrl: string; articleUrl: string | null; lang: string },
): Promise<NewDelivery[]> {
  return [
    ...commentWebhooks(deps, 'comment.published', comment, context),
    ...(deps.config.moderatorNotify === 'all' ? moderatorEmails(deps, 'moderator.published', comment, context) : []),
    ...(await replyEmail(deps, comment, context)),
  ];
}

/** What a new comment writes with itself (`comment` as it is about to be stored). */
export async function newCommentOutbox(
  deps: NotifyDeps,
  comment: StoredComment,
  context: NewCommentContext,
): Promise<OutboxWrite> {
  // A honeypot catch looks accepted to the bot, and nobody hears of it.
  if (comment.status === 'spam') return { deliveries: [] };
  const lang = context.lang ?? DEFAULT_LANG;
  const links = { publicUrl: context.publicUrl, articleUrl: context.articleUrl, lang };
  const commentNotify: CommentNotify = {
    commentId: comment.id,
    thread: comment.thread,
    email: comment.email,
    lang,
    replyEmails: context.notify && mailEnabled(deps.config),
    articleUrl: context.articleUrl,
  };
  const deliveries = commentWebhooks(deps, 'comment.created', comment, links);
  if (comment.status === 'pending') {
    if (deps.config.moderatorNotify !== 'off')
      deliveries.push(...moderatorEmails(deps, 'moderator.pending', comment, links));
  } else deliveries.push(...(await publishedDeliveries(deps, comment, links)));
  return { deliveries, commentNotify };
}

/** What a moderator's approval writes (`comment` as it will be once published). */
export async function publishedOutbox(
  deps: NotifyDeps,
  comment: StoredComment,
  context: LinkContext,
): Promise<OutboxWrite> {
  const own = await deps.store.outbox.commentNotify(comment.id);
  const published = { ...comment, status: 'published' as const };
  return {
    deliveries: await publishedDeliveries(deps, published, {
      publicUrl: context.publicUrl,
      articleUrl: own?.articleUrl ?? null,
      lang: own?.lang ?? DEFAULT_LANG,
    }),
  };
}

/** What an edit writes (`comment` as it is after the edit). */
export async function editedOutbox(
  deps: NotifyDeps,
  comment: StoredComment,
  context: LinkContext,
): Promise<OutboxWrite> {
  if (comment.status === 'spam') return { deliveries: [] };
  const own = await deps.store.outbox.commentNotify(comment.id);
  return {
    deliveries: commentWebhooks(deps, 'comment.edited', comment, {
      publicUrl: context.publicUrl,
      articleUrl: own?.articleUrl ?? null,
    }),
  };
}

/** What a deletion writes (`comment` as it was). */
export function deletedOutbox(deps: NotifyDeps, comment: Pick<StoredComment, 'id' | 'thread'>): OutboxWrite {
  return { deliveries: webhooks(deps, 'comment.deleted', { id: comment.id, thread: comment.thread }) };
}

/** What a star rating writes. */
export function ratingOutbox(deps: NotifyDeps, thread: string, value: number): OutboxWrite {
  return { deliveries: webhooks(deps, 'rating.changed', { thread, rating: { value, max: deps.config.ratingMax } }) };
}
