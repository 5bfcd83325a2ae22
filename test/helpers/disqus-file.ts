/**
 * Writes a Disqus export of any size for the import bench and the crash test: one thread per
 * ten posts, every third post a reply, HTML messages of a few sentences. Written as a stream, so
 * generating a large file needs little memory.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export async function writeDisqusFile(file: string, posts: number): Promise<void> {
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(
    '<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">\n',
  );
  const threads = Math.max(1, Math.ceil(posts / 10));
  for (let t = 0; t < threads; t++)
    await write(
      `<thread dsq:id="t${t}"><id>article-${t}</id><link>https://news.example.com/articles/${t}/</link><title>Article ${t}</title><createdAt>2020-01-01T00:00:00Z</createdAt><isDeleted>false</isDeleted></thread>\n`,
    );
  const start = Date.UTC(2020, 0, 1);
  for (let p = 0; p < posts; p++) {
    const parent = p % 3 === 2 ? `<parent dsq:id="p${p - 1}"/>` : '';
    const date = new Date(start + p * 60_000).toISOString();
    await write(
      `<post dsq:id="p${p}"><id/><message><![CDATA[<p>Comment number ${p} on this article &amp; a few words more, so the message is about as long as a real one.</p><p>A second paragraph with <a href="https://example.org/${p}">a link</a>.</p>]]></message><createdAt>${date}</createdAt><isDeleted>false</isDeleted><isSpam>${p % 50 === 0}</isSpam><author><email>reader${p % 5000}@example.com</email><name>Reader ${p % 5000}</name><isAnonymous>false</isAnonymous></author><thread dsq:id="t${Math.floor(p / 10)}"/>${parent}</post>\n`,
    );
  }
  await write('</disqus>\n');
  out.end();
  await once(out, 'finish');
}
