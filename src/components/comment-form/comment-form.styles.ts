import { css } from 'lit';

/** Bootstrap-5-like form: labels above fields, green/red states, a primary button. */
export const styles = css`
  :host {
    display: block;
    max-width: 100%;
  }
  form {
    display: grid;
    gap: var(--_space);
    min-width: 0;
  }
  .field {
    display: grid;
    gap: 0.375rem;
    min-width: 0;
  }
  label {
    font-weight: 500;
  }
  .control {
    display: block;
    width: 100%;
    min-width: 0;
    padding: 0.375rem 0.75rem;
    font: inherit;
    line-height: 1.5;
    color: var(--_text);
    background-color: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    appearance: none;
  }
  textarea.control {
    min-height: 7.5rem;
    resize: vertical;
  }
  .control:focus {
    outline: none;
    border-color: var(--_accent);
    box-shadow: 0 0 0 0.25rem var(--_focus);
  }
  .control[readonly] {
    background-color: var(--_surface);
  }
  .control.is-valid,
  .control.is-invalid {
    padding-right: 2.25rem;
    background-repeat: no-repeat;
    background-position: right 0.75rem center;
    background-size: 1rem 1rem;
  }
  .control.is-valid {
    border-color: var(--_valid);
    background-image: url("data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 8 8'><path fill='%23157347' d='M2.3 6.73.6 4.53c-.4-1.04.46-1.4 1.1-.8l1.1 1.4 3.4-3.8c.6-.63 1.6-.27 1.2.7l-4 4.6c-.43.5-.8.4-1.1.1z'/></svg>");
  }
  .control.is-invalid {
    border-color: var(--_invalid);
    background-image: url("data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 12 12' width='12' height='12' fill='none' stroke='%23c62a38'><circle cx='6' cy='6' r='4.5'/><path stroke-linejoin='round' d='M5.8 3.6h.4L6 6.5z'/><circle cx='6' cy='8.2' r='.6' fill='%23c62a38' stroke='none'/></svg>");
  }
  textarea.control.is-valid,
  textarea.control.is-invalid {
    background-position: top 0.5rem right 0.75rem;
  }
  .control.is-valid:focus {
    box-shadow: 0 0 0 0.25rem color-mix(in srgb, var(--_valid) 25%, transparent);
  }
  .control.is-invalid:focus {
    box-shadow: 0 0 0 0.25rem color-mix(in srgb, var(--_invalid) 25%, transparent);
  }
  .feedback {
    font-size: 0.875em;
  }
  .feedback.valid {
    color: var(--_valid);
  }
  .feedback.invalid {
    color: var(--_invalid);
  }
  .count {
    font-size: 0.875em;
    color: var(--_muted);
    text-align: end;
  }
  .count.over {
    color: var(--_invalid);
  }
  .note {
    margin: 0;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .honeypot {
    position: absolute;
    left: -10000px;
    top: auto;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .btn {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5rem;
    padding: 0.375rem 0.75rem;
    font: inherit;
    line-height: 1.5;
    border-radius: var(--_radius);
    border: 1px solid var(--_accent);
    cursor: pointer;
    user-select: none;
  }
  .btn.primary {
    color: var(--_accent-text);
    background-color: var(--_accent);
  }
  .btn.primary:hover:not(:disabled) {
    filter: brightness(0.92);
  }
  .btn.retry {
    justify-self: start;
    color: var(--_accent);
    background-color: transparent;
  }
  .btn:disabled {
    opacity: 0.65;
    cursor: default;
  }
  .btn:focus {
    outline: none;
  }
  .btn:focus-visible {
    box-shadow: 0 0 0 0.25rem var(--_focus);
  }
  .spinner {
    display: inline-block;
    width: 1em;
    height: 1em;
    border: 0.15em solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
  }
  .status:empty {
    display: none;
  }
  .status {
    padding: 0.75rem 1rem;
    border: 1px solid transparent;
    border-radius: var(--_radius);
  }
  .status.success {
    color: var(--_valid);
    border-color: var(--_valid);
  }
  .status.failure {
    color: var(--_invalid);
    border-color: var(--_invalid);
  }
  .rating-field.is-invalid article-rating {
    outline: 1px solid var(--_invalid);
    outline-offset: 2px;
    border-radius: var(--_radius);
  }
  @media (prefers-reduced-motion: no-preference) {
    .control,
    .btn {
      transition:
        border-color 0.15s ease-in-out,
        box-shadow 0.15s ease-in-out,
        filter 0.15s ease-in-out;
    }
    .spinner {
      animation: af-spin 0.75s linear infinite;
    }
  }
  @keyframes af-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (max-width: 400px) {
    .actions .btn {
      flex: 1 1 100%;
    }
  }
  @media (forced-colors: active) {
    .control,
    .btn,
    .status {
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
      box-shadow: none;
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
    .feedback.valid,
    .feedback.invalid {
      color: CanvasText;
    }
    .control.is-valid,
    .control.is-invalid {
      background-image: none;
    }
  }
`;
