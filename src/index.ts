// The classes, for bundlers and for subclassing. Importing this registers no tag;
// `article-feedback/define` (src/define.ts) does.
export { ArticleFeedback } from './components/article-feedback/article-feedback.js';
export { ArticleRating } from './components/article-rating/article-rating.js';
export { CommentForm } from './components/comment-form/comment-form.js';
export { CommentList } from './components/comment-list/comment-list.js';
export * from './contract/index.js';
export type { Catalogue, Messages, Locale } from './i18n/index.js';
// Types only: each event's `detail` (RatingChangeDetail, CommentSubmittedDetail, …), the tag
// names and the theme values.
export type * from './components/shared/events.js';
export type { TagName } from './components/shared/tag-names.js';
export type { Theme } from './components/shared/feedback-element.js';
