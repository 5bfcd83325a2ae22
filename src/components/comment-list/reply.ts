import { html, nothing, type TemplateResult } from 'lit';
import { resolveEndpoint, resolveThread } from '../../client/endpoint.js';
import type { PublicComment } from '../../contract/schemas.js';
import { addEnglish, type Translator } from '../../i18n/index.js';
import { enLater } from '../../i18n/en-later.js';
import { FORM_PARTS } from '../shared/parts.js';
import type { CommentList } from './comment-list.js';

// The inline reply form of `<comment-list>`: loaded when the reader first points at or focuses
// a "Reply" button (or clicks one), so a reader who only reads never fetches it.

// "Cancel reply" and "Reply to {name}" show only once this module has opened a form.
addEnglish(enLater);

/** Opens the reply form under comment `id` (into its first field), or closes it. */
export function toggle(list: CommentList, id: string): void {
  if ((list._replyTo = list._replyTo === id ? null : id)) {
    void list.updateComplete.then(async () => {
      // The one open reply form: into its first field, once it has rendered.
      const form = list.renderRoot.querySelector('comment-form');
      await form?.updateComplete;
      form?.shadowRoot?.querySelector<HTMLElement>('input:not([type=hidden]):not([tabindex="-1"]), textarea')?.focus();
    });
  }
}

/** The reply form under comment `c`, with the list's settings. */
export const form = (list: CommentList, c: PublicComment, tr: Translator): TemplateResult =>
  html`<div role="group" aria-label=${tr.t('list.replyTo', { name: c.name })}>
    <comment-form
      exportparts=${FORM_PARTS}
      parent=${c.id}
      endpoint=${resolveEndpoint(list)!}
      thread=${resolveThread(list)!}
      lang=${tr.lang}
      theme=${list.theme ?? nothing}
      captcha=${list.captcha ?? nothing}
      captcha-site-key=${list.captchaSiteKey ?? nothing}
      .messages=${list.messages}
    ></comment-form>
  </div>`;
