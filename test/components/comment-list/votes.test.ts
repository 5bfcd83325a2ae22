// Votes on comments and the Best order (#18, SPEC §6.2): up and down buttons beside Reply with
// aria-pressed and names that say the count, one vote per reader (the voter id), changed or
// taken back by pressing again, shown at once and put back when the server says no.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { voterId } from '../../../src/client/voter.js';
import type { PublicComment } from '../../../src/contract/schemas.js';
import { json, restoreFetch, routeFetch, type Call } from '../helpers/fetch-stub.js';
import { comment, countCommentRenders, makeList, page, shadow, text, until } from './helpers.js';

/** The list with `comments`; a vote is answered by `onVote` (by default: counted as asked). */
async function listWith(comments: PublicComment[], onVote?: (call: Call) => Response | Promise<Response>) {
  const votes = new Map(comments.map((c) => [c.id, { ...(c.votes ?? { up: 0, down: 0 }), yours: 0 }]));
  const calls = routeFetch((call) => {
    if (call.method === 'PUT' && call.path.endsWith('/vote')) {
      if (onVote) return onVote(call);
      const id = decodeURIComponent(call.path.split('/').at(-2)!);
      const v = votes.get(id)!;
      const value = call.body!.value as 1 | -1 | 0;
      if (v.yours === 1) v.up--;
      if (v.yours === -1) v.down--;
      if (value === 1) v.up++;
      if (value === -1) v.down++;
      v.yours = value;
      return json(200, v);
    }
    return page(comments);
  });
  const el = await makeList();
  await until(() => voteButton(el, comments[0]!.id, 'up'), 'the vote buttons');
  return { el, calls };
}

function voteButton(el: Element, id: string, side: 'up' | 'down'): HTMLButtonElement | null {
  const buttons = shadow(el).querySelectorAll<HTMLButtonElement>(`article[data-id="${id}"] .vote`);
  return buttons[side === 'up' ? 0 : 1] ?? null;
}
const score = (el: Element, id: string) => text(shadow(el).querySelector(`article[data-id="${id}"] .score`));
const announced = (el: Element) => text(shadow(el).querySelector('.visually-hidden[role="status"]:not(.skeleton *)'));
const votePuts = (calls: Call[]) => calls.filter((c) => c.method === 'PUT');
/** Until the `n`th vote was sent and its answer shown (a press while one is on its way waits for it). */
async function answered(calls: Call[], n: number): Promise<void> {
  await until(() => votePuts(calls).length === n, `vote ${n}`);
  await new Promise((r) => setTimeout(r, 50));
}

describe('<comment-list> votes on comments', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => restoreFetch());

  it('is accessible', async () => {
    const { el } = await listWith([comment({ votes: { up: 3, down: 1 } })]);
    await expect(el).to.be.accessible();
  });

  it('shows up and down buttons beside Reply, named with their counts, and the score', async () => {
    const c = comment({ votes: { up: 3, down: 1 } });
    const one = comment({ votes: { up: 1, down: 0 } });
    const { el } = await listWith([c, one]);
    const up = voteButton(el, c.id, 'up')!;
    const down = voteButton(el, c.id, 'down')!;
    expect(up.closest('.actions')!.querySelector('button')!.textContent!.trim()).to.equal('Reply');
    expect(up.getAttribute('aria-label')).to.equal('Upvote, 3 votes');
    expect(down.getAttribute('aria-label')).to.equal('Downvote, 1 vote');
    expect(up.getAttribute('aria-pressed')).to.equal('false');
    expect(down.getAttribute('aria-pressed')).to.equal('false');
    expect(score(el, c.id)).to.equal('2');
    expect(voteButton(el, one.id, 'up')!.getAttribute('aria-label')).to.equal('Upvote, 1 vote');
    expect(voteButton(el, one.id, 'down')!.getAttribute('aria-label')).to.equal('Downvote, 0 votes');
  });

  it("says the votes in the list's words: new messages or a new language name them again", async () => {
    const c = comment({ votes: { up: 3, down: 1 } });
    const { el } = await listWith([c, comment({ votes: { up: 3, down: 0 } })]);
    expect(voteButton(el, c.id, 'up')!.getAttribute('aria-label')).to.equal('Upvote, 3 votes');
    (el as HTMLElement & { messages: Record<string, string> }).messages = { 'list.upvote': 'Agree ({n})' };
    await until(() => voteButton(el, c.id, 'up')!.getAttribute('aria-label') === 'Agree (3)', 'the new words');
    el.setAttribute('lang', 'de');
    await until(
      () => voteButton(el, c.id, 'down')!.getAttribute('aria-label') !== 'Downvote, 1 vote',
      'the German words',
    );
    expect(voteButton(el, c.id, 'up')!.getAttribute('aria-label')).to.equal('Agree (3)');
  });

  it('votes by keyboard: Enter presses, Space on the pressed button takes the vote back, the other side switches', async () => {
    const c = comment({ votes: { up: 3, down: 1 } });
    const { el, calls } = await listWith([c]);
    const up = voteButton(el, c.id, 'up')!;
    up.focus();
    await sendKeys({ press: 'Enter' });
    await answered(calls, 1);
    expect(voteButton(el, c.id, 'up')!.getAttribute('aria-pressed')).to.equal('true');
    expect(voteButton(el, c.id, 'up')!.getAttribute('aria-label')).to.equal('Upvote, 4 votes');
    expect(score(el, c.id)).to.equal('3');
    const put = votePuts(calls)[0]!;
    expect(put.path).to.equal(`/api/threads/t-1/comments/${c.id}/vote`);
    expect(put.body).to.deep.equal({ voter: voterId(), value: 1 });

    // Switch to down with Space.
    voteButton(el, c.id, 'down')!.focus();
    await sendKeys({ press: 'Space' });
    await answered(calls, 2);
    expect(votePuts(calls)[1]!.body).to.deep.include({ value: -1 });
    expect(voteButton(el, c.id, 'up')!.getAttribute('aria-pressed')).to.equal('false');
    expect(voteButton(el, c.id, 'down')!.getAttribute('aria-pressed')).to.equal('true');
    expect(voteButton(el, c.id, 'down')!.getAttribute('aria-label')).to.equal('Downvote, 2 votes');
    expect(score(el, c.id)).to.equal('1');
    // Focus stays on the button pressed.
    expect(shadow(el).activeElement).to.equal(voteButton(el, c.id, 'down'));

    // Space again on the pressed one: no vote.
    await sendKeys({ press: 'Space' });
    await answered(calls, 3);
    expect(votePuts(calls)[2]!.body).to.deep.include({ value: 0 });
    expect(voteButton(el, c.id, 'down')!.getAttribute('aria-pressed')).to.equal('false');
    expect(score(el, c.id)).to.equal('2');
  });

  it('shows the vote at once, then the counts the server answered', async () => {
    const c = comment({ votes: { up: 3, down: 1 } });
    let answer!: (r: Response) => void;
    const { el } = await listWith([c], () => new Promise<Response>((r) => (answer = r)));
    voteButton(el, c.id, 'up')!.click();
    await until(() => voteButton(el, c.id, 'up')!.getAttribute('aria-pressed') === 'true', 'optimistic');
    expect(score(el, c.id)).to.equal('3');
    // Others voted meanwhile: the server's numbers win.
    answer(json(200, { up: 10, down: 2, yours: 1 }));
    await until(() => score(el, c.id) === '8', 'the server counts');
    expect(voteButton(el, c.id, 'up')!.getAttribute('aria-label')).to.equal('Upvote, 10 votes');
  });

  it('renders the voted comment again, not the whole list', async () => {
    const comments = Array.from({ length: 30 }, () => comment({ votes: { up: 1, down: 0 } }));
    const c = comments[7]!;
    const { el } = await listWith(comments);
    await until(() => shadow(el).querySelectorAll('.vote').length === 60, 'every comment’s votes');
    // Every render of a comment formats its relative time once: the count of those is the
    // count of comment renders (#24). The vote shows twice: at once, then the server's counts.
    const counted = countCommentRenders();
    try {
      voteButton(el, c.id, 'up')!.click();
      await until(() => score(el, c.id) === '2' && !shadow(el).querySelector('[aria-busy="true"]'), 'the vote');
      await el.updateComplete;
      expect(voteButton(el, c.id, 'up')!.getAttribute('aria-pressed')).to.equal('true');
      expect(counted.renders, 'comment renders').to.be.at.most(2);
    } finally {
      counted.restore();
    }
  });

  it('puts the vote back and says why when the server refuses (429)', async () => {
    const c = comment({ votes: { up: 3, down: 1 } });
    const { el } = await listWith([c], () =>
      json(429, { error: 'rate_limited', message: 'slow down' }, { 'Retry-After': '7' }),
    );
    voteButton(el, c.id, 'up')!.click();
    await until(() => announced(el) === 'Too many votes. Please try again in 7 seconds.', 'the announcement');
    expect(voteButton(el, c.id, 'up')!.getAttribute('aria-pressed')).to.equal('false');
    expect(voteButton(el, c.id, 'up')!.getAttribute('aria-label')).to.equal('Upvote, 3 votes');
    expect(score(el, c.id)).to.equal('2');
  });

  it('puts the vote back on a network failure, with a message', async () => {
    const c = comment({ votes: { up: 0, down: 0 } });
    const { el } = await listWith([c], () => Promise.reject(new TypeError('offline')) as Promise<Response>);
    voteButton(el, c.id, 'down')!.click();
    await until(() => announced(el) === 'Your vote could not be saved. Please try again.', 'the announcement');
    expect(voteButton(el, c.id, 'down')!.getAttribute('aria-pressed')).to.equal('false');
    expect(score(el, c.id)).to.equal('0');
  });

  it('remembers the reader’s vote in this browser', async () => {
    const c = comment({ votes: { up: 1, down: 0 } });
    const first = await listWith([c]);
    voteButton(first.el, c.id, 'up')!.click();
    await answered(first.calls, 1);
    first.el.remove();
    restoreFetch();
    const again = await listWith([comment({ id: c.id, votes: { up: 2, down: 0 } })]);
    expect(voteButton(again.el, c.id, 'up')!.getAttribute('aria-pressed')).to.equal('true');
  });

  it('offers no votes on a comment awaiting moderation', async () => {
    const c = comment();
    const { el } = await listWith([c]);
    el.dispatchEvent(
      new CustomEvent('comment-submitted', {
        bubbles: true,
        composed: true,
        detail: { comment: comment({ message: 'mine' }), status: 'pending' },
      }),
    );
    await until(() => shadow(el).querySelector('article.pending'), 'the pending comment');
    expect(shadow(el).querySelector('article.pending .vote')).to.equal(null);
  });
});

describe('<comment-list> Best order', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => restoreFetch());

  it('offers "Best first", asks the server for sort=best, and keeps its order with replies under their parents', async () => {
    const old = comment({ name: 'Old but loved', createdAt: '2024-01-01T10:00:00Z', votes: { up: 9, down: 0 } });
    const fresh = comment({ name: 'Fresh', createdAt: '2024-06-01T10:00:00Z', votes: { up: 0, down: 0 } });
    const middle = comment({ name: 'Middle', createdAt: '2024-03-01T10:00:00Z', votes: { up: 2, down: 1 } });
    const reply = comment({ name: 'Reply', parent: old.id, createdAt: '2024-07-01T10:00:00Z' });
    const calls = routeFetch(({ params }) =>
      params.get('sort') === 'best' ? page([old, middle, fresh, reply]) : page([reply, fresh, middle, old]),
    );
    const el = await makeList();
    await until(() => shadow(el).querySelectorAll('article').length === 4, 'loaded');
    const select = shadow(el).querySelector('select')!;
    expect([...select.options].map((o) => [o.value, o.text])).to.deep.equal([
      ['newest', 'Newest first'],
      ['oldest', 'Oldest first'],
      ['best', 'Best first'],
    ]);
    select.focus();
    select.value = 'best';
    select.dispatchEvent(new Event('change'));
    await until(() => calls.some((c) => c.params.get('sort') === 'best'), 'a best request');
    await until(() => text(shadow(el).querySelector('article .name')) === 'Old but loved', 'best order');
    const top = [...shadow(el).querySelectorAll('section > ol > li > article .name')].map(text);
    expect(top).to.deep.equal(['Old but loved', 'Middle', 'Fresh']);
    const replyItem = shadow(el).querySelector(`article[data-id="${reply.id}"]`)!;
    expect(replyItem.closest('ol')!.closest('li')!.querySelector('article')!.dataset.id).to.equal(old.id);
    await expect(el).to.be.accessible();
  });

  it('honours sort="best" from the start', async () => {
    const calls = routeFetch(() => page([]));
    await makeList({ sort: 'best' });
    await until(() => calls.length === 1);
    expect(calls[0]!.params.get('sort')).to.equal('best');
  });
});
