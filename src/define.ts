// Registers every tag; safe to run twice.
// First: a server-rendered block is emptied before any tag is defined (#19).
import './components/article-feedback/take-over.js';
import './components/article-rating/define.js';
import './components/comment-form/define.js';
import './components/comment-list/define.js';
import './components/article-feedback/define.js';

export { ArticleFeedback } from './components/article-feedback/define.js';
export { ArticleRating } from './components/article-rating/define.js';
export { CommentForm } from './components/comment-form/define.js';
export { CommentList } from './components/comment-list/define.js';
