import { css } from 'lit';

// Hooks: the stars carry `aria-disabled` when disabled, the group `aria-readonly` when read-only
// and `aria-busy` while a vote is on its way; `:host([readonly])` is reflected.
export const ratingStyles = css`
  :host {
    display: block;
  }
  .rating {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 0.25) calc(var(--_space) * 0.75);
  }
  [part='label'] {
    font-weight: 500;
  }
  [part='stars'],
  [part='summary'],
  .average {
    display: inline-flex;
    align-items: center;
  }
  [part='stars'] {
    gap: 0.125rem;
    border-radius: var(--_radius);
  }
  /* A flex item: a block, the SVG fills it. */
  [part='star'] {
    width: var(--_star-size);
    height: var(--_star-size);
    padding: 0.0625rem;
    border-radius: var(--_radius);
    cursor: pointer;
    -webkit-tap-highlight-color: transparent;
  }
  [part='star'],
  .mini {
    color: var(--_star-empty);
  }
  svg {
    display: block;
    fill: currentColor;
  }
  [part='star'] svg {
    width: 100%;
    height: 100%;
    stroke: currentColor;
    stroke-linejoin: round;
    overflow: visible;
  }
  .on,
  .preview,
  .fill {
    color: var(--_star);
  }
  /* A hover or focus preview of a pick that is not made yet. */
  .preview svg {
    opacity: 0.55;
  }
  [part='star']:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
    box-shadow: 0 0 0 0.25rem var(--_focus);
  }
  [aria-readonly] [part='star'] {
    cursor: default;
  }
  [part='star'][aria-disabled] {
    cursor: not-allowed;
    opacity: 0.5;
  }
  [aria-busy] [part='star'] {
    cursor: progress;
  }
  :host(:state(user-invalid)) [part='stars'] {
    outline: 1px solid var(--_invalid);
    outline-offset: 2px;
  }
  :host(:state(user-invalid)) svg {
    stroke: var(--_invalid);
  }

  /* The aggregate: small partial stars for the average, then "4.3 · 128 ratings". */
  [part='summary'] {
    gap: 0.375rem;
    color: var(--_muted);
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
  }
  .average {
    gap: 0.0625rem;
  }
  .mini {
    position: relative;
  }
  .mini svg {
    width: 1em;
    height: 1em;
  }
  .fill {
    position: absolute;
    inset-block: 0;
    inset-inline-start: 0;
    width: calc(var(--_fill, 0) * 100%);
    overflow: hidden;
  }

  [part='feedback'] {
    flex-basis: 100%;
    font-size: 0.875em;
    color: var(--_valid);
  }
  [part='feedback']:empty {
    display: none;
  }
  .error {
    color: var(--_invalid);
  }

  @media (prefers-reduced-motion: no-preference) {
    [part='star'] svg {
      transition: 120ms ease-out;
    }
    :host(:not([readonly])) [part='star']:not([aria-disabled]):hover svg {
      transform: scale(1.15);
    }
  }

  @media (forced-colors: active) {
    /* As specific as the [part=star] svg rule above, which it must override. */
    [part='star'] svg,
    .mini svg {
      fill: Canvas;
      stroke: CanvasText;
      stroke-width: 1.5;
      forced-color-adjust: none;
    }
    .on svg,
    .fill svg {
      fill: CanvasText;
    }
    .preview svg {
      fill: Highlight;
      stroke: Highlight;
      opacity: 1;
    }
    [part='star']:focus-visible {
      outline-color: Highlight;
    }
    [aria-disabled] svg {
      stroke: GrayText;
    }
    [aria-disabled].on svg {
      fill: GrayText;
    }
    :host(:state(user-invalid)) [part='stars'] {
      outline-color: Mark;
    }
  }
`;
