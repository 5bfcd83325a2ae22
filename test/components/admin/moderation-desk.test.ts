/**
 * `<moderation-desk>` (#15) in Chromium, with the admin API answered by the fetch stub: axe in
 * each of its states (sign-in, queue, edit, block choice, shortcuts, block list), and the keys.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ModerationComment } from '../../../src/contract/admin.js';
import { defineModerationDesk } from '../../../src/admin/define.js';
import type { ModerationDesk } from '../../../src/admin/moderation-desk.js';
import { json, restoreFetch, routeFetch, stubCookies, type Call } from '../helpers/fetch-stub.js';

defineModerationDesk();

const comments: ModerationComment[] = [
  {
    id: 'c2',
    thread: '/2026/05/harbour-ferry',
    parent: 'c0',
    parentMessage: 'Does it run on Sundays?',
    name: 'Jonas',
    email: 'jonas@example.com',
    message: 'Yes, <b>from May</b>.',
    rating: null,
    createdAt: '2026-05-14T09:31:00.000Z',
    status: 'pending',
    url: 'https://news.example/2026/05/harbour-ferry',
  },
  {
    id: 'c1',
    thread: '/2026/05/rivers',
    parent: null,
    name: 'Ada',
    email: 'ada@example.com',
    message: 'Thank you for the map.',
    rating: 4,
    createdAt: '2026-05-14T09:30:00.000Z',
    status: 'pending',
    url: null,
  },
];

function serve(signedIn: boolean, list: ModerationComment[] = comments): Call[] {
  return routeFetch((call) => {
    if (call.path === '/api/admin/session')
      return signedIn
        ? json(200, { expiresAt: '2026-05-14T21:00:00.000Z' })
        : json(401, { error: 'unauthorized', message: 'x' });
    if (call.path === '/api/admin/counts')
      return json(200, { counts: { pending: 2, published: 0, spam: 0, all: 2 } }, { ETag: '"c1"' });
    if (call.path === '/api/admin/comments') return json(200, { comments: list, nextCursor: null });
    if (call.path === '/api/admin/comments/bulk') return json(200, { done: call.body?.ids, missing: [] });
    if (call.path === '/api/admin/blocks')
      return json(200, {
        blocks: [
          {
            id: 'b1',
            kind: 'email',
            value: 'troll@example.com',
            label: 'Troll',
            comment: 'c9',
            createdAt: '2026-05-14T09:00:00.000Z',
          },
        ],
      });
    return json(404, { error: 'not_found', message: 'Not found.' });
  });
}

const root = (el: ModerationDesk) => el.shadowRoot!;

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out: ${what}`);
}

async function desk(
  signedIn: boolean,
  list: ModerationComment[] = comments,
  signedInCookie = signedIn,
): Promise<{ el: ModerationDesk; calls: Call[] }> {
  const calls = serve(signedIn, list);
  // What the server sets beside its HttpOnly session cookie.
  stubCookies(signedInCookie ? 'theme=dark; af_admin_signed_in=1' : 'theme=dark');
  const el = await fixture<ModerationDesk>(html`<moderation-desk poll-ms="0"></moderation-desk>`);
  await until(
    () => root(el).querySelector(signedIn ? 'ol.queue' : 'form.sign-in') !== null,
    signedIn ? 'queue' : 'sign-in',
  );
  return { el, calls };
}

describe('<moderation-desk>', () => {
  afterEach(() => restoreFetch());

  it('is accessible: the sign-in form', async () => {
    const { el } = await desk(false);
    await expect(el).to.be.accessible();
    expect(root(el).querySelector('label[for="token"]')?.textContent).to.equal('Admin token or password');
    // A password manager files the token under a user name: a hidden one, in the same form.
    expect(root(el).querySelector<HTMLInputElement>('form.sign-in [autocomplete="username"]')?.hidden).to.equal(true);
  });

  it('asks the server about a session only when the signed-in cookie says there may be one', async () => {
    const { calls } = await desk(false);
    // A signed-out load makes no request (its 401 would be logged as an error every time).
    expect(calls.map((call) => call.path)).to.deep.equal([]);
    restoreFetch();
    // A session that ended (expired, signed out elsewhere) but left the cookie: asked once.
    const ended = await desk(false, comments, true);
    expect(ended.calls.map((call) => call.path)).to.deep.equal(['/api/admin/session']);
    expect(root(ended.el).querySelector('form.sign-in')).to.not.equal(null);
  });

  it('puts the focus in the token field: when the page opens, and after signing out', async () => {
    const { el } = await desk(false);
    expect(root(el).activeElement?.id).to.equal('token');
    restoreFetch();
    const { el: signedIn } = await desk(true);
    [...root(signedIn).querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Sign out')!.click();
    await until(() => root(signedIn).activeElement?.id === 'token', 'the token field focused after signing out');
    expect(root(signedIn).querySelector('form.sign-in')).to.not.equal(null);
  });

  it('is accessible: the queue, with a reply, a rating and the counts', async () => {
    const { el } = await desk(true);
    await expect(el).to.be.accessible();
    const first = root(el).querySelector('li[data-id="c2"]')!;
    // Reader text is text: the markup shows as typed.
    expect(first.querySelector('.message')?.textContent).to.equal('Yes, <b>from May</b>.');
    expect(first.querySelector('b')).to.equal(null);
    expect(first.querySelector('blockquote')?.textContent).to.contain('Does it run on Sundays?');
    expect(first.querySelector('a')?.getAttribute('href')).to.equal('https://news.example/2026/05/harbour-ferry');
    expect(document.title).to.equal('(2) Moderation — article-feedback');
  });

  it('shows a formatted comment as readers see it, its text inert, and the Markdown in Edit', async () => {
    const formatted: ModerationComment = {
      ...comments[1]!,
      id: 'c3',
      message: '**Bold** and [a link](https://example.com/x)\n\n<img src=x onerror=alert(1)>',
      body: [
        {
          type: 'paragraph',
          children: [
            { type: 'strong', children: [{ type: 'text', text: 'Bold' }] },
            { type: 'text', text: ' and ' },
            { type: 'link', href: 'https://example.com/x', children: [{ type: 'text', text: 'a link' }] },
          ],
        },
        { type: 'paragraph', children: [{ type: 'text', text: '<img src=x onerror=alert(1)>' }] },
      ],
    };
    const { el } = await desk(true, [formatted, comments[0]!]);
    const row = root(el).querySelector<HTMLElement>('li[data-id="c3"]')!;
    const message = row.querySelector('.message')!;
    expect(message.querySelector('strong')?.textContent).to.equal('Bold');
    const link = message.querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('https://example.com/x');
    expect(link.getAttribute('rel')).to.equal('nofollow ugc noopener');
    // Hostile text stays text; the Markdown marks are not shown.
    expect(message.querySelector('img')).to.equal(null);
    expect(message.textContent).to.contain('<img src=x onerror=alert(1)>');
    expect(message.textContent).to.not.contain('**');
    // A comment without a body is still its plain text.
    expect(root(el).querySelector('li[data-id="c2"] .message')?.textContent).to.equal('Yes, <b>from May</b>.');
    await expect(el).to.be.accessible();
    [...row.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Edit')!.click();
    await el.updateComplete;
    expect(row.querySelector('textarea')?.value).to.equal(formatted.message);
  });

  it('is accessible with the edit form, the block choice and the shortcuts open', async () => {
    const { el } = await desk(true);
    const row = root(el).querySelector<HTMLElement>('li[data-id="c1"]')!;
    [...row.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Edit')!.click();
    await el.updateComplete;
    [...row.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Block author')!.click();
    await el.updateComplete;
    expect(row.querySelector('textarea')).to.not.equal(null);
    expect(row.querySelector('.block-choice')).to.not.equal(null);
    await expect(el).to.be.accessible();
    root(el).querySelector<HTMLDialogElement>('#shortcuts')!.showModal();
    await expect(el).to.be.accessible();
  });

  it('is accessible: the block list', async () => {
    const { el } = await desk(true);
    [...root(el).querySelectorAll('nav button')]
      .find((b) => b.textContent?.includes('Blocked authors'))!
      .dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await until(() => root(el).querySelector('ul.blocks') !== null, 'blocks');
    await expect(el).to.be.accessible();
  });

  it('moves with j and k and approves the focused comment with a, then says so', async () => {
    const { el, calls } = await desk(true);
    await until(() => root(el).activeElement?.getAttribute('data-id') === 'c2', 'first row focused');
    await sendKeys({ press: 'j' });
    await until(() => root(el).activeElement?.getAttribute('data-id') === 'c1', 'second row focused');
    await sendKeys({ press: 'k' });
    await until(() => root(el).activeElement?.getAttribute('data-id') === 'c2', 'back to the first');
    await sendKeys({ press: 'a' });
    await until(() => calls.some((c) => c.path === '/api/admin/comments/bulk'), 'approve sent');
    const sent = calls.find((c) => c.path === '/api/admin/comments/bulk')!;
    expect(sent.method).to.equal('POST');
    expect(sent.body).to.deep.equal({ action: 'approve', ids: ['c2'] });
    await until(() => root(el).querySelector('li[data-id="c2"]') === null, 'row gone');
    expect(root(el).querySelector('[role="status"]')?.textContent).to.contain('Approved 1 comment.');
  });
});
