import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { formatMessage, type Segment } from '../../../src/components/comment-list/format.js';

// Adversarial comment text for the message formatter: URLs, runs of the characters it trims
// (closers, sentence punctuation), openers that make closers look balanced, line breaks, and
// invisible or bidirectional-control characters.
const PIECES = [
  'https://',
  'http://',
  'https://a.example/',
  'HTTPS://W.EXAMPLE/X_(',
  'a',
  '/',
  '.',
  ',',
  '…',
  '!',
  '_',
  ')',
  ']',
  '(',
  '[',
  ' ',
  '\n',
  '\n\n',
  '\t',
  '\r\n',
  '\u202E',
  '\u200B',
  '\uFEFF',
  'é',
];
/** What the trimming after a URL drops. */
const TRIMMED = [')', ']', '.', ',', '…', '!', '?', ')]'];
const anyText = fc.array(fc.constantFrom(...PIECES), { minLength: 500, maxLength: 4000 }).map((p) => p.join(''));
/** A URL, then a long run of what the trimming drops (closers, punctuation): the shape that was quadratic. */
const urlThenRun = fc
  .tuple(
    fc.constantFrom('', 'see (', '[', 'x '),
    fc.constantFrom('https://a.example/', 'http://w.example/X_(y', 'https://a.example/[1'),
    fc.array(fc.constantFrom(...TRIMMED), { minLength: 2000, maxLength: 10000 }),
  )
  .map(([before, url, run]) => before + url + run.join(''));

// Two flat() calls, not flat(2): @lit-labs/ssr's types (#19) add a global Array overload
// flat(depth: number) that loses the element type.
const links = (message: ReturnType<typeof formatMessage>) =>
  message
    .flat()
    .flat()
    .filter((s): s is Extract<Segment, { kind: 'link' }> => s.kind === 'link');

describe('message formatter under fuzzing', () => {
  // Inputs far past the 5,000-character message limit, so that quadratic work stands out: the
  // old trimming took over 0.3 ms per character on 50,000 closers; linear work takes well
  // under 0.001.
  it('spends linear time: under 0.05 ms per character on large adversarial inputs', () => {
    const large = fc.oneof(
      fc.array(fc.constantFrom(...PIECES), { minLength: 5000, maxLength: 20000 }).map((p) => p.join('')),
      fc
        .tuple(
          fc.constantFrom('', 'see (', '[', 'x '),
          fc.constantFrom('https://a.example/', 'http://w.example/X_(y', 'https://a.example/[1'),
          fc.array(fc.constantFrom(...TRIMMED), { minLength: 20000, maxLength: 50000 }),
        )
        .map(([before, url, run]) => before + url + run.join('')),
    );
    let ms = 0;
    let chars = 0;
    fc.assert(
      fc.property(large, (text) => {
        const started = performance.now();
        formatMessage(text);
        const elapsed = performance.now() - started;
        ms += elapsed;
        chars += text.length;
        expect(elapsed / text.length, `${elapsed.toFixed(0)} ms for ${text.length} characters`).to.be.below(0.05);
      }),
      { numRuns: 40, endOnFailure: true },
    );
    expect(ms / chars, `${ms.toFixed(0)} ms for ${chars} characters`).to.be.below(0.05);
  });

  it('links only http(s) URLs whose shown text is exactly their target, free of hidden characters', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, urlThenRun), (text) => {
        for (const link of links(formatMessage(text))) {
          expect(link.text).to.equal(link.href);
          expect(new URL(link.href).protocol).to.match(/^https?:$/);
          expect(link.href).not.to.match(/[\u00AD\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\s]/);
          // The browser follows the same URL the reader sees.
          expect([link.href, `${link.href}/`]).to.include(new URL(link.href).href);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('loses no text: outside links, every character of each line is shown', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const shown = formatMessage(text)
          .flat()
          .flat()
          .map((s) => s.text)
          .join('');
        const written = text.replace(/\s+/g, '');
        // Links may show a canonical form of the URL (lower-case, escaped), so compare only
        // messages without links here; the characters must all be there, in order.
        if (!links(formatMessage(text)).length) expect(shown.replace(/\s+/g, '')).to.equal(written);
      }),
      { numRuns: 200 },
    );
  });
});
