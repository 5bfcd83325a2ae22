import type { CSSResult } from 'lit';

// Styles that come with an on-demand module: added to the element's shadow root when the module
// is used, so the script-tag bundle does not carry them. Constructed sheets: no <style> element,
// nothing a strict CSP refuses.

/** Adds `styles` to the shadow root of `element` once. */
export function adoptOnce(element: Element, styles: CSSResult): void {
  const root = element.shadowRoot;
  const sheet = styles.styleSheet;
  if (!root || !sheet || root.adoptedStyleSheets.includes(sheet)) return;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
