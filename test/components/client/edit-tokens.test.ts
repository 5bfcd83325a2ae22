// The edit tokens of the reader's own comments (#18, SPEC §6.3): kept per endpoint and comment,
// dropped after the edit window, after a delete, and never taken from a malformed store.
import { expect } from '@open-wc/testing';
import {
  EDIT_TOKENS_KEY,
  editTokenFor,
  forgetEditToken,
  pruneEditTokens,
  rememberEditToken,
} from '../../../src/client/edit-tokens.js';

const A = 'https://a.test/api';
const B = 'https://b.test/api';
const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();

describe('edit tokens', () => {
  beforeEach(() => localStorage.clear());

  it('keeps a token per endpoint and comment', () => {
    rememberEditToken(A, { id: 'c1', createdAt: at(1) }, 'token-a');
    rememberEditToken(B, { id: 'c1', createdAt: at(1) }, 'token-b');
    expect(editTokenFor(A, 'c1')).to.equal('token-a');
    expect(editTokenFor(B, 'c1')).to.equal('token-b');
    expect(editTokenFor(A, 'c2')).to.equal(undefined);
  });

  it('ignores an answer without a usable token', () => {
    rememberEditToken(A, { id: 'c1', createdAt: at(1) }, undefined);
    rememberEditToken(A, { id: 'c2', createdAt: at(1) }, 42);
    rememberEditToken(A, { id: 'c3', createdAt: at(1) }, 'x'.repeat(201));
    expect(localStorage.getItem(EDIT_TOKENS_KEY)).to.equal(null);
  });

  it('drops the tokens whose window has closed, and a deleted comment’s', () => {
    rememberEditToken(A, { id: 'old', createdAt: at(20) }, 'old-token');
    rememberEditToken(A, { id: 'new', createdAt: at(5) }, 'new-token');
    rememberEditToken(A, { id: 'gone', createdAt: at(1) }, 'gone-token');
    pruneEditTokens(15);
    expect(editTokenFor(A, 'old')).to.equal(undefined);
    expect(editTokenFor(A, 'new')).to.equal('new-token');
    forgetEditToken(A, 'gone');
    expect(editTokenFor(A, 'gone')).to.equal(undefined);
    pruneEditTokens(0);
    expect(localStorage.getItem(EDIT_TOKENS_KEY)).to.equal(null);
  });

  it('reads nothing from a malformed store', () => {
    localStorage.setItem(EDIT_TOKENS_KEY, '[1,2]');
    expect(editTokenFor(A, 'c1')).to.equal(undefined);
    localStorage.setItem(EDIT_TOKENS_KEY, JSON.stringify({ [`${A} c1`]: { token: 7, createdAt: at(1) } }));
    expect(editTokenFor(A, 'c1')).to.equal(undefined);
    localStorage.setItem(EDIT_TOKENS_KEY, '{not json');
    expect(editTokenFor(A, 'c1')).to.equal(undefined);
  });
});
