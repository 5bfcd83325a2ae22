// The interaction code (hover, click, keys, the focus leaving) is an on-demand module. Each test
// file runs in a page of its own, and nothing in this one loads it before the test below: the
// reader's very first interaction must still work. A key pressed in the same task as the focus
// — before the module can possibly be there — has its default prevented at once and takes
// effect when the module arrives; updateComplete waits for it. (Standalone: first-key-standalone.)
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/article-rating/define.js';
import { checked, focusedStar, interactLoaded, keydown, stars } from './helpers.js';

describe('<article-rating> as a form field, before its interaction code is loaded', () => {
  it('a first ArrowRight right after the focus moves the pick; a first click picks', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form>
        <article-rating name="a"></article-rating>
        <article-rating name="b"></article-rating>
      </form>`,
    );
    const [a, b] = Array.from(form.querySelectorAll('article-rating'));
    await b!.updateComplete;
    expect(interactLoaded(), 'the interaction code is not loaded yet').to.equal(false);
    const changes: number[] = [];
    a!.addEventListener('rating-change', (e) => changes.push(e.detail.value));

    // All in one task: the module cannot have arrived.
    a!.focus();
    expect(keydown(a!, 'ArrowRight').defaultPrevented, 'the key does not scroll the page meanwhile').to.equal(true);
    keydown(a!, 'ArrowRight'); // also before the module: the keys run one after the other
    expect(keydown(a!, 'Tab').defaultPrevented, 'other keys keep their default').to.equal(false);
    stars(b!)[3]!.click();
    expect(a!.value).to.equal(0);

    await Promise.all([a!.updateComplete, b!.updateComplete]);
    expect(interactLoaded()).to.equal(true);
    expect(a!.value).to.equal(3);
    expect(checked(a!)).to.equal(3);
    expect(focusedStar(a!)).to.equal(3);
    expect(changes).to.deep.equal([2, 3]);
    expect(b!.value).to.equal(4);
    expect(new FormData(form).get('a')).to.equal('3');
    expect(new FormData(form).get('b')).to.equal('4');

    await sendKeys({ press: 'Home' });
    await a!.updateComplete;
    expect(a!.value).to.equal(1);
  });
});
