import { css } from 'lit';

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
  [part~='label'] {
    font-weight: 500;
  }
  .stars {
    display: inline-flex;
    align-items: center;
    gap: 0.125rem;
    border-radius: var(--_radius);
  }
  [part~='star'] {
    display: inline-flex;
    width: var(--_star-size);
    height: var(--_star-size);
    padding: 0.0625rem;
    border-radius: var(--_radius);
    cursor: pointer;
    outline: none;
    -webkit-tap-highlight-color: transparent;
  }
  [part~='star'] svg {
    width: 100%;
    height: 100%;
    fill: var(--_star-empty);
    stroke: var(--_star-empty);
    stroke-width: 1;
    stroke-linejoin: round;
    overflow: visible;
  }
  [part~='star'].on svg {
    fill: var(--_star);
    stroke: var(--_star);
  }
  /* A hover or focus preview of a pick that is not made yet. */
  [part~='star'].preview svg {
    fill: var(--_star);
    stroke: var(--_star);
    opacity: 0.55;
  }
  [part~='star']:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
    box-shadow: 0 0 0 0.25rem var(--_focus);
  }
  :host([readonly]) [part~='star'] {
    cursor: default;
  }
  .disabled [part~='star'] {
    cursor: not-allowed;
    opacity: 0.5;
  }
  .busy [part~='star'] {
    cursor: progress;
  }
  :host(:state(user-invalid)) .stars {
    outline: 1px solid var(--_invalid);
    outline-offset: 2px;
  }
  :host(:state(user-invalid)) [part~='star'] svg {
    stroke: var(--_invalid);
  }

  /* The aggregate: small partial stars for the average, then "4.3 · 128 ratings". */
  [part~='summary'] {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    color: var(--_muted);
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
  }
  .average {
    display: inline-flex;
    gap: 0.0625rem;
  }
  .mini {
    position: relative;
    display: inline-block;
    width: 1em;
    height: 1em;
  }
  .mini svg {
    display: block;
    width: 1em;
    height: 1em;
    fill: var(--_star-empty);
  }
  .mini .fill {
    position: absolute;
    top: 0;
    inset-inline-start: 0;
    width: calc(var(--_fill, 0) * 100%);
    height: 100%;
    overflow: hidden;
  }
  .mini .fill svg {
    fill: var(--_star);
  }

  [part~='feedback'] {
    flex-basis: 100%;
    font-size: 0.875em;
    color: var(--_valid);
  }
  [part~='feedback']:empty {
    display: none;
  }
  [part~='feedback'].error,
  .hint {
    color: var(--_invalid);
  }
  .hint {
    flex-basis: 100%;
    font-size: 0.875em;
  }

  @media (prefers-reduced-motion: no-preference) {
    [part~='star'] svg {
      transition:
        transform 120ms ease-out,
        fill 120ms ease-out,
        opacity 120ms ease-out;
    }
    .interactive [part~='star']:hover svg {
      transform: scale(1.15);
    }
  }

  @media (forced-colors: active) {
    [part~='star'] svg,
    .mini svg {
      fill: Canvas;
      stroke: CanvasText;
      stroke-width: 1.5;
      forced-color-adjust: none;
    }
    [part~='star'].on svg,
    .mini .fill svg {
      fill: CanvasText;
      stroke: CanvasText;
    }
    [part~='star'].preview svg {
      fill: Highlight;
      stroke: Highlight;
      opacity: 1;
    }
    [part~='star']:focus-visible {
      outline: 2px solid Highlight;
    }
    .disabled [part~='star'] svg {
      stroke: GrayText;
    }
    .disabled [part~='star'].on svg {
      fill: GrayText;
    }
    :host(:state(user-invalid)) .stars {
      outline-color: Mark;
    }
  }
`;
