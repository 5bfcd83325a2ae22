/** Comment counts and ratings of many threads at once, for index pages (SPEC §6.4, #18). */
import type { Counts } from '../../src/contract/schemas.js';
import type { AppDeps } from '../deps.js';

export async function threadCounts(
  deps: Pick<AppDeps, 'config' | 'store'>,
  threads: readonly string[],
): Promise<Counts> {
  const totals = await deps.store.reader.threadTotals(threads, deps.config.ratingMax);
  // Object.fromEntries defines own keys, so even a thread named `__proto__` is answered as itself.
  const counts: Counts['counts'] = Object.fromEntries(
    threads.map((thread) => {
      const found = totals.get(thread);
      const ratingCount = found?.ratingCount ?? 0;
      // Rounded as the rating aggregate rounds it (use-cases/rating.ts).
      const average = ratingCount ? Math.round((found!.ratingSum / ratingCount) * 100) / 100 : 0;
      return [thread, { comments: found?.comments ?? 0, rating: { average, count: ratingCount } }];
    }),
  );
  return { counts };
}
