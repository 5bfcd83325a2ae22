/**
 * The integrations in examples/ (#19), against the real reference server (temporary SQLite):
 *
 * - examples/react: the `@lit/react` wrapper in a React 19 app, type-checked, built with esbuild
 *   and run in Chromium: the block renders, a comment posted through its form reaches the
 *   app's `onCommentSubmitted` prop.
 * - examples/node-server: a page server in Hono (on @hono/node-server) that calls `renderFeedback()` from
 *   `article-feedback/server` (the built package entry): its HTML carries the comments, the
 *   rating, the data and the JSON-LD, under a CSP that allows the block's styles by hash.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { build } from 'esbuild';
import { startStack, type Stack } from './harness.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
let stack: Stack;
let reactApp = '';

before(async () => {
  const bundle = await build({
    entryPoints: [`${root}examples/react/app.tsx`],
    tsconfig: `${root}examples/react/tsconfig.json`,
    bundle: true,
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    logLevel: 'warning',
  });
  reactApp = bundle.outputFiles[0]!.text;
  stack = await startStack({
    // The React page loads its own bundle (with the elements inside), not the script tag.
    pageHtml: (ctx) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>React 19 example</title>
<script type="module" src="/react-app.js"></script></head>
<body><div id="app" data-endpoint="${ctx.apiUrl}" data-thread="/examples/react"></div></body>
</html>`,
    files: { '/react-app.js': { type: 'text/javascript', body: () => reactApp } },
  });
});

after(() => stack?.close());

describe('examples/react (React 19, @lit/react)', () => {
  it('type-checks: the props and the events’ details are typed', () => {
    execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', 'examples/react/tsconfig.json'], {
      cwd: root,
      stdio: 'pipe',
    });
  });

  it('renders the block in Chromium and hands comment-submitted to the onCommentSubmitted prop', async () => {
    const page = await stack.newPage();
    await page.goto(stack.urlFor('/examples/react'));
    // React itself rendered (the heading is React's), and the element inside it rendered its block.
    await page.getByRole('heading', { name: 'Harbour town votes to keep its night ferry' }).waitFor();
    await page.getByText('Leave the first review').waitFor();
    await page.getByLabel('Email').fill('grace@example.com');
    await page.getByLabel('Name').fill('Grace Hopper');
    await page.getByLabel('Message').fill('Written from a React page.');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await page.getByRole('status').filter({ hasText: 'Thanks, Grace Hopper (published)' }).waitFor();
    assert.equal(await page.locator('comment-list').getByText('Written from a React page.').isVisible(), true);
    const stored = await stack.getJson(`/threads/${encodeURIComponent('/examples/react')}/comments`);
    assert.deepEqual(
      (stored.body as { comments: { name: string }[] }).comments.map((c) => c.name),
      ['Grace Hopper'],
    );
    assert.deepEqual(stack.cspViolations, []);
    assert.deepEqual(stack.consoleErrors, []);
  });
});

describe('examples/node-server (renderFeedback from article-feedback/server)', () => {
  it('type-checks', () => {
    execFileSync(
      process.execPath,
      [`${root}node_modules/typescript/bin/tsc`, '-p', 'examples/node-server/tsconfig.json'],
      { cwd: root, stdio: 'pipe' },
    );
  });

  it('serves an article page with the block rendered, its data and its JSON-LD', async () => {
    const thread = '/articles/night-ferry';
    for (const [name, message] of [
      ['Grace Hopper', 'Keep the late crossing.'],
      ['Alan Turing', 'The numbers support it.'],
    ])
      assert.equal((await stack.postComment(thread, { name, email: 'r@example.com', message })).status, 201);

    const { articleServer } = await import('../../examples/node-server/server.js');
    const server = articleServer({ apiUrl: stack.apiUrl, scriptUrl: `${stack.serverOrigin}/article-feedback.js` });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}${thread}`);
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /<article-feedback\s[^>]*thread="\/articles\/night-ferry"/);
      assert.match(html, /<template shadowroot="open" shadowrootmode="open">/);
      for (const text of ['Grace Hopper', 'Keep the late crossing.', 'Alan Turing', '2 comments', 'Leave a Comment'])
        assert.ok(html.includes(text), text);
      assert.match(html, /<script type="application\/json" id="article-feedback-comments:\/articles\/night-ferry">/);
      const ld = JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)![1]!) as {
        '@graph': { '@type': string; author: { name: string }; parentItem: { '@id': string } }[];
      };
      assert.deepEqual(ld['@graph'].map((n) => n.author.name).sort(), ['Alan Turing', 'Grace Hopper']);
      assert.equal(ld['@graph'][0]!.parentItem['@id'], `http://127.0.0.1:${port}${thread}`);
      const csp = res.headers.get('Content-Security-Policy')!;
      assert.match(csp, /style-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+/);

      // And the page works in the browser: the script takes the block over.
      const page = await stack.newPage();
      await page.goto(`http://127.0.0.1:${port}${thread}`);
      await page.waitForFunction(() => customElements.get('article-feedback') !== undefined);
      assert.equal(await page.locator('comment-list').getByText('Alan Turing', { exact: true }).count(), 1);
    } finally {
      server.close();
    }
  });
});
