/**
 * An element with these DOM properties (`part` is one too: assigning it sets the attribute) and
 * content: all `<comment-count>` puts in its shadow root (comment-count.ts, rating.ts).
 */
export function create(
  tag: 'slot' | 'span',
  properties: Partial<Record<'part' | 'role' | 'ariaLabel' | 'ariaHidden', string>>,
  ...content: (Node | string)[]
): HTMLElement {
  const el = Object.assign(document.createElement(tag), properties);
  el.append(...content);
  return el;
}
