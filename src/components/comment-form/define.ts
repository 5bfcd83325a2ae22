// The form's rating field.
import '../article-rating/define.js';
// The internal captcha field (proof-of-work or a provider's checkbox) is not imported here:
// the form loads it on the reader's first touch (./lazy/captcha.ts).
import { defineElement } from '../shared/define.js';
import { CommentForm } from './comment-form.js';

defineElement('comment-form', CommentForm);

export { CommentForm };
