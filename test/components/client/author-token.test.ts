import { expect } from '@open-wc/testing';
import { AUTHOR_TOKENS_KEY, authorTokenFor, rememberAuthorToken } from '../../../src/client/author-token.js';

describe('author tokens in the browser', () => {
  beforeEach(() => localStorage.clear());
  after(() => localStorage.clear());

  it('keeps the token answered for an email, found again whatever the case and spaces', () => {
    expect(authorTokenFor('ada@example.com')).to.equal(undefined);
    rememberAuthorToken('Ada@Example.com', 'abc123.signature');
    expect(authorTokenFor(' ada@example.COM ')).to.equal('abc123.signature');
    expect(authorTokenFor('grace@example.com')).to.equal(undefined);
    expect(JSON.parse(localStorage.getItem(AUTHOR_TOKENS_KEY) ?? 'null')).to.deep.equal({
      'ada@example.com': 'abc123.signature',
    });
  });

  it('a newer token replaces the older one; an answer without a token changes nothing', () => {
    rememberAuthorToken('ada@example.com', 'first.token');
    rememberAuthorToken('ada@example.com', 'second.token');
    rememberAuthorToken('ada@example.com', undefined);
    rememberAuthorToken('ada@example.com', 42);
    rememberAuthorToken('ada@example.com', 'x'.repeat(201));
    expect(authorTokenFor('ada@example.com')).to.equal('second.token');
  });

  it('keeps the five most recent emails', () => {
    for (let i = 1; i <= 7; i++) rememberAuthorToken(`reader${i}@example.com`, `token.${i}`);
    expect(authorTokenFor('reader1@example.com')).to.equal(undefined);
    expect(authorTokenFor('reader2@example.com')).to.equal(undefined);
    expect(authorTokenFor('reader3@example.com')).to.equal('token.3');
    expect(authorTokenFor('reader7@example.com')).to.equal('token.7');
  });

  it('survives storage that holds junk or throws', () => {
    localStorage.setItem(AUTHOR_TOKENS_KEY, '{not json');
    expect(authorTokenFor('ada@example.com')).to.equal(undefined);
    localStorage.setItem(AUTHOR_TOKENS_KEY, JSON.stringify({ 'ada@example.com': { nested: true } }));
    expect(authorTokenFor('ada@example.com')).to.equal(undefined);
    rememberAuthorToken('ada@example.com', 'fresh.token');
    expect(authorTokenFor('ada@example.com')).to.equal('fresh.token');
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      expect(() => rememberAuthorToken('grace@example.com', 'lost.token')).not.to.throw();
    } finally {
      Storage.prototype.setItem = setItem;
    }
    expect(authorTokenFor('grace@example.com')).to.equal(undefined);
  });
});
