import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../../src/components/article-feedback/define.js';
import '../../../src/components/article-rating/define.js';
import '../../../src/components/comment-form/define.js';
import '../../../src/components/comment-list/define.js';
import type { ArticleFeedback } from '../../../src/components/article-feedback/article-feedback.js';
import type { ArticleRating } from '../../../src/components/article-rating/article-rating.js';
import type { CommentForm } from '../../../src/components/comment-form/comment-form.js';
import type { PublicComment } from '../../../src/contract/schemas.js';
import { json, restoreFetch, routeFetch } from '../helpers/fetch-stub.js';

const API = 'https://api.test/api';

function comment(id: string, overrides: Partial<PublicComment> = {}): PublicComment {
  return {
    id,
    thread: 'theme-t',
    parent: null,
    name: 'Ada Lovelace',
    message: 'A clear and useful article, thank you.',
    rating: 4,
    createdAt: new Date(Date.now() - 3_600_000).toISOString(),
    status: 'published',
    ...overrides,
  };
}

/** A stand-in server: two comments (one a reply), a rating aggregate, no captcha. */
function stubServer(): void {
  routeFetch(({ path }) => {
    if (path.endsWith('/captcha')) return json(200, { provider: 'none' });
    if (path.endsWith('/rating')) return json(200, { average: 4.3, count: 12, max: 5, histogram: [0, 1, 1, 5, 5] });
    if (path.endsWith('/comments')) {
      return json(200, {
        comments: [comment('c1'), comment('c2', { parent: 'c1', name: 'Grace Hopper', rating: null })],
        nextCursor: null,
        total: 2,
      });
    }
    return json(404, { error: 'not_found', message: 'Not found' });
  });
}

/** Submits the empty form, then fixes the email: red errors and a green "Looks good!" show. */
async function showValidation(form: CommentForm): Promise<void> {
  const root = form.shadowRoot!;
  root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  // The form loads its checks on the first touch or submit (a dynamic import): wait for them.
  await import('../../../src/components/comment-form/lazy/checks.js');
  await form.updateComplete;
  const email = root.querySelector<HTMLInputElement>('[name="email"]')!;
  email.focus();
  await sendKeys({ type: 'reader@example.org' });
  await form.updateComplete;
  await waitUntil(() => root.textContent!.includes('Looks good!'), 'no valid feedback shown', { timeout: 5000 });
  await waitUntil(() => root.textContent!.includes('Please enter your name.'), 'no invalid feedback shown', {
    timeout: 5000,
  });
}

for (const theme of ['light', 'dark'] as const) {
  describe(`${theme} theme on the real elements`, () => {
    beforeEach(async () => {
      // Drafts and identity persist between fixtures; start each test as a new reader.
      localStorage.clear();
      sessionStorage.clear();
      stubServer();
      await emulateMedia({ colorScheme: theme });
    });
    afterEach(async () => {
      restoreFetch();
      await emulateMedia({ colorScheme: 'light' });
    });

    it('<comment-form> with errors and valid fields passes axe, colour contrast included', async () => {
      const form = await fixture<CommentForm>(
        html`<comment-form endpoint=${API} thread="theme-t" captcha="none" theme=${theme}></comment-form>`,
      );
      await showValidation(form);
      await expect(form).to.be.accessible();
    });

    it('<comment-form> with a rating field passes axe', async () => {
      const form = await fixture<CommentForm>(
        html`<comment-form endpoint=${API} thread="theme-t" captcha="none" with-rating theme=${theme}></comment-form>`,
      );
      await expect(form).to.be.accessible();
    });

    it('<article-feedback> with a rating and comments passes axe', async () => {
      const el = await fixture<ArticleFeedback>(
        html`<article-feedback endpoint=${API} thread="theme-t" captcha="none" theme=${theme}></article-feedback>`,
      );
      const list = el.shadowRoot!.querySelector('comment-list')!;
      await waitUntil(() => list.shadowRoot?.textContent?.includes('Grace Hopper'), 'comments never shown');
      await expect(el).to.be.accessible();
    });

    it('<article-feedback> hands the theme to its inner elements, which paint the palette', async () => {
      const el = await fixture<ArticleFeedback>(
        html`<article-feedback endpoint=${API} thread="theme-t" captcha="none" theme=${theme}></article-feedback>`,
      );
      const form = el.shadowRoot!.querySelector('comment-form')!;
      expect(form.getAttribute('theme')).to.equal(theme);
      const text = getComputedStyle(form).color;
      expect(text).to.equal(theme === 'dark' ? 'rgb(222, 226, 230)' : 'rgb(33, 37, 41)');
    });
  });
}

describe('the contrast check has teeth', () => {
  afterEach(() => {
    restoreFetch();
  });

  it('a pale --af-color-invalid override makes axe fail the form', async () => {
    localStorage.clear();
    sessionStorage.clear();
    stubServer();
    const form = await fixture<CommentForm>(
      html`<comment-form
        endpoint=${API}
        thread="theme-t"
        captcha="none"
        theme="light"
        style="--af-color-invalid: #ffb3b3"
      ></comment-form>`,
    );
    await showValidation(form);
    await expect(form).not.to.be.accessible();
  });
});

describe('auto theme follows the system', () => {
  afterEach(async () => {
    restoreFetch();
    await emulateMedia({ colorScheme: 'light' });
  });

  it('<article-feedback> without a theme is auto, and dark under a dark system passes axe', async () => {
    stubServer();
    await emulateMedia({ colorScheme: 'dark' });
    const el = await fixture<ArticleFeedback>(
      html`<article-feedback endpoint=${API} thread="theme-t" captcha="none"></article-feedback>`,
    );
    expect(el.getAttribute('theme')).to.equal('auto');
    expect(getComputedStyle(el).color).to.equal('rgb(222, 226, 230)');
    await emulateMedia({ colorScheme: 'light' });
    expect(getComputedStyle(el).color).to.equal('rgb(33, 37, 41)');
  });
});

describe('right-to-left', () => {
  it('the rating mirrors its arrow keys under dir="rtl": ArrowLeft increases', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form dir="rtl" lang="fr"><article-rating name="rating"></article-rating></form>`,
    );
    const rating = form.querySelector<ArticleRating>('article-rating')!;
    await rating.updateComplete;
    await expect(rating).to.be.accessible();
    rating.shadowRoot!.querySelector<HTMLElement>('[role="radio"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await rating.updateComplete;
    expect(rating.value).to.equal(1);
    await sendKeys({ press: 'ArrowLeft' });
    await rating.updateComplete;
    expect(rating.value).to.equal(2);
    await sendKeys({ press: 'ArrowLeft' });
    await rating.updateComplete;
    expect(rating.value).to.equal(3);
    await sendKeys({ press: 'ArrowRight' });
    await rating.updateComplete;
    expect(rating.value).to.equal(2);
    expect(new FormData(form).get('rating')).to.equal('2');
  });

  it('left-to-right keeps ArrowRight increasing', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><article-rating name="rating"></article-rating></form>`);
    const rating = form.querySelector<ArticleRating>('article-rating')!;
    await rating.updateComplete;
    rating.shadowRoot!.querySelector<HTMLElement>('[role="radio"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'ArrowRight' });
    await rating.updateComplete;
    expect(rating.value).to.equal(2);
  });

  it('the stars are laid out right to left', async () => {
    const el = await fixture<HTMLDivElement>(
      html`<div dir="rtl"><article-rating value="2" readonly></article-rating></div>`,
    );
    const rating = el.querySelector<ArticleRating>('article-rating')!;
    await rating.updateComplete;
    const stars = [...rating.shadowRoot!.querySelectorAll<HTMLElement>('[part~="star"]')];
    expect(stars.length).to.equal(5);
    const first = stars[0]!.getBoundingClientRect();
    const last = stars[4]!.getBoundingClientRect();
    expect(first.left, 'star 1 is rightmost').to.be.greaterThan(last.left);
  });

  it('<article-feedback> under dir="rtl" passes axe and lays its block right to left', async () => {
    stubServer();
    try {
      const wrap = await fixture<HTMLDivElement>(
        html`<div dir="rtl" lang="de">
          <article-feedback endpoint=${API} thread="theme-t" captcha="none"></article-feedback>
        </div>`,
      );
      const el = wrap.querySelector('article-feedback')!;
      await waitUntil(() => el.shadowRoot!.textContent!.includes('Kommentar schreiben'), 'German never arrived');
      const h2 = el.shadowRoot!.querySelector('h2')!;
      expect(getComputedStyle(h2).direction).to.equal('rtl');
      await expect(el).to.be.accessible();
    } finally {
      restoreFetch();
    }
  });
});
