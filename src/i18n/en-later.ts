import type { LaterCatalogue } from './types.js';

/**
 * English that is shown only after the reader's first touch: field checks, the server's
 * answers, the captcha, the result of a vote, an open reply form. The chunks that show these
 * (the form's checks and sending, the vote, the captcha, the list's reply form) add them with
 * `addEnglish(enLater)`, so the script-tag bundle does not carry them.
 */
export const enLater: LaterCatalogue = {
  'form.valid': 'Looks good!',
  'form.invalidCount': (c) => (c === 'one' ? '{n} field needs your attention.' : '{n} fields need your attention.'),
  'form.published': 'Thank you! Your comment is published.',
  'form.pending': 'Thank you! Your comment is awaiting moderation.',
  'form.rateLimited': (c) =>
    c === 'one'
      ? 'You are commenting too fast. Please try again in {n} second.'
      : 'You are commenting too fast. Please try again in {n} seconds.',
  'form.rejected': 'Your comment was not accepted. Please check it and try again.',
  'email.required': 'Please enter email address.',
  'email.invalid': 'Please enter a valid email address.',
  'email.tooLong': 'This email address is too long.',
  'name.required': 'Please enter your name.',
  'name.tooLong': 'Please use at most {max} characters for your name.',
  'name.control': 'Please remove invisible control characters from your name.',
  'message.required': 'Please enter a message.',
  'message.tooLong': 'Please shorten your message to at most {max} characters.',
  'message.control': 'Please remove invisible control characters from your message.',
  'rating.range': 'Please pick between 1 and {max} stars.',
  'captcha.required': 'Please check re-captcha.',
  'captcha.requiredOther': 'Please complete the captcha.',
  'captcha.invalid': 'The captcha could not be verified. Please try again.',
  'captcha.label': 'Spam protection',
  'captcha.verifying': 'Verifying…',
  'captcha.verified': 'Verified',
  'captcha.error': 'Verification failed. Please try again.',
  'captcha.unavailable': 'The captcha could not be loaded. Please try again later.',
  'parent.invalid': 'The comment you are replying to is no longer available.',
  'voter.invalid': 'Your browser sent an invalid voter id. Please reload the page.',
  'field.invalid': 'This value is not valid.',
  'rating.thanks': 'Thanks for rating!',
  'rating.rateLimited': (c) =>
    c === 'one'
      ? 'Too many votes. Please try again in {n} second.'
      : 'Too many votes. Please try again in {n} seconds.',
  // ---- notifications (#16) ----
  'form.notify': 'Email me when someone replies',
  // #18 reader-widget
  'list.upvote': (c) => (c === 'one' ? 'Upvote, {n} vote' : 'Upvote, {n} votes'),
  'list.downvote': (c) => (c === 'one' ? 'Downvote, {n} vote' : 'Downvote, {n} votes'),
  'list.voteFailed': 'Your vote could not be saved. Please try again.',
  'list.edit': 'Edit',
  'list.delete': 'Delete',
  'list.save': 'Save',
  'list.cancel': 'Cancel',
  'list.saved': 'Your comment was updated.',
  'list.confirmDelete': 'Delete this comment?',
  'list.keep': 'Keep it',
  'list.deletedYours': 'Your comment was deleted.',
  'list.deleted': 'This comment was deleted.',
  'list.edited': 'edited',
  'list.editClosed': 'The time for changing this comment is over.',
  'list.editRefused': 'This comment can no longer be changed from this browser.',
  'list.changeFailed': 'Your comment could not be changed. Please try again.',
  'form.preview': 'Preview',
  'form.previewEmpty': 'Nothing to preview yet.',
  'form.formatHelp': 'Formatting help',
  'form.formatSample':
    '**bold**\n*italic*\n`code`\n> a quote\n- a list item\n1. a numbered item\n[a link](https://example.com)',
  'form.formatNote':
    'A line of three backticks (```) before and after some lines makes a code block. Everything else shows as you typed it.',
};
