/**
 * Reaching the backend, posting at all, GET /captcha and GET /config: what every other check
 * stands on. The runner skips the checks that need writes when `backend.accepts-writes` fails.
 */
import * as z from 'zod/mini';
import { captchaConfigSchema, commentCreatedSchema, ratingAggregateSchema } from '../../src/contract/schemas.js';
import { LIMITS } from '../../src/contract/limits.js';
import type { Check } from '../context.js';
import { expectEqual, expectShape, expectStatus, expectTrue, skip } from '../expect.js';
import { threadPath } from '../http.js';

/** `GET /config` (SPEC §6.7), optional. */
const configSchema = z.object({
  captcha: z.unknown(),
  mail: z.boolean(),
  editWindowMinutes: z.number(),
  ratingMax: z.number().check(z.int(), z.gte(2), z.lte(LIMITS.ratingScaleMax)),
});

export const basicChecks: Check[] = [
  {
    id: 'backend.reachable',
    title: 'the backend answers GET /threads/:thread/rating with its aggregate (and its rating scale)',
    async run(ctx) {
      const thread = ctx.thread('scale');
      const answer = await ctx.rating(thread);
      expectStatus(answer, 200);
      const aggregate = expectShape(answer, ratingAggregateSchema, `GET ${threadPath(thread)}/rating`);
      expectTrue(
        Number.isInteger(aggregate.max) && aggregate.max >= 2 && aggregate.max <= LIMITS.ratingScaleMax,
        `"max" must be the rating scale, a whole number from 2 to ${LIMITS.ratingScaleMax}; got ${aggregate.max}`,
      );
      ctx.ratingMax = aggregate.max;
    },
  },
  {
    id: 'backend.accepts-writes',
    title: 'a valid comment is published at once (201) — the kit needs captcha off and moderation off',
    async run(ctx) {
      const thread = ctx.thread('probe');
      const answer = await ctx.post(thread, ctx.comment());
      expectStatus(answer, 201, 'published at once');
      expectShape(answer, commentCreatedSchema, `POST ${threadPath(thread)}/comments`);
    },
  },
  {
    id: 'captcha.get',
    title: 'GET /captcha answers 200 with a captcha configuration of the contract',
    async run(ctx) {
      const answer = await ctx.api.get('/captcha');
      expectStatus(answer, 200);
      expectShape(answer, captchaConfigSchema, 'GET /captcha');
    },
  },
  {
    id: 'config.get',
    title: 'GET /config (optional) answers { captcha, mail, editWindowMinutes, ratingMax } on the same scale',
    async run(ctx) {
      const answer = await ctx.api.get('/config');
      if (answer.status === 404 || answer.status === 405) {
        skip(`the backend has no GET /config (answered ${answer.status}); it is optional (SPEC §6.7)`);
      }
      expectStatus(answer, 200);
      const config = expectShape(answer, configSchema, 'GET /config');
      expectEqual(config.ratingMax, ctx.ratingMax, 'ratingMax of GET /config and max of a rating aggregate');
    },
  },
];
