// Standalone, in a page that has not loaded the voting code yet: the first arrow, pressed in the
// same task as the focus, checks the next star at once (the radio group is the element's own);
// Enter then votes, which loads the voting code.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/article-rating/define.js';
import type { ArticleRating } from '../../../src/components/article-rating/article-rating.js';
import { json } from '../helpers/fetch-stub.js';
import { aggregate, checked, FetchStub, focusedStar, keydown, summaryText, voteLoaded } from './helpers.js';

let stub: FetchStub;
beforeEach(() => {
  localStorage.clear();
  stub = new FetchStub(aggregate([0, 0, 0, 0, 0]));
});
afterEach(() => stub.restore());

describe('<article-rating> standalone, before its voting code is loaded', () => {
  it('a first ArrowRight right after the focus checks the second star; Enter then votes for it', async () => {
    const el = await fixture<ArticleRating>(
      html`<article-rating endpoint="https://comments.example/api" thread="/first-key"></article-rating>`,
    );
    await waitUntil(() => summaryText(el) !== '', 'the aggregate loads');

    el.focus();
    expect(voteLoaded(), 'the voting code is not loaded yet').to.equal(false);
    expect(keydown(el, 'ArrowRight').defaultPrevented).to.equal(true);
    expect(focusedStar(el), 'the focus moved in the same task').to.equal(2);
    expect(keydown(el, 'Tab').defaultPrevented, 'other keys keep their default').to.equal(false);
    await el.updateComplete;
    expect(checked(el)).to.equal(2);
    expect(el.value, 'standalone, an arrow checks but does not vote').to.equal(0);
    expect(stub.puts).to.have.length(0);

    stub.putReplies.push(json(200, aggregate([0, 1, 0, 0, 0], 2)));
    const submitted = oneEvent(el, 'rating-submitted');
    await sendKeys({ press: 'Enter' });
    await submitted;
    expect(voteLoaded()).to.equal(true);
    expect(stub.puts.map((p) => (p.body as { value: number }).value)).to.deep.equal([2]);
    expect(el.value).to.equal(2);
  });
});
