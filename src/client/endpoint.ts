import { THREAD_PATTERN } from '../contract/constants.js';
import { closestComposed } from '../i18n/index.js';

/**
 * An element's own setting: the property when it holds a string (an element may be configured
 * from script, `el.endpoint = …`, without the attribute), else the attribute.
 */
function own(el: Element, name: 'endpoint' | 'thread'): string | null {
  const prop: unknown = (el as unknown as Record<string, unknown>)[name];
  return typeof prop === 'string' ? prop : el.getAttribute(name);
}

/**
 * The API base URL for an element: its own `endpoint`, else the nearest enclosing
 * `<article-feedback>`'s (across shadow roots). Trailing slashes are dropped.
 */
export function resolveEndpoint(el: Element): string | null {
  const value =
    own(el, 'endpoint') ?? closestComposed(el, 'article-feedback[endpoint]')?.getAttribute('endpoint') ?? null;
  if (!value) return null;
  return value.replace(/\/+$/, '');
}

/**
 * The discussion id (SPEC §1): the element's `thread`, else the path of the page's
 * `<link rel="canonical">`, else `location.pathname`. Returns null when it is not valid.
 */
export function resolveThread(el: Element): string | null {
  const candidate =
    own(el, 'thread') ??
    closestComposed(el, 'article-feedback[thread]')?.getAttribute('thread') ??
    defaultThread(el.ownerDocument ?? document);
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
