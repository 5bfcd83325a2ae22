/**
 * WordPress WXR export: each `<item>` (a post or page, with its `<link>` and `<wp:post_id>`)
 * holds its `<wp:comment>`s: `comment_id`, `comment_author`, `comment_author_email`,
 * `comment_date_gmt`, `comment_content`, `comment_approved` (1, 0, spam, trash), `comment_type`,
 * `comment_parent` and `<wp:commentmeta>` (a `rating` key when a rating plugin stored one).
 *
 * Comment ids are per site, so each is remembered with the site's address (the channel `<link>`).
 * WordPress keeps what the reader typed, with their line breaks, and adds paragraphs only when
 * showing it: the text is read as text with tags in it.
 */
import { decodeEntities } from './html-to-text.js';
import { openInput } from './input.js';
import type { ImportSource, SourceComment, SourceStatus } from './source.js';
import { local, parseXml } from './xml.js';

const STATUS: Record<string, SourceStatus> = {
  '1': 'published',
  approve: 'published',
  '0': 'pending',
  hold: 'pending',
  spam: 'spam',
  trash: 'deleted',
  'post-trashed': 'deleted',
};

/** `YYYY-MM-DD HH:MM:SS` in UTC; WordPress writes zeros for a date it never set. */
function parseDate(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(text.trim());
  if (!match || match[1] === '0000') return null;
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  const ms = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
  return Number.isNaN(ms) ? null : ms;
}

export function readWordPress(file: string): ImportSource {
  const input = openInput(file);
  let site = '';
  let page = { url: null as string | null, identifier: null as string | null };
  let fields: Map<string, string> | null = null;
  let metaKey = '';
  let metaValue = '';
  let rating: number | null = null;

  const comments = parseXml<SourceComment>(input, file, {
    open(path, name) {
      const element = local(name);
      if (element === 'item') page = { url: null, identifier: null };
      else if (name === 'wp:comment' || (element === 'comment' && local(path[path.length - 2] ?? '') === 'item')) {
        fields = new Map();
        rating = null;
      } else if (fields && element === 'commentmeta') {
        metaKey = '';
        metaValue = '';
      }
    },
    close({ path, name, text }, emit) {
      const element = local(name);
      const parent = local(path[path.length - 2] ?? '');
      if (parent === 'channel' && element === 'link') site = text.trim();
      else if (parent === 'item' && element === 'link') page.url = text.trim() || null;
      else if (parent === 'item' && element === 'post_id') page.identifier = text.trim() || null;
      else if (fields && parent === 'commentmeta') {
        if (element === 'meta_key') metaKey = text.trim();
        else if (element === 'meta_value') metaValue = text.trim();
      } else if (fields && element === 'commentmeta') {
        if (metaKey === 'rating' && metaValue !== '') rating = Number(metaValue);
      } else if (fields && parent === 'comment') fields.set(element, text);
      else if (fields && element === 'comment') {
        const f = fields;
        fields = null;
        const id = f.get('comment_id')?.trim();
        if (!id) return;
        const parentId = f.get('comment_parent')?.trim() ?? '0';
        const type = f.get('comment_type')?.trim() ?? '';
        const approved = f.get('comment_approved')?.trim() ?? '1';
        emit({
          sourceId: `${site} ${id}`,
          parentSourceId: parentId === '0' || parentId === '' ? null : `${site} ${parentId}`,
          page: { ...page },
          name: decodeEntities(f.get('comment_author') ?? ''),
          email: f.get('comment_author_email') ?? '',
          body: f.get('comment_content') ?? '',
          textKind: 'text',
          createdAt: parseDate(f.get('comment_date_gmt') ?? '') ?? parseDate(f.get('comment_date') ?? ''),
          status: STATUS[approved] ?? 'pending',
          rating,
          ...(type === 'pingback' || type === 'trackback'
            ? { refuse: 'pingback or trackback (not a reader’s comment)' }
            : {}),
        });
      }
    },
  });
  return { source: 'wordpress', comments, fraction: input.fraction };
}
