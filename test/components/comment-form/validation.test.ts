import '../../../src/components/comment-form/define.js';
import { expect, fixture, html } from '@open-wc/testing';
import type { CommentForm } from '../../../src/components/comment-form/comment-form.js';
import { hintStyles } from '../../../src/components/comment-form/hint.styles.js';
import { de } from '../../../src/i18n/lazy/de.js';
import { restoreFetch, stubFetch } from '../helpers/fetch-stub.js';
import {
  announcer,
  clearStorage,
  field,
  fill,
  hintOf,
  leave,
  makeForm,
  root,
  submit,
  type,
  until,
  visibleFeedback,
} from './helpers.js';

describe('<comment-form> validation', () => {
  beforeEach(() => clearStorage());
  afterEach(() => restoreFetch());

  it('is accessible in its initial state, with visible labels for every field', async () => {
    const el = await makeForm();
    await expect(el).to.be.accessible();
    const labels = [...root(el).querySelectorAll('label[part="label"]')].map((l) => l.textContent!.trim());
    expect(labels).to.deep.equal(['Email', 'Name', 'Message']);
    const email = field(el, 'email') as HTMLInputElement;
    expect(email.type).to.equal('email');
    expect(email.autocomplete).to.equal('email');
    expect((field(el, 'name') as HTMLInputElement).autocomplete).to.equal('name');
    expect(field(el, 'message').localName).to.equal('textarea');
    expect(root(el).querySelector('form')!.noValidate).to.equal(true);
  });

  it('shows nothing before the reader touches the form', async () => {
    const el = await makeForm();
    await type(el, 'email', 'not-an-email');
    expect(visibleFeedback(el)).to.deep.equal([]);
    expect(field(el, 'email').getAttribute('aria-invalid')).to.equal('false');
    expect(field(el, 'email').hasAttribute('aria-describedby')).to.equal(false);
  });

  it('leaving one field shows the hint of that field only', async () => {
    const el = await makeForm();
    await leave(el, 'name');
    expect(visibleFeedback(el)).to.deep.equal(['Please enter your name.']);
    expect(hintOf(el, 'name')!.textContent!.trim()).to.equal('Please enter your name.');
    expect(field(el, 'name').getAttribute('aria-invalid')).to.equal('true');
    expect(hintOf(el, 'email')).to.equal(null);
    expect(hintOf(el, 'message')).to.equal(null);
  });

  it('paints the hints: red or green field with its icon, hint text in the state colour (styles that come with the checks)', async () => {
    const el = await makeForm();
    const look = (n: Element) => getComputedStyle(n);
    el.style.setProperty('--af-transition', '0s'); // the border colour, without its transition
    // Before any hint, a field has no icon.
    expect(look(field(el, 'name')).backgroundImage).to.equal('none');
    await leave(el, 'name');
    await type(el, 'email', 'ada@example.com');
    await leave(el, 'email');
    const red = look(root(el).querySelector('.feedback.invalid')!).color;
    const green = look(root(el).querySelector('.feedback.valid')!).color;
    expect(red).to.equal('rgb(198, 42, 56)');
    expect(green).to.equal('rgb(21, 115, 71)');
    expect(look(hintOf(el, 'name')!).fontSize).to.equal(`${parseFloat(look(el).fontSize) * 0.875}px`);
    const name = look(field(el, 'name'));
    expect(name.borderTopColor).to.equal(red);
    expect(name.backgroundImage).to.contain('data:image/svg+xml');
    expect(name.backgroundImage).to.contain('c62a38');
    expect(name.paddingRight).to.equal(`${parseFloat(getComputedStyle(document.documentElement).fontSize) * 2.25}px`);
    const email = look(field(el, 'email'));
    expect(email.borderTopColor).to.equal(green);
    expect(email.backgroundImage).to.contain('157347');
    expect(email.backgroundRepeat).to.equal('no-repeat');
    // Forced colours (Windows High Contrast): no icons, whose colours would not follow. The runner
    // cannot emulate forced colours in Chromium, so the hints' sheet comes with its condition false.
    // (Other on-demand modules, e.g. the formatting help of #18, add sheets of their own.)
    const sheets = [...root(el).adoptedStyleSheets];
    const hints = hintStyles.styleSheet!;
    expect(sheets.includes(hints), "the hints' sheet").to.equal(true);
    const forced = new CSSStyleSheet();
    forced.replaceSync([...hints.cssRules].map((r) => r.cssText.replace('(forced-colors: none)', 'not all')).join(''));
    root(el).adoptedStyleSheets = sheets.map((sheet) => (sheet === hints ? forced : sheet));
    expect(look(field(el, 'name')).backgroundImage).to.equal('none');
    expect(look(field(el, 'email')).backgroundImage).to.equal('none');
    root(el).adoptedStyleSheets = sheets;
    expect(look(field(el, 'name')).backgroundImage).to.contain('c62a38');
    // Adopted once, however often the form renders. (Only duplicates are counted: the formatting
    // help, loaded on the first touch, may add its own sheet at any moment, later in Firefox.)
    await type(el, 'name', 'Ada');
    await type(el, 'name', 'Ada L');
    const after = root(el).adoptedStyleSheets;
    expect(after.filter((sheet) => sheet === hints)).to.have.length(1);
    expect(new Set(after).size).to.equal(after.length);
  });

  it("adds the hints' looks to the sheets the form already has (another on-demand module's may come first)", async () => {
    const el = await makeForm();
    // As the formatting help's sheet does when its module arrives before the checks.
    const earlier = new CSSStyleSheet();
    root(el).adoptedStyleSheets = [...root(el).adoptedStyleSheets, earlier];
    await leave(el, 'name');
    expect(hintOf(el, 'name')!.textContent!.trim()).to.equal('Please enter your name.');
    // Booleans: chai describing a list of style sheets in its failure message stalls the browser.
    const sheets = root(el).adoptedStyleSheets;
    expect(sheets.includes(hintStyles.styleSheet!), "the hints' sheet").to.equal(true);
    expect(sheets.includes(earlier), 'the sheet adopted before').to.equal(true);
  });

  it('says each error in the SPEC wording and "Looks good!" once fixed, live as the reader types', async () => {
    const el = await makeForm();
    await leave(el, 'email');
    expect(hintOf(el, 'email')!.textContent!.trim()).to.equal('Please enter email address.');
    await type(el, 'email', 'ada@');
    expect(hintOf(el, 'email')!.textContent!.trim()).to.equal('Please enter a valid email address.');
    expect(hintOf(el, 'email')!.classList.contains('invalid')).to.equal(true);
    await type(el, 'email', 'ada@example.com');
    expect(hintOf(el, 'email')!.textContent!.trim()).to.equal('Looks good!');
    expect(hintOf(el, 'email')!.classList.contains('valid')).to.equal(true);
    expect(field(el, 'email').getAttribute('aria-invalid')).to.equal('false');

    await leave(el, 'name');
    expect(hintOf(el, 'name')!.textContent!.trim()).to.equal('Please enter your name.');
    await type(el, 'name', '   ');
    expect(hintOf(el, 'name')!.textContent!.trim()).to.equal('Please enter your name.');
    await type(el, 'name', 'Ada');
    expect(hintOf(el, 'name')!.textContent!.trim()).to.equal('Looks good!');
    await type(el, 'name', 'x'.repeat(81));
    expect(hintOf(el, 'name')!.textContent!.trim()).to.equal('Please use at most 80 characters for your name.');

    await leave(el, 'message');
    expect(hintOf(el, 'message')!.textContent!.trim()).to.equal('Please enter a message.');
    await type(el, 'message', 'Nice article');
    expect(hintOf(el, 'message')!.textContent!.trim()).to.equal('Looks good!');
  });

  it('the error colour and the valid colour differ (red and green borders)', async () => {
    const el = await makeForm();
    await type(el, 'email', 'ada@example.com');
    await leave(el, 'email');
    await leave(el, 'name');
    await new Promise((r) => setTimeout(r, 300)); // border colours transition for 0.15s
    const valid = getComputedStyle(field(el, 'email')).borderTopColor;
    const invalid = getComputedStyle(field(el, 'name')).borderTopColor;
    expect(valid).to.equal('rgb(21, 115, 71)');
    expect(invalid).to.equal('rgb(198, 42, 56)');
  });

  it('a failed submit shows every hint, focuses the first invalid field and announces the count', async () => {
    const calls = stubFetch();
    const el = await makeForm();
    await type(el, 'name', 'Ada');
    await submit(el);
    expect(calls).to.have.length(0);
    expect(hintOf(el, 'email')!.textContent!.trim()).to.equal('Please enter email address.');
    expect(hintOf(el, 'name')!.textContent!.trim()).to.equal('Looks good!');
    expect(hintOf(el, 'message')!.textContent!.trim()).to.equal('Please enter a message.');
    expect(root(el).activeElement).to.equal(field(el, 'email'));
    await until(() => announcer(el).textContent!.trim() !== '');
    expect(announcer(el).textContent!.trim()).to.equal('2 fields need your attention.');
    expect(announcer(el).getAttribute('aria-live')).to.equal('polite');
    await expect(el).to.be.accessible();
  });

  it('one invalid field is announced in the singular', async () => {
    stubFetch();
    const el = await makeForm();
    await fill(el, { message: '' });
    await submit(el);
    expect(root(el).activeElement).to.equal(field(el, 'message'));
    await until(() => announcer(el).textContent!.trim() !== '');
    expect(announcer(el).textContent!.trim()).to.equal('1 field needs your attention.');
  });

  it('shows a live character count near the limit and refuses an over-long message', async () => {
    const el = await makeForm();
    await type(el, 'message', 'a'.repeat(100));
    expect(root(el).querySelector('.count')).to.equal(null);
    await type(el, 'message', 'a'.repeat(4500));
    const count = root(el).querySelector('.count')!;
    expect(count.textContent!.trim()).to.equal('500 characters left');
    expect(field(el, 'message').getAttribute('aria-describedby')).to.contain(count.id);
    await type(el, 'message', 'a'.repeat(4999));
    expect(root(el).querySelector('.count')!.textContent!.trim()).to.equal('1 character left');
    await until(() => announcer(el).textContent!.trim() === '1 character left');
    await type(el, 'message', 'a'.repeat(5001));
    await leave(el, 'message');
    expect(hintOf(el, 'message')!.textContent!.trim()).to.equal(
      'Please shorten your message to at most 5,000 characters.',
    );
  });

  it('has a honeypot field named website that readers never reach', async () => {
    const el = await makeForm();
    const trap = root(el).querySelector<HTMLInputElement>('input[name="website"]')!;
    expect(trap.tabIndex).to.equal(-1);
    expect(trap.autocomplete).to.equal('off');
    expect(trap.closest('[aria-hidden="true"]')).to.not.equal(null);
    // Clipped to nothing, not pushed off-screen (an offset made right-to-left pages scroll sideways).
    const holder = trap.closest<HTMLElement>('.honeypot')!;
    expect(holder.getBoundingClientRect().width).to.be.at.most(1);
    expect(getComputedStyle(holder).clipPath).to.equal('inset(50%)');
  });

  // #24: each font the first frame uses is one more look-up (a synchronous round trip) before it.
  it('uses no font of its own in its first frame: every field and label in the page font', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="font: 17px Georgia, serif"></div>`);
    wrapper.innerHTML = '<comment-form endpoint="https://api.test/api" thread="t-1" captcha="none"></comment-form>';
    const el = wrapper.querySelector('comment-form')!;
    await new Promise(requestAnimationFrame);
    const families = [...root(el).querySelectorAll('label, input, textarea, button')].map(
      (node) => `${node.localName}${node.id ? '#' + node.id : ''}: ${getComputedStyle(node).fontFamily}`,
    );
    expect(families.filter((f) => !f.endsWith(': Georgia, serif'))).to.deep.equal([]);
  });

  it('speaks the language of the nearest lang, and follows a change of its own lang', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="de">
        <comment-form endpoint="https://api.test/api" thread="t-1" captcha="none"></comment-form>
      </div>`,
    );
    const el = wrapper.querySelector('comment-form') as CommentForm;
    const button = () => root(el).querySelector('button[type="submit"]')!.textContent!.trim();
    await until(() => button() === de['form.submit']);
    await leave(el, 'name');
    expect(hintOf(el, 'name')!.textContent!.trim()).to.equal(de['name.required']);
    el.setAttribute('lang', 'en');
    await until(() => button() === 'Post comment');
    expect(hintOf(el, 'name')!.textContent!.trim()).to.equal('Please enter your name.');
  });

  it('fits a 320px wide column, with hints shown', async () => {
    const el = await makeForm();
    el.parentElement!.style.width = '320px';
    await leave(el, 'email');
    await leave(el, 'message');
    const form = root(el).querySelector('form')!;
    expect(form.scrollWidth).to.be.at.most(320);
    for (const control of root(el).querySelectorAll<HTMLElement>('.control, button')) {
      expect(control.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right + 0.5);
    }
  });

  it('uses messages overrides and the parent attribute for replies', async () => {
    const el = await makeForm('parent="c9"');
    expect(root(el).querySelector('button[type="submit"]')!.textContent!.trim()).to.equal('Post reply');
    el.messages = { 'form.reply': 'Answer', 'name.required': 'Who are you?' };
    await el.updateComplete;
    expect(root(el).querySelector('button[type="submit"]')!.textContent!.trim()).to.equal('Answer');
    await leave(el, 'name');
    expect(hintOf(el, 'name')!.textContent!.trim()).to.equal('Who are you?');
  });
});
