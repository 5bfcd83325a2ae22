/**
 * Isso's SQLite database: `threads(id, uri, title)` and `comments(tid, id, parent, created,
 * mode, text, author, email, …)`, `mode` 1 accepted, 2 waiting for moderation, 4 deleted (kept
 * by Isso only while it has replies). `created` is in seconds. The text is what the reader typed
 * (Isso renders its Markdown when showing it). Read row by row, opened read-only.
 */
import Database from 'better-sqlite3';
import type { ImportSource, SourceComment, SourceStatus } from './source.js';

interface IssoRow {
  id: number;
  parent: number | null;
  created: number | null;
  mode: number;
  text: string | null;
  author: string | null;
  email: string | null;
  uri: string | null;
}

const STATUS: Record<number, SourceStatus> = { 1: 'published', 2: 'pending', 4: 'deleted' };

export function readIsso(file: string): ImportSource {
  let database: Database.Database;
  try {
    database = new Database(file, { readonly: true, fileMustExist: true });
    database.prepare('select 1 from comments join threads on threads.id = comments.tid limit 1').all();
  } catch (error) {
    throw new Error(`${file} is not an Isso database (${error instanceof Error ? error.message : String(error)})`, {
      cause: error,
    });
  }
  const total = (database.prepare('select count(*) as n from comments').get() as { n: number }).n;
  let done = 0;
  const comments = (async function* (): AsyncGenerator<SourceComment> {
    try {
      const rows = database
        .prepare(
          `select c.id, c.parent, c.created, c.mode, c.text, c.author, c.email, t.uri
           from comments c join threads t on t.id = c.tid order by c.id`,
        )
        .iterate() as IterableIterator<IssoRow>;
      for (const row of rows) {
        done += 1;
        yield {
          sourceId: String(row.id),
          parentSourceId: row.parent === null ? null : String(row.parent),
          page: { url: row.uri, identifier: row.uri },
          name: row.author ?? '',
          email: row.email ?? '',
          body: row.text ?? '',
          textKind: 'text',
          createdAt: typeof row.created === 'number' ? row.created * 1000 : null,
          status: STATUS[row.mode] ?? 'pending',
          rating: null,
        };
      }
    } finally {
      database.close();
    }
  })();
  return { source: 'isso', comments, fraction: () => (total ? done / total : 1) };
}
