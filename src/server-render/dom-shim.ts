import { Element as ShimElement } from '@lit-labs/ssr-dom-shim';

// On the server an element has no ancestors to find: Lit's DOM shim keeps no tree, so
// `closest()` (which the elements use to find an enclosing form or block) answers none.
const shimPrototype = ShimElement.prototype as Partial<Element>;
shimPrototype.closest ??= () => null;
