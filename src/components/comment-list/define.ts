import { defineElement } from '../shared/define.js';
import { CommentList } from './comment-list.js';
// The inline reply form.
import '../comment-form/define.js';

defineElement('comment-list', CommentList);

export { CommentList };
