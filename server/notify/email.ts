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

/**
 * One piece of an email: a line of our own words, the reader's words quoted (lines kept,
 * nothing interpreted), or a link with its label. `null` leaves a piece out.
 */
type Piece = { line: string } | { quote: string } | { href: string; label: string } | null;

/** A paragraph of pieces; the footer sits under a signature separator, in small print. */
interface Section {
  pieces: Piece[];
  footer?: boolean;
}

/** What an email says, in the order it says it; `composeEmail` writes both parts from it. */
interface EmailContent {
  lang: string | undefined;
  subject: string;
  sections: Section[];
  /** The one-click unsubscribe link (RFC 8058 headers), for emails a reader asked for. */
  unsubscribe?: string;
}

function pieceText(piece: NonNullable<Piece>): string {
  if ('line' in piece) return piece.line;
  if ('quote' in piece) return piece.quote.replace(/^/gm, '> ');
  return `${piece.label}: ${piece.href}`;
}

/** Consecutive lines share one paragraph (one per line); a quote and a link stand alone. */
function sectionHtml(pieces: NonNullable<Piece>[], inline: boolean): string {
  let html = '';
  let lines: string[] = [];
  const flush = () => {
    if (lines.length) html += inline ? lines.join(' ') : `<p>${lines.join('<br>')}</p>`;
    lines = [];
  };
  for (const piece of pieces) {
    if ('line' in piece) {
      lines.push(escapeHtml(piece.line));
      continue;
    }
    flush();
    if ('quote' in piece)
      html += `<blockquote style="margin:0 0 1em;padding:0 0 0 1em;border-left:3px solid #ccc;white-space:pre-wrap">${escapeHtml(piece.quote)}</blockquote>`;
    else {
      const anchor = `<a href="${escapeHtml(piece.href)}">${escapeHtml(piece.label)}</a>`;
      html += inline ? ` ${anchor}` : `<p>${anchor}</p>`;
    }
  }
  flush();
  return html;
}

/** The plain-text part and the HTML part of one email, from the same sections. */
export function composeEmail(content: EmailContent): RenderedEmail {
  const lang = mailLanguage(content.lang);
  const sections = content.sections
    .map((section) => ({ ...section, pieces: section.pieces.filter((p): p is NonNullable<Piece> => p !== null) }))
    .filter((section) => section.pieces.length > 0);
  const text = `${sections
    .map((section) => [...(section.footer ? ['-- '] : []), ...section.pieces.map(pieceText)].join('\n'))
    .join('\n\n')}\n`;
  const body = sections
    .map((section) =>
      section.footer
        ? `<hr><p style="font-size:smaller">${sectionHtml(section.pieces, true)}</p>`
        : sectionHtml(section.pieces, false),
    )
    .join('');
  const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head><body style="font-family:sans-serif;line-height:1.5;max-width:40em">${body}</body></html>`;
  const headers: Record<string, string> = { 'Auto-Submitted': 'auto-generated' };
  if (content.unsubscribe) {
    headers['List-Unsubscribe'] = `<${content.unsubscribe}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  return { subject: content.subject, text, html, lang, headers };
}

export function renderEmail(delivery: Pick<Delivery, 'event' | 'payload'>): RenderedEmail {
  if (delivery.event === 'reply') return renderReply(JSON.parse(delivery.payload) as ReplyEmailPayload);
  return renderModerator(delivery.event, JSON.parse(delivery.payload) as ModeratorEmailPayload);
}

/** `moderator.pending` / `moderator.published`: who wrote what where, and the links to act. */
function renderModerator(event: string, payload: ModeratorEmailPayload): RenderedEmail {
  const m = mailMessages(payload.lang);
  const { comment, links } = payload;
  const pending = event === 'moderator.pending';
  return composeEmail({
    lang: payload.lang,
    subject: fill(pending ? m.pendingSubject : m.publishedSubject, { thread: comment.thread }),
    sections: [
      {
        pieces: [
          { line: fill(pending ? m.pendingIntro : m.publishedIntro, { name: comment.name, thread: comment.thread }) },
        ],
      },
      {
        pieces: [
          { line: `${comment.name} <${comment.email}>` },
          comment.rating ? { line: fill(m.rating, { n: comment.rating }) } : null,
        ],
      },
      { pieces: [{ quote: comment.message }] },
      {
        pieces: [
          { href: links.moderate, label: m.moderate },
          links.article ? { href: links.article, label: m.article } : null,
        ],
      },
    ],
  });
}

/** `reply`: the recipient's comment and the reply, the article, and how to stop these. */
function renderReply(payload: ReplyEmailPayload): RenderedEmail {
  const m = mailMessages(payload.lang);
  const { reply, links } = payload;
  return composeEmail({
    lang: payload.lang,
    subject: fill(m.replySubject, { name: reply.name }),
    sections: [
      {
        pieces: [
          { line: fill(m.replyIntro, { recipient: payload.recipientName, name: reply.name, thread: payload.thread }) },
        ],
      },
      { pieces: [{ line: `${m.yourComment}:` }, { quote: payload.parentExcerpt }] },
      { pieces: [{ line: `${m.reply} (${reply.name}):` }, { quote: reply.message }] },
      { pieces: [links.article ? { href: links.article, label: m.article } : null] },
      { footer: true, pieces: [{ line: m.replyFooter }, { href: links.unsubscribe, label: m.unsubscribe }] },
    ],
    unsubscribe: links.unsubscribe,
  });
}
