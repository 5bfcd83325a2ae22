// A server-rendered block (#19) holds its inner elements in a declarative shadow root. Emptied
// here, before any tag is defined, those are never upgraded (nor load anything); the block's
// first render fills the root again in this same task, so the page does not move. Only blocks
// not defined yet: a second copy of the script leaves the live ones alone.
// (`globalThis.document`: nothing to do in a server-side import.)
for (const block of globalThis.document?.querySelectorAll('article-feedback:not(:defined)') ?? [])
  block.shadowRoot?.replaceChildren();
