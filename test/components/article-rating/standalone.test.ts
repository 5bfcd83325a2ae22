import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/article-rating/define.js';
import type { ArticleRating } from '../../../src/components/article-rating/article-rating.js';
import { ownVotes } from '../../../src/client/own-votes.js';
import { json } from '../helpers/fetch-stub.js';
import {
  aggregate,
  checked,
  deferred,
  FetchStub,
  feedbackText,
  focusedStar,
  group,
  stars,
  summaryText,
  tabStops,
} from './helpers.js';

const API = 'https://comments.example/api';
const THREAD = '/articles/rating-test';

let stub: FetchStub;

async function standalone(agg = aggregate([1, 0, 2, 3, 4])): Promise<ArticleRating> {
  stub.getReply = () => json(200, agg);
  const el = await fixture<ArticleRating>(html`<article-rating endpoint=${API} thread=${THREAD}></article-rating>`);
  await waitUntil(() => summaryText(el) !== '', 'the aggregate loads');
  return el;
}

beforeEach(() => {
  localStorage.clear();
  stub = new FetchStub();
});
afterEach(() => stub.restore());

describe('<article-rating> standalone', () => {
  it('is accessible', async () => {
    const el = await standalone();
    await expect(el).to.be.accessible();
  });

  it('tells screen readers that arrows choose and Enter votes (standalone only, not when read-only)', async () => {
    const el = await standalone();
    const describedBy = (g: Element) =>
      (g.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => el.shadowRoot!.getElementById(id)?.textContent?.trim() ?? '')
        .join(' | ');
    expect(describedBy(group(el))).to.contain('Use the arrow keys to choose, then press Enter to vote.');
    el.readonly = true;
    await el.updateComplete;
    expect(describedBy(group(el))).not.to.contain('press Enter to vote');
  });

  it('renders a labelled radio group of SVG stars named "N of 5 stars"', async () => {
    const el = await standalone();
    const g = group(el);
    const label = el.shadowRoot!.getElementById(g.getAttribute('aria-labelledby')!)!;
    expect(label.textContent).to.equal('Rating');
    expect(label.getAttribute('part')).to.equal('label');
    expect(stars(el)).to.have.length(5);
    expect(stars(el).map((s) => s.getAttribute('role'))).to.deep.equal(Array(5).fill('radio'));
    expect(stars(el).map((s) => s.getAttribute('aria-label'))).to.deep.equal([
      '1 of 5 stars',
      '2 of 5 stars',
      '3 of 5 stars',
      '4 of 5 stars',
      '5 of 5 stars',
    ]);
    expect(stars(el).every((s) => s.querySelector('svg'))).to.equal(true);
    expect(checked(el)).to.equal(0);
    expect(tabStops(el)).to.deep.equal([1]);
  });

  it('uses the label attribute as the visible label', async () => {
    stub.getReply = () => json(200, aggregate([0, 0, 0, 0, 0]));
    const el = await fixture<ArticleRating>(
      html`<article-rating endpoint=${API} thread=${THREAD} label="Rate this article:"></article-rating>`,
    );
    expect(el.shadowRoot!.querySelector('[part="label"]')!.textContent).to.equal('Rate this article:');
  });

  it('loads GET /threads/:thread/rating and shows "4.3 · 128 ratings"-style text with partial stars', async () => {
    // 128 votes: 4×1 + 6×2 + 10×3 + 36×4 + 72×5 = 550 → average 4.296875
    const el = await standalone(aggregate([4, 6, 10, 36, 72]));
    expect(stub.calls[0]).to.deep.include({
      method: 'GET',
      url: `${API}/threads/${encodeURIComponent(THREAD)}/rating`,
    });
    expect(summaryText(el)).to.equal('4.3 · 128 ratings');
    const fills = Array.from(el.shadowRoot!.querySelectorAll<HTMLElement>('.mini')).map((m) =>
      Number(m.style.getPropertyValue('--_fill')),
    );
    expect(fills.slice(0, 4)).to.deep.equal([1, 1, 1, 1]);
    expect(fills[4]).to.be.closeTo(0.296875, 1e-9);
    const partial = el.shadowRoot!.querySelectorAll<HTMLElement>('.mini .fill')[4]!;
    expect(partial.getBoundingClientRect().width).to.be.closeTo(
      el.shadowRoot!.querySelectorAll<HTMLElement>('.mini')[4]!.getBoundingClientRect().width * 0.296875,
      0.6,
    );
  });

  it('says "No ratings yet" when nobody voted, and "5.0 · 1 rating" for one vote', async () => {
    const empty = await standalone(aggregate([0, 0, 0, 0, 0]));
    expect(summaryText(empty)).to.equal('No ratings yet');
    const one = await standalone(aggregate([0, 0, 0, 0, 1]));
    expect(summaryText(one)).to.equal('5.0 · 1 rating');
  });

  it("formats the average in the reader's locale", async () => {
    stub.getReply = () => json(200, aggregate([0, 0, 1, 1, 0]));
    const el = await fixture<ArticleRating>(
      html`<article-rating lang="de" endpoint=${API} thread=${THREAD}></article-rating>`,
    );
    await waitUntil(() => /3,5/.test(summaryText(el)), 'German decimal comma');
  });

  it("adopts the server's scale", async () => {
    const el = await standalone(aggregate([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]));
    await el.updateComplete;
    expect(el.max).to.equal(10);
    expect(stars(el)).to.have.length(10);
    expect(stars(el)[9]!.getAttribute('aria-label')).to.equal('10 of 10 stars');
  });

  it('votes on click: optimistic aggregate, PUT with the voter id, events, thanks, remembered', async () => {
    const el = await standalone(aggregate([0, 0, 0, 1, 0]));
    expect(summaryText(el)).to.equal('4.0 · 1 rating');
    const answer = deferred<Response>();
    stub.putReplies.push(() => answer.promise);

    const change = oneEvent(el, 'rating-change');
    stars(el)[1]!.click();
    const changed = await change;
    expect(changed.detail).to.deep.equal({ value: 2 });
    expect(changed.bubbles && changed.composed).to.equal(true);
    // Before the server answers: the vote is shown and counted.
    expect(checked(el)).to.equal(2);
    expect(summaryText(el)).to.equal('3.0 · 2 ratings');
    expect(stub.puts).to.have.length(1);
    expect(stub.puts[0]!.url).to.equal(`${API}/threads/${encodeURIComponent(THREAD)}/rating`);
    const body = stub.puts[0]!.body as { value: number; voter: string };
    expect(body.value).to.equal(2);
    expect(body.voter).to.match(/^[A-Za-z0-9_-]{8,64}$/);

    const submitted = oneEvent(el, 'rating-submitted');
    answer.resolve(json(200, aggregate([0, 1, 0, 1, 0], 2)));
    const done = await submitted;
    expect(done.detail).to.deep.include({ count: 2, average: 3, max: 5, yours: 2 });
    await el.updateComplete;
    expect(feedbackText(el)).to.equal('Thanks for rating!');
    expect(el.shadowRoot!.querySelector('[part~="feedback"]')!.getAttribute('role')).to.equal('status');
    expect(ownVotes.get(THREAD)).to.equal(2);
    expect(el.value).to.equal(2);
  });

  it('a second vote replaces the first in the optimistic aggregate', async () => {
    const el = await standalone(aggregate([0, 0, 0, 1, 0]));
    stub.putReplies.push(json(200, aggregate([0, 0, 0, 1, 1], 5)));
    stars(el)[4]!.click();
    await oneEvent(el, 'rating-submitted');
    await el.updateComplete;
    expect(summaryText(el)).to.equal('4.5 · 2 ratings');

    const answer = deferred<Response>();
    stub.putReplies.push(() => answer.promise);
    stars(el)[0]!.click();
    await oneEvent(el, 'rating-change');
    expect(summaryText(el)).to.equal('2.5 · 2 ratings');
    answer.resolve(json(200, aggregate([1, 0, 0, 1, 0], 1)));
    await oneEvent(el, 'rating-submitted');
    expect(ownVotes.get(THREAD)).to.equal(1);
  });

  const failures: Array<[string, () => Response | Promise<Response>, string]> = [
    [
      '422',
      () => json(422, { error: 'validation', message: 'invalid', fields: { value: 'rating.range' } }),
      'Please pick between 1 and 5 stars.',
    ],
    [
      '429',
      () => json(429, { error: 'rate_limited', message: 'slow down' }, { 'Retry-After': '30' }),
      'Too many votes. Please try again in 30 seconds.',
    ],
    [
      '500',
      () => json(500, { error: 'internal', message: 'oops' }),
      'Your rating could not be saved. Please try again.',
    ],
    [
      'a network failure',
      () => Promise.reject(new TypeError('Failed to fetch')),
      'Your rating could not be saved. Please try again.',
    ],
  ];
  for (const [what, reply, message] of failures) {
    it(`rolls back and says so on ${what}`, async () => {
      ownVotes.set(THREAD, 4);
      const el = await standalone(aggregate([0, 0, 0, 1, 1]));
      expect(checked(el)).to.equal(4);
      expect(summaryText(el)).to.equal('4.5 · 2 ratings');
      let submitted = false;
      el.addEventListener('rating-submitted', () => (submitted = true));
      stub.putReplies.push(reply);
      stars(el)[0]!.click();
      await oneEvent(el, 'rating-change');
      expect(summaryText(el)).to.equal('3.0 · 2 ratings');
      await waitUntil(() => feedbackText(el) !== '', 'the refusal is shown');
      expect(feedbackText(el)).to.equal(message);
      const feedback = el.shadowRoot!.querySelector<HTMLElement>('[part~="feedback"]')!;
      expect(feedback.classList.contains('error')).to.equal(true);
      expect(feedback.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(checked(el)).to.equal(4);
      expect(el.value).to.equal(4);
      expect(summaryText(el)).to.equal('4.5 · 2 ratings');
      expect(ownVotes.get(THREAD)).to.equal(4);
      expect(submitted).to.equal(false);
    });
  }

  it('says "1 second" in the singular', async () => {
    const el = await standalone();
    stub.putReplies.push(json(429, { error: 'rate_limited', message: 'slow' }, { 'Retry-After': '1' }));
    stars(el)[2]!.click();
    await waitUntil(() => feedbackText(el) !== '');
    expect(feedbackText(el)).to.equal('Too many votes. Please try again in 1 second.');
  });

  it('shows the remembered vote after the element is created again', async () => {
    const first = await standalone(aggregate([0, 0, 0, 0, 0]));
    stub.putReplies.push(json(200, aggregate([0, 0, 1, 0, 0], 3)));
    stars(first)[2]!.click();
    await oneEvent(first, 'rating-submitted');
    first.remove();

    const again = await standalone(aggregate([0, 0, 1, 0, 0]));
    expect(again.value).to.equal(3);
    expect(checked(again)).to.equal(3);
    expect(tabStops(again)).to.deep.equal([3]);
    expect(summaryText(again)).to.equal('3.0 · 1 rating');
  });

  it('the server\'s "yours" wins over the remembered vote', async () => {
    ownVotes.set(THREAD, 5);
    const el = await standalone(aggregate([0, 1, 0, 0, 0], 2));
    await el.updateComplete;
    expect(checked(el)).to.equal(2);
    expect(ownVotes.get(THREAD)).to.equal(2);
  });

  it('hover previews the pick without voting', async () => {
    const el = await standalone();
    stars(el)[3]!.dispatchEvent(new PointerEvent('pointerenter'));
    await el.updateComplete;
    expect(stars(el).map((s) => s.classList.contains('on'))).to.deep.equal([true, true, true, true, false]);
    expect(checked(el)).to.equal(0);
    group(el).dispatchEvent(new PointerEvent('pointerleave'));
    await el.updateComplete;
    expect(stars(el).some((s) => s.classList.contains('on'))).to.equal(false);
    expect(stub.puts).to.have.length(0);
  });

  describe('keyboard', () => {
    it('one tab stop; arrows move and check without voting; Enter votes the checked star', async () => {
      const el = await standalone(aggregate([0, 0, 0, 0, 0]));
      const before = document.createElement('button');
      before.textContent = 'before';
      el.before(before);
      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(focusedStar(el)).to.equal(1);
      // Focus previews the first star but does not choose it.
      expect(stars(el)[0]!.classList.contains('preview')).to.equal(true);
      expect(checked(el)).to.equal(0);

      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      expect(focusedStar(el)).to.equal(4);
      expect(checked(el)).to.equal(4);
      expect(tabStops(el)).to.deep.equal([4]);
      expect(stub.puts).to.have.length(0);

      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(focusedStar(el)).to.equal(3);

      stub.putReplies.push(json(200, aggregate([0, 0, 1, 0, 0], 3)));
      const change = oneEvent(el, 'rating-change');
      const submitted = oneEvent(el, 'rating-submitted');
      await sendKeys({ press: 'Enter' });
      expect((await change).detail).to.deep.equal({ value: 3 });
      await submitted;
      expect(stub.puts.map((p) => (p.body as { value: number }).value)).to.deep.equal([3]);

      // Tab leaves the group at once: one tab stop.
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(null);
      before.remove();
    });

    it('Home/End jump to the ends; Space votes; arrows stop at the ends', async () => {
      const el = await standalone(aggregate([0, 0, 0, 0, 0]));
      el.focus();
      expect(focusedStar(el)).to.equal(1);
      await sendKeys({ press: 'ArrowLeft' });
      await el.updateComplete;
      expect(focusedStar(el)).to.equal(1);
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      expect(focusedStar(el)).to.equal(5);
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(focusedStar(el)).to.equal(5);
      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      expect(focusedStar(el)).to.equal(1);
      expect(checked(el)).to.equal(1);

      stub.putReplies.push(json(200, aggregate([1, 0, 0, 0, 0], 1)));
      const submitted = oneEvent(el, 'rating-submitted');
      await sendKeys({ press: 'Space' });
      await submitted;
      expect(stub.puts.map((p) => (p.body as { value: number }).value)).to.deep.equal([1]);
      expect(summaryText(el)).to.equal('1.0 · 1 rating');
    });

    it('a keyboard pick that is not voted is dropped when focus leaves', async () => {
      ownVotes.set(THREAD, 2);
      const el = await standalone(aggregate([0, 1, 0, 0, 0]));
      el.focus();
      expect(focusedStar(el)).to.equal(2);
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(checked(el)).to.equal(3);
      // The focused star itself: blur() on the host does not move focus out of its shadow root in Firefox.
      (el.shadowRoot!.activeElement as HTMLElement).blur();
      await el.updateComplete;
      expect(checked(el)).to.equal(2);
      expect(stub.puts).to.have.length(0);
    });

    it('swaps Left and Right in right-to-left text', async () => {
      stub.getReply = () => json(200, aggregate([0, 0, 0, 0, 0]));
      const wrapper = await fixture<HTMLElement>(
        html`<div dir="rtl"><article-rating endpoint=${API} thread=${THREAD}></article-rating></div>`,
      );
      const el = wrapper.querySelector('article-rating')!;
      await waitUntil(() => summaryText(el) !== '');
      el.focus();
      await sendKeys({ press: 'ArrowLeft' });
      await el.updateComplete;
      expect(focusedStar(el)).to.equal(2);
      expect(checked(el)).to.equal(2);
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(focusedStar(el)).to.equal(1);
      // Visually the first star sits at the right.
      const [first, second] = stars(el);
      expect(first!.getBoundingClientRect().left).to.be.greaterThan(second!.getBoundingClientRect().left);
    });
  });

  describe('readonly', () => {
    it('is accessible, focusable, says read-only and does not change', async () => {
      stub.getReply = () => json(200, aggregate([0, 0, 0, 1, 0]));
      const el = await fixture<ArticleRating>(
        html`<article-rating readonly value="4" endpoint=${API} thread=${THREAD}></article-rating>`,
      );
      await waitUntil(() => summaryText(el) !== '');
      await expect(el).to.be.accessible();
      expect(group(el).getAttribute('aria-readonly')).to.equal('true');
      expect(tabStops(el)).to.deep.equal([4]);
      el.focus();
      expect(focusedStar(el)).to.equal(4);
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'Home' });
      await sendKeys({ press: 'Enter' });
      stars(el)[0]!.click();
      await el.updateComplete;
      expect(checked(el)).to.equal(4);
      expect(el.value).to.equal(4);
      expect(stub.puts).to.have.length(0);
    });
  });

  describe('disabled', () => {
    it('has no tab stop and ignores clicks', async () => {
      stub.getReply = () => json(200, aggregate([0, 0, 0, 0, 0]));
      const el = await fixture<ArticleRating>(
        html`<article-rating disabled endpoint=${API} thread=${THREAD}></article-rating>`,
      );
      await waitUntil(() => summaryText(el) !== '');
      expect(tabStops(el)).to.deep.equal([]);
      expect(group(el).getAttribute('aria-disabled')).to.equal('true');
      stars(el)[2]!.click();
      await el.updateComplete;
      expect(checked(el)).to.equal(0);
      expect(stub.puts).to.have.length(0);
    });
  });
});
