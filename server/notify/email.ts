/**
 * Emails (#16) through SMTP with nodemailer: SMTP_URL (`smtp://` upgrades with STARTTLS when the
 * server offers it, `smtps://` is TLS from the start), from MAIL_FROM. Each email has a plain
 * text part and a simple HTML part, in the language of the comment it is about; the reader's
 * words are escaped, nothing is loaded from elsewhere (no images, no tracking). Reply emails
 * carry a one-click unsubscribe link and the List-Unsubscribe headers (RFC 8058).
 */
import nodemailer from 'nodemailer';
import type { Delivery } from '../store/outbox.js';
import type { ModeratorEmailPayload, ReplyEmailPayload } from './events.js';
import { fill, mailLanguage, mailMessages } from './messages.js';

/** Sending one email gives up after this long (the SMTP server hangs, say); it is retried later. */
export const EMAIL_TIMEOUT_MS = 60_000;

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  lang: string;
  headers: Record<string, string>;
}

export interface Mailer {
  send(delivery: Delivery): Promise<void>;
  close(): void;
}

export function createMailer(options: { smtpUrl: string; mailFrom: string }): Mailer {
  const transport = nodemailer.createTransport({
    url: options.smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  const domain = /@([^>\s]+)/.exec(options.mailFrom)?.[1] ?? 'article-feedback';
  return {
    async send(delivery) {
      const email = renderEmail(delivery);
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('the SMTP server did not finish within 60 s')), EMAIL_TIMEOUT_MS);
      });
      try {
        await Promise.race([
          transport.sendMail({
            from: options.mailFrom,
            to: delivery.target,
            subject: email.subject,
            text: email.text,
            html: email.html,
            headers: email.headers,
            // The same on every attempt: a mail client shows a duplicate once.
            messageId: `<${delivery.id}@${domain}>`,
          }),
          timeout,
        ]);
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => transport.close(),
  };
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The reader's text as a quoted block: lines kept, nothing interpreted. */
const quoteText = (s: string) => s.replace(/^/gm, '> ');
const quoteHtml = (s: string) =>
  `<blockquote style="margin:0 0 1em;padding:0 0 0 1em;border-left:3px solid #ccc;white-space:pre-wrap">${escapeHtml(s)}</blockquote>`;
const link = (href: string, label: string) => `<p><a href="${escapeHtml(href)}">${escapeHtml(label)}</a></p>`;

function page(lang: string, subject: string, body: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:sans-serif;line-height:1.5;max-width:40em">${body}</body></html>`;
}

export function renderEmail(delivery: Pick<Delivery, 'event' | 'payload'>): RenderedEmail {
  if (delivery.event === 'reply') return renderReply(JSON.parse(delivery.payload) as ReplyEmailPayload);
  return renderModerator(delivery.event, JSON.parse(delivery.payload) as ModeratorEmailPayload);
}

function renderModerator(event: string, payload: ModeratorEmailPayload): RenderedEmail {
  const m = mailMessages(payload.lang);
  const lang = mailLanguage(payload.lang);
  const { comment, links } = payload;
  const pending = event === 'moderator.pending';
  const subject = fill(pending ? m.pendingSubject : m.publishedSubject, { thread: comment.thread });
  const intro = fill(pending ? m.pendingIntro : m.publishedIntro, { name: comment.name, thread: comment.thread });
  const who = `${comment.name} <${comment.email}>`;
  const rating = comment.rating ? fill(m.rating, { n: comment.rating }) : null;
  const text = [
    intro,
    '',
    who,
    ...(rating ? [rating] : []),
    '',
    quoteText(comment.message),
    '',
    `${m.moderate}: ${links.moderate}`,
    ...(links.article ? [`${m.article}: ${links.article}`] : []),
    '',
  ].join('\n');
  const html = page(
    lang,
    subject,
    [
      `<p>${escapeHtml(intro)}</p>`,
      `<p>${escapeHtml(who)}${rating ? `<br>${escapeHtml(rating)}` : ''}</p>`,
      quoteHtml(comment.message),
      link(links.moderate, m.moderate),
      links.article ? link(links.article, m.article) : '',
    ].join(''),
  );
  return { subject, text, html, lang, headers: { 'Auto-Submitted': 'auto-generated' } };
}

function renderReply(payload: ReplyEmailPayload): RenderedEmail {
  const m = mailMessages(payload.lang);
  const lang = mailLanguage(payload.lang);
  const { reply, links } = payload;
  const subject = fill(m.replySubject, { name: reply.name });
  const intro = fill(m.replyIntro, { recipient: payload.recipientName, name: reply.name, thread: payload.thread });
  const text = [
    intro,
    '',
    `${m.yourComment}:`,
    quoteText(payload.parentExcerpt),
    '',
    `${m.reply} (${reply.name}):`,
    quoteText(reply.message),
    '',
    ...(links.article ? [`${m.article}: ${links.article}`, ''] : []),
    '-- ',
    m.replyFooter,
    `${m.unsubscribe}: ${links.unsubscribe}`,
    '',
  ].join('\n');
  const html = page(
    lang,
    subject,
    [
      `<p>${escapeHtml(intro)}</p>`,
      `<p>${escapeHtml(m.yourComment)}:</p>`,
      quoteHtml(payload.parentExcerpt),
      `<p>${escapeHtml(`${m.reply} (${reply.name})`)}:</p>`,
      quoteHtml(reply.message),
      links.article ? link(links.article, m.article) : '',
      `<hr><p style="font-size:smaller">${escapeHtml(m.replyFooter)} <a href="${escapeHtml(links.unsubscribe)}">${escapeHtml(m.unsubscribe)}</a></p>`,
    ].join(''),
  );
  return {
    subject,
    text,
    html,
    lang,
    headers: {
      'Auto-Submitted': 'auto-generated',
      'List-Unsubscribe': `<${links.unsubscribe}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}
