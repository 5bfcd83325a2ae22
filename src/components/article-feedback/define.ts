// First: a server-rendered block is emptied before any tag is defined (#19).
import './take-over.js';
import { defineElement } from '../shared/define.js';
import { ArticleFeedback } from './article-feedback.js';
// The inner elements, so the block works from this one import.
import '../article-rating/define.js';
import '../comment-form/define.js';
import '../comment-list/define.js';

defineElement('article-feedback', ArticleFeedback);

export { ArticleFeedback };
