import '../../../src/components/comment-form/define.js';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ArticleRating } from '../../../src/components/article-rating/article-rating.js';
import type { CommentForm } from '../../../src/components/comment-form/comment-form.js';
import { json, restoreFetch, stubFetch } from '../helpers/fetch-stub.js';
import { clearStorage, comment, field, fill, makeForm, root, submit, until } from './helpers.js';

function rating(el: CommentForm): ArticleRating {
  return root(el).querySelector('article-rating') as ArticleRating;
}

function stars(el: CommentForm): HTMLElement[] {
  return [...rating(el).shadowRoot!.querySelectorAll<HTMLElement>('[role="radio"]')];
}

function ratingHint(el: CommentForm): string | null {
  const id = rating(el).getAttribute('aria-describedby');
  return id ? root(el).getElementById(id)!.textContent!.trim() : null;
}

describe('<comment-form with-rating>', () => {
  beforeEach(() => {
    clearStorage();
  });

  it("the form's define.ts registers <article-rating> with it", () => {
    expect(customElements.get('article-rating')).to.be.a('function');
  });

  afterEach(() => restoreFetch());

  it('is accessible with a rating field, scaled by rating-max', async () => {
    const el = await makeForm('with-rating rating-max="10"');
    await rating(el).updateComplete;
    await expect(el).to.be.accessible();
    expect(rating(el).getAttribute('name')).to.equal('rating');
    expect(stars(el)).to.have.length(10);
  });

  it('picking a star never clears what the reader typed, and the rating is sent with a voter id', async () => {
    const calls = stubFetch(json(201, { comment: comment({ rating: 4 }) }));
    const el = await makeForm('with-rating');
    await fill(el, { message: 'Words first' });
    const change = oneEvent(el, 'rating-change');
    stars(el)[3]!.click();
    expect(((await change) as CustomEvent<{ value: number }>).detail.value).to.equal(4);
    await el.updateComplete;
    expect(field(el, 'message').value).to.equal('Words first');
    expect(field(el, 'name').value).to.equal('Ada');
    expect(JSON.parse(localStorage.getItem('article-feedback:draft:t-1')!).rating).to.equal(4);
    await submit(el);
    expect(calls[0]!.body!.rating).to.equal(4);
    expect(calls[0]!.body!.voter).to.match(/^[A-Za-z0-9_-]{8,64}$/);
    // Cleared after the 2xx.
    expect(rating(el).value).to.equal(0);
  });

  it('rating-required blocks the submit with "Please rate this article." until a star is picked', async () => {
    const calls = stubFetch(json(201, { comment: comment() }));
    const el = await makeForm('with-rating rating-required');
    await fill(el);
    await submit(el);
    expect(calls).to.have.length(0);
    expect(ratingHint(el)).to.equal('Please rate this article.');
    expect(rating(el).getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    stars(el)[1]!.click();
    await until(() => ratingHint(el) === 'Looks good!');
    await submit(el);
    expect(calls).to.have.length(1);
    expect(calls[0]!.body!.rating).to.equal(2);
  });

  it('the rating is picked with the keyboard and restored from the draft', async () => {
    const el = await makeForm('with-rating');
    stars(el)[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await until(() => rating(el).value === 3);
    const again = await fixture<CommentForm>(
      html`<comment-form endpoint="https://api.test/api" thread="t-1" captcha="none" with-rating></comment-form>`,
    );
    expect(rating(again).value).to.equal(3);
  });

  it('a 422 on the rating shows inline under the stars', async () => {
    stubFetch(json(422, { error: 'validation', message: 'x', fields: { rating: 'rating.range' } }));
    const el = await makeForm('with-rating');
    await fill(el);
    stars(el)[4]!.click();
    await until(() => rating(el).value === 5);
    await submit(el);
    expect(ratingHint(el)).to.equal('Please pick between 1 and 5 stars.');
  });
});

describe('<comment-form> without with-rating', () => {
  beforeEach(() => clearStorage());
  afterEach(() => restoreFetch());

  it('has no rating field and sends no rating', async () => {
    const calls = stubFetch(json(201, { comment: comment() }));
    const el = await makeForm();
    expect(root(el).querySelector('article-rating')).to.equal(null);
    await fill(el);
    await submit(el);
    expect(calls[0]!.body).to.not.have.property('rating');
    expect(calls[0]!.body).to.not.have.property('voter');
  });
});
