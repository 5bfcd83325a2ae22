import { css } from 'lit';

/**
 * Bootstrap-5-like form: labels above fields, green/red states, a primary button.
 * `--_state` is the colour of a state: valid (is-valid, valid, success) or invalid (is-invalid,
 * invalid, failure, over).
 */
export const styles = css`
  :host {
    display: block;
    max-width: 100%;
  }
  form,
  .field {
    display: grid;
    gap: var(--_space);
    min-width: 0;
  }
  .field {
    gap: 0.375rem;
  }
  label {
    font-weight: 500;
  }
  .control,
  .btn {
    padding: 0.375rem 0.75rem;
    font: inherit;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    transition: var(--_transition);
    transition-property: border-color, box-shadow, filter;
  }
  .control {
    width: 100%;
    min-width: 0;
    color: var(--_text);
    background: var(--_bg) no-repeat right 0.75rem center / 1rem;
    appearance: none;
  }
  textarea.control {
    min-height: 7.5rem;
    resize: vertical;
    background-position: top 0.5rem right 0.75rem;
  }
  /* background-position has no logical keywords yet: right to left, the state icon moves by hand. */
  .control:dir(rtl) {
    background-position-x: left 0.75rem;
  }
  .control:focus,
  .btn:focus-visible {
    outline: none;
    box-shadow: 0 0 0 0.25rem var(--_focus);
  }
  .control:focus {
    border-color: var(--_accent);
  }
  .control[readonly] {
    background-color: var(--_surface);
  }
  .valid,
  .success,
  .is-valid {
    --_state: var(--_valid);
  }
  .invalid,
  .failure,
  .over,
  .is-invalid {
    --_state: var(--_invalid);
  }
  .control:is(.is-valid, .is-invalid) {
    padding-inline-end: 2.25rem;
    border-color: var(--_state);
  }
  .control:is(.is-valid, .is-invalid):focus {
    box-shadow: 0 0 0 0.25rem color-mix(in srgb, var(--_state) 25%, transparent);
  }
  .feedback,
  .count,
  .note {
    font-size: 0.875em;
  }
  .count,
  .note {
    color: var(--_muted);
  }
  .feedback,
  .status,
  .over {
    color: var(--_state);
  }
  .count {
    text-align: end;
  }
  .note {
    margin: 0;
  }
  .btn {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    justify-self: start;
    gap: 0.5rem;
    color: var(--_accent);
    background: none;
    border-color: var(--_accent);
    cursor: pointer;
    user-select: none;
  }
  .primary {
    color: var(--_accent-text);
    background: var(--_accent);
  }
  .primary:hover:not(:disabled) {
    filter: brightness(0.92);
  }
  .btn:disabled {
    opacity: 0.65;
    cursor: default;
  }
  .spinner {
    width: 1em;
    height: 1em;
    border: 0.15em solid;
    border-right-color: transparent;
    border-radius: 50%;
  }
  .status:empty {
    display: none;
  }
  .status {
    padding: 0.75rem 1rem;
    border: 1px solid;
    border-radius: var(--_radius);
  }
  .rating-field.is-invalid article-rating {
    outline: 1px solid var(--_invalid);
    outline-offset: 2px;
    border-radius: var(--_radius);
  }
  @media (prefers-reduced-motion: no-preference) {
    .spinner {
      animation: af-spin 0.75s linear infinite;
    }
  }
  @keyframes af-spin {
    to {
      transform: rotate(1turn);
    }
  }
  @media (max-width: 400px) {
    .primary {
      justify-self: stretch;
    }
  }
  @media (forced-colors: active) {
    .btn {
      border-color: CanvasText;
    }
    .control.is-invalid,
    .status.failure {
      border: 2px solid Mark;
    }
    .control:focus-visible,
    .btn:focus-visible {
      outline: 2px solid Highlight;
      outline-offset: 2px;
    }
    .btn.primary {
      color: ButtonText;
      background-color: ButtonFace;
      border-color: ButtonText;
    }
    .btn:disabled {
      color: GrayText;
      border-color: GrayText;
    }
  }
`;
