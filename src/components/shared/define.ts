// First: a server-rendered block is taken over before any tag is defined (#19).
import { takingOver } from '../article-feedback/take-over.js';

/**
 * Registers a tag unless it is already defined: an embed may load twice (two script tags,
 * or the CDN bundle next to the npm build), and a second `define` must not throw. Waits for
 * the take-over of a server-rendered block when that waits for a module (#19).
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;
  const define = () => {
    if (!customElements.get(tag)) customElements.define(tag, ctor);
  };
  if (takingOver) void takingOver.then(define);
  else define();
}
