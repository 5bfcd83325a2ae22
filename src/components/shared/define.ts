/**
 * Registers a tag unless it is already defined: an embed may load twice (two script tags,
 * or the CDN bundle next to the npm build), and a second `define` must not throw.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;
  if (!customElements.get(tag)) customElements.define(tag, ctor);
}
