import type { ArticleRating } from '../../../src/components/article-rating/article-rating.js';
import type { RatingAggregate } from '../../../src/contract/schemas.js';
import { json, restoreFetch, routeFetch, type Call, type Reply } from '../helpers/fetch-stub.js';

/**
 * The rating's server, on the shared fetch stub: GET …/rating answers `getReply`, PUT answers
 * the next queued reply (an unexpected PUT fails the request).
 */
export class FetchStub {
  readonly calls: Call[];
  getReply: () => Response | Promise<Response>;
  putReplies: Reply[] = [];

  constructor(aggregate: RatingAggregate = { average: 0, count: 0, max: 5, histogram: [0, 0, 0, 0, 0] }) {
    this.getReply = () => json(200, aggregate);
    this.calls = routeFetch(({ method, url }) => {
      if (method === 'GET') return this.getReply();
      return this.putReplies.shift() ?? new Error(`unexpected ${method} ${url}`);
    });
  }

  get puts(): Call[] {
    return this.calls.filter((c) => c.method === 'PUT');
  }

  restore(): void {
    restoreFetch();
  }
}

export function aggregate(histogram: number[], yours?: number): RatingAggregate {
  const count = histogram.reduce((a, b) => a + b, 0);
  const sum = histogram.reduce((a, b, i) => a + b * (i + 1), 0);
  const agg: RatingAggregate = { average: count ? sum / count : 0, count, max: histogram.length, histogram };
  if (yours !== undefined) agg.yours = yours;
  return agg;
}

/** A promise with its resolver outside, to hold a server answer back. */
export function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void } {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export function stars(el: ArticleRating): HTMLElement[] {
  return Array.from(el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="star"]'));
}

export function group(el: ArticleRating): HTMLElement {
  return el.shadowRoot!.querySelector<HTMLElement>('[role="radiogroup"]')!;
}

export function checked(el: ArticleRating): number {
  return stars(el).findIndex((s) => s.getAttribute('aria-checked') === 'true') + 1;
}

export function tabStops(el: ArticleRating): number[] {
  return stars(el)
    .map((s, i) => (s.tabIndex === 0 ? i + 1 : 0))
    .filter(Boolean);
}

export function summaryText(el: ArticleRating): string {
  return el.shadowRoot!.querySelector('[part~="summary"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

export function feedbackText(el: ArticleRating): string {
  return el.shadowRoot!.querySelector('[part~="feedback"]')?.textContent?.trim() ?? '';
}

/** The shadow-DOM element that has focus, if it is inside `el`. */
export function focusedStar(el: ArticleRating): number {
  const active = el.shadowRoot!.activeElement;
  return active ? stars(el).indexOf(active as HTMLElement) + 1 : 0;
}

/** Whether the page fetched the on-demand standalone vote (src/components/article-rating/lazy/vote.ts). */
export function voteLoaded(): boolean {
  return performance.getEntriesByType('resource').some((r) => /\/article-rating\/lazy\/vote\b/.test(r.name));
}

/** A keydown on the star that has the focus in `el`, as a browser sends it; returned to read `defaultPrevented`. */
export function keydown(el: ArticleRating, key: string): KeyboardEvent {
  const e = new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true });
  el.shadowRoot!.activeElement!.dispatchEvent(e);
  return e;
}
