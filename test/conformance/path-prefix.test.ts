/**
 * The README's worked example: a backend that answers the contract under another path prefix
 * (`/wp-json/feedback/v1`). Our app stands behind a real HTTP server that maps that prefix to
 * its `/api`; the kit passes against the prefixed base URL, and the widget's own client, given
 * the prefixed endpoint, sends exactly the URLs the README shows.
 */
import type { AddressInfo } from 'node:net';
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, type ServerType } from '@hono/node-server';
import { getCaptcha, postComment, putRating } from '../../src/client/api-actions.js';
import { getRating, listComments } from '../../src/client/api.js';
import { runConformance } from '../../conformance/run.js';
import { startTestServer, type TestServer } from '../server/helpers.js';

const PREFIX = '/wp-json/feedback/v1';

describe('a backend under another path prefix (endpoint with a path)', () => {
  let app: TestServer;
  let server: ServerType;
  let endpoint: string;
  const seen: string[] = [];

  before(async () => {
    app = await startTestServer();
    server = serve({
      hostname: '127.0.0.1',
      port: 0,
      fetch: (request: Request) => {
        const url = new URL(request.url);
        seen.push(`${request.method} ${url.pathname}${url.search}`);
        if (!url.pathname.startsWith(`${PREFIX}/`)) return new Response('not here', { status: 404 });
        return app.request(`/api${url.pathname.slice(PREFIX.length)}${url.search}`, request);
      },
    });
    await new Promise((resolve) => server.once('listening', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}${PREFIX}`;
  });

  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    await app.close();
  });

  it('the kit passes against the prefixed base URL', async () => {
    const report = await runConformance({ baseUrl: endpoint, only: ['comments.', 'rating.', 'captcha.'] });
    assert.deepEqual(
      report.results.filter((r) => r.outcome === 'fail'),
      [],
    );
    assert.ok(report.passed >= 10);
  });

  it('the widget client sends the README’s URLs under the prefix', async () => {
    const thread = '/2026/05/rivers-in-spring';
    seen.length = 0;
    const posted = await postComment(
      endpoint,
      thread,
      { name: 'Ada', email: 'ada@example.com', message: 'Hello.' },
      'key-12345678',
    );
    assert.equal(posted.status, 201);
    const page = await listComments(endpoint, thread, { limit: 20, sort: 'newest', cursor: null });
    assert.deepEqual(
      page.comments.map((c) => c.message),
      ['Hello.'],
    );
    await putRating(endpoint, thread, { value: 4, voter: 'voter-12345678' });
    assert.equal((await getRating(endpoint, thread)).count, 1);
    assert.deepEqual(await getCaptcha(endpoint), { provider: 'none' });
    assert.deepEqual(seen, [
      `POST ${PREFIX}/threads/%2F2026%2F05%2Frivers-in-spring/comments`,
      `GET ${PREFIX}/threads/%2F2026%2F05%2Frivers-in-spring/comments?limit=20&sort=newest`,
      `PUT ${PREFIX}/threads/%2F2026%2F05%2Frivers-in-spring/rating`,
      `GET ${PREFIX}/threads/%2F2026%2F05%2Frivers-in-spring/rating`,
      `GET ${PREFIX}/captcha`,
    ]);
  });
});
