import { ReactiveElement } from 'lit';

// On the server Lit's elements extend its DOM shim's HTMLElement, which keeps no tree: an
// element has no ancestors to find, so `closest()` (which the elements use to find an
// enclosing form or block) answers none.
const prototype = Object.getPrototypeOf(ReactiveElement.prototype) as Partial<HTMLElement>;
prototype.closest ??= () => null;
