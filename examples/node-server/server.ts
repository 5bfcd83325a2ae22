/**
 * A server-rendered article page in a Node framework (Hono on @hono/node-server):
 * `renderFeedback()` puts the block, with its first page of comments and its rating, into the
 * HTML; the script takes it over in the browser. The same few lines fit Express
 * (`res.send(page)`), Fastify (`reply.type('text/html').send(page)`)…
 *
 *   API_URL=https://comments.example.com/api node server.js   # after building; or with tsx
 *
 * test/e2e/examples.test.ts starts it against the reference server and reads its HTML.
 */
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { renderFeedback, styleHashes } from 'article-feedback/server';

export interface ArticleServerOptions {
  /** The comments API, e.g. `https://comments.example.com/api`. */
  apiUrl: string;
  /** The script-tag bundle, e.g. `https://comments.example.com/article-feedback.js`. */
  scriptUrl: string;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Answers `/articles/<slug>` with an article whose thread is its path. */
export function articleApp({ apiUrl, scriptUrl }: ArticleServerOptions): Hono {
  const app = new Hono();
  app.get('/articles/:slug{[a-z0-9-]{1,80}}', async (c) => {
    const url = new URL(c.req.url);
    try {
      const { html } = await renderFeedback({ endpoint: apiUrl, thread: url.pathname, url: url.href, lang: 'en' });
      const scriptOrigin = new URL(scriptUrl).origin;
      // A strict policy: the block's inline styles are allowed by their hashes.
      const csp = [
        "default-src 'self'",
        `script-src 'self' ${scriptOrigin}`,
        `style-src 'self' ${(await styleHashes(html)).join(' ')}`,
        `connect-src ${new URL(apiUrl).origin}`,
        `worker-src 'self' blob: ${scriptOrigin}`,
      ].join('; ');
      c.header('Content-Security-Policy', csp);
      return c.html(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Harbour town votes to keep its night ferry</title>
<link rel="canonical" href="${escapeHtml(url.href)}">
<script type="module" src="${escapeHtml(scriptUrl)}"></script>
</head>
<body>
<article>
<h1>Harbour town votes to keep its night ferry</h1>
<p>After a long evening meeting, the council decided to keep the late crossing running.</p>
${html}
</article>
</body>
</html>`);
    } catch (error) {
      // The comments API is down: the article still renders, with the block loading in the browser.
      console.error(error);
      return c.html(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Article</title>
<script type="module" src="${escapeHtml(scriptUrl)}"></script></head>
<body><article><article-feedback endpoint="${escapeHtml(apiUrl)}"></article-feedback></article></body></html>`);
    }
  });
  return app;
}

/** The app as a Node HTTP server (not yet listening). */
export function articleServer(options: ArticleServerOptions): Server {
  return createAdaptorServer({ fetch: articleApp(options).fetch }) as Server;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:8787/api';
  const server = articleServer({ apiUrl, scriptUrl: new URL('/article-feedback.js', apiUrl).href });
  server.listen(Number(process.env.PORT ?? 3000), () =>
    console.log(`http://127.0.0.1:${process.env.PORT ?? 3000}/articles/hello`),
  );
}
