import type { Catalogue } from './types.js';

/** `<comment-count rating>`'s spoken rating in English (#18; see en-count.ts for why apart). */
export const enCountRated: Pick<Catalogue, 'count.rated'> = {
  'count.rated': (c) =>
    c === 'one' ? 'Rated {average} out of {max} by {n} reader' : 'Rated {average} out of {max} by {n} readers',
};
