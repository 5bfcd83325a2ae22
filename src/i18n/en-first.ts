import type { FirstCatalogue } from './types.js';

/**
 * English that the elements show before the reader does anything: labels, buttons, the list.
 * In the script-tag bundle. The rest (field checks, server answers, captcha, vote results) is
 * in `en-later.ts`, which ships in the on-demand chunks that use it. `en.ts` is both.
 */
export const enFirst: FirstCatalogue = {
  'feedback.heading': 'Leave a Comment',
  'feedback.rateLabel': 'Rate this article:',
  'form.label': 'Write a comment',
  'form.email': 'Email',
  'form.name': 'Name',
  'form.message': 'Message',
  'form.rating': 'Your rating',
  'form.honeypot': 'Leave this field empty',
  'form.submit': 'Post comment',
  'form.reply': 'Post reply',
  'form.sending': 'Sending…',
  'form.charsLeft': (c) => (c === 'one' ? '{n} character left' : '{n} characters left'),
  'form.failed': 'Your comment could not be sent. It is saved here — try again.',
  'form.retry': 'Try again',
  'form.draftRestored': 'Your unsent comment was restored.',
  'rating.required': 'Please rate this article.',
  'rating.label': 'Rating',
  'rating.star': '{n} of {max} stars',
  'rating.summary': (c) => (c === 'one' ? '{average} · {n} rating' : '{average} · {n} ratings'),
  'rating.none': 'No ratings yet',
  'rating.failed': 'Your rating could not be saved. Please try again.',
  'rating.hint': 'Use the arrow keys to choose, then press Enter to vote.',
  'list.label': 'Comments',
  'list.empty': 'Leave the first review',
  'list.loading': 'Loading comments…',
  'list.loadMore': 'Load more comments',
  'list.loadingMore': 'Loading…',
  'list.count': (c) => (c === 'one' ? '{n} comment' : '{n} comments'),
  'list.error': 'Comments could not be loaded.',
  'list.retry': 'Retry',
  'list.reply': 'Reply',
  'list.cancelReply': 'Cancel reply',
  'list.replyTo': 'Reply to {name}',
  'list.pending': 'Awaiting moderation',
  'list.sortLabel': 'Sort comments',
  'list.sortNewest': 'Newest first',
  'list.sortOldest': 'Oldest first',
  'list.rated': 'Rated {n} of {max} stars',
  // #18 reader-widget
  'list.sortBest': 'Best first',
};
