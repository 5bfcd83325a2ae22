/**
 * The theme tokens on the real elements, for Firefox and WebKit (web-test-runner.engines.config.mjs).
 * test/components/theme/tokens.test.ts switches prefers-color-scheme, which neither driver can
 * emulate; this suite checks what needs no emulation: the light and dark values, a page's
 * --af-* overrides reaching into the shadow roots, ::part() styling, and `auto` following the
 * scheme the engine reports.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/components/article-rating/define.js';
import '../../../src/components/comment-form/define.js';
import type { ArticleRating } from '../../../src/components/article-rating/article-rating.js';
import type { CommentForm } from '../../../src/components/comment-form/comment-form.js';

const LIGHT = { text: 'rgb(33, 37, 41)', accent: 'rgb(11, 94, 215)', canvas: 'rgba(0, 0, 0, 0)' };
const DARK = { text: 'rgb(222, 226, 230)', accent: 'rgb(110, 168, 254)', canvas: 'rgb(33, 37, 41)' };

function submitButton(form: CommentForm): HTMLButtonElement {
  return form.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!;
}

function starColor(rating: ArticleRating, n: number): string {
  return getComputedStyle(rating.shadowRoot!.querySelectorAll('[role="radio"]')[n - 1]!).color;
}

describe('theme tokens in this engine', () => {
  beforeEach(() => localStorage.clear());

  for (const [theme, colours] of [
    ['light', LIGHT],
    ['dark', DARK],
  ] as const) {
    it(`theme="${theme}": text, canvas and accent colours on <comment-form>`, async () => {
      const form = await fixture<CommentForm>(html`<comment-form theme=${theme} captcha="none"></comment-form>`);
      expect(getComputedStyle(form).color).to.equal(colours.text);
      expect(getComputedStyle(form).backgroundColor).to.equal(colours.canvas);
      expect(getComputedStyle(submitButton(form)).backgroundColor).to.equal(colours.accent);
      await expect(form).to.be.accessible();
    });
  }

  it('--af-* custom properties from the page reach into the shadow roots', async () => {
    const wrap = await fixture<HTMLDivElement>(
      html`<div style="--af-color-accent: rgb(139, 0, 0); --af-star-color: rgb(1, 2, 3)">
        <comment-form theme="light" captcha="none"></comment-form>
        <article-rating theme="dark" value="2"></article-rating>
      </div>`,
    );
    const form = wrap.querySelector<CommentForm>('comment-form')!;
    const rating = wrap.querySelector<ArticleRating>('article-rating')!;
    await rating.updateComplete;
    expect(getComputedStyle(submitButton(form)).backgroundColor).to.equal('rgb(139, 0, 0)');
    expect(starColor(rating, 1)).to.equal('rgb(1, 2, 3)');
    expect(starColor(rating, 3)).to.not.equal('rgb(1, 2, 3)');
  });

  it('auto (and no theme) follows the colour scheme the engine reports', async () => {
    const dark = matchMedia('(prefers-color-scheme: dark)').matches;
    const auto = await fixture<CommentForm>(html`<comment-form theme="auto" captcha="none"></comment-form>`);
    const none = await fixture<CommentForm>(html`<comment-form captcha="none"></comment-form>`);
    for (const form of [auto, none]) {
      expect(getComputedStyle(form).color).to.equal((dark ? DARK : LIGHT).text);
    }
  });

  it('the page styles the parts of the elements with ::part()', async () => {
    const style = document.createElement('style');
    style.textContent = `.themed::part(label) { color: rgb(0, 128, 0); }`;
    document.head.append(style);
    try {
      const rating = await fixture<ArticleRating>(html`<article-rating class="themed"></article-rating>`);
      const label = rating.shadowRoot!.querySelector('[part~="label"]')!;
      expect(getComputedStyle(label).color).to.equal('rgb(0, 128, 0)');
    } finally {
      style.remove();
    }
  });
});
