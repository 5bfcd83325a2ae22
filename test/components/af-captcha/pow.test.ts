import { expect } from '@open-wc/testing';
import { encodePowPayload, powSearch, solvePow } from '../../../src/client/captcha/pow.js';
import { makeChallenge, sha256Hex } from './helpers.js';

describe('proof-of-work solver', () => {
  it('solves in a Blob Web Worker', async () => {
    const challenge = await makeChallenge(4321, 10000);
    const solution = await solvePow(challenge);
    expect(solution).to.include({ number: 4321, worker: true });
  });

  it('solves on the main thread as the fallback', async () => {
    const challenge = await makeChallenge(2500, 10000);
    const solution = await solvePow(challenge, { mainThread: true });
    expect(solution).to.include({ number: 2500, worker: false });
  });

  it('finds the same number as WebCrypto for salts that span several SHA-256 blocks', async () => {
    for (const length of [1, 40, 55, 56, 63, 64, 119, 130]) {
      const salt = 'x'.repeat(length);
      const n = 123;
      const found = await powSearch(salt, await sha256Hex(salt + n), 500, 100, () => false);
      expect(found, `salt of ${length} bytes`).to.equal(n);
    }
  });

  it('answers null when no number in range matches', async () => {
    const challenge = { ...(await makeChallenge(1, 50)), challenge: 'f'.repeat(64) };
    expect(await solvePow(challenge)).to.equal(null);
  });

  it('stops when aborted', async () => {
    const challenge = { ...(await makeChallenge(1, 10_000_000)), challenge: 'f'.repeat(64) };
    const abort = new AbortController();
    const pending = solvePow(challenge, { signal: abort.signal });
    setTimeout(() => abort.abort(), 50);
    let error: unknown;
    try {
      await pending;
    } catch (err) {
      error = err;
    }
    expect((error as DOMException).name).to.equal('AbortError');
  });

  it('encodes the ALTCHA payload as base64 JSON', async () => {
    const challenge = await makeChallenge(9);
    expect(JSON.parse(atob(encodePowPayload(challenge, 9)))).to.deep.equal({
      algorithm: 'SHA-256',
      challenge: challenge.challenge,
      number: 9,
      salt: challenge.salt,
      signature: challenge.signature,
    });
  });
});
