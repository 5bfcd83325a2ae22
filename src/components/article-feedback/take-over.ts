// A server-rendered block (#19) holds its inner elements in a declarative shadow root. Emptied
// here, before any tag is defined, those are never upgraded (nor load anything); the block's
// first render fills the root again in this same task, so the page does not move. Only blocks
// not defined yet: a second copy of the script leaves the live ones alone.
// A block whose comments carry a formatted `body` (its data says `"body"`) would first show
// them as plain text, the body renderer being on demand: there the block is emptied and the
// tags are defined (shared/define.ts, `defineAfter`) once that module is in, and the list
// finds it loaded. Until then the rendered block stays as it is.
// (`globalThis.document`: nothing to do in a server-side import.)
import { loadRichText } from '../comment-list/on-demand.js';
import { defineAfter } from '../shared/define.js';

// Asked again when taking over: another copy of the script may have taken a block over meanwhile.
const rendered = () => [...(globalThis.document?.querySelectorAll('article-feedback:not(:defined)') ?? [])];
const takeOver = () => {
  for (const block of rendered()) block.shadowRoot?.replaceChildren();
};
if (rendered().some((block) => block.textContent!.includes('"body"')))
  defineAfter(loadRichText().then(takeOver, takeOver));
else takeOver();
