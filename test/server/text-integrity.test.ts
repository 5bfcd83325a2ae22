/**
 * Stored text is what was acknowledged (#20.5): lone surrogates are replaced by U+FFFD before
 * the length check, so the answer to the post, the listing and the stored row hold the same
 * string; names and messages that show nothing are refused; names cannot carry direction
 * overrides. The rules live in the contract schemas, which the widget checks with too.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as z from 'zod/mini';
import { messageSchema, nameSchema } from '../../src/contract/fields.js';
import { commentBody, startTestServer, type TestServer } from './helpers.js';

const T = '/api/threads/text/comments';

describe('stored text is what was acknowledged', () => {
  let s: TestServer;
  before(async () => {
    s = await startTestServer({ moderation: 'off' });
  });
  after(() => s.close());

  const listed = async () =>
    (
      (await (await s.request(`${T}?limit=100`)).json()) as {
        comments: { id: string; name: string; message: string }[];
      }
    ).comments;

  it('lone surrogates become U+FFFD before the length check: acknowledged = listed = stored', async () => {
    // JSON.stringify escapes a lone surrogate as \udXXX, as a buggy or hostile client would send it.
    const message =
      'broken \uD83D half, \uDE00 other half, whole \uD83D\uDE00'.padEnd(200, '.') + '\uDC00'.repeat(4800);
    const res = await s.send('POST', T, commentBody({ name: 'Half \uD800 pair', message }));
    assert.equal(res.status, 201);
    const { comment } = (await res.json()) as { comment: { id: string; name: string; message: string } };
    const expected = message.replace(
      /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      '\uFFFD',
    );
    assert.equal(comment.message, expected);
    assert.equal(comment.message.length, 5000);
    assert.equal(comment.name, 'Half \uFFFD pair');
    const shown = (await listed()).find((c) => c.id === comment.id);
    assert.deepEqual({ name: shown?.name, message: shown?.message }, { name: comment.name, message: comment.message });
    const stored = await s.store.getComment(comment.id);
    assert.deepEqual(
      { name: stored?.name, message: stored?.message },
      { name: comment.name, message: comment.message },
    );
  });

  it('a name or message that is empty once invisible characters are removed is refused (422, nothing stored)', async () => {
    const before = (await listed()).length;
    const invisibleName = await s.send('POST', T, commentBody({ name: '\u200B\u2060\u3164 \u00AD' }));
    assert.equal(invisibleName.status, 422);
    assert.deepEqual(((await invisibleName.json()) as { fields: unknown }).fields, { name: 'name.required' });
    const invisibleMessage = await s.send('POST', T, commentBody({ message: '\uFEFF\u200D\u2800\uFE0F' }));
    assert.equal(invisibleMessage.status, 422);
    assert.deepEqual(await invisibleMessage.json(), {
      error: 'validation',
      message: 'Please enter a message.',
      fields: { message: 'message.required' },
    });
    assert.equal((await listed()).length, before);
  });

  it('a name with a direction override or isolate is refused with name.control', async () => {
    for (const name of ['Ada \u202Eecalevol', '\u2066Ada\u2069', 'Ada \u202A']) {
      const res = await s.send('POST', T, commentBody({ name }));
      assert.equal(res.status, 422, JSON.stringify(name));
      assert.deepEqual(await res.json(), {
        error: 'validation',
        message: 'Please remove invisible control characters from your name.',
        fields: { name: 'name.control' },
      });
    }
    // Marks (not overrides) are fine: right-to-left names need them.
    assert.equal((await s.send('POST', T, commentBody({ name: 'שלום\u200F Ada' }))).status, 201);
  });

  it('the widget checks with the same schemas', () => {
    assert.equal(z.safeParse(nameSchema, '\u200B').error?.issues[0]?.message, 'name.required');
    assert.equal(z.safeParse(nameSchema, 'A\u202Eb').error?.issues[0]?.message, 'name.control');
    assert.equal(z.safeParse(messageSchema, '\u2060').error?.issues[0]?.message, 'message.required');
    assert.equal(z.safeParse(messageSchema, 'a\uDC00').data, 'a\uFFFD');
  });
});
