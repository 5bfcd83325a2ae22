/** The star rating (SPEC §3): the aggregate, one vote per voter, a comment's rating as a vote. */
import { ratingAggregateSchema } from '../../src/contract/schemas.js';
import type { Check, Context } from '../context.js';
import { expectEqual, expectError, expectShape, expectStatus, expectTrue } from '../expect.js';
import type { Answer } from '../http.js';

function aggregateOf(answer: Answer) {
  expectStatus(answer, 200);
  return expectShape(answer, ratingAggregateSchema, `${answer.method} ${answer.path}`);
}

/** The histogram the contract expects for these votes: `histogram[i]` counts i+1 stars. */
function histogramOf(ctx: Context, values: number[]): number[] {
  const histogram = new Array<number>(ctx.ratingMax).fill(0);
  for (const value of values) histogram[value - 1]! += 1;
  return histogram;
}

async function expectAggregate(ctx: Context, thread: string, values: number[], answer?: Answer) {
  const aggregate = aggregateOf(answer ?? (await ctx.rating(thread)));
  const where = answer ? 'the answer to the vote' : 'GET rating';
  expectEqual(aggregate.count, values.length, `${where}: count`);
  expectEqual(aggregate.histogram, histogramOf(ctx, values), `${where}: histogram`);
  const mean = values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
  expectTrue(
    Math.abs(aggregate.average - mean) < 0.01,
    `${where}: average ${aggregate.average}, expected ${mean.toFixed(2)}`,
  );
  return aggregate;
}

export const ratingChecks: Check[] = [
  {
    id: 'rating.empty',
    title: 'a thread without votes: count 0, average 0, a histogram of `max` zeros',
    async run(ctx) {
      const aggregate = await expectAggregate(ctx, ctx.thread('rating-empty'), []);
      expectEqual(aggregate.max, ctx.ratingMax, 'max');
    },
  },
  {
    id: 'rating.vote',
    title: 'PUT a vote → 200 the new aggregate with `yours`; GET shows the same',
    needs: ['writes'],
    async run(ctx) {
      const thread = ctx.thread('rating-vote');
      const value = ctx.ratingMax - 1;
      const answer = await ctx.vote(thread, { value, voter: ctx.voter() });
      const aggregate = await expectAggregate(ctx, thread, [value], answer);
      expectEqual(aggregate.yours, value, 'yours');
      await expectAggregate(ctx, thread, [value]);
    },
  },
  {
    id: 'rating.replaced',
    title: 'a second vote by the same voter replaces the first (count stays 1)',
    needs: ['writes'],
    async run(ctx) {
      const thread = ctx.thread('rating-replace');
      const voter = ctx.voter();
      aggregateOf(await ctx.vote(thread, { value: ctx.ratingMax, voter }));
      const answer = await ctx.vote(thread, { value: 1, voter });
      expectEqual(aggregateOf(answer).yours, 1, 'yours');
      await expectAggregate(ctx, thread, [1], answer);
      await expectAggregate(ctx, thread, [1]);
    },
  },
  {
    id: 'rating.aggregate',
    title: 'several voters: count, histogram and average of all their votes',
    needs: ['writes'],
    async run(ctx) {
      const thread = ctx.thread('rating-many');
      const values = [ctx.ratingMax, ctx.ratingMax - 1, ctx.ratingMax - 1, 1];
      for (const value of values) aggregateOf(await ctx.vote(thread, { value, voter: ctx.voter() }));
      await expectAggregate(ctx, thread, values);
    },
  },
  {
    id: 'rating.invalid',
    title: 'a value of 0, above the scale or not whole → 422 rating.range; a bad voter id → 422 voter.invalid',
    needs: ['writes'],
    async run(ctx) {
      const thread = ctx.thread('rating-invalid');
      for (const value of [0, ctx.ratingMax + 1, 1.5]) {
        expectError(
          await ctx.vote(thread, { value, voter: ctx.voter() }),
          422,
          'validation',
          { value: 'rating.range' },
          `value ${value}`,
        );
      }
      expectError(await ctx.vote(thread, { value: 1, voter: 'bad id' }), 422, 'validation', { voter: 'voter.invalid' });
      await expectAggregate(ctx, thread, []);
    },
  },
  {
    id: 'rating.comment-vote',
    title: 'a comment’s rating with a voter is that voter’s vote (replaced by a later vote); without a voter no vote',
    needs: ['writes'],
    async run(ctx) {
      const thread = ctx.thread('rating-comment');
      const voter = ctx.voter();
      const comment = await ctx.postPublished(thread, { rating: ctx.ratingMax, voter });
      expectEqual(comment.rating, ctx.ratingMax, 'comment.rating');
      await expectAggregate(ctx, thread, [ctx.ratingMax]);
      aggregateOf(await ctx.vote(thread, { value: 2, voter }));
      await expectAggregate(ctx, thread, [2]);
      await ctx.postPublished(thread, { rating: 1 });
      await expectAggregate(ctx, thread, [2]);
    },
  },
];
