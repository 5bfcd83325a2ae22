// The standalone vote: loaded on demand (the reader's first hover, focus or pick), since a page
// that only shows the average never needs it. It works on its rating only through a VoteHost.
import { ApiError } from '../../../client/api.js';
import { putRating } from '../../../client/api-actions.js';
import { voterId } from '../../../client/voter.js';
import { enLater } from '../../../i18n/en-later.js';
import { addEnglish } from '../../../i18n/index.js';
import { withVote } from '../aggregate.js';
import type { VoteHost } from '../article-rating.js';

// The English this chunk shows (field checks, server answers, captcha, vote results).
addEnglish(enLater);

/**
 * Sends the reader's vote for `star`, which the rating already shows: first the aggregate as
 * it should become, then the server's, or back to the previous one with the reason it failed.
 */
export async function castVote(host: VoteHost, star: number): Promise<void> {
  host.expect(withVote(host.previousAggregate, host.scale, host.previousVote, star));
  try {
    const counted = await putRating(host.endpoint, host.thread, { value: star, voter: voterId() });
    host.confirm(counted, host.translator.t('rating.thanks'));
  } catch (err) {
    host.refuse(refusal(host, err));
  }
}

function refusal({ translator: tr, scale }: VoteHost, err: unknown): string {
  if (err instanceof ApiError) {
    if (err.status === 429 && err.retryAfter !== null) return tr.plural('rating.rateLimited', err.retryAfter);
    if (err.status === 422) {
      const key = err.fields.value ?? err.fields.rating ?? err.fields.voter;
      if (key && tr.has(key)) return tr.t(key, { max: scale });
    }
  }
  return tr.t('rating.failed');
}
