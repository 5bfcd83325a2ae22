import { CommentList } from '../components/comment-list/comment-list.js';
import { renderBody } from '../components/comment-list/lazy/body.js';
import { bodyStyles } from '../components/comment-list/lazy/body.styles.js';

/**
 * Formatted comments on the server (#19 with #18). In the browser the list loads the body
 * renderer and its styles on demand (lazy/rich-text.ts); the server loads no on-demand module,
 * so this hands the list the renderer, and adds the body styles to the list's own (its
 * declarative shadow root's `<style>`, in every render: `styleHashes()` stay the same for every
 * thread). Called by renderFeedback() (a call, not a side effect of importing: the package's
 * `sideEffects` would let a bundler drop an import), after the tags are defined (the list's
 * `elementStyles` are final then). The script-tag bundle never imports this file.
 */
export function formatCommentsOnServer(): void {
  CommentList.serverRenderBody = renderBody;
  if (!CommentList.elementStyles.includes(bodyStyles))
    CommentList.elementStyles = [...CommentList.elementStyles, bodyStyles];
}
