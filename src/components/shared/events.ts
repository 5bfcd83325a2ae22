import type { PublicComment, CommentInputRaw, CommentStatus, RatingAggregate } from '../../contract/schemas.js';

export interface RatingChangeDetail {
  value: number;
}
export type RatingSubmittedDetail = RatingAggregate;
export type CommentSubmitDetail = CommentInputRaw & { thread: string };
export interface CommentSubmittedDetail {
  comment: PublicComment;
  /** A new comment is published or waits for moderation; only a listed one can be `deleted`. */
  status: Exclude<CommentStatus, 'deleted'>;
}
export interface CommentErrorDetail {
  status: number;
  message: string;
}

/**
 * Every public event bubbles out of shadow roots (SPEC §2 "Events").
 * @internal
 */
export function emit<T>(target: EventTarget, type: string, detail: T, cancelable = false): boolean {
  return target.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true, cancelable }));
}

declare global {
  interface GlobalEventHandlersEventMap {
    'rating-change': CustomEvent<RatingChangeDetail>;
    'rating-submitted': CustomEvent<RatingSubmittedDetail>;
    'comment-submit': CustomEvent<CommentSubmitDetail>;
    'comment-submitted': CustomEvent<CommentSubmittedDetail>;
    'comment-error': CustomEvent<CommentErrorDetail>;
  }
}
