// The script-tag bundle (dist/article-feedback.js): every element, registered. It exports the
// classes (for subclassing) but not the contract: re-exporting every schema would keep all of
// them, and most of zod, in the one file every reader downloads. The npm entry has them.
import './define.js';
export { ArticleFeedback } from './components/article-feedback/article-feedback.js';
export { ArticleRating } from './components/article-rating/article-rating.js';
export { CommentForm } from './components/comment-form/comment-form.js';
export { CommentList } from './components/comment-list/comment-list.js';
