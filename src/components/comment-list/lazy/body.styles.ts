import { css } from 'lit';

/**
 * Quotes, code and lists inside a comment's `.message` (the list's comments and the form's
 * Preview), on the theme's tokens, so light, dark and forced colours follow. Loaded with the
 * renderer and added to the element's shadow root then (see ../../shared/adopt-once.ts); the
 * list's own `ol` rules (its threads) are undone here for the lists a reader wrote.
 */
export const bodyStyles = css`
  .message a {
    color: var(--_accent);
  }
  .message :is(blockquote, pre, ul, ol) {
    margin: 0.35em 0 0;
  }
  .message blockquote {
    padding-inline-start: 0.75em;
    border-inline-start: 3px solid var(--_border);
    color: var(--_muted);
  }
  .message ul,
  .message ol {
    display: block;
    padding: 0;
    padding-inline-start: 1.5em;
    border: 0;
  }
  .message ul {
    list-style: disc;
  }
  .message ol {
    list-style: decimal;
  }
  .message li > p:first-child {
    margin-top: 0;
  }
  .message code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.9em;
    padding: 0.05em 0.3em;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: 0.25em;
  }
  /* Code reads left to right, in an Arabic or Hebrew comment too. */
  .message pre {
    direction: ltr;
    text-align: left;
    padding: 0.5em 0.75em;
    overflow-x: auto;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  /* A wide code block scrolls, and takes focus to be scrolled by keyboard: the block's own ring. */
  .message pre:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .message pre code {
    padding: 0;
    font-size: inherit;
    background: none;
    border: 0;
  }
`;
