/**
 * The star rating of a thread (SPEC §3): its aggregate, and casting a vote.
 */
import type { RatingAggregate, RatingInput } from '../../src/contract/schemas.js';
import type { AppDeps } from '../deps.js';
import { validationError } from '../http/request.js';
import { ratingOutbox } from '../notify/events.js';

type Deps = Pick<AppDeps, 'config' | 'store'>;

export async function ratingAggregate(deps: Deps, thread: string): Promise<RatingAggregate> {
  const totals = await deps.store.ratingTotals(thread, deps.config.ratingMax);
  const average = totals.count ? Math.round((totals.sum / totals.count) * 100) / 100 : 0;
  return { average, count: totals.count, max: deps.config.ratingMax, histogram: totals.histogram };
}

/** Casts or replaces the voter's vote; answers the new aggregate with the voter's own value. */
export async function castVote(
  deps: Deps & Pick<AppDeps, 'now' | 'notifier'>,
  thread: string,
  input: RatingInput,
): Promise<RatingAggregate> {
  if (input.value > deps.config.ratingMax) throw validationError({ value: 'rating.range' }, deps.config.ratingMax);
  // `rating.changed` webhooks go in the vote's transaction (#16).
  const outbox = ratingOutbox(deps, thread, input.value);
  await deps.store.putVote({ thread, voter: input.voter, value: input.value }, outbox);
  if (outbox.deliveries.length) deps.notifier?.wake();
  return { ...(await ratingAggregate(deps, thread)), yours: input.value };
}
