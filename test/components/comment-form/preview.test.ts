// The form's Preview and "Formatting help" (#18): offered after the first touch, the preview
// shows the message through the server's parser and the list's renderer (loaded only when
// pressed), and hostile Markdown stays inert in it.
import '../../../src/components/comment-form/define.js';
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CommentForm } from '../../../src/components/comment-form/comment-form.js';
import { restoreFetch, stubFetch, json } from '../helpers/fetch-stub.js';
import { clearStorage, comment, makeForm, root, type, until } from './helpers.js';

const previewButton = (el: CommentForm) => root(el).querySelector<HTMLButtonElement>('button[aria-pressed]');
const previewBox = (el: CommentForm) => root(el).querySelector<HTMLElement>('#preview');
const help = (el: CommentForm) => root(el).querySelector<HTMLDetailsElement>('details');
const parserFetched = () => performance.getEntriesByType('resource').some((e) => /markdown\/to-body\./.test(e.name));

async function touched(message = ''): Promise<CommentForm> {
  const el = await makeForm();
  await type(el, 'message', message);
  await until(() => !!previewButton(el));
  return el;
}

describe('<comment-form> preview and formatting help', () => {
  beforeEach(() => clearStorage());
  afterEach(() => restoreFetch());

  // First in this file (each file has its own page): the parser is fetched only on demand.
  it('offers Preview and the help after the first touch, and loads the parser only when pressed', async () => {
    stubFetch(json(201, { comment: comment() }));
    const el = await makeForm();
    expect(previewButton(el), 'nothing before the first touch').to.equal(null);
    await type(el, 'message', '**bold**');
    await until(() => !!previewButton(el));
    const button = previewButton(el)!;
    expect(button.textContent!.trim()).to.equal('Preview');
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(button.type).to.equal('button');
    expect(help(el)!.querySelector('summary')!.textContent!.trim()).to.equal('Formatting help');
    expect(previewBox(el)!.hidden).to.equal(true);
    await new Promise((r) => setTimeout(r, 100));
    expect(parserFetched(), 'the parser before Preview').to.equal(false);
    button.click();
    await until(() => !!previewBox(el)?.querySelector('strong'));
    expect(parserFetched()).to.equal(true);
  });

  it('is accessible with the preview shown and the help open', async () => {
    const el = await touched('Some *words* and a [link](https://example.com)');
    previewButton(el)!.click();
    await until(() => !!previewBox(el)?.querySelector('em'));
    help(el)!.open = true;
    await until(() => !!help(el)!.querySelector('li strong'));
    await expect(el).to.be.accessible();
  });

  it('toggles by keyboard with aria-pressed, and shows the message as it will be listed, as it is typed', async () => {
    const el = await touched('> quoted\n\n- one\n- two\n\n`code` and **bold**');
    const button = previewButton(el)!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => button.getAttribute('aria-pressed') === 'true');
    await until(() => !!previewBox(el)?.querySelector('blockquote'));
    const box = previewBox(el)!;
    expect(box.hidden).to.equal(false);
    expect(box.getAttribute('role')).to.equal('region');
    expect(box.getAttribute('aria-label')).to.equal('Preview');
    expect(button.getAttribute('aria-controls')).to.equal('preview');
    expect(box.querySelector('blockquote')!.textContent!.trim()).to.equal('quoted');
    expect([...box.querySelectorAll('ul > li')].map((li) => li.textContent!.trim())).to.deep.equal(['one', 'two']);
    expect(box.querySelector('code')!.textContent).to.equal('code');
    expect(box.querySelector('strong')!.textContent).to.equal('bold');
    // Typing on updates it.
    await type(el, 'message', 'now _emphasis_');
    await until(() => previewBox(el)!.querySelector('em')?.textContent === 'emphasis');
    expect(previewBox(el)!.querySelector('blockquote')).to.equal(null);
    // Space on the pressed button hides it again; the message is untouched.
    button.focus();
    await sendKeys({ press: 'Space' });
    await until(() => button.getAttribute('aria-pressed') === 'false');
    expect(previewBox(el)!.hidden).to.equal(true);
    expect(root(el).querySelector<HTMLTextAreaElement>('[name="message"]')!.value).to.equal('now _emphasis_');
  });

  it('says so when there is nothing to preview', async () => {
    const el = await touched('');
    previewButton(el)!.click();
    await until(() => previewBox(el)!.textContent!.trim() === 'Nothing to preview yet.');
  });

  it('keeps hostile Markdown inert in the preview', async () => {
    const el = await touched(
      '[x](javascript:alert(1)) [y](JaVaScRiPt:alert(1)) [z](data:text/html,hi) [v](vbscript:x)\n\n<script>window.__xss = 1</script> <img src=x onerror="window.__xss=1">',
    );
    previewButton(el)!.click();
    await until(() => !!previewBox(el)?.querySelector('p'));
    const box = previewBox(el)!;
    expect(box.querySelectorAll('a, script, img')).to.have.length(0);
    expect(box.textContent).to.include('[x](javascript:alert(1))');
    expect(box.textContent).to.include('<script>window.__xss = 1</script>');
    expect((window as { __xss?: unknown }).__xss).to.equal(undefined);
  });

  it('lists the formatting subset in the help, each sample as written and as shown', async () => {
    const el = await touched('x');
    const details = help(el)!;
    details.querySelector('summary')!.focus();
    await sendKeys({ press: 'Enter' });
    const samples = () => [...details.querySelectorAll('.help > li')];
    await until(() => details.open && samples().length === 7);
    const rows = samples();
    expect(rows.map((li) => li.querySelector('code')!.textContent)).to.deep.equal([
      '**bold**',
      '*italic*',
      '`code`',
      '> a quote',
      '- a list item',
      '1. a numbered item',
      '[a link](https://example.com)',
    ]);
    expect(rows[0]!.querySelector('.message strong')!.textContent).to.equal('bold');
    expect(rows[1]!.querySelector('.message em')!.textContent).to.equal('italic');
    expect(rows[3]!.querySelector('.message blockquote')).to.not.equal(null);
    expect(rows[5]!.querySelector('.message ol')).to.not.equal(null);
    expect(rows[6]!.querySelector('.message a')!.getAttribute('href')).to.equal('https://example.com/');
    expect(details.querySelector('.note')!.textContent).to.include('code block');
    // Each sample's first line on the line of what it is written as (a quote and lists have a top margin elsewhere).
    for (const row of [rows[3]!, rows[4]!, rows[5]!]) {
      const written = row.querySelector('code')!.getBoundingClientRect().top;
      const shown = row.querySelector('.message')!.firstElementChild!.getBoundingClientRect().top;
      expect(Math.abs(written - shown), row.textContent!.trim()).to.be.below(4);
    }
  });

  it('shows a code block in the preview as the list does, set apart from the preview’s own background', async () => {
    const el = await touched('Before\n\n```\nsome code\n```');
    previewButton(el)!.click();
    await until(() => !!previewBox(el)?.querySelector('pre'));
    const pre = previewBox(el)!.querySelector('pre')!;
    const background = (e: Element) => getComputedStyle(e).backgroundColor;
    expect(background(pre)).to.not.equal(background(previewBox(el)!));
    expect(getComputedStyle(pre.querySelector('code')!).fontFamily).to.include('monospace');
  });

  it('keeps the form within a phone’s width when the preview has a long code line', async () => {
    const el = await touched('```\n' + 'const passengers = countLateCrossings(); '.repeat(4) + '\n```');
    el.style.width = '240px';
    previewButton(el)!.click();
    await until(() => !!previewBox(el)?.querySelector('pre'));
    const pre = previewBox(el)!.querySelector('pre')!;
    const right = (e: Element) => e.getBoundingClientRect().right;
    expect(right(root(el).querySelector('textarea')!), 'the message field').to.be.at.most(right(el) + 0.5);
    expect(right(previewBox(el)!), 'the preview').to.be.at.most(right(el) + 0.5);
    expect(pre.scrollWidth, 'the code scrolls inside its block').to.be.above(pre.clientWidth);
  });
});
