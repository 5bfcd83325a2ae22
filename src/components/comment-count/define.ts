import { defineElement } from '../shared/define.js';
import { CommentCount } from './comment-count.js';

defineElement('comment-count', CommentCount);

export { CommentCount };
