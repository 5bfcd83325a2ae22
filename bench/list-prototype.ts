/**
 * What a comment renderer without Lit's parts would cost (#24, item 5): a measurement, not a
 * renderer of the product. Loads in turn, in fresh browser contexts:
 *
 *   - `list`: `<comment-list>` of dist/ with the bench's 500 comments (bench/run.ts's figure);
 *   - `strings`: a prototype that builds each comment's markup as one escaped string (the same
 *     elements, classes and texts as the list's, votes included) and sets it with one `innerHTML`
 *     per comment, in the list's slices (25, then doubling by 100 at most, a task each), with the
 *     list's style sheets, the first `Intl` objects and the comments' JSON;
 *   - `strings+lit`: the same with the votes rendered by Lit into each comment (as the list's
 *     on-demand reader module renders them), the rest as strings.
 *
 * and prints the medians of CDP's task time, from the start to the frame that paints the 500th
 * comment (as bench/run.ts reads it). The prototype leaves out what the list does besides
 * rendering (the header, pending comments, the reader module's loading, re-rendering only what
 * changed), so its figure is a lower bound for such a renderer.
 *
 *   npm run build && node --import tsx bench/list-prototype.ts [RUNS=10]
 *
 * No assertion: it prints figures. The comments' markup is written out here by hand; when the
 * list's markup changes, this prototype does not follow it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../test/helpers/launch-chromium.js';
import { fakeComments, listStyleSheets, median, NEW_SHADOW_ROOT, renderListScript, taskTime } from './pages.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.argv[2] ?? 10);
const body = JSON.stringify({ comments: fakeComments(500), nextCursor: null, total: 500 });
if (!existsSync(join(root, 'dist/article-feedback.js'))) {
  console.error('dist/article-feedback.js is missing: run `npm run build` first.');
  process.exit(1);
}

const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const send = (type: string, content: string | Buffer) => {
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(content);
  };
  if (path === '/') send('text/html', '<!doctype html><html lang="en"><body></body></html>');
  else if (path === '/comments') send('application/json', body);
  // The bundle and its chunks (the list's reader module with the votes, the rich text): the list
  // loads them as on any page.
  else if (/^\/(article-feedback\.js|chunks\/[\w-]+\.js)$/.test(path))
    send('text/javascript', readFileSync(join(root, 'dist', path)));
  else if (path === '/lit-html.js')
    send('text/javascript', readFileSync(join(root, 'node_modules/lit-html/lit-html.js')));
  else res.writeHead(404).end();
});
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

/**
 * The prototype, run in the page (a string: tsx would wrap named helpers in a `__name` the page
 * lacks). `window.sheets` holds the list's style sheets' text, `window.lit` lit-html when the
 * votes are Lit's.
 */
const PROTOTYPE = `(async () => {
  const root = (${NEW_SHADOW_ROOT})(window.sheets);
  const { comments } = await (await fetch('/comments')).json();
  const esc = (s) => String(s).replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';');
  const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  const absolute = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeStyle: 'short' });
  const UNITS = [['year', 31536e3], ['month', 2592e3], ['week', 6048e2], ['day', 864e2], ['hour', 3600], ['minute', 60]];
  const now = Date.now();
  const step = (then) => {
    const seconds = Math.round((then - now) / 1000);
    const abs = Math.abs(seconds);
    const [unit, size] = abs < 45 ? ['second', Infinity] : (UNITS.find(([, s]) => abs >= s) ?? UNITS[5]);
    return [Math.round(seconds / size), unit];
  };
  const initials = (name) => (name.match(/[\\p{L}\\p{N}][^\\s\\-_.]*/gu) ?? []).slice(0, 2).map((w) => w[0].toUpperCase()).join('') || '?';
  const votesHtml = '<span class="votes"><button type="button" part="button" class="link vote" aria-pressed="false" aria-label="Upvote, 0 votes" title="Upvote, 0 votes">▲</button><span class="score" aria-hidden="true">0</span><button type="button" part="button" class="link vote" aria-pressed="false" aria-label="Downvote, 0 votes" title="Downvote, 0 votes">▼</button></span>';
  const lit = window.lit;
  const votesLit = lit && ((up, down) => lit.html\`<span class="votes"
      ><button type="button" part="button" class="link vote" aria-pressed=\${false} aria-label=\${up} title=\${up} @click=\${() => 1}
        >▲</button
      ><span class="score" aria-hidden="true">\${'0'}</span
      ><button type="button" part="button" class="link vote" aria-pressed=\${false} aria-label=\${down} title=\${down} @click=\${() => -1}
        >▼</button
      ></span>\`);
  const markup = (c) => {
    const then = Date.parse(c.createdAt);
    const rating = c.rating ?? 0;
    const rated = rating > 0 ? 'Rated ' + rating + ' out of 5' : '';
    const stars = rated
      ? '<span class="stars" role="img" aria-label="' + esc(rated) + '" title="' + esc(rated) + '">' +
        Array.from({ length: 5 }, (_, i) => '<span part="star" class="star ' + (i < rating ? 'on' : '') + '" aria-hidden="true">★</span>').join('') +
        '</span>'
      : '';
    const paragraphs = c.message.split(/\\n{2,}/).map((p) => '<p>' + esc(p) + '</p>').join('');
    return '<article part="comment" class="comment ' + esc(c.status) + '" data-id="' + esc(c.id) + '" aria-label="' + esc(c.name) + '">' +
      '<span class="avatar hue-' + (c.name.length % 8) + '" aria-hidden="true">' + esc(initials(c.name)) + '</span>' +
      '<div class="body"><header class="meta"><span class="name">' + esc(c.name) + '</span>' +
      '<time datetime="' + esc(c.createdAt) + '" title="' + esc(absolute.format(then)) + '">' + esc(relative.format(...step(then))) + '</time>' +
      stars + '</header><div class="message">' + paragraphs + '</div>' +
      '<div class="actions"><button type="button" part="button" class="link" aria-expanded="false" aria-controls="reply-' + esc(c.id) + '">Reply</button>' +
      (votesLit ? '<span class="votes-slot"></span>' : votesHtml) +
      '</div><div class="reply-slot" id="reply-' + esc(c.id) + '"></div></div></article>';
  };
  const replies = new Map();
  const top = [];
  for (const c of comments) {
    if (!c.parent) top.push(c);
    else if (replies.has(c.parent)) replies.get(c.parent).push(c);
    else replies.set(c.parent, [c]);
  }
  const item = (c) => {
    const li = document.createElement('li');
    li.innerHTML = markup(c);
    if (votesLit) lit.render(votesLit('Upvote, 0 votes', 'Downvote, 0 votes'), li.querySelector('.votes-slot'));
    const under = replies.get(c.id);
    if (under) {
      const ol = document.createElement('ol');
      ol.setAttribute('role', 'list');
      for (const reply of under) ol.append(item(reply));
      li.append(ol);
    }
    return li;
  };
  const section = document.createElement('section');
  section.className = 'list';
  const ol = document.createElement('ol');
  ol.setAttribute('role', 'list');
  section.append(ol);
  root.append(section);
  for (let shown = 0, next = 25; shown < top.length; ) {
    const slice = document.createDocumentFragment();
    for (const c of top.slice(shown, next)) slice.append(item(c));
    ol.append(slice);
    shown = Math.min(next, top.length);
    next = shown + Math.min(shown, 100);
    await new Promise((r) => setTimeout(r));
  }
  await new Promise((r) => requestAnimationFrame(r));
  await new Promise((r) => requestAnimationFrame(r)); // the frame that paints the last
  await new Promise((r) => setTimeout(r, 0));
  return root.querySelectorAll('[part~="comment"]').length;
})()`;

const kinds = ['list', 'strings', 'strings+lit'] as const;
const times: Record<(typeof kinds)[number], number[]> = { list: [], strings: [], 'strings+lit': [] };
let sheets: string[] | undefined;

const browser = await launchChromium();
try {
  for (let round = 0; round <= RUNS; round++) {
    for (const kind of round % 2 ? [...kinds].reverse() : kinds) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(origin);
      let time: number;
      if (kind === 'list') {
        await page.route('**/api/threads/bench/comments**', (route) =>
          route.fulfill({ status: 200, contentType: 'application/json', body }),
        );
        await page.addScriptTag({ url: '/article-feedback.js', type: 'module' });
        await page.waitForFunction(() => customElements.get('comment-list') !== undefined);
        time = await taskTime(page, () => page.evaluate(renderListScript('http://127.0.0.1:9/api')));
        sheets ??= await listStyleSheets(page);
      } else {
        if (!sheets) continue; // the list's style sheets come from its first load
        await page.evaluate(
          async ([given, withLit]) => {
            const w = window as unknown as { sheets: string[]; lit?: unknown };
            w.sheets = given;
            if (withLit) w.lit = await import(`${location.origin}/lit-html.js`);
          },
          [sheets, kind === 'strings+lit'] as const,
        );
        let shown = 0;
        time = await taskTime(page, async () => (shown = (await page.evaluate(PROTOTYPE)) as number));
        if (shown !== 500) throw new Error(`${kind}: ${shown} comments shown, not 500`);
      }
      if (round > 0) times[kind].push(time); // round 0 warms the server and the disk cache
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`500 comments: main-thread task time, medians of ${RUNS} loads each, ms`);
for (const kind of kinds) {
  const ratio = median(times[kind]) / median(times.list);
  console.log(
    `${kind.padEnd(12)} ${median(times[kind]).toFixed(1).padStart(8)}  ${ratio.toFixed(2)}× the list  (${times[kind].map((t) => t.toFixed(0)).join(' ')})`,
  );
}
