import { CommentList } from '../components/comment-list/comment-list.js';
import { renderBody } from '../components/comment-list/lazy/body.js';
import { bodyStyles } from '../components/comment-list/lazy/body.styles.js';
import '../components/comment-list/define.js';

// Formatted comments on the server (#19 with #18). In the browser the list loads the body
// renderer and its styles on demand (lazy/rich-text.ts); the server loads no on-demand module,
// so it hands the list the renderer here, and adds the body styles to the list's own (its
// declarative shadow root's `<style>`, in every render: `styleHashes()` stay the same for
// every thread). The script-tag bundle never imports this file.
CommentList.serverRenderBody = renderBody;
if (!CommentList.elementStyles.includes(bodyStyles))
  CommentList.elementStyles = [...CommentList.elementStyles, bodyStyles];
