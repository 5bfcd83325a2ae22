// Standalone, in a page that has not loaded the interaction code yet (see first-interaction):
// the first arrow, pressed in the same task as the focus, checks the next star; Enter votes.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/article-rating/define.js';
import type { ArticleRating } from '../../../src/components/article-rating/article-rating.js';
import { aggregate, checked, FetchStub, focusedStar, interactLoaded, json, keydown, summaryText } from './helpers.js';

let stub: FetchStub;
beforeEach(() => {
  localStorage.clear();
  stub = new FetchStub(aggregate([0, 0, 0, 0, 0]));
});
afterEach(() => stub.restore());

describe('<article-rating> standalone, before its interaction code is loaded', () => {
  it('a first ArrowRight right after the focus checks the second star; Enter then votes for it', async () => {
    const el = await fixture<ArticleRating>(
      html`<article-rating endpoint="https://comments.example/api" thread="/first-key"></article-rating>`,
    );
    await waitUntil(() => summaryText(el) !== '', 'the aggregate loads');
    expect(interactLoaded(), 'the interaction code is not loaded yet').to.equal(false);

    el.focus();
    expect(keydown(el, 'ArrowRight').defaultPrevented).to.equal(true);
    await el.updateComplete;
    expect(interactLoaded()).to.equal(true);
    expect(checked(el)).to.equal(2);
    expect(focusedStar(el)).to.equal(2);
    expect(el.value).to.equal(0);
    expect(stub.puts).to.have.length(0);

    stub.putReplies.push(json(200, aggregate([0, 1, 0, 0, 0], 2)));
    const submitted = oneEvent(el, 'rating-submitted');
    await sendKeys({ press: 'Enter' });
    await submitted;
    expect(stub.puts.map((p) => (p.body as { value: number }).value)).to.deep.equal([2]);
  });
});
