/**
 * Webhooks (#16) in the Standard Webhooks format (https://www.standardwebhooks.com): a JSON body
 * `{ type, timestamp, data }` and three headers, `webhook-id` (the same on every attempt, so a
 * receiver drops duplicates), `webhook-timestamp` (seconds, this attempt) and
 * `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">` keyed with WEBHOOK_SECRET.
 * A URL configured with the `slack` or `discord` format gets that service's incoming-webhook
 * body instead (they check no signature: their URL is the secret).
 */
import { createHmac } from 'node:crypto';
import type { WebhookFormat } from '../config.js';
import type { Delivery } from '../store/outbox.js';

/** A receiver has this long to answer 2xx; anything else is retried. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

export type WebhookType =
  'comment.created' | 'comment.published' | 'comment.edited' | 'comment.deleted' | 'rating.changed';

/** A comment as webhooks describe it. */
export interface WebhookComment {
  id: string;
  thread: string;
  parent: string | null;
  name: string;
  /** Only with WEBHOOK_INCLUDE_EMAIL=true. */
  email?: string;
  message: string;
  rating: number | null;
  status: 'published' | 'pending' | 'spam';
  createdAt: string;
  editedAt?: string;
}

/** The Standard Webhooks body. */
export interface WebhookMessage {
  type: WebhookType;
  /** When the event happened (ISO 8601). */
  timestamp: string;
  data: {
    comment?: WebhookComment;
    /** comment.deleted */
    id?: string;
    thread: string;
    /** rating.changed */
    rating?: { value: number; max: number };
    links?: { article?: string; moderate?: string };
  };
}

/** What the outbox row of a webhook holds. */
export interface WebhookPayload {
  format: WebhookFormat;
  message: WebhookMessage;
}

/**
 * The signing key: a `whsec_` secret is a base64 key (as Standard Webhooks libraries expect);
 * any other value is used as its UTF-8 bytes.
 */
export function webhookKey(secret: string): Buffer {
  return secret.startsWith('whsec_') ? Buffer.from(secret.slice('whsec_'.length), 'base64') : Buffer.from(secret);
}

export function signWebhook(key: Buffer, id: string, timestampSeconds: number, body: string): string {
  return `v1,${createHmac('sha256', key).update(`${id}.${timestampSeconds}.${body}`).digest('base64')}`;
}

/** Posts one webhook; resolves on a 2xx within the timeout, throws with the reason otherwise. */
export async function sendWebhook(
  delivery: Delivery,
  options: { secret: string | undefined; now: () => number },
): Promise<void> {
  const { format, message } = JSON.parse(delivery.payload) as WebhookPayload;
  const body = JSON.stringify(formatBody(format, message));
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'User-Agent': 'article-feedback-webhooks',
  };
  if (format === 'standard') {
    if (!options.secret) throw new Error('WEBHOOK_SECRET is not set');
    const timestamp = Math.floor(options.now() / 1000);
    headers['webhook-id'] = delivery.id;
    headers['webhook-timestamp'] = String(timestamp);
    headers['webhook-signature'] = signWebhook(webhookKey(options.secret), delivery.id, timestamp, body);
  }
  let response: Response;
  try {
    response = await fetch(delivery.target, {
      method: 'POST',
      headers,
      body,
      // A redirect is not an answer: the receiver's URL should be the final one.
      redirect: 'manual',
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
  } catch (error) {
    const reason = error instanceof Error && error.name === 'TimeoutError' ? 'no answer within 10 s' : describe(error);
    throw new Error(reason, { cause: error });
  }
  await response.body?.cancel().catch(() => undefined);
  if (response.status < 200 || response.status > 299) throw new Error(`HTTP ${response.status}`);
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause as { code?: string; message?: string } | undefined;
    return cause?.code ? `${error.message}: ${cause.code}` : error.message;
  }
  return String(error);
}

// ---- Slack and Discord ---------------------------------------------------------------------------

const TITLES: Record<WebhookType, string> = {
  'comment.created': 'New comment',
  'comment.published': 'Comment published',
  'comment.edited': 'Comment edited',
  'comment.deleted': 'Comment deleted',
  'rating.changed': 'New rating',
};

const EXCERPT = 500;

function excerpt(text: string): string {
  return text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text;
}

function formatBody(format: WebhookFormat, message: WebhookMessage): unknown {
  if (format === 'slack') return slackBody(message);
  if (format === 'discord') return discordBody(message);
  return message;
}

/** Slack's mrkdwn treats &, < and > as markup: escaped, the reader's text stays text. */
const slackEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function summary(message: WebhookMessage): { title: string; who: string; text: string } {
  const { data } = message;
  const title = `${TITLES[message.type]} on ${data.thread}`;
  if (data.rating) return { title, who: '', text: `${data.rating.value} of ${data.rating.max} stars` };
  const c = data.comment;
  if (!c) return { title, who: '', text: data.id ? `id ${data.id}` : '' };
  const status = c.status === 'pending' ? ' (awaiting moderation)' : '';
  return { title: `${title}${status}`, who: c.name, text: excerpt(c.message) };
}

function slackBody(message: WebhookMessage): { text: string } {
  const { title, who, text } = summary(message);
  const links = message.data.links ?? {};
  const lines = [`*${slackEscape(title)}*`];
  if (who) lines.push(`_${slackEscape(who)}_:`);
  if (text) lines.push(slackEscape(text).replace(/^/gm, '> '));
  if (links.moderate) lines.push(`<${links.moderate}|Moderate>`);
  if (links.article) lines.push(`<${links.article}|Article>`);
  return { text: lines.join('\n') };
}

/** Discord: plain content, no mention may ping anyone (a comment saying @everyone stays text). */
function discordBody(message: WebhookMessage): { content: string; allowed_mentions: { parse: string[] } } {
  const { title, who, text } = summary(message);
  const links = message.data.links ?? {};
  const lines = [`**${title}**`];
  if (who) lines.push(`${who}:`);
  if (text) lines.push(text.replace(/^/gm, '> '));
  if (links.moderate) lines.push(`Moderate: <${links.moderate}>`);
  if (links.article) lines.push(`Article: <${links.article}>`);
  return { content: lines.join('\n').slice(0, 2000), allowed_mentions: { parse: [] } };
}
