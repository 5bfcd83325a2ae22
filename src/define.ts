// Registers every tag; safe to run twice.
import './components/article-rating/define.js';
import './components/comment-form/define.js';
import './components/comment-list/define.js';
import './components/article-feedback/define.js';
