import { defineElement } from '../shared/define.js';
import { ArticleRating } from './article-rating.js';

defineElement('article-rating', ArticleRating);

declare global {
  interface HTMLElementTagNameMap {
    'article-rating': ArticleRating;
  }
}

export { ArticleRating };
