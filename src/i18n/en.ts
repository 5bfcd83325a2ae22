import { enCount } from './en-count.js';
import { enCountRated } from './en-count-rated.js';
import { enFirst } from './en-first.js';
import { enLater } from './en-later.js';
import type { Catalogue } from './types.js';

/** English, the whole catalogue (wording of SPEC §2): what the server and the tests use. */
export const en: Catalogue = { ...enFirst, ...enLater, ...enCount, ...enCountRated };
