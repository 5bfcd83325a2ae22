import { css, unsafeCSS } from 'lit';

/**
 * The public theming surface. Publishers set documented `--af-*` custom properties (on the
 * element or any ancestor; they inherit through shadow roots); each maps onto a private
 * `--_*` variable with a default close to Bootstrap 5 forms. Element styles read only the
 * private ones, so an unset or invalid public value falls back to the default.
 *
 * | public property          | private          | light default            | meaning |
 * |--------------------------|------------------|--------------------------|---------|
 * | --af-font                | --_font          | inherit                  | font family (the page's) |
 * | --af-font-size           | --_font-size     | 1em                      | base font size (the page's) |
 * | --af-line-height         | --_line-height   | 1.5                      | base line height |
 * | --af-color-text          | --_text          | #212529                  | text |
 * | --af-color-muted         | --_muted         | #5c636a                  | secondary text: dates, counters, hints |
 * | --af-color-canvas        | --_canvas        | transparent (dark: bg)   | the block's own background |
 * | --af-color-bg            | --_bg            | #ffffff                  | field background |
 * | --af-color-surface       | --_surface       | #f8f9fa                  | comment cards, notices |
 * | --af-color-border        | --_border        | #868e96                  | field and card borders |
 * | --af-color-accent        | --_accent        | #0b5ed7                  | buttons, links, selected |
 * | --af-color-accent-text   | --_accent-text   | #ffffff                  | text on the accent colour |
 * | --af-color-valid         | --_valid         | #157347                  | "Looks good!" text and border |
 * | --af-color-invalid       | --_invalid       | #c62a38                  | error text and border |
 * | --af-color-focus         | --_focus         | rgb(11 94 215 / 0.4)     | focus ring |
 * | --af-radius              | --_radius        | 0.375rem                 | corner radius |
 * | --af-spacing             | --_space         | 1rem                     | base spacing unit |
 * | --af-star-color          | --_star          | #c27c0e                  | filled star |
 * | --af-star-empty-color    | --_star-empty    | #868e96                  | empty star |
 * | --af-star-size           | --_star-size     | 1.75rem                  | star size |
 * | --af-transition          | --_transition    | 150ms ease-in-out        | only without prefers-reduced-motion |
 *
 * Text colours reach WCAG AA (4.5:1) on both bg and surface, in light and in dark; borders,
 * stars and the focus ring reach 3:1. `theme="dark"`, or `theme="auto"` (and no theme) under
 * `prefers-color-scheme: dark`, switch to the dark values; `theme="light"` pins light.
 */

const light = {
  text: '#212529',
  muted: '#5c636a',
  canvas: 'transparent',
  bg: '#ffffff',
  surface: '#f8f9fa',
  border: '#868e96',
  accent: '#0b5ed7',
  accentText: '#ffffff',
  valid: '#157347',
  invalid: '#c62a38',
  focus: 'rgb(11 94 215 / 0.4)',
  star: '#c27c0e',
  starEmpty: '#868e96',
};

/** Bootstrap 5.3's dark mode, with border and empty star lifted to 3:1. */
const dark: typeof light = {
  text: '#dee2e6',
  muted: '#adb5bd',
  canvas: 'var(--_bg)',
  bg: '#212529',
  surface: '#2b3035',
  border: '#7d858d',
  accent: '#6ea8fe',
  accentText: '#0b1220',
  valid: '#75b798',
  invalid: '#ea868f',
  focus: 'rgb(110 168 254 / 0.5)',
  star: '#ffc107',
  starEmpty: '#7d858d',
};

/**
 * One scheme's colour variables: each `--_name` reads its public `--af-color-name` (the stars:
 * `--af-star-color`, `--af-star-empty-color`), as the table above lists, with the scheme's
 * value as the fallback. Built from the palette rather than written out, since template text
 * ships as written and this is the block's longest stretch of CSS.
 */
function palette(p: typeof light, scheme: 'light' | 'dark') {
  const declarations = Object.entries(p).map(([key, value]) => {
    const name = key.replace(/[A-Z]/g, (upper) => '-' + upper.toLowerCase());
    const publicName = name.startsWith('star') ? `${name}-color` : `color-${name}`;
    return `--_${name}:var(--af-${publicName},${value});`;
  });
  return unsafeCSS(declarations.join('') + `color-scheme:${scheme};`);
}

export const tokens = css`
  :host {
    --_font: var(--af-font, inherit);
    --_font-size: var(--af-font-size, 1em);
    --_line-height: var(--af-line-height, 1.5);
    --_radius: var(--af-radius, 0.375rem);
    --_space: var(--af-spacing, 1rem);
    --_star-size: var(--af-star-size, 1.75rem);
    --_transition: 0s;
    ${palette(light, 'light')}
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: var(--_line-height);
    color: var(--_text);
    background-color: var(--_canvas);
    box-sizing: border-box;
    overflow-wrap: anywhere;
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
    ${palette(dark, 'dark')}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${palette(dark, 'dark')}
    }
  }
  @media (prefers-reduced-motion: no-preference) {
    :host {
      --_transition: var(--af-transition, 150ms ease-in-out);
    }
  }
  /* Windows High Contrast and friends: the system colours win, but custom properties used
     for fills (stars) and box-shadows (focus) would not follow; map them to system colours. */
  @media (forced-colors: active) {
    /* As specific as the theme selectors above, and later, so it wins over them. */
    :host(:is([theme], :not([theme]))) {
      --_text: CanvasText;
      --_muted: CanvasText;
      --_bg: Canvas;
      --_canvas: Canvas;
      --_surface: Canvas;
      --_border: CanvasText;
      --_accent: ButtonText;
      --_accent-text: ButtonFace;
      --_valid: CanvasText;
      --_invalid: CanvasText;
      --_focus: Highlight;
      --_star: Highlight;
      --_star-empty: GrayText;
    }
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
  }
`;
