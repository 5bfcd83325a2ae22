// A star behaves like a native radio button: a click or a key updates the value, the validity
// and the form value before the event is over — no wait for a module or a render. Each check
// runs in the same task as the click or the key (a key is read in a `keydown` listener on the
// form, which runs after the element's own).
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/article-rating/define.js';
import type { ArticleRating } from '../../../src/components/article-rating/article-rating.js';
import { checked, focusedStar, keydown, stars } from './helpers.js';

async function requiredRating(): Promise<{ form: HTMLFormElement; el: ArticleRating }> {
  const form = await fixture<HTMLFormElement>(
    html`<form><article-rating name="rating" required></article-rating><input name="other" /></form>`,
  );
  const el = form.querySelector('article-rating')!;
  await el.updateComplete;
  return { form, el };
}

interface Seen {
  value: number;
  valid: boolean;
  formValue: FormDataEntryValue | null;
}

/** What a listener on the form sees while the key's event is still being dispatched. */
function seenDuringKeydown(form: HTMLFormElement, el: ArticleRating): Seen[] {
  const seen: Seen[] = [];
  form.addEventListener('keydown', () =>
    seen.push({ value: el.value, valid: form.checkValidity(), formValue: new FormData(form).get('rating') }),
  );
  return seen;
}

describe('<article-rating> updates value, validity and form value synchronously', () => {
  it('is accessible', async () => {
    const { el } = await requiredRating();
    await expect(el).to.be.accessible();
  });

  it('a click on a star: checkValidity() and FormData in the same task', async () => {
    const { form, el } = await requiredRating();
    expect(form.checkValidity()).to.equal(false);
    stars(el)[2]!.click();
    expect(el.value).to.equal(3);
    expect(form.checkValidity()).to.equal(true);
    expect(el.validity.valid).to.equal(true);
    expect(new FormData(form).get('rating')).to.equal('3');
  });

  it('ArrowRight by keyboard: picked during the keydown itself', async () => {
    const { form, el } = await requiredRating();
    const seen = seenDuringKeydown(form, el);
    el.focus();
    await sendKeys({ press: 'ArrowRight' });
    // From the first star (the tab stop while nothing is picked) to the second.
    expect(seen).to.deep.equal([{ value: 2, valid: true, formValue: '2' }]);
  });

  it('Space by keyboard: picks the focused star during the keydown itself', async () => {
    const { form, el } = await requiredRating();
    const seen = seenDuringKeydown(form, el);
    el.focus();
    await sendKeys({ press: 'Space' });
    expect(seen).to.deep.equal([{ value: 1, valid: true, formValue: '1' }]);
  });

  it('keys pressed in the task of the focus pick in order; a click on another rating picks there', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <article-rating name="a"></article-rating>
        <article-rating name="b"></article-rating>
      </form>`,
    );
    const [a, b] = Array.from(form.querySelectorAll('article-rating'));
    await b!.updateComplete;
    const changes: number[] = [];
    a!.addEventListener('rating-change', (e) => changes.push(e.detail.value));

    a!.focus();
    expect(keydown(a!, 'ArrowRight').defaultPrevented, 'the key does not scroll the page').to.equal(true);
    keydown(a!, 'ArrowRight');
    expect(keydown(a!, 'Tab').defaultPrevented, 'other keys keep their default').to.equal(false);
    stars(b!)[3]!.click();
    expect(a!.value).to.equal(3);
    expect(focusedStar(a!)).to.equal(3);
    expect(b!.value).to.equal(4);
    expect(new FormData(form).get('a')).to.equal('3');
    expect(new FormData(form).get('b')).to.equal('4');

    await Promise.all([a!.updateComplete, b!.updateComplete]);
    expect(checked(a!)).to.equal(3);
    expect(changes).to.deep.equal([2, 3]);

    await sendKeys({ press: 'Home' });
    expect(a!.value).to.equal(1);
  });

  it('a key that picks nothing leaves the field invalid and empty', async () => {
    const { form, el } = await requiredRating();
    const seen = seenDuringKeydown(form, el);
    el.focus();
    await sendKeys({ press: 'a' });
    expect(seen).to.deep.equal([{ value: 0, valid: false, formValue: null }]);
  });
});
