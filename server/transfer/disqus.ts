/**
 * Disqus XML export: `<thread dsq:id>` elements (page `<link>` and `<id>` identifier) come
 * first, then every `<post dsq:id>` with its `<message>` HTML, `<createdAt>`, `<isDeleted>`,
 * `<isSpam>`, `<author>` name and email, `<thread dsq:id>` and `<parent dsq:id>`.
 */
import { openInput } from './input.js';
import type { ImportSource, SourceComment } from './source.js';
import { local, parseXml } from './xml.js';

interface Page {
  url: string | null;
  identifier: string | null;
}

const dsqId = (attributes: Record<string, string>) =>
  Object.entries(attributes).find(([name]) => local(name) === 'id')?.[1] ?? null;

const isTrue = (text: string) => text.trim().toLowerCase() === 'true';

export function readDisqus(file: string): ImportSource {
  const input = openInput(file);
  const threads = new Map<string, Page>();
  let thread: { id: string | null; page: Page } | null = null;
  let post: {
    sourceId: string | null;
    threadId: string | null;
    parent: string | null;
    name: string;
    email: string;
    message: string;
    createdAt: string;
    deleted: boolean;
    spam: boolean;
    approved: boolean;
  } | null = null;

  const comments = parseXml<SourceComment>(input, file, {
    open(path, name, attributes) {
      const element = local(name);
      if (path.length === 2 && element === 'thread')
        thread = { id: dsqId(attributes), page: { url: null, identifier: null } };
      else if (path.length === 2 && element === 'post')
        post = {
          sourceId: dsqId(attributes),
          threadId: null,
          parent: null,
          name: '',
          email: '',
          message: '',
          createdAt: '',
          deleted: false,
          spam: false,
          approved: true,
        };
      else if (post && path.length === 3 && element === 'thread') post.threadId = dsqId(attributes);
      else if (post && path.length === 3 && element === 'parent') post.parent = dsqId(attributes);
    },
    close({ path, name, text }, emit) {
      const element = local(name);
      if (thread && path.length === 3) {
        if (element === 'link') thread.page.url = text.trim() || null;
        else if (element === 'id') thread.page.identifier = text.trim() || null;
      } else if (thread && path.length === 2 && element === 'thread') {
        if (thread.id) threads.set(thread.id, thread.page);
        thread = null;
      } else if (post && path.length === 3) {
        if (element === 'message') post.message = text;
        else if (element === 'createdAt') post.createdAt = text.trim();
        else if (element === 'isDeleted') post.deleted = isTrue(text);
        else if (element === 'isSpam') post.spam = isTrue(text);
        else if (element === 'isApproved') post.approved = text.trim() === '' || isTrue(text);
      } else if (post && path.length === 4 && local(path[2]!) === 'author') {
        if (element === 'name') post.name = text;
        else if (element === 'email') post.email = text;
      } else if (post && path.length === 2 && element === 'post') {
        const p = post;
        post = null;
        if (!p.sourceId) return;
        const page = p.threadId ? threads.get(p.threadId) : undefined;
        const createdAt = Date.parse(p.createdAt);
        emit({
          sourceId: p.sourceId,
          parentSourceId: p.parent,
          page: page ?? { url: null, identifier: null },
          name: p.name,
          email: p.email,
          body: p.message,
          textKind: 'html',
          createdAt: Number.isNaN(createdAt) ? null : createdAt,
          status: p.deleted ? 'deleted' : p.spam ? 'spam' : p.approved ? 'published' : 'pending',
          rating: null,
          ...(page ? {} : { refuse: 'its thread is not described in the file' }),
        });
      }
    },
  });
  return { source: 'disqus', comments, fraction: input.fraction };
}
