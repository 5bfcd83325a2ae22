// Fixing one's own comment (#18, SPEC §6.3): the browser that posted a comment keeps its edit
// token, and while createdAt + editWindowMinutes (GET /config) is ahead shows Edit and Delete on
// it; an inline editor (Escape cancels) saves with PATCH, Delete asks first; "edited" and "This
// comment was deleted." show what happened, and the live region says it.
import '../../../src/components/comment-form/define.js';
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { EDIT_TOKENS_KEY, editTokenFor, rememberEditToken } from '../../../src/client/edit-tokens.js';
import type { PublicComment } from '../../../src/contract/schemas.js';
import { messageToBody } from '../../../src/markdown/to-body.js';
import { answerConfig, json, restoreFetch, routeFetch, type Call } from '../helpers/fetch-stub.js';
import { comment, makeList, page, shadow, text, until } from './helpers.js';

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

/** Each test its own endpoint: the answer of GET /config is kept per endpoint for the page's life. */
let endpointSeq = 0;

interface Setup {
  comments: PublicComment[];
  /** Comments this browser posted (their tokens are kept). */
  own?: PublicComment[];
  windowMinutes?: number;
  answer?: (call: Call) => Response | Promise<Response> | undefined;
}

async function listWith({ comments, own = [], windowMinutes = 15, answer }: Setup) {
  const endpoint = `https://own${++endpointSeq}.test/api`;
  answerConfig({ editWindowMinutes: windowMinutes });
  for (const c of own) rememberEditToken(endpoint, c, `token-of-${c.id}`);
  const calls = routeFetch((call) => (call.method === 'GET' ? page(comments) : answer?.(call)));
  const el = await makeList({ endpoint });
  await until(() => shadow(el).querySelector('.vote'), 'the reader module');
  await new Promise((r) => setTimeout(r, 30));
  await el.updateComplete;
  return { el, calls, endpoint };
}

const article = (el: Element, id: string) => shadow(el).querySelector<HTMLElement>(`article[data-id="${id}"]`);
const button = (el: Element, id: string, label: string) =>
  [...(article(el, id)?.querySelectorAll<HTMLButtonElement>('button') ?? [])].find((b) => text(b) === label);
const editor = (el: Element, id: string) => article(el, id)?.querySelector<HTMLTextAreaElement>('textarea');
const announced = (el: Element) => text(shadow(el).querySelector('.visually-hidden[role="status"]:not(.skeleton *)'));
const writes = (calls: Call[]) => calls.filter((c) => c.method !== 'GET');

describe('<comment-list> editing and deleting one’s own comment', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => restoreFetch());

  it('is accessible with Edit and Delete, the editor and the question', async () => {
    const mine = comment({ createdAt: minutesAgo(1) });
    const { el } = await listWith({ comments: [mine, comment()], own: [mine] });
    await until(() => button(el, mine.id, 'Edit'), 'Edit');
    await expect(el).to.be.accessible();
    button(el, mine.id, 'Edit')!.click();
    await until(() => editor(el, mine.id), 'the editor');
    await expect(el).to.be.accessible();
    button(el, mine.id, 'Delete')!.click();
    await until(() => article(el, mine.id)!.querySelector('[role="group"]'), 'the question');
    await expect(el).to.be.accessible();
  });

  it('shows Edit and Delete only on the reader’s own comments, within the window', async () => {
    const mine = comment({ createdAt: minutesAgo(14) });
    const late = comment({ createdAt: minutesAgo(16) });
    const other = comment({ createdAt: minutesAgo(1) });
    const { el, endpoint } = await listWith({ comments: [mine, late, other], own: [mine, late] });
    await until(() => button(el, mine.id, 'Edit'), 'Edit on mine');
    expect(!!button(el, mine.id, 'Delete'), 'present').to.equal(true);
    expect(button(el, late.id, 'Edit'), 'after the window').to.equal(undefined);
    expect(button(el, late.id, 'Delete')).to.equal(undefined);
    expect(button(el, other.id, 'Edit'), 'someone else’s').to.equal(undefined);
    // The token past its window is pruned.
    expect(editTokenFor(endpoint, late.id)).to.equal(undefined);
    expect(editTokenFor(endpoint, mine.id)).to.equal(`token-of-${mine.id}`);
  });

  it('shows nothing when the server does not allow editing (a window of 0 minutes)', async () => {
    const mine = comment({ createdAt: minutesAgo(0) });
    const { el } = await listWith({ comments: [mine], own: [mine], windowMinutes: 0 });
    await new Promise((r) => setTimeout(r, 100));
    expect(button(el, mine.id, 'Edit')).to.equal(undefined);
  });

  it('hides Edit and Delete when the window closes', async () => {
    const mine = comment({ createdAt: new Date(Date.now() - 15 * 60_000 + 1200).toISOString() });
    const { el } = await listWith({ comments: [mine], own: [mine] });
    await until(() => button(el, mine.id, 'Edit'), 'Edit while open');
    await until(() => !button(el, mine.id, 'Edit') && !button(el, mine.id, 'Delete'), 'gone at the end', 3000);
  });

  it('edits inline: Escape cancels and returns focus, Save sends PATCH with the token and shows the result', async () => {
    const mine = comment({ message: 'Helo wrld', createdAt: minutesAgo(2) });
    const editedAt = new Date().toISOString();
    const { el, calls } = await listWith({
      comments: [mine],
      own: [mine],
      answer: (call) =>
        json(200, {
          comment: {
            ...mine,
            message: call.body!.message,
            body: messageToBody(call.body!.message as string),
            editedAt,
          },
        }),
    });
    const edit = await until(() => button(el, mine.id, 'Edit'), 'Edit');
    edit.focus();
    await sendKeys({ press: 'Enter' });
    const box = await until(() => editor(el, mine.id), 'the editor');
    expect(edit.getAttribute('aria-expanded')).to.equal('true');
    expect(box.value).to.equal('Helo wrld');
    await until(() => shadow(el).activeElement === box, 'focus in the editor');
    await sendKeys({ type: ' typo' });
    await sendKeys({ press: 'Escape' });
    await until(() => !editor(el, mine.id), 'closed');
    expect(shadow(el).activeElement).to.equal(button(el, mine.id, 'Edit'));
    expect(text(article(el, mine.id)!.querySelector('.message'))).to.equal('Helo wrld');
    expect(writes(calls)).to.deep.equal([]);

    // Again, and save.
    await sendKeys({ press: 'Space' });
    const again = await until(() => editor(el, mine.id), 'the editor again');
    expect(again.value, 'a fresh start').to.equal('Helo wrld');
    again.select();
    await sendKeys({ type: 'Hello **world**' });
    button(el, mine.id, 'Save')!.click();
    await until(() => !editor(el, mine.id), 'saved');
    const [patch] = writes(calls);
    expect(patch!.method).to.equal('PATCH');
    expect(patch!.path).to.equal(`/api/threads/t-1/comments/${mine.id}`);
    expect(patch!.headers.get('Authorization')).to.equal(`Bearer token-of-${mine.id}`);
    expect(patch!.body).to.deep.equal({ message: 'Hello **world**' });
    await until(() => article(el, mine.id)!.querySelector('.message strong'), 'the new text, formatted');
    expect(text(article(el, mine.id)!.querySelector('.message'))).to.equal('Hello world');
    const mark = article(el, mine.id)!.querySelector('time.edited')!;
    expect(text(mark)).to.equal('edited');
    expect(mark.getAttribute('datetime')).to.equal(editedAt);
    expect(mark.getAttribute('title')).to.match(/\d{4}/);
    await until(() => announced(el) === 'Your comment was updated.', 'the announcement');
    expect(shadow(el).activeElement).to.equal(button(el, mine.id, 'Edit'));
  });

  it('says what is wrong in the editor: an empty message, a closed window, a refused text', async () => {
    const mine = comment({ createdAt: minutesAgo(2) });
    let refuse: 'window' | 'text' = 'text';
    const { el, calls } = await listWith({
      comments: [mine],
      own: [mine],
      answer: () =>
        refuse === 'text'
          ? json(422, { error: 'validation', message: 'bad', fields: { message: 'message.tooLong' } })
          : json(403, { error: 'edit_window_closed', message: 'Comments can only be changed within 15 minutes.' }),
    });
    (await until(() => button(el, mine.id, 'Edit'), 'Edit')).click();
    const box = await until(() => editor(el, mine.id), 'the editor');
    box.value = '   ';
    box.dispatchEvent(new InputEvent('input'));
    box.focus();
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Control' });
    const problem = () => text(article(el, mine.id)!.querySelector('.edit [role="alert"]'));
    await until(() => problem() === 'Please enter a message.', 'the empty message');
    expect(box.getAttribute('aria-invalid')).to.equal('true');
    expect(writes(calls)).to.deep.equal([]);

    box.value = 'x'.repeat(10);
    box.dispatchEvent(new InputEvent('input'));
    button(el, mine.id, 'Save')!.click();
    await until(() => problem() === 'Please shorten your message to at most 5,000 characters.', 'the 422');

    refuse = 'window';
    button(el, mine.id, 'Save')!.click();
    await until(() => problem() === 'The time for changing this comment is over.', 'the 403');
    // The buttons go; the editor stays until the reader closes it.
    expect(button(el, mine.id, 'Edit')).to.equal(undefined);
    expect(!!editor(el, mine.id), 'present').to.equal(true);
    button(el, mine.id, 'Cancel')!.click();
    await until(() => !editor(el, mine.id), 'closed');
  });

  it('deletes after asking: Escape keeps it, Delete sends DELETE, and a comment without replies goes', async () => {
    const mine = comment({ createdAt: minutesAgo(1) });
    const other = comment();
    const { el, calls, endpoint } = await listWith({
      comments: [mine, other],
      own: [mine],
      answer: () => new Response(null, { status: 204 }),
    });
    expect(text(shadow(el).querySelector('.count'))).to.equal('2 comments');
    const del = await until(() => button(el, mine.id, 'Delete'), 'Delete');
    del.focus();
    await sendKeys({ press: 'Enter' });
    const question = await until(() => article(el, mine.id)!.querySelector('[role="group"]'), 'the question');
    expect(question.getAttribute('aria-label')).to.equal('Delete this comment?');
    const confirm = question.querySelector<HTMLButtonElement>('[data-confirm]')!;
    await until(() => shadow(el).activeElement === confirm, 'focus on the confirming button');
    expect(text(confirm)).to.equal('Delete');
    await sendKeys({ press: 'Escape' });
    await until(() => !article(el, mine.id)!.querySelector('[role="group"]'), 'kept');
    expect(shadow(el).activeElement).to.equal(button(el, mine.id, 'Delete'));
    expect(writes(calls)).to.deep.equal([]);

    await sendKeys({ press: 'Enter' });
    await until(() => shadow(el).activeElement?.hasAttribute('data-confirm'), 'asked again');
    await sendKeys({ press: 'Enter' });
    await until(() => !article(el, mine.id), 'gone');
    const [remove] = writes(calls);
    expect(remove!.method).to.equal('DELETE');
    expect(remove!.path).to.equal(`/api/threads/t-1/comments/${mine.id}`);
    expect(remove!.headers.get('Authorization')).to.equal(`Bearer token-of-${mine.id}`);
    expect(text(shadow(el).querySelector('.count'))).to.equal('1 comment');
    await until(() => announced(el) === 'Your comment was deleted.', 'the announcement');
    expect(editTokenFor(endpoint, mine.id)).to.equal(undefined);
    expect(!!article(el, other.id), 'present').to.equal(true);
  });

  it('fits a 360 px phone: Edit and Delete wrap together, the question on its own line, Save is the main button', async () => {
    const mine = comment({ createdAt: minutesAgo(1) });
    const { el } = await listWith({ comments: [mine], own: [mine] });
    // The list's width on a 360 px phone: the page's and the block's margins taken off.
    el.style.width = '280px';
    const edit = await until(() => button(el, mine.id, 'Edit'), 'Edit');
    const del = button(el, mine.id, 'Delete')!;
    const reply = button(el, mine.id, 'Reply')!;
    const top = (b: Element) => Math.round(b.getBoundingClientRect().top);
    expect(top(del), 'Delete beside Edit').to.equal(top(edit));
    expect(el.scrollWidth, 'no sideways scrolling').to.be.at.most(280);
    expect(shadow(el).querySelector('.list')!.scrollWidth).to.be.at.most(280);
    // Wide enough, the whole row is one line.
    el.style.width = '600px';
    expect(top(del)).to.equal(top(reply));

    del.click();
    const question = await until(
      () => article(el, mine.id)!.querySelector<HTMLElement>('[role="group"]'),
      'the question',
    );
    expect(question.getBoundingClientRect().top, 'the question below the buttons').to.be.greaterThan(
      del.getBoundingClientRect().bottom - 1,
    );
    expect(getComputedStyle(question).color, 'the question in the text colour').to.equal(
      getComputedStyle(article(el, mine.id)!).color,
    );
    button(el, mine.id, 'Keep it')!.click();
    edit.click();
    await until(() => editor(el, mine.id), 'the editor');
    const save = button(el, mine.id, 'Save')!;
    // Filled with the accent colour (the colour of Reply), like the form's "Post comment".
    expect(getComputedStyle(save).backgroundColor).to.equal(getComputedStyle(reply).color);
  });

  it('leaves "This comment was deleted." in place of a deleted comment with replies', async () => {
    const mine = comment({ name: 'Me Myself', createdAt: minutesAgo(3) });
    const reply = comment({ parent: mine.id, name: 'Bo', message: 'An answer', createdAt: minutesAgo(2) });
    const { el } = await listWith({
      comments: [mine, reply],
      own: [mine],
      answer: () => new Response(null, { status: 204 }),
    });
    (await until(() => button(el, mine.id, 'Delete'), 'Delete')).click();
    (await until(() => article(el, mine.id)!.querySelector<HTMLButtonElement>('[data-confirm]'), 'asked')).click();
    await until(() => text(article(el, mine.id)?.querySelector('.message')) === 'This comment was deleted.');
    const placeholder = article(el, mine.id)!;
    expect(text(placeholder.querySelector('.name'))).to.equal('');
    expect(placeholder.querySelector('button'), 'no Reply, votes, Edit').to.equal(null);
    expect(text(article(el, reply.id)!.querySelector('.message'))).to.equal('An answer');
    expect(article(el, reply.id)!.closest('ol')!.closest('li')!.querySelector('article')).to.equal(placeholder);
    await expect(el).to.be.accessible();
  });

  it('shows a refused delete in the question', async () => {
    const mine = comment({ createdAt: minutesAgo(1) });
    const { el } = await listWith({
      comments: [mine],
      own: [mine],
      answer: () => json(403, { error: 'edit_window_closed', message: 'late' }),
    });
    (await until(() => button(el, mine.id, 'Delete'), 'Delete')).click();
    (await until(() => article(el, mine.id)!.querySelector<HTMLButtonElement>('[data-confirm]'), 'asked')).click();
    await until(
      () =>
        text(article(el, mine.id)!.querySelector('[role="group"] [role="alert"]')) ===
        'The time for changing this comment is over.',
      'the refusal',
    );
    expect(!!article(el, mine.id), 'present').to.equal(true);
  });

  it('shows what the server lists: a deleted placeholder and an edited comment', async () => {
    const gone = comment({ status: 'deleted', name: '', message: '', body: [] });
    const reply = comment({ parent: gone.id, name: 'Bo' });
    const edited = comment({ editedAt: '2024-05-01T10:05:00.000Z' });
    const { el } = await listWith({ comments: [gone, reply, edited] });
    await until(() => text(article(el, gone.id)!.querySelector('.message')) === 'This comment was deleted.');
    expect(article(el, gone.id)!.querySelector('button')).to.equal(null);
    expect(getComputedStyle(article(el, gone.id)!.querySelector('.meta')!).display).to.equal('none');
    const mark = article(el, edited.id)!.querySelector('time.edited')!;
    expect(text(mark)).to.equal('edited');
    expect(mark.getAttribute('datetime')).to.equal('2024-05-01T10:05:00.000Z');
    await expect(el).to.be.accessible();
  });

  it('keeps the edit token of a comment the reader posts, and offers Edit on it in the list', async () => {
    const endpoint = `https://own${++endpointSeq}.test/api`;
    const posted = comment({ id: 'fresh-1', message: 'Just posted', createdAt: new Date().toISOString() });
    routeFetch((call) =>
      call.method === 'POST'
        ? json(201, { comment: posted, editToken: 'secret-edit-token' })
        : call.method === 'GET'
          ? page([])
          : undefined,
    );
    const list = await makeList({ endpoint });
    const form = document.createElement('comment-form');
    form.setAttribute('endpoint', endpoint);
    form.setAttribute('thread', 't-1');
    form.setAttribute('captcha', 'none');
    list.before(form);
    await form.updateComplete;
    const fields = form.shadowRoot!;
    for (const [name, value] of [
      ['email', 'ada@example.com'],
      ['name', 'Ada'],
      ['message', 'Just posted'],
    ] as const) {
      const input = fields.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
      input.value = value;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    }
    fields.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => editTokenFor(endpoint, 'fresh-1') === 'secret-edit-token', 'the token kept');
    expect(localStorage.getItem(EDIT_TOKENS_KEY)).to.include(endpoint);
    await until(() => button(list, 'fresh-1', 'Edit'), 'Edit on the new comment');
    form.remove();
  });
});
