import type { RatingAggregate } from '../../contract/schemas.js';

/**
 * The aggregate as it will be once the server counts `next` as this reader's vote, replacing
 * their `previous` one (0 = none). Used for the optimistic display; the server's answer
 * replaces it. A previous vote the histogram does not hold (stale local memory) is not removed.
 */
export function withVote(
  base: RatingAggregate | null | undefined,
  max: number,
  previous: number,
  next: number,
): RatingAggregate {
  const histogram = Array.from({ length: max }, (_, i) => Math.max(0, Math.floor(base?.histogram[i] ?? 0)));
  if (previous >= 1 && previous <= max && (histogram[previous - 1] ?? 0) > 0) histogram[previous - 1]! -= 1;
  if (next >= 1 && next <= max) histogram[next - 1]! += 1;
  return fromHistogram(histogram, max);
}

export function fromHistogram(histogram: number[], max: number): RatingAggregate {
  let count = 0;
  let sum = 0;
  histogram.forEach((votes, i) => {
    count += votes;
    sum += votes * (i + 1);
  });
  return { average: count ? sum / count : 0, count, max, histogram };
}
