import { css } from 'lit';

/**
 * The public theming surface: documented `--af-*` custom properties mapped onto private
 * `--_*` variables with defaults close to Bootstrap 5 forms. Every element includes this.
 * Dark values apply for theme="dark", and for theme="auto" (the default) under a dark
 * `prefers-color-scheme`.
 */
export const tokens = css`
  :host {
    --_font: var(--af-font, inherit);
    --_font-size: var(--af-font-size, 1rem);
    --_text: var(--af-color-text, #212529);
    --_muted: var(--af-color-muted, #5c636a);
    --_bg: var(--af-color-bg, #ffffff);
    --_surface: var(--af-color-surface, #f8f9fa);
    --_border: var(--af-color-border, #ced4da);
    --_accent: var(--af-color-accent, #0d6efd);
    --_accent-text: var(--af-color-accent-text, #ffffff);
    --_valid: var(--af-color-valid, #157347);
    --_invalid: var(--af-color-invalid, #c62a38);
    --_focus: var(--af-color-focus, rgb(13 110 253 / 0.35));
    --_radius: var(--af-radius, 0.375rem);
    --_space: var(--af-spacing, 1rem);
    --_star: var(--af-star-color, #e39b00);
    --_star-empty: var(--af-star-empty-color, #adb5bd);
    --_star-size: var(--af-star-size, 1.75rem);
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_text);
    color-scheme: light;
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :host([theme='dark']) {
    --_text: var(--af-color-text, #e9ecef);
    --_muted: var(--af-color-muted, #adb5bd);
    --_bg: var(--af-color-bg, #1e2125);
    --_surface: var(--af-color-surface, #2b3035);
    --_border: var(--af-color-border, #6c757d);
    --_accent: var(--af-color-accent, #6ea8fe);
    --_accent-text: var(--af-color-accent-text, #0b1220);
    --_valid: var(--af-color-valid, #75b798);
    --_invalid: var(--af-color-invalid, #ea868f);
    --_focus: var(--af-color-focus, rgb(110 168 254 / 0.45));
    --_star: var(--af-star-color, #ffc107);
    --_star-empty: var(--af-star-empty-color, #6c757d);
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --_text: var(--af-color-text, #e9ecef);
      --_muted: var(--af-color-muted, #adb5bd);
      --_bg: var(--af-color-bg, #1e2125);
      --_surface: var(--af-color-surface, #2b3035);
      --_border: var(--af-color-border, #6c757d);
      --_accent: var(--af-color-accent, #6ea8fe);
      --_accent-text: var(--af-color-accent-text, #0b1220);
      --_valid: var(--af-color-valid, #75b798);
      --_invalid: var(--af-color-invalid, #ea868f);
      --_focus: var(--af-color-focus, rgb(110 168 254 / 0.45));
      --_star: var(--af-star-color, #ffc107);
      --_star-empty: var(--af-star-empty-color, #6c757d);
      color-scheme: dark;
    }
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    padding: 0 !important;
    margin: -1px !important;
    overflow: hidden !important;
    clip: rect(0, 0, 0, 0) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
`;
