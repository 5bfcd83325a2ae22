import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { restoreFetch, stubFetch } from '../helpers/fetch-stub.js';
import { buttonByText, comment, makeList, page, shadow, text, until } from './helpers.js';

async function listWithOne() {
  const c = comment({ name: 'Ana' });
  stubFetch(() => page([c]));
  const el = await makeList();
  const art = await until(() => shadow(el).querySelector<HTMLElement>(`article[data-id="${c.id}"]`), 'comment');
  return { el, art, reply: buttonByText(art, 'Reply')! };
}

describe('<comment-list> reply form', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => restoreFetch());

  it('Enter on "Reply" opens the form after one render, labelled, into its first field; Enter again closes it', async () => {
    const { el, art, reply } = await listWithOne();
    reply.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const form = art.querySelector('comment-form');
    expect(Boolean(form), 'open after one render').to.equal(true);
    expect(form!.closest('[role=group]')!.getAttribute('aria-label')).to.equal('Reply to Ana');
    expect(reply.getAttribute('aria-expanded')).to.equal('true');
    expect(text(reply)).to.equal('Cancel reply');
    await until(() => form!.shadowRoot?.activeElement?.getAttribute('name') === 'email', 'focus in the first field');
    await expect(el).to.be.accessible();

    reply.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(art.querySelector('comment-form')).to.equal(null);
    expect(text(reply)).to.equal('Reply');
  });
});
