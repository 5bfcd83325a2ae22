// The form's rating field.
import '../article-rating/define.js';
// The internal captcha field (proof-of-work or a provider's checkbox).
import '../af-captcha/define.js';
import { defineElement } from '../shared/define.js';
import { CommentForm } from './comment-form.js';

defineElement('comment-form', CommentForm);

declare global {
  interface HTMLElementTagNameMap {
    'comment-form': CommentForm;
  }
}
