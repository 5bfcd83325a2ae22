import { css, unsafeCSS } from 'lit';
import { tokens } from '../shared/tokens.styles.js';
import { AVATAR_HUES, avatarPaletteColor } from './format.js';

// Avatar colours as classes of the (constructed) stylesheet: no inline style attribute, so the
// list works under a CSP without 'unsafe-inline' for styles.
const palette = unsafeCSS(
  Array.from({ length: AVATAR_HUES }, (_, i) => `.hue-${i} { background-color: ${avatarPaletteColor(i)}; }`).join('\n'),
);

const local = css`
  :host {
    display: block;
  }
  .list {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.75);
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: calc(var(--_space) * 0.5);
    border-bottom: 1px solid var(--_border);
    padding-bottom: calc(var(--_space) * 0.5);
  }
  .count {
    margin: 0;
    font-weight: 600;
    font-size: 1.1em;
  }
  .sort {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    color: var(--_muted);
    font-size: 0.9em;
  }
  select {
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.25em 0.5em;
  }
  select:focus-visible,
  button:focus-visible,
  a:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
    box-shadow: 0 0 0 0.25rem var(--_focus);
  }
  .empty {
    margin: 0;
    padding: var(--_space);
    text-align: center;
    color: var(--_muted);
    background: var(--_surface);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }
  .error {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.75);
    padding: calc(var(--_space) * 0.75);
    color: var(--_invalid);
    border: 1px solid var(--_invalid);
    border-radius: var(--_radius);
  }
  .error p {
    margin: 0;
  }
  ol.comments {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.75);
  }
  /* Off-screen threads skip style and layout (500 comments); the clip margin keeps focus rings. */
  .level-1 > li {
    content-visibility: auto;
    contain-intrinsic-size: auto 6rem;
    overflow-clip-margin: 0.5rem;
  }
  ol.comments ol.comments {
    margin-top: calc(var(--_space) * 0.75);
    padding-inline-start: calc(var(--_space) * 1.5);
    border-inline-start: 2px solid var(--_border);
  }
  .comment {
    display: flex;
    gap: calc(var(--_space) * 0.75);
    align-items: flex-start;
  }
  .comment.pending .body {
    padding: 0.25em 0.5em;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }
  .avatar {
    flex: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: 2.5rem;
    height: 2.5rem;
    border-radius: 50%;
    color: #fff;
    font-weight: 600;
    font-size: 0.95rem;
    line-height: 1;
    user-select: none;
    background-color: #5c636a;
  }
  ${palette}
  .body {
    flex: 1;
    min-width: 0;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25em 0.75em;
  }
  .name {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  time {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .stars {
    display: inline-flex;
    font-size: 0.9em;
    line-height: 1;
    color: var(--_star-empty);
  }
  .star.on {
    color: var(--_star);
  }
  .badge {
    display: inline-block;
    font-size: 0.75em;
    font-weight: 600;
    padding: 0.2em 0.6em;
    border-radius: 999px;
    color: #3d2b00;
    background: #ffe69c;
    border: 1px solid #c79100;
  }
  .message {
    overflow-wrap: anywhere;
  }
  .message p {
    margin: 0.35em 0 0;
  }
  .message a {
    color: var(--_accent);
  }
  .actions {
    margin-top: 0.25em;
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--_radius);
  }
  button.link {
    padding: 0.1em 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font-size: 0.9em;
    font-weight: 600;
  }
  button.link:hover {
    text-decoration: underline;
  }
  button.secondary {
    padding: 0.375em 0.75em;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
  }
  button.secondary:hover:not(:disabled) {
    border-color: var(--_accent);
  }
  button:disabled {
    cursor: progress;
    opacity: 0.7;
  }
  .reply-slot:not(:empty) {
    margin-top: calc(var(--_space) * 0.5);
  }
  .more {
    display: flex;
    justify-content: center;
  }
  .skeleton {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
  }
  .skeleton-item {
    display: flex;
    gap: calc(var(--_space) * 0.75);
  }
  .skeleton .lines {
    flex: 1;
    display: flex;
    flex-direction: column;
    gap: 0.5em;
  }
  .bone {
    display: block;
    background: var(--_surface);
    border: 1px solid var(--_border);
  }
  .bone.line {
    height: 0.8em;
    border-radius: var(--_radius);
  }
  .bone.line.short {
    width: 35%;
  }
  .skeleton .avatar {
    background: var(--_surface);
  }
  @media (prefers-reduced-motion: no-preference) {
    .bone {
      animation: pulse 1.4s ease-in-out infinite;
    }
    @keyframes pulse {
      50% {
        opacity: 0.45;
      }
    }
    button {
      transition:
        border-color 0.15s ease-in-out,
        box-shadow 0.15s ease-in-out;
    }
  }
  @media (forced-colors: active) {
    .avatar {
      border: 1px solid CanvasText;
      forced-color-adjust: none;
    }
    .badge,
    .empty,
    .error {
      border: 1px solid CanvasText;
    }
    .star.on {
      color: Highlight;
    }
    .bone {
      border-color: GrayText;
    }
  }
`;

export const styles = [tokens, local];
