import { THREAD_PATTERN } from '../contract/constants.js';
import { closestComposed } from '../i18n/index.js';

/**
 * The API base URL for an element: its own `endpoint`, else the nearest enclosing
 * `<article-feedback>`'s (across shadow roots). Trailing slashes are dropped.
 */
export function resolveEndpoint(el: Element): string | null {
  const own = el.getAttribute('endpoint');
  const value = own ?? closestComposed(el, 'article-feedback[endpoint]')?.getAttribute('endpoint') ?? null;
  if (!value) return null;
  return value.replace(/\/+$/, '');
}

/**
 * The discussion id (SPEC §1): the element's `thread`, else the path of the page's
 * `<link rel="canonical">`, else `location.pathname`. Returns null when it is not valid.
 */
export function resolveThread(el: Element): string | null {
  const own = el.getAttribute('thread') ?? closestComposed(el, 'article-feedback[thread]')?.getAttribute('thread');
  const candidate = own ?? defaultThread(el.ownerDocument ?? document);
  return isValidThread(candidate) ? candidate : null;
}

export function defaultThread(doc: Document): string {
  const canonical = doc.querySelector<HTMLLinkElement>('link[rel="canonical"][href]');
  if (canonical) {
    try {
      return new URL(canonical.href, doc.baseURI).pathname;
    } catch {
      /* fall through to the page path */
    }
  }
  return doc.defaultView?.location.pathname ?? '/';
}

export function isValidThread(thread: string | null | undefined): thread is string {
  return typeof thread === 'string' && THREAD_PATTERN.test(thread);
}

/** `/threads/<encoded>` — every character outside unreserved ones is percent-encoded. */
export function threadPath(thread: string): string {
  return `/threads/${encodeURIComponent(thread)}`;
}
