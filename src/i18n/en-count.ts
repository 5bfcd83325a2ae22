import type { Catalogue, CountKey } from './types.js';

/**
 * `<comment-count>`'s English (#18). A module of its own: the count's entry
 * (`dist/comment-count.js`, about 1.2 KiB) carries these two entries and nothing else of the
 * catalogue; the other languages come from their catalogues, on demand.
 */
export const enCount: Pick<Catalogue, CountKey> = {
  'count.comments': (c) => (c === 'one' ? '{n} comment' : '{n} comments'),
  'count.rated': (c) =>
    c === 'one' ? 'Rated {average} out of {max} by {n} reader' : 'Rated {average} out of {max} by {n} readers',
};
