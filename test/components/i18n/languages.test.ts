import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { loadCatalogue, Translator } from '../../../src/i18n/index.js';
import { normalizeLocale } from '../../../src/i18n/locales.js';
import '../../../src/components/article-feedback/define.js';
import '../../../src/components/article-rating/define.js';
import type { ArticleRating } from '../../../src/components/article-rating/article-rating.js';
import { comment, makeList, page, shadow, text, until } from '../comment-list/helpers.js';
import { json, restoreFetch, routeFetch, stubFetch } from '../helpers/fetch-stub.js';
import * as form from '../comment-form/helpers.js';

/** The API as a block sees it: `comments` on the first page, no ratings, no captcha. */
function stubApi(comments: ReturnType<typeof comment>[] = []): void {
  routeFetch(({ path }) =>
    path.endsWith('/comments')
      ? page(comments)
      : json(
          200,
          path.endsWith('/rating')
            ? { average: 0, count: 0, max: 5, histogram: [0, 0, 0, 0, 0] }
            : path.endsWith('/captcha')
              ? { provider: 'none' }
              : {},
        ),
  );
}

/** An `<article-feedback>` inside a container with `lang` (and `dir`), once its language has arrived. */
async function block(lang: string, dir: 'ltr' | 'rtl', heading: string): Promise<HTMLElement> {
  const wrap = await fixture<HTMLDivElement>(html`<div></div>`);
  wrap.lang = lang;
  wrap.dir = dir;
  wrap.innerHTML = '<article-feedback endpoint="https://api.test/api" thread="t-1" captcha="none"></article-feedback>';
  const el = wrap.querySelector<HTMLElement>('article-feedback')!;
  await waitUntil(() => el.shadowRoot?.querySelector('h2')?.textContent?.includes(heading), `${lang} never arrived`);
  // The list comes after the form's first frame (#24), which the catalogue may beat.
  await waitUntil(
    () =>
      el.shadowRoot!.querySelector('comment-list')?.shadowRoot?.querySelector('section')?.getAttribute('aria-busy') ===
      'false',
  );
  return el;
}

describe('language matching, as browsers do it', () => {
  const cases: Record<string, string> = {
    'zh-TW': 'zh-Hant',
    'zh-HK': 'zh-Hant',
    'zh-MO': 'zh-Hant',
    'zh-Hant': 'zh-Hant',
    'zh-Hant-CN': 'zh-Hant',
    'zh-hant-hk': 'zh-Hant',
    zh_TW: 'zh-Hant',
    zh: 'zh-Hans',
    'zh-CN': 'zh-Hans',
    'zh-SG': 'zh-Hans',
    'zh-Hans': 'zh-Hans',
    'zh-Hans-HK': 'zh-Hans',
    'zh-Hans-TW': 'zh-Hans',
    nb: 'nb',
    'nb-NO': 'nb',
    no: 'nb',
    nn: 'nb',
    'nn-NO': 'nb',
    iw: 'he',
    'iw-IL': 'he',
    he: 'he',
    in: 'id',
    'id-ID': 'id',
    'ar-EG': 'ar',
    'fa-IR': 'fa',
    'pl-PL': 'pl',
    'ja-JP': 'ja',
    'ko-KR': 'ko',
    'pt-BR': 'pt',
    sw: 'en',
    tlh: 'en',
    'x-klingon': 'en',
    '': 'en',
  };
  for (const [tag, locale] of Object.entries(cases)) {
    it(`"${tag}" → ${locale}`, () => {
      expect(normalizeLocale(tag)).to.equal(locale);
    });
  }

  it('a block with an old or regional tag shows the matching catalogue', async () => {
    stubFetch(page([]));
    try {
      for (const [lang, words] of [
        ['zh-TW', '搶先發表第一則留言'],
        ['zh-SG', '快来发表第一条评论'],
        ['no', 'Skriv den første kommentaren'],
        ['iw', 'היו הראשונים להגיב'],
        ['in', 'Jadilah yang pertama berkomentar'],
      ] as const) {
        const el = await makeList({ lang });
        await until(() => text(shadow(el).querySelector('.empty')) === words, `${lang}: "${words}"`);
      }
    } finally {
      restoreFetch();
    }
  });
});

describe('Arabic comment counts', () => {
  afterEach(restoreFetch);

  // Intl decides the digits (Latin or Arabic-Indic, by region and browser); the words are ours.
  for (const lang of ['ar', 'ar-EG']) {
    const digits = new Intl.NumberFormat(lang);
    const expected: [number, string][] = [
      [1, 'تعليق واحد'],
      [2, 'تعليقان'],
      [3, `${digits.format(3)} تعليقات`],
      [11, `${digits.format(11)} تعليقًا`],
      [100, `${digits.format(100)} تعليق`],
    ];
    for (const [total, words] of expected) {
      it(`lang="${lang}", ${total} comments: "${words}"`, async () => {
        stubFetch(page([comment()], null, total));
        const el = await makeList({ lang });
        const count = await until(() => shadow(el).querySelector('.count'), 'the count');
        await until(() => text(count) === words, `"${words}", not "${text(count)}"`);
      });
    }

    it(`lang="${lang}", no comments: the invitation, and the zero form reads "لا توجد تعليقات"`, async () => {
      stubFetch(page([], null, 0));
      const el = await makeList({ lang });
      await until(() => text(shadow(el).querySelector('.empty')) === 'كن أول من يعلّق', 'the Arabic empty state');
      expect(shadow(el).querySelector('.count')).to.equal(null);
      const tr = new Translator(lang, await loadCatalogue('ar'));
      expect(tr.plural('list.count', 0)).to.equal('لا توجد تعليقات');
    });
  }

  it('dates are written by Intl for the page language', async () => {
    const createdAt = new Date(Date.now() - 3 * 3600_000).toISOString();
    stubFetch(page([comment({ createdAt })]));
    const el = await makeList({ lang: 'ar-EG' });
    const time = await until(() => shadow(el).querySelector('time'), 'a time');
    const full = new Intl.DateTimeFormat('ar-EG', { dateStyle: 'long', timeStyle: 'short' });
    await until(() => time.title === full.format(Date.parse(createdAt)), `title "${time.title}"`);
    expect(text(time)).to.equal(new Intl.RelativeTimeFormat('ar-EG', { numeric: 'auto' }).format(-3, 'hour'));
  });
});

describe('Hebrew, right to left', () => {
  afterEach(restoreFetch);

  it('the block is mirrored: heading text, stars, reply indentation and the form start on the right', async () => {
    const parent = comment({ name: 'דנה' });
    const reply = comment({ name: 'יואב', parent: parent.id });
    stubApi([parent, reply]);
    const el = await block('he', 'rtl', 'הוספת תגובה');
    const root = el.shadowRoot!;

    // The heading's text hugs the right edge of its box.
    const h2 = root.querySelector('h2')!;
    const range = document.createRange();
    range.selectNodeContents(h2);
    const words = range.getBoundingClientRect();
    const box = h2.getBoundingClientRect();
    expect(box.right - words.right, 'heading text at the right').to.be.below(2);
    expect(words.left - box.left, 'room on the left').to.be.above(20);

    // Star 1 is the rightmost.
    const rating = root.querySelector('article-rating')!;
    const stars = [...rating.shadowRoot!.querySelectorAll('[part~="star"]')].map((s) => s.getBoundingClientRect());
    expect(stars.length).to.equal(5);
    expect(stars[0]!.left, 'star 1 right of star 5').to.be.above(stars[4]!.left);

    // A reply is indented from the right, with its rule on the right.
    const list = root.querySelector('comment-list')!;
    const articles = await until(() => {
      const found = [...list.shadowRoot!.querySelectorAll<HTMLElement>('article[part="comment"]')];
      return found.length === 2 ? found : null;
    }, 'both comments');
    const [top, nested] = articles.map((a) => a.getBoundingClientRect());
    expect(top!.right - nested!.right, 'reply indented from the right').to.be.above(10);
    expect(Math.abs(top!.left - nested!.left), 'left edges line up').to.be.below(2);
    const replies = getComputedStyle(articles[1]!.closest('ol')!);
    expect(replies.borderRightWidth, 'the rule on the right').to.equal('2px');
    expect(replies.borderLeftWidth).to.equal('0px');

    // The form's labels start on the right, above their fields.
    const form = root.querySelector('comment-form')!;
    const label = form.shadowRoot!.querySelector('label')!;
    const field = form.shadowRoot!.querySelector<HTMLElement>('#' + label.htmlFor)!;
    const labelWords = document.createRange();
    labelWords.selectNodeContents(label);
    expect(field.getBoundingClientRect().right - labelWords.getBoundingClientRect().right).to.be.below(2);
  });

  it("a field's check mark and the room for it sit on the left; the hidden trap field adds no sideways scroll", async () => {
    stubFetch();
    const wrap = await fixture<HTMLDivElement>(html`<div lang="he" dir="rtl"></div>`);
    wrap.innerHTML = '<comment-form endpoint="https://api.test/api" thread="t-1" captcha="none"></comment-form>';
    const el = wrap.querySelector('comment-form')!;
    await waitUntil(() => form.root(el)?.textContent?.includes('פרסום תגובה'), 'Hebrew never arrived');
    await form.type(el, 'name', 'דנה');
    await form.leave(el, 'name');
    await form.leave(el, 'email');
    for (const name of ['name', 'email'] as const) {
      const style = getComputedStyle(form.field(el, name));
      expect(parseFloat(style.paddingLeft), `${name}: room for the icon on the left`).to.be.above(30);
      expect(parseFloat(style.paddingRight), `${name}: ordinary padding on the right`).to.be.below(16);
      // Left to right this reads "right 12px"; an offset from the left is serialised as a bare length.
      expect(style.backgroundPositionX, `${name}: the icon on the left`).to.match(/^(left )?[\d.]+px$/);
    }
    const trap = form.root(el).querySelector<HTMLElement>('.honeypot')!;
    expect(trap.getBoundingClientRect().width, 'the trap field takes no room').to.be.at.most(1);
    const page = document.scrollingElement!;
    expect(page.scrollWidth, 'no sideways scroll, block right to left').to.be.at.most(page.clientWidth);
    // …nor when the whole page runs right to left.
    document.documentElement.dir = 'rtl';
    try {
      expect(page.scrollWidth, 'no sideways scroll, page right to left').to.be.at.most(page.clientWidth);
    } finally {
      document.documentElement.removeAttribute('dir');
    }
  });

  it('the stars answer mirrored arrows: ArrowLeft raises, ArrowRight lowers', async () => {
    const form = await fixture<HTMLFormElement>(
      html`<form lang="he" dir="rtl"><article-rating name="rating"></article-rating></form>`,
    );
    const rating = form.querySelector<ArticleRating>('article-rating')!;
    const first = () => rating.shadowRoot!.querySelector<HTMLElement>('[role="radio"]')!;
    await waitUntil(() => first().getAttribute('aria-label')?.includes('מתוך'), 'Hebrew never arrived');
    first().focus();
    await sendKeys({ press: 'Enter' });
    await rating.updateComplete;
    expect(rating.value).to.equal(1);
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    await rating.updateComplete;
    expect(rating.value).to.equal(3);
    await sendKeys({ press: 'ArrowRight' });
    await rating.updateComplete;
    expect(rating.value).to.equal(2);
    expect(new FormData(form).get('rating')).to.equal('2');
  });
});

describe('accessibility in other scripts', () => {
  afterEach(restoreFetch);

  it('an Arabic block (right to left) passes axe', async () => {
    stubApi([comment({ name: 'ليلى', message: 'مقال ممتاز' })]);
    const el = await block('ar', 'rtl', 'أضف تعليقًا');
    await expect(el).to.be.accessible();
  });

  it('a Japanese block passes axe', async () => {
    stubApi([comment({ name: '山田', message: 'とても参考になりました' })]);
    const el = await block('ja', 'ltr', 'コメントを書く');
    await expect(el).to.be.accessible();
  });
});
