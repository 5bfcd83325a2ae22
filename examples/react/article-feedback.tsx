/**
 * `<ArticleFeedback>` for React 19: the `<article-feedback>` element wrapped by `@lit/react`,
 * typed from the element's class. Attributes and properties are props (`endpoint`, `thread`,
 * `lang`, `theme`, `pageSize`, `heading`, `messages`); the events are `on…` props with typed
 * details (`onCommentSubmitted={(e) => e.detail.comment.id}`).
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import {
  ArticleFeedback as ArticleFeedbackElement,
  type CommentErrorDetail,
  type CommentSubmitDetail,
  type CommentSubmittedDetail,
  type RatingChangeDetail,
  type RatingSubmittedDetail,
} from 'article-feedback';
// Registers the tags (safe to import twice).
import 'article-feedback/define';

export const ArticleFeedback = createComponent({
  react: React,
  tagName: 'article-feedback',
  elementClass: ArticleFeedbackElement,
  displayName: 'ArticleFeedback',
  events: {
    onRatingChange: 'rating-change' as EventName<CustomEvent<RatingChangeDetail>>,
    onRatingSubmitted: 'rating-submitted' as EventName<CustomEvent<RatingSubmittedDetail>>,
    onCommentSubmit: 'comment-submit' as EventName<CustomEvent<CommentSubmitDetail>>,
    onCommentSubmitted: 'comment-submitted' as EventName<CustomEvent<CommentSubmittedDetail>>,
    onCommentError: 'comment-error' as EventName<CustomEvent<CommentErrorDetail>>,
  },
});
