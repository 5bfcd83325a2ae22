// The public tags in the page's type map, so `document.querySelector('comment-form')` and
// `document.createElement('article-rating')` are typed by any entry point of the package (the
// elements' declarations reach this file through `FeedbackElement`). Types only: a tag is
// registered by its `define` module or the script-tag bundle.
import type { ArticleFeedback } from '../article-feedback/article-feedback.js';
import type { ArticleRating } from '../article-rating/article-rating.js';
import type { CommentCount } from '../comment-count/comment-count.js';
import type { CommentForm } from '../comment-form/comment-form.js';
import type { CommentList } from '../comment-list/comment-list.js';

declare global {
  interface HTMLElementTagNameMap {
    'article-feedback': ArticleFeedback;
    'article-rating': ArticleRating;
    'comment-form': CommentForm;
    'comment-list': CommentList;
    'comment-count': CommentCount;
  }
}

/** The tags the package defines. */
export type TagName = 'article-feedback' | 'article-rating' | 'comment-form' | 'comment-list' | 'comment-count';
