import { CommentCount } from './comment-count.js';

// Registers the tag unless it is defined (a page may load the script twice), like
// shared/define.ts's `defineElement` but without its check for a `customElements`: this entry
// only runs in a browser (its class extends `HTMLElement`).
if (!customElements.get('comment-count')) customElements.define('comment-count', CommentCount);

export { CommentCount };
