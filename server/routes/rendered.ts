/**
 * `GET /api/threads/:thread/rendered?lang=…` (#19, SPEC §6.5): the `<article-feedback>` block
 * rendered on the server (src/server-render/) with the thread's first page of comments and its
 * rating inside, as an HTML fragment for a CMS or a framework to put into its article pages.
 * Answered from the thread's version like the other reads (ETag, 304, kept answers).
 */
import { createRequire } from 'node:module';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { LIMITS } from '../../src/contract/limits.js';
import { renderFeedback } from '../../src/server-render/index.js';
import type { AppDeps } from '../deps.js';
import { methodNotAllowed } from '../http/middleware.js';
import { ownOrigin, parseQuery, threadParam } from '../http/request.js';
import { answerByVersion, versionEtag } from '../http/versioned.js';
import { listComments } from '../use-cases/list-comments.js';
import { ratingAggregate } from '../use-cases/rating.js';

/** A BCP 47-looking tag (`en`, `pt-BR`, `zh-Hant`); the block falls back to English for one it does not know. */
const LANG_PATTERN = /^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8}){0,3}$/;

/**
 * The markup is the widget's: a new version of it is a new answer for the same thread version
 * (an HTML cached before a deploy must not be revalidated as unchanged).
 */
const WIDGET_VERSION = (createRequire(import.meta.url)('article-feedback/package.json') as { version: string }).version;

export const renderedQuerySchema = z.object({
  lang: z.optional(z.string().check(z.regex(LANG_PATTERN))),
  /** The article's absolute URL, named by the JSON-LD (what the comments are about). */
  url: z.optional(z.url({ protocol: /^https?$/ }).check(z.maxLength(2000))),
  /** `true`: the JSON-LD also describes the rating as an AggregateRating (off by default). */
  aggregateRating: z.optional(z.enum(['true', 'false'])),
  /** `false`: without the data the script takes over from (for HTML kept for long, e.g. a static build). */
  embedData: z.optional(z.enum(['true', 'false'])),
});

export function renderedRoutes(deps: AppDeps): Hono {
  const routes = new Hono();

  routes.get('/threads/:thread/rendered', async (c) => {
    const thread = threadParam(c);
    const query = parseQuery(renderedQuerySchema, c);
    const lang = query.lang ?? 'en';
    const aggregateRating = query.aggregateRating === 'true';
    const embedData = query.embedData !== 'false';
    // The API base the browser will use, as in the block's `endpoint` attribute.
    const endpoint = `${deps.config.publicUrl ?? ownOrigin(c, deps.config)}/api`;
    const limit = LIMITS.pageSizeDefault;
    const read = () => deps.versions.thread(thread);
    const version = await read();
    const selector = `${lang} ${aggregateRating} ${embedData} ${query.url ?? ''} ${endpoint} ${deps.config.ratingMax} ${WIDGET_VERSION}`;
    return answerByVersion(c, {
      cache: deps.answers,
      key: `rendered ${thread} ${selector}`,
      version,
      etag: versionEtag('h', version, selector),
      html: true,
      replay: { cache: deps.replays, read },
      produce: async () => {
        const [comments, rating] = await Promise.all([
          listComments(deps, { thread, limit, after: null, sort: 'newest' }),
          ratingAggregate(deps, thread),
        ]);
        const rendered = await renderFeedback({
          endpoint,
          thread,
          lang,
          pageSize: limit,
          url: query.url,
          aggregateRating,
          embedData,
          data: { comments, rating },
        });
        return rendered.html;
      },
    });
  });

  routes.all('/threads/:thread/rendered', methodNotAllowed('GET, HEAD, OPTIONS'));
  return routes;
}
