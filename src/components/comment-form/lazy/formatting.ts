// "Preview" and "Formatting help" under the message (#18): loaded on the reader's first touch of
// the form, like the reply-email option. The parser and the renderer they show come later still
// (./preview.ts), when Preview is pressed or the help is opened. It sees its form only through a
// FormHost, and keeps its own little state (is Preview on) per form.
import { css, html, nothing, type TemplateResult } from 'lit';
import { enLater } from '../../../i18n/en-later.js';
import { addEnglish } from '../../../i18n/index.js';
import { adoptOnce } from '../../shared/adopt-once.js';
import { onDemand } from '../../shared/on-demand.js';
import type { CommentForm, FormHost } from '../comment-form.js';

addEnglish(enLater);

/** The Markdown parser and the body renderer, loaded when first needed. */
const loadPreview = onDemand(() => import('./preview.js'));
let preview: typeof import('./preview.js') | undefined;

/** The forms whose Preview is on. */
const previewing = new WeakSet<CommentForm>();

/** Loads the parser and renderer, then renders the form again. */
function needPreview(host: FormHost): void {
  if (preview) return;
  loadPreview().then(
    (module) => {
      preview = module;
      void host.update({});
    },
    () => undefined,
  );
}

function toggle(host: FormHost): void {
  const form = host.element;
  if (previewing.has(form)) previewing.delete(form);
  else {
    previewing.add(form);
    needPreview(host);
  }
  void host.update({});
}

/** The cheat sheet: each line of the sample as written, and as it shows. */
function help(host: FormHost): TemplateResult | typeof nothing {
  if (!preview) return nothing;
  const tr = host.translator;
  const lines = tr.t('form.formatSample').split('\n');
  return html`<ul class="help">
      ${lines.map(
        (line) =>
          html`<li>
            <code>${line}</code>
            <div class="message">${preview!.renderMessage(host.element, line)}</div>
          </li>`,
      )}
    </ul>
    <p class="note">${tr.t('form.formatNote')}</p>`;
}

/** The Preview toggle, the help disclosure, and the preview itself while Preview is on. */
export function controls(host: FormHost): TemplateResult {
  const form = host.element;
  adoptOnce(form, styles);
  const tr = host.translator;
  const on = previewing.has(form);
  const message = host.state.values.message;
  return html`<div class="formatting">
      <button
        type="button"
        class="btn"
        part="button preview"
        aria-pressed=${on}
        aria-controls="preview"
        @click=${() => toggle(host)}
      >
        ${tr.t('form.preview')}
      </button>
      <details @toggle=${(e: Event) => (e.target as HTMLDetailsElement).open && needPreview(host)}>
        <summary>${tr.t('form.formatHelp')}</summary>
        ${help(host)}
      </details>
    </div>
    <div id="preview" class="preview message" role="region" aria-label=${tr.t('form.preview')} ?hidden=${!on}>
      ${
        !on || !preview
          ? nothing
          : message.trim()
            ? preview.renderMessage(form, message)
            : html`<p class="note">${tr.t('form.previewEmpty')}</p>`
      }
    </div>`;
}

const styles = css`
  .formatting {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.5rem 1rem;
  }
  .formatting .btn {
    padding: 0.25rem 0.75rem;
  }
  .formatting .btn[aria-pressed='true'] {
    color: var(--_accent-text);
    background: var(--_accent);
  }
  summary {
    cursor: pointer;
    color: var(--_accent);
  }
  summary:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .help {
    margin: 0.5rem 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 0.35rem;
  }
  .help > li {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    gap: 1rem;
    align-items: baseline;
  }
  .help code {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  /* Each sample's first line sits on the line of what it is written as. */
  .help .message > * {
    margin-top: 0;
  }
  /* On the block's own background, as the list will show it: code blocks and quotes keep their look. */
  .preview {
    /* A long code line scrolls inside its block instead of widening the whole form. */
    min-width: 0;
    padding: 0.5rem 0.75rem;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
  }
  .message p {
    margin: 0.35em 0 0;
  }
  .message > p:first-child,
  .help .message p {
    margin-top: 0;
  }
`;
