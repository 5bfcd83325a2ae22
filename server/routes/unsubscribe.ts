/**
 * `GET/POST /api/unsubscribe?t=<token>` (#16): the link at the bottom of reply emails.
 * GET shows a page with one button (link checkers and mail scanners open links: a GET changes
 * nothing); POST stops reply emails to that address for the thread. Mail clients that offer
 * "Unsubscribe" themselves POST `List-Unsubscribe=One-Click` to the same URL (RFC 8058).
 */
import { Hono, type Context } from 'hono';
import type { AppDeps } from '../deps.js';
import { methodNotAllowed } from '../http/middleware.js';
import { mailLanguage, mailMessages } from '../notify/messages.js';
import { verifyUnsubscribeToken } from '../notify/unsubscribe.js';

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function page(c: Context, status: 200 | 400, lang: string, body: string) {
  const m = mailMessages(lang);
  c.header('Cache-Control', 'no-store');
  return c.html(
    `<!doctype html><html lang="${mailLanguage(lang)}"><head><meta charset="utf-8">` +
      `<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">` +
      `<title>${escapeHtml(m.unsubscribeButton)}</title></head><body><main>${body}</main></body></html>`,
    status,
  );
}

export function unsubscribeRoutes(deps: AppDeps): Hono {
  const { config, store } = deps;
  const routes = new Hono();
  const commentIdOf = (c: Context) => verifyUnsubscribeToken(config.secret, c.req.query('t') ?? '');
  const invalid = (c: Context) => page(c, 400, 'en', `<p>${escapeHtml(mailMessages('en').unsubscribeInvalid)}</p>`);

  routes.get('/unsubscribe', async (c) => {
    const commentId = commentIdOf(c);
    if (!commentId) return invalid(c);
    const choice = await store.outbox.commentNotify(commentId);
    const lang = choice?.lang ?? 'en';
    const m = mailMessages(lang);
    // The form posts back to this very URL, token included.
    const action = `?t=${encodeURIComponent(c.req.query('t')!)}`;
    return page(
      c,
      200,
      lang,
      `<p>${escapeHtml(m.unsubscribeQuestion)}</p>` +
        `<form method="post" action="${escapeHtml(action)}"><button type="submit" name="List-Unsubscribe" value="One-Click">${escapeHtml(m.unsubscribeButton)}</button></form>`,
    );
  });

  routes.post('/unsubscribe', async (c) => {
    const commentId = commentIdOf(c);
    if (!commentId) return invalid(c);
    // A comment deleted since has no address left to unsubscribe: nothing will be sent to it.
    const done = await store.outbox.unsubscribeThread(commentId);
    const lang = done?.lang ?? 'en';
    return page(c, 200, lang, `<p role="status">${escapeHtml(mailMessages(lang).unsubscribeDone)}</p>`);
  });

  routes.all('/unsubscribe', methodNotAllowed('GET, HEAD, POST, OPTIONS'));
  return routes;
}
