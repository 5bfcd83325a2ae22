import { css, unsafeCSS } from 'lit';
import { tokens } from '../shared/tokens.styles.js';
import { AVATAR_HUES, avatarPaletteColor } from './format.js';

// Avatar colours as classes of the (constructed) stylesheet: no inline style attribute, so the
// list works under a CSP without 'unsafe-inline' for styles.
const palette = unsafeCSS(
  Array.from({ length: AVATAR_HUES }, (_, i) => `.hue-${i}{background:${avatarPaletteColor(i)}}`).join(''),
);

// The build squeezes whitespace but keeps it around `>` and `*`, so these are written without.
const local = css`
  :host {
    display: block;
  }
  .list,
  ol,
  .skeleton,
  .lines {
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
  p {
    margin: 0;
  }
  .count,
  .name,
  .avatar,
  .badge,
  .link {
    font-weight: 600;
  }
  .count {
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
  :is(select, button, a):focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
    box-shadow: 0 0 0 0.25rem var(--_focus);
  }
  .empty {
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
    border: 1px solid;
    border-radius: var(--_radius);
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  /* Off-screen threads skip style and layout (500 comments); the clip margin keeps focus rings.
     Not the first page (20): those may be on screen at once, where the placeholder size of a new
     item would move the page for a frame (a server-rendered block, #19, and its take-over). */
  .list > ol > li:nth-child(n + 21) {
    content-visibility: auto;
    contain-intrinsic-size: auto 6rem;
    overflow-clip-margin: 0.5rem;
  }
  ol ol {
    margin-top: calc(var(--_space) * 0.75);
    padding-inline-start: calc(var(--_space) * 1.5);
    border-inline-start: 2px solid var(--_border);
  }
  .comment,
  .skeleton-item {
    display: flex;
    gap: calc(var(--_space) * 0.75);
    align-items: flex-start;
  }
  .pending .body {
    padding: 0.25em 0.5em;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }
  /* Every name has a hue class (below); the skeleton's avatar is a .bone. */
  .avatar {
    flex: none;
    display: grid;
    place-items: center;
    width: 2.5rem;
    height: 2.5rem;
    border-radius: 50%;
    color: #fff;
    font-size: 0.95rem;
    line-height: 1;
    user-select: none;
  }
  ${palette}
  .body,
  .lines {
    flex: 1;
    min-width: 0;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25em 0.75em;
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
  .on {
    color: var(--_star);
  }
  .badge {
    font-size: 0.75em;
    padding: 0.2em 0.6em;
    border-radius: 999px;
    color: #3d2b00;
    background: #ffe69c;
    border: 1px solid #c79100;
  }
  .message p {
    margin-top: 0.35em;
  }
  .message a,
  .link {
    color: var(--_accent);
  }
  .actions {
    margin-top: 0.25em;
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--_radius);
    transition: var(--_transition);
    transition-property: border-color, box-shadow;
  }
  .link {
    padding: 0.1em 0;
    border: 0;
    background: none;
    font-size: 0.9em;
  }
  .link:hover {
    text-decoration: underline;
  }
  .secondary {
    padding: 0.375em 0.75em;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
  }
  .secondary:hover:not(:disabled) {
    border-color: var(--_accent);
  }
  :disabled {
    cursor: progress;
    opacity: 0.7;
  }
  .reply-slot {
    margin-top: calc(var(--_space) * 0.5);
  }
  .more {
    display: flex;
    justify-content: center;
  }
  .skeleton {
    gap: var(--_space);
  }
  .lines {
    gap: 0.5em;
  }
  .bone {
    display: block;
    background: var(--_surface);
    border: 1px solid var(--_border);
  }
  .line {
    height: 0.8em;
    border-radius: var(--_radius);
  }
  .short {
    width: 35%;
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
  }
  @media (forced-colors: active) {
    .avatar {
      border: 1px solid CanvasText;
      forced-color-adjust: none;
    }
    .badge,
    .empty {
      border: 1px solid CanvasText;
    }
    .bone {
      border-color: GrayText;
    }
  }
`;

export const styles = [tokens, local];
