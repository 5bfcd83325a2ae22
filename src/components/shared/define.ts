/** What definitions wait for: the take-over of a server-rendered block, when it waits for a module (#19). */
let waitFor: Promise<void> | undefined;

/** Tags registered from now on are defined once `promise` settles (article-feedback/take-over.ts). */
export function defineAfter(promise: Promise<void>): void {
  waitFor = promise;
}

/**
 * Registers a tag unless it is already defined: an embed may load twice (two script tags,
 * or the CDN bundle next to the npm build), and a second `define` must not throw.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;
  const define = () => customElements.get(tag) || customElements.define(tag, ctor);
  if (waitFor) void waitFor.then(define);
  else define();
}
