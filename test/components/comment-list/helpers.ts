import { fixture, html } from '@open-wc/testing';
import { json } from '../helpers/fetch-stub.js';
import type { PublicComment } from '../../../src/contract/schemas.js';
import '../../../src/components/comment-list/define.js';
import type { CommentList } from '../../../src/components/comment-list/comment-list.js';

export function page(comments: PublicComment[], nextCursor: string | null = null, total = comments.length): Response {
  return json(200, { comments, nextCursor, total });
}

let seq = 0;
export function comment(overrides: Partial<PublicComment> = {}): PublicComment {
  seq++;
  return {
    id: `c${seq}`,
    thread: 't-1',
    parent: null,
    name: 'Ada Lovelace',
    message: 'Hello there',
    rating: null,
    createdAt: new Date(Date.now() - seq * 60_000).toISOString(),
    status: 'published',
    ...overrides,
  };
}

export async function makeList(attrs: Record<string, string> = {}): Promise<CommentList> {
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement('comment-list');
  el.setAttribute('endpoint', 'https://api.test/api');
  el.setAttribute('thread', 't-1');
  el.setAttribute('captcha', 'none');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  wrapper.append(el);
  await el.updateComplete;
  return el;
}

/** Waits until `check` is truthy (re-renders happen after fetches resolve). */
export async function until<T>(check: () => T, what = 'condition', timeout = 3000): Promise<NonNullable<T>> {
  const start = performance.now();
  for (;;) {
    const v = check();
    if (v) return v as NonNullable<T>;
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function shadow(el: Element): ShadowRoot {
  return el.shadowRoot!;
}

export function articles(el: Element): HTMLElement[] {
  return [...shadow(el).querySelectorAll<HTMLElement>('article[part="comment"]')];
}

export function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function buttonByText(root: ParentNode, label: string): HTMLButtonElement | undefined {
  return [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === label);
}

/**
 * Counts comment renders until `restore()`: each render of a comment formats its relative time
 * once ("3 minutes ago"), so the calls of `Intl.RelativeTimeFormat#format` are its renders (#24).
 */
export function countCommentRenders(): { readonly renders: number; restore(): void } {
  const format = Intl.RelativeTimeFormat.prototype.format;
  const counter = {
    renders: 0,
    restore: () => {
      Intl.RelativeTimeFormat.prototype.format = format;
    },
  };
  Intl.RelativeTimeFormat.prototype.format = function (
    this: Intl.RelativeTimeFormat,
    ...args: Parameters<typeof format>
  ) {
    counter.renders++;
    return format.apply(this, args);
  };
  return counter;
}
