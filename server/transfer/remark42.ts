/**
 * Remark42 backup (`remark42 backup`, often gzipped): JSON Lines, a header object first, then
 * one comment per line: `id`, `pid` (parent), `text` (HTML), `user.name` (and `user.email`
 * when present), `locator.site` and `locator.url` (the page), `time` (RFC 3339), `delete`.
 * Remark42 has no moderation queue, so every comment not deleted is published.
 */
import { lines, openInput } from './input.js';
import type { ImportSource, SourceComment } from './source.js';

interface RemarkComment {
  id?: unknown;
  pid?: unknown;
  text?: unknown;
  user?: { name?: unknown; email?: unknown };
  locator?: { site?: unknown; url?: unknown };
  time?: unknown;
  delete?: unknown;
}

const str = (value: unknown) => (typeof value === 'string' ? value : '');

export function readRemark42(file: string): ImportSource {
  const input = openInput(file);
  const comments = (async function* (): AsyncGenerator<SourceComment> {
    for await (const { line, number } of lines(input.chunks)) {
      if (line.trim() === '') continue;
      let record: RemarkComment;
      try {
        record = JSON.parse(line) as RemarkComment;
      } catch {
        throw new Error(`${file} line ${number} is not JSON: not a Remark42 backup?`);
      }
      // The header line (version, users, posts) and anything else without a comment id and page.
      if (typeof record !== 'object' || record === null || !str(record.id) || typeof record.locator !== 'object')
        continue;
      const site = str(record.locator?.site);
      const pid = str(record.pid);
      const url = str(record.locator?.url) || null;
      const time = Date.parse(str(record.time));
      yield {
        sourceId: `${site}/${str(record.id)}`,
        parentSourceId: pid ? `${site}/${pid}` : null,
        page: { url, identifier: url },
        name: str(record.user?.name),
        email: str(record.user?.email),
        body: str(record.text),
        textKind: 'html',
        createdAt: Number.isNaN(time) ? null : time,
        status: record.delete === true ? 'deleted' : 'published',
        rating: null,
      };
    }
  })();
  return { source: 'remark42', comments, fraction: input.fraction };
}
