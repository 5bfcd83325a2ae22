// The standalone vote: loaded on demand (the reader's first hover, focus or pick), since a page
// that only shows the average never needs it.
import { ApiError } from '../../client/api.js';
import { putRating } from '../../client/api-actions.js';
import { resolveEndpoint, resolveThread } from '../../client/endpoint.js';
import { voterId } from '../../client/voter.js';
import { enLater } from '../../i18n/en-later.js';
import { addEnglish } from '../../i18n/index.js';
import { emit, type RatingChangeDetail, type RatingSubmittedDetail } from '../shared/events.js';
import { withVote } from './aggregate.js';
import type { ArticleRating } from './article-rating.js';

// The English this chunk shows (field checks, server answers, captcha, vote results).
addEnglish(enLater);

/** Casts the reader's vote at once: optimistic, rolled back with a visible message when the server refuses. */
export async function cast(el: ArticleRating, next: number): Promise<void> {
  const endpoint = resolveEndpoint(el);
  const thread = resolveThread(el);
  if (el._busy || !endpoint || !thread) return;
  el._abort?.abort();
  const previous = el._v();
  const before = el._agg;
  el._busy = true;
  el.value = el._pick = next;
  el._agg = withVote(before, el._scale, previous, next);
  el._msg = '';
  await el.updateComplete;
  emit<RatingChangeDetail>(el, 'rating-change', { value: next });
  try {
    const confirmed = await putRating(endpoint, thread, { value: next, voter: voterId() });
    el._adopt({ ...confirmed, yours: confirmed.yours ?? next }, thread);
    el._err = false;
    el._msg = el._l10n.tr.t('rating.thanks');
    await el.updateComplete;
    emit<RatingSubmittedDetail>(el, 'rating-submitted', confirmed);
  } catch (err) {
    el.value = el._pick = previous;
    el._agg = before;
    el._err = true;
    el._msg = refusal(el, err);
  } finally {
    el._busy = false;
  }
}

function refusal(el: ArticleRating, err: unknown): string {
  const { tr } = el._l10n;
  if (err instanceof ApiError) {
    if (err.status === 429 && err.retryAfter !== null) return tr.plural('rating.rateLimited', err.retryAfter);
    if (err.status === 422) {
      const key = err.fields.value ?? err.fields.rating ?? err.fields.voter;
      if (key && tr.has(key)) return tr.t(key, { max: el._scale });
    }
  }
  return tr.t('rating.failed');
}
