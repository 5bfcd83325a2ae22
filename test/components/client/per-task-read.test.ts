// A localStorage entry read once per task (#24): the list asks for every comment's votes and
// edit token in one render, and another tab's change arrives in a task of its own.
import { expect } from '@open-wc/testing';
import { perTaskRead } from '../../../src/client/per-task-read.js';

const KEY = 'article-feedback:test:per-task';
const nextTask = () => new Promise((resolve) => setTimeout(resolve));

describe('perTaskRead', () => {
  beforeEach(() => localStorage.clear());

  it('reads and parses once in a task, and again in the next task only when the text changed', async () => {
    const parsed: (string | null)[] = [];
    const entry = perTaskRead(KEY, (raw) => (parsed.push(raw), raw ?? 'none'));
    localStorage.setItem(KEY, 'one');
    expect([entry.read(), entry.read(), entry.read()]).to.deep.equal(['one', 'one', 'one']);
    // Another tab's change, within the same task, is not seen yet…
    localStorage.setItem(KEY, 'two');
    expect(entry.read()).to.equal('one');
    // …and is in the next one.
    await nextTask();
    expect(entry.read()).to.equal('two');
    await nextTask();
    expect(entry.read()).to.equal('two');
    expect(parsed, 'parsed once per different text').to.deep.equal(['one', 'two']);
  });

  it('reads again at once after its own write', () => {
    const entry = perTaskRead(KEY, (raw) => raw);
    expect(entry.read()).to.equal(null);
    localStorage.setItem(KEY, 'written');
    entry.changed();
    expect(entry.read()).to.equal('written');
  });
});
