/**
 * The tokens a post hands out are derived from SECRET (SPEC §6.3, server/edit-token.ts,
 * server/author-token.ts), so the derivation is part of the contract: a reader's edit token and
 * author token, and the address hashes in the database, must stay valid across an upgrade. The
 * server computes them through server/digest.ts (a KeyObject made once, #24); these tests pin
 * them to HMAC-SHA256 with the secret as UTF-8 text, as every earlier release computed them,
 * with a secret that is not ASCII.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { commentBody, startTestServer } from './helpers.js';

const SECRET = 'geheimnis-äöü-秘密-0123456789';

describe('tokens derived from SECRET', () => {
  it('the edit token and the author token are the HMACs earlier releases gave out', async () => {
    const s = await startTestServer({ secret: SECRET });
    try {
      const res = await s.send('POST', '/api/threads/derive/comments', commentBody({ email: 'Reader@Example.com ' }));
      assert.equal(res.status, 201);
      const answer = (await res.json()) as { comment: { id: string }; editToken: string; authorToken: string };
      const id = answer.comment.id;
      assert.equal(answer.editToken, createHmac('sha256', SECRET).update(`edit-token\n${id}`).digest('base64url'));
      const mac = createHmac('sha256', SECRET).update(`author-token\n${id}\nreader@example.com`).digest('base64url');
      assert.equal(answer.authorToken, `${id}.${mac}`);
    } finally {
      await s.close();
    }
  });

  it('a token computed the earlier way still edits the comment (its stored hash matches)', async () => {
    const s = await startTestServer({ secret: SECRET });
    try {
      const res = await s.send('POST', '/api/threads/derive/comments', commentBody({ message: 'First words.' }));
      const { comment } = (await res.json()) as { comment: { id: string } };
      const token = createHmac('sha256', SECRET).update(`edit-token\n${comment.id}`).digest('base64url');
      const edited = await s.send(
        'PATCH',
        `/api/threads/derive/comments/${comment.id}`,
        { message: 'Second words.' },
        { Authorization: `Bearer ${token}` },
      );
      assert.equal(edited.status, 200, await edited.clone().text());
      assert.equal((await s.store.getComment(comment.id))?.message, 'Second words.');
    } finally {
      await s.close();
    }
  });
});
