import { fixture, html } from '@open-wc/testing';
import type { CommentForm } from '../../../src/components/comment-form/comment-form.js';
import type { PublicComment } from '../../../src/contract/schemas.js';

export function comment(overrides: Partial<PublicComment> = {}): PublicComment {
  return {
    id: 'c1',
    thread: 't-1',
    parent: null,
    name: 'Ada',
    message: 'Hello there',
    rating: null,
    createdAt: '2024-05-01T10:00:00.000Z',
    status: 'published',
    ...overrides,
  };
}

export async function makeForm(attrs = ''): Promise<CommentForm> {
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  // captcha="none" unless the test names a provider: no captcha request in unit tests.
  const captcha = /\bcaptcha=/.test(attrs) ? '' : 'captcha="none"';
  wrapper.innerHTML = `<comment-form endpoint="https://api.test/api" thread="t-1" ${captcha} ${attrs}></comment-form>`;
  const el = wrapper.querySelector('comment-form')!;
  await el.updateComplete;
  return el;
}

export function root(el: CommentForm): ShadowRoot {
  return el.shadowRoot!;
}

export function field(el: CommentForm, name: 'email' | 'name' | 'message'): HTMLInputElement | HTMLTextAreaElement {
  return root(el).querySelector(`[name="${name}"]`)!;
}

/** The hint tied to a field by aria-describedby, or null when none is shown. */
export function hintOf(el: CommentForm, name: 'email' | 'name' | 'message'): HTMLElement | null {
  const input = field(el, name);
  const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id.endsWith('-hint'));
  if (!ids.length) return null;
  return root(el).getElementById(ids[0]!);
}

export function visibleFeedback(el: CommentForm): string[] {
  return [...root(el).querySelectorAll<HTMLElement>('.feedback:not([hidden])')].map((n) => n.textContent!.trim());
}

/**
 * The form loads its checks and its sending code (./lazy/checks.ts, ./lazy/sending.ts) on the reader's first focus or
 * input; this waits until that module is there and the form has rendered with it.
 */
export async function actionsLoaded(el: CommentForm): Promise<void> {
  await import('../../../src/components/comment-form/lazy/checks.js');
  await new Promise((r) => setTimeout(r, 0));
  await el.updateComplete;
}

export async function type(el: CommentForm, name: 'email' | 'name' | 'message', value: string): Promise<void> {
  const input = field(el, name);
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await actionsLoaded(el);
}

export async function leave(el: CommentForm, name: 'email' | 'name' | 'message'): Promise<void> {
  const input = field(el, name);
  input.focus();
  input.blur();
  await actionsLoaded(el);
}

export async function fill(
  el: CommentForm,
  values: { email?: string; name?: string; message?: string } = {},
): Promise<void> {
  await type(el, 'email', values.email ?? 'ada@example.com');
  await type(el, 'name', values.name ?? 'Ada');
  await type(el, 'message', values.message ?? 'Hello there');
}

export function submitButton(el: CommentForm): HTMLButtonElement {
  return root(el).querySelector('button[type="submit"]')!;
}

export function statusText(el: CommentForm): string {
  return root(el).querySelector('.status.success')!.textContent!.trim();
}

export function alertText(el: CommentForm): string {
  return root(el).querySelector('[role="alert"]')!.textContent!.trim();
}

export function announcer(el: CommentForm): HTMLElement {
  return root(el).querySelector('[data-announcer]')!;
}

export async function until(check: () => boolean, timeout = 3000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeout) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Submits as a click would and waits until the form is idle again. */
export async function submit(el: CommentForm): Promise<void> {
  submitButton(el).click();
  await el.updateComplete;
  await until(() => !submitButton(el).disabled);
  await new Promise((r) => setTimeout(r, 40));
  await el.updateComplete;
}

export function clearStorage(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith('article-feedback:')) localStorage.removeItem(key);
}
