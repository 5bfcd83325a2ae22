// Importing `<comment-count>`'s class module registers no tag (its define module does), and the
// define module is safe to import twice. Web Test Runner gives each test file its own page.
import { expect } from '@open-wc/testing';
import { CommentCount } from '../../../src/components/comment-count/comment-count.js';

describe('<comment-count> modules', () => {
  it('the class module registers nothing', () => {
    expect(Object.prototype.isPrototypeOf.call(HTMLElement.prototype, CommentCount.prototype)).to.equal(true);
    expect(customElements.get('comment-count')).to.equal(undefined);
  });

  it('the define module registers the tag once, and a second load does not throw', async () => {
    await import('../../../src/components/comment-count/define.js');
    expect(customElements.get('comment-count')).to.equal(CommentCount);
    const { defineElement } = await import('../../../src/components/shared/define.js');
    expect(() => defineElement('comment-count', class extends HTMLElement {})).not.to.throw();
    expect(customElements.get('comment-count')).to.equal(CommentCount);
  });
});
