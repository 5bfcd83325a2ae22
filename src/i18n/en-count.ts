import type { Catalogue } from './types.js';

/**
 * `<comment-count>`'s English (#18), in two modules, one per place it ships: "12 comments" here,
 * in the count's entry (`dist/comment-count.js`, under 1 KiB), and the rating's sentence in
 * en-count-rated.ts, in the on-demand chunk that only counts with `rating` load. Neither carries
 * anything else of the catalogue; the other languages come from their catalogues, on demand.
 */
export const enCount: Pick<Catalogue, 'count.comments'> = {
  'count.comments': (c) => (c === 'one' ? '{n} comment' : '{n} comments'),
};
