import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../../src/components/article-rating/define.js';
import { ArticleRating } from '../../../src/components/article-rating/article-rating.js';
import { checked, FetchStub, feedbackText, focusedStar, group, stars, tabStops } from './helpers.js';

const API = 'https://comments.example/api';

let stub: FetchStub;
beforeEach(() => {
  localStorage.clear();
  stub = new FetchStub();
});
afterEach(() => stub.restore());

async function formWith(
  template = html`<form><article-rating name="rating" required endpoint=${API} thread="/t"></article-rating></form>`,
): Promise<{ form: HTMLFormElement; el: ArticleRating }> {
  const form = await fixture<HTMLFormElement>(template);
  const el = form.querySelector('article-rating')!;
  await el.updateComplete;
  return { form, el };
}

function isUserInvalid(el: Element): boolean {
  return el.matches(':state(user-invalid)');
}

describe('<article-rating> as a form field', () => {
  it('is accessible', async () => {
    const { el } = await formWith();
    await expect(el).to.be.accessible();
  });

  it('is form-associated and makes a plain form invalid while required and empty', async () => {
    const { form, el } = await formWith();
    expect(ArticleRating.formAssociated).to.equal(true);
    expect(el.form).to.equal(form);
    expect(el.standalone).to.equal(false);
    expect(group(el).getAttribute('aria-required')).to.equal('true');
    expect(form.checkValidity()).to.equal(false);
    expect(el.checkValidity()).to.equal(false);
    expect(el.validity.valueMissing).to.equal(true);
    expect(el.validationMessage).to.equal('Please rate this article.');
    expect(new FormData(form).has('rating')).to.equal(false);

    stars(el)[2]!.click();
    await el.updateComplete;
    expect(form.checkValidity()).to.equal(true);
    expect(el.validity.valid).to.equal(true);
    expect(new FormData(form).get('rating')).to.equal('3');
    // A form field never talks to the server, even with an endpoint.
    expect(stub.calls).to.deep.equal([]);
  });

  it('fires rating-change on a pick, not when code sets the value', async () => {
    const { el } = await formWith();
    let events = 0;
    el.addEventListener('rating-change', () => events++);
    el.value = 2;
    await el.updateComplete;
    expect(events).to.equal(0);
    expect(checked(el)).to.equal(2);
    const change = oneEvent(el, 'rating-change');
    stars(el)[4]!.click();
    expect((await change).detail).to.deep.equal({ value: 5 });
    expect(el.value).to.equal(5);
  });

  it('shows "touched and invalid" with :state(user-invalid) and the message, accessibly', async () => {
    const { form, el } = await formWith();
    expect(isUserInvalid(el)).to.equal(false);
    expect(feedbackText(el)).to.equal('');
    form.checkValidity(); // fires "invalid" at the field
    await el.updateComplete;
    expect(isUserInvalid(el)).to.equal(true);
    expect(feedbackText(el)).to.equal('Please rate this article.');
    expect(group(el).getAttribute('aria-invalid')).to.equal('true');
    expect(group(el).getAttribute('aria-describedby')).to.equal('feedback');
    await expect(el).to.be.accessible();

    stars(el)[0]!.click();
    await el.updateComplete;
    expect(isUserInvalid(el)).to.equal(false);
    expect(el.matches(':state(user-valid)')).to.equal(true);
    expect(feedbackText(el)).to.equal('');
  });

  it('becomes user-invalid when the reader tabs through without picking', async () => {
    const { el } = await formWith(
      html`<form><article-rating name="rating" required></article-rating><button>Send</button></form>`,
    );
    el.focus();
    expect(focusedStar(el)).to.equal(1);
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(isUserInvalid(el)).to.equal(true);
  });

  it('reportValidity() focuses the first star', async () => {
    const { el } = await formWith();
    expect(el.reportValidity()).to.equal(false);
    expect(focusedStar(el)).to.equal(1);
  });

  it('form.reset() returns to the value attribute (or none)', async () => {
    const { form, el } = await formWith(
      html`<form>
        <article-rating name="a" value="2"></article-rating>
        <article-rating name="b"></article-rating>
      </form>`,
    );
    const [a, b] = Array.from(form.querySelectorAll('article-rating'));
    await b!.updateComplete;
    expect(new FormData(form).get('a')).to.equal('2');
    stars(a!)[4]!.click();
    stars(b!)[3]!.click();
    await a!.updateComplete;
    await b!.updateComplete;
    expect(new FormData(form).get('a')).to.equal('5');
    expect(new FormData(form).get('b')).to.equal('4');
    form.reset();
    await a!.updateComplete;
    await b!.updateComplete;
    expect(a!.value).to.equal(2);
    expect(checked(a!)).to.equal(2);
    expect(b!.value).to.equal(0);
    expect(checked(b!)).to.equal(0);
    expect(new FormData(form).get('a')).to.equal('2');
    expect(new FormData(form).has('b')).to.equal(false);
    expect(el).to.equal(a);
  });

  it('a disabled <fieldset> disables it: no tab stop, no pick, not submitted, not validated', async () => {
    const { form, el } = await formWith(
      html`<form>
        <fieldset disabled><article-rating name="rating" required value="3"></article-rating></fieldset>
      </form>`,
    );
    await el.updateComplete;
    expect(tabStops(el)).to.deep.equal([]);
    expect(group(el).getAttribute('aria-disabled')).to.equal('true');
    stars(el)[0]!.click();
    await el.updateComplete;
    expect(el.value).to.equal(3);
    expect(new FormData(form).has('rating')).to.equal(false);
    expect(form.checkValidity()).to.equal(true);

    form.querySelector('fieldset')!.disabled = false;
    await el.updateComplete;
    expect(tabStops(el)).to.deep.equal([3]);
    expect(new FormData(form).get('rating')).to.equal('3');
  });

  it('keyboard: arrows pick at once, Home/End, Space and Enter pick the focused star', async () => {
    const { form, el } = await formWith();
    const changes: number[] = [];
    el.addEventListener('rating-change', (e) => changes.push(e.detail.value));
    el.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.value).to.equal(2);
    expect(focusedStar(el)).to.equal(2);
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(el.value).to.equal(5);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.value).to.equal(4);
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(el.value).to.equal(1);
    expect(new FormData(form).get('rating')).to.equal('1');
    expect(changes).to.deep.equal([2, 5, 4, 1]);
    expect(stub.calls).to.deep.equal([]);
  });

  it('Space picks the first star when nothing is picked', async () => {
    const { el } = await formWith();
    el.focus();
    const change = oneEvent(el, 'rating-change');
    await sendKeys({ press: 'Space' });
    expect((await change).detail).to.deep.equal({ value: 1 });
    expect(checked(el)).to.equal(1);
  });

  it('max="10" gives ten stars and picks up to 10', async () => {
    const { form, el } = await formWith(html`<form><article-rating name="score" max="10"></article-rating></form>`);
    expect(stars(el)).to.have.length(10);
    expect(stars(el)[6]!.getAttribute('aria-label')).to.equal('7 of 10 stars');
    el.focus();
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(el.value).to.equal(10);
    expect(new FormData(form).get('score')).to.equal('10');
    await expect(el).to.be.accessible();
  });

  it('inside <comment-form> it is a form field, not a standalone vote', async () => {
    const host = await fixture<HTMLElement>(
      html`<comment-form><article-rating name="rating" endpoint=${API} thread="/t"></article-rating></comment-form>`,
    );
    const el = host.querySelector('article-rating')!;
    await el.updateComplete;
    expect(el.standalone).to.equal(false);
    stars(el)[3]!.click();
    await el.updateComplete;
    expect(el.value).to.equal(4);
    expect(stub.calls).to.deep.equal([]);
    expect(el.shadowRoot!.querySelector('[part~="summary"]')).to.equal(null);
  });

  it('repeats the aria-describedby and aria-invalid an enclosing form puts on it inside its radio group', async () => {
    const { el } = await formWith(
      html`<form>
        <article-rating name="rating" aria-invalid="true" aria-describedby="rating-hint"></article-rating>
        <div id="rating-hint">Please rate this article.</div>
      </form>`,
    );
    const g = group(el);
    expect(g.getAttribute('aria-invalid')).to.equal('true');
    const ids = g.getAttribute('aria-describedby')!.split(' ');
    expect(ids.map((id) => el.shadowRoot!.getElementById(id)!.textContent)).to.deep.equal([
      'Please rate this article.',
    ]);
    await expect(el).to.be.accessible();
  });

  it('animates the stars only without prefers-reduced-motion', async () => {
    const el = await fixture<ArticleRating>(html`<article-rating></article-rating>`);
    const svg = () => getComputedStyle(stars(el)[0]!.querySelector('svg')!);
    try {
      await emulateMedia({ reducedMotion: 'no-preference' });
      expect(svg().transitionDuration).to.not.match(/^0s(, 0s)*$/);
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(svg().transitionDuration).to.match(/^0s(, 0s)*$/);
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('without an endpoint and outside a form it just holds a value', async () => {
    const el = await fixture<ArticleRating>(html`<article-rating value="3" readonly></article-rating>`);
    expect(el.standalone).to.equal(false);
    expect(checked(el)).to.equal(3);
    expect(stub.calls).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });
});
