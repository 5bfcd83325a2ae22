/**
 * What the routes and use cases need, built once by `createApp` and passed down explicitly
 * (no module-level state): the settings, the store, the captcha, the clock and the limiter.
 */
import type { Captcha } from './captcha/types.js';
import type { Config } from './config.js';
import type { ReplayCache } from './http/replay.js';
import type { AnswerCache } from './http/versioned.js';
import type { ThreadVersions } from './http/versions.js';
import type { Notifier } from './notify/index.js';
import type { RateLimiter } from './rate-limit.js';
import type { Store } from './store/types.js';

export interface AppDeps {
  config: Config;
  store: Store;
  captcha: Captcha;
  /** Milliseconds since the epoch; tests pass a fixed clock. */
  now: () => number;
  rateLimiter: RateLimiter;
  /** Recent GET answers by thread version (issue #24; http/versioned.ts). */
  answers: AnswerCache;
  /** Answers of versioned GETs as written, replayed by the node:http listener (http/replay.ts). */
  replays: ReplayCache;
  /** Thread versions as the reads see them, within READ_STALE_MS (http/versions.ts). */
  versions: ThreadVersions;
  /** Told when a change queued notifications (#16); never awaited. Absent: rows wait for the next poll. */
  notifier?: Notifier;
}
