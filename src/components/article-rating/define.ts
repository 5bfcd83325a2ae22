import { defineElement } from '../shared/define.js';
import { ArticleRating } from './article-rating.js';

defineElement('article-rating', ArticleRating);

export { ArticleRating };
