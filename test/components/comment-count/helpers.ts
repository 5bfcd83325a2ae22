import { json, routeFetch, type Call } from '../helpers/fetch-stub.js';
import '../../../src/components/comment-count/define.js';
import type { CommentCount } from '../../../src/components/comment-count/comment-count.js';

export const ENDPOINT = 'https://api.test/api';

export interface Totals {
  comments: number;
  rating?: { average: number; count: number };
}

/**
 * Answers `GET …/counts` as the reference server does (SPEC §6.4): every asked thread, unknown
 * ones with zeros, 400 for more than 100 threads. Returns the `/counts` requests made.
 */
export function serveCounts(totals: Record<string, Totals>): Call[] {
  const calls = routeFetch((call) => {
    if (!call.path.endsWith('/counts')) return new Error(`unexpected request ${call.url}`);
    const threads = call.params.getAll('thread');
    if (threads.length < 1 || threads.length > 100) return json(400, { error: 'bad_request', message: 'threads' });
    return json(200, {
      counts: Object.fromEntries(
        threads.map((t) => [
          t,
          { comments: totals[t]?.comments ?? 0, rating: totals[t]?.rating ?? { average: 0, count: 0 } },
        ]),
      ),
    });
  });
  return calls;
}

/** `<comment-count>` elements with these attributes, appended to `parent` in one task. */
export function addCounts(parent: Element, ...attributes: Record<string, string>[]): CommentCount[] {
  return attributes.map((attrs) => {
    const el = document.createElement('comment-count');
    el.setAttribute('endpoint', ENDPOINT);
    for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
    parent.append(el);
    return el;
  });
}

/** What the element shows (its shadow root's text, spaces collapsed). */
export function shown(el: Element): string {
  return (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Waits until the element shows something other than the "…" of loading. */
export async function loaded(el: Element, timeout = 3000): Promise<string> {
  const start = performance.now();
  while (el.shadowRoot?.querySelector('slot')?.textContent === '…') {
    if (performance.now() - start > timeout) throw new Error('still loading');
    await new Promise((r) => setTimeout(r, 10));
  }
  return shown(el);
}

/** Lets queued microtasks and answered fetches run. */
export const settle = () => new Promise((r) => setTimeout(r, 20));
