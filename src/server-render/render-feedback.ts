/**
 * `renderFeedback()` (#19): the `<article-feedback>` block as HTML, rendered on the server by
 * our real elements (`@lit-labs/ssr`, declarative shadow DOM), with the first page of comments
 * and the rating inside. The same HTML the elements render in the browser, so that:
 *
 * - readers without JavaScript and search engines read the comments and the rating;
 * - the script, when it loads, takes the block over (article-feedback/take-over.ts) in one
 *   task from the data the block carries (client/seed.ts): no request for the first page, no
 *   layout shift;
 * - the comments are described for search engines as schema.org JSON-LD (structured-data.ts).
 */
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { html, nothing } from 'lit';
import { isValidThread, threadPath } from '../client/endpoint.js';
import { renderWithSeed, seedId, type Seed } from '../client/seed.js';
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '../contract/constants.js';
import {
  commentPageSchema,
  ratingAggregateSchema,
  type CommentPage,
  type RatingAggregate,
} from '../contract/schemas.js';
import { loadLanguage } from '../i18n/index.js';
import { styleHashes } from './csp.js';
import './dom-shim.js';
import '../components/article-feedback/define.js';
import { formatCommentsOnServer } from './rich-text.js';
import { aggregateRatingData, commentsData, scriptJson } from './structured-data.js';

/** Where the block's data comes from. */
export type FeedbackSource =
  /** Asks the API at `endpoint` (the default): `GET …/comments` and `GET …/rating`. */
  | { fetch?: typeof globalThis.fetch }
  /** Data you already hold (e.g. from your own store): no request is made. */
  | { data: { comments: CommentPage; rating: RatingAggregate | null } };

export type RenderFeedbackOptions = FeedbackSource & {
  /** The API base URL, as in the element's `endpoint` attribute (the browser uses it too). */
  endpoint: string;
  /** The thread id (1–200 of `A–Z a–z 0–9 . _ ~ : / -`). */
  thread: string;
  /** The block's language (default `en`); the same catalogues as in the browser. */
  lang?: string;
  /** Comments on the first page (default 20, at most 100): the element's `page-size`. */
  pageSize?: number;
  /** The element's other attributes. */
  theme?: 'light' | 'dark' | 'auto';
  heading?: string;
  captcha?: string;
  /**
   * The article's URL: the comments' JSON-LD names it as the item they comment on (and the
   * aggregate rating as the item reviewed).
   */
  url?: string;
  /**
   * Also describe the thread's rating as a schema.org `AggregateRating` (when it has votes).
   * Off by default: read "Server rendering and SEO" in the README about self-serving reviews.
   */
  aggregateRating?: boolean;
  /**
   * Carry the first page and the rating for the script to take over (default true: no request,
   * no layout shift). `false` for HTML kept for long (a static site's build): the script then
   * loads the current comments instead of showing the ones of the render.
   */
  embedData?: boolean;
};

export interface RenderedFeedback {
  /** `<article-feedback …>` with its shadow roots, its data and its JSON-LD inside. */
  html: string;
  /** The JSON-LD the HTML carries (a schema.org `@graph` of `Comment`s, and the rating when asked for). */
  structuredData: Record<string, unknown>;
  /**
   * The schema.org `AggregateRating` of the thread (null without votes), to attach to your
   * article's own structured data (`"aggregateRating": …`) if you choose to.
   */
  aggregateRating: Record<string, unknown> | null;
  /** The `style-src` hashes of the block's inline styles, for a strict Content-Security-Policy (see styleHashes()). */
  styleHashes: string[];
}

/** The page size the element will ask for: the element's own rule (comment-list `_pageLimit`). */
function pageLimit(size: number | undefined): number {
  const n = Math.floor(size ?? PAGE_SIZE_DEFAULT);
  return Number.isFinite(n) ? Math.min(PAGE_SIZE_MAX, Math.max(1, n)) : PAGE_SIZE_DEFAULT;
}

/** The first page and the rating: from `data`, else from the API (the rating may fail: the block still renders). */
async function loadSeed(options: RenderFeedbackOptions, limit: number): Promise<Seed & { comments: CommentPage }> {
  if ('data' in options) {
    const { comments, rating } = options.data;
    return { comments, rating: rating ?? undefined };
  }
  const base = options.endpoint.replace(/\/+$/, '') + threadPath(options.thread);
  const fetchJson = options.fetch ?? globalThis.fetch;
  // The same reads as the browser's (client/api.ts), checked with the contract's schemas.
  const read = async (path: string): Promise<unknown> => {
    const res = await fetchJson(base + path, { headers: { Accept: 'application/json' } });
    if (!res.ok) throw new Error(`article-feedback: GET ${base + path} answered ${res.status}`);
    return res.json();
  };
  const [comments, rating] = await Promise.all([
    read(`/comments?limit=${limit}&sort=newest`).then((body) => commentPageSchema.parse(body)),
    // Without the rating the block still renders (as the browser's does), and the browser asks again.
    read('/rating').then(
      (body) => ratingAggregateSchema.parse(body),
      () => undefined,
    ),
  ]);
  return { comments, rating };
}

/**
 * Renders the block for `thread`. Call it on the server for each article page and put the
 * `html` where the block goes; load the script (`article-feedback.js` or `article-feedback/define`)
 * as usual.
 */
export async function renderFeedback(options: RenderFeedbackOptions): Promise<RenderedFeedback> {
  const { endpoint, thread } = options;
  if (!isValidThread(thread)) throw new TypeError(`Not a valid thread id: ${JSON.stringify(thread)}`);
  const lang = options.lang?.trim() || 'en';
  const limit = pageLimit(options.pageSize);
  const [seed] = await Promise.all([loadSeed(options, limit), loadLanguage(lang)]);
  formatCommentsOnServer();

  const block = html`<article-feedback
    endpoint=${endpoint}
    thread=${thread}
    lang=${lang}
    theme=${options.theme ?? nothing}
    heading=${options.heading ?? nothing}
    captcha=${options.captcha ?? nothing}
    page-size=${limit}
  ></article-feedback>`;
  const rendered = renderWithSeed(seed, () => collectResultSync(render(block)));

  const structured = { url: options.url, aggregateRating: options.aggregateRating === true };
  const aggregateRating = seed.rating ? aggregateRatingData(seed.rating, structured.url) : null;
  const structuredData = commentsData(
    seed.comments.comments,
    structured.url,
    structured.aggregateRating ? aggregateRating : null,
  );
  // The data and the JSON-LD go inside the element (not slotted: never shown), so the block is one element.
  const embed = options.embedData !== false;
  const data =
    `<script type="application/json" id="${attribute(seedId('comments', thread))}">${scriptJson(seed.comments)}</script>` +
    (seed.rating
      ? `<script type="application/json" id="${attribute(seedId('rating', thread))}">${scriptJson(seed.rating)}</script>`
      : '');
  const scripts = (embed ? data : '') + `<script type="application/ld+json">${scriptJson(structuredData)}</script>`;
  const end = rendered.lastIndexOf('</article-feedback>');
  return {
    html: rendered.slice(0, end) + scripts + rendered.slice(end),
    structuredData,
    aggregateRating,
    styleHashes: await styleHashes(rendered),
  };
}

/** Text for a double-quoted attribute. */
function attribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
