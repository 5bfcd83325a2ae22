import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { buttonByText, comment, makeList, page, restoreFetch, shadow, stubFetch, text, until } from './helpers.js';

// The inline reply form's code (comment-list/reply) is fetched on demand. Each test file runs in
// a page of its own, so here it starts unloaded. (Pointing at "Reply": list.test.ts; a click
// before anything loaded: comments.test.ts.)

/** Whether this page has fetched the reply form's module. */
const fetched = () =>
  performance.getEntriesByType('resource').some((e) => /src\/components\/comment-list\/reply\b/.test(e.name));

async function listWithOne() {
  const c = comment({ name: 'Ana' });
  stubFetch(() => page([c]));
  const el = await makeList();
  const art = await until(() => shadow(el).querySelector<HTMLElement>(`article[data-id="${c.id}"]`), 'comment');
  return { el, art, reply: buttonByText(art, 'Reply')! };
}

describe('<comment-list> reply form on demand', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => restoreFetch());

  it('is not fetched for reading; focusing "Reply" fetches it, and Enter then opens the form at once, into its first field', async () => {
    const { el, art, reply } = await listWithOne();
    await new Promise((r) => setTimeout(r, 100));
    expect(fetched(), 'not fetched while reading').to.equal(false);
    reply.focus();
    await until(fetched, 'fetched on focus');
    // Let the module run.
    await import('../../../src/components/comment-list/reply.js');
    await new Promise((r) => setTimeout(r));
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const form = art.querySelector('comment-form');
    expect(Boolean(form), 'open at once').to.equal(true);
    expect(reply.getAttribute('aria-expanded')).to.equal('true');
    expect(text(reply)).to.equal('Cancel reply');
    await until(() => form!.shadowRoot?.activeElement?.getAttribute('name') === 'email', 'focus in the first field');
  });
});
