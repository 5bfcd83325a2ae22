/**
 * schema.org JSON-LD for a server-rendered block (#19): the comments of the page, and (when the
 * publisher asks for it) the thread's rating as an `AggregateRating`.
 */
import type { PublicComment, RatingAggregate } from '../contract/schemas.js';

/** A comment's node id: the article's URL (when known) and the comment's id. */
const commentId = (id: string, url: string | undefined) => `${url ?? ''}#comment-${id}`;

/**
 * The page's comments as schema.org `Comment`s (author, dateCreated, text; a reply names its
 * parent comment as `parentItem`, a top-level comment the article when its URL is known), in
 * one `@graph`, with the `AggregateRating` when given.
 */
export function commentsData(
  comments: readonly PublicComment[],
  url: string | undefined,
  aggregateRating: Record<string, unknown> | null,
): Record<string, unknown> {
  const listed = comments.filter((c) => c.status === 'published');
  const graph: Record<string, unknown>[] = listed.map((c) => {
    const parent = c.parent ? { '@id': commentId(c.parent, url) } : url ? { '@id': url } : undefined;
    return {
      '@type': 'Comment',
      '@id': commentId(c.id, url),
      author: { '@type': 'Person', name: c.name },
      dateCreated: c.createdAt,
      ...(c.editedAt ? { dateModified: c.editedAt } : {}),
      text: c.message,
      ...(parent ? { parentItem: parent } : {}),
      ...(c.votes ? { upvoteCount: c.votes.up, downvoteCount: c.votes.down } : {}),
    };
  });
  if (aggregateRating) graph.push(aggregateRating);
  return { '@context': 'https://schema.org', '@graph': graph };
}

/** The thread's rating as a schema.org `AggregateRating`; null when nobody has voted. */
export function aggregateRatingData(rating: RatingAggregate, url: string | undefined): Record<string, unknown> | null {
  if (!(rating.count > 0)) return null;
  return {
    '@type': 'AggregateRating',
    ratingValue: Math.round(rating.average * 10) / 10,
    ratingCount: rating.count,
    bestRating: rating.max,
    worstRating: 1,
    ...(url ? { itemReviewed: { '@id': url } } : {}),
  };
}

/**
 * JSON to put between `<script …>` and `</script>`: every `<`, `>` and `&` as a JSON escape,
 * so that no text inside (a comment saying `</script>` or `<!--`) can end the script or change
 * how the HTML parser reads it; U+2028/2029 too, for JavaScript parsers of old. `JSON.parse`
 * reads the same value back.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
