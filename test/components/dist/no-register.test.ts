// Importing a class module (or the package's main entry) must register no tag: only the
// define modules do. Web Test Runner gives each test file its own page, so nothing else has
// registered anything here.
import { expect } from '@open-wc/testing';
import { ArticleFeedback } from '../../../src/components/article-feedback/article-feedback.js';
import { ArticleRating } from '../../../src/components/article-rating/article-rating.js';
import { CommentForm } from '../../../src/components/comment-form/comment-form.js';
import { CommentList } from '../../../src/components/comment-list/comment-list.js';
import * as main from '../../../src/index.js';

const TAGS = ['article-feedback', 'article-rating', 'comment-form', 'comment-list', 'af-captcha'];

describe('class modules', () => {
  it('export the element classes', () => {
    for (const cls of [ArticleFeedback, ArticleRating, CommentForm, CommentList]) {
      expect(Object.prototype.isPrototypeOf.call(HTMLElement.prototype, cls.prototype)).to.equal(true);
    }
    expect(main.ArticleFeedback).to.equal(ArticleFeedback);
    expect(main.CommentList).to.equal(CommentList);
  });

  it('register no custom element', () => {
    const registered = TAGS.filter((tag) => customElements.get(tag) !== undefined);
    expect(registered).to.deep.equal([]);
  });

  it('leave an element in the page un-upgraded', async () => {
    const el = document.createElement('comment-form');
    document.body.append(el);
    await new Promise((r) => setTimeout(r, 0));
    expect(el).not.to.be.instanceOf(CommentForm);
    expect(el.shadowRoot).to.equal(null);
    el.remove();
  });
});
