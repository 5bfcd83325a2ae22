/**
 * A source's HTML → our comment text (server/transfer/html-to-text.ts), and the progress line of
 * the import and export commands.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeEntities, htmlToText } from '../../server/transfer/html-to-text.js';
import { Progress } from '../../server/transfer/progress.js';

const html = (source: string) => htmlToText(source, { whitespace: 'html' });
const text = (source: string) => htmlToText(source, { whitespace: 'text' });

describe('HTML to our text', () => {
  it('keeps paragraphs and line breaks, collapses the rest of the white space', () => {
    assert.equal(html('<p>One\n  two</p>\n<p>Three<br/>four<BR>five</p>'), 'One two\n\nThree\nfour\nfive');
    assert.equal(
      html('<div>a</div><blockquote><p>quoted</p></blockquote><ul><li>x</li><li>y</li></ul>'),
      'a\n\nquoted\n\nx\n\ny',
    );
    assert.equal(html('<p></p><p>  </p><p>only</p><p><br></p>'), 'only');
    assert.equal(html('<pre>line 1\nline 2</pre>'), 'line 1\nline 2');
  });

  it('in text mode the author’s own line breaks and blank lines count', () => {
    assert.equal(
      text('First line\nsecond line\n\n\nNew paragraph  \r\nend'),
      'First line\nsecond line\n\nNew paragraph\nend',
    );
    assert.equal(text('a <b>bold</b>\n\n<p>para</p>'), 'a bold\n\npara');
  });

  it('a link becomes its URL, after its words when they differ', () => {
    assert.equal(
      html('See <a href="https://example.org/a?b=1&amp;c=2">the report</a>.'),
      'See the report (https://example.org/a?b=1&c=2).',
    );
    assert.equal(html('<a href="https://example.org/x">https://example.org/x</a>'), 'https://example.org/x');
    assert.equal(html("<a href='http://example.org'>example.org</a>"), 'http://example.org/');
    assert.equal(html('<a href="mailto:ed@example.com">write to us</a>'), 'write to us (ed@example.com)');
    assert.equal(html('<a href=https://example.org/bare>bare</a>'), 'bare (https://example.org/bare)');
  });

  it('hostile markup leaves only inert text: scripts and frames with their content, javascript: targets', () => {
    assert.equal(html('Hi<script>alert("x")</script> there'), 'Hi there');
    assert.equal(html('<SCRIPT type="text/javascript">document.cookie</SCRIPT>ok'), 'ok');
    assert.equal(html('<style>p{}</style><iframe src="https://evil.example">x</iframe>ok'), 'ok');
    assert.equal(html('<a href="javascript:alert(1)">click</a> <a href="/relative">rel</a>'), 'click rel');
    assert.equal(html('<img src=x onerror=alert(1)><svg onload=alert(2)><circle/></svg>text'), 'text');
    assert.equal(html('<!-- a comment <script> -->visible'), 'visible');
    // Escaped markup is the author's text, shown as written, never markup.
    assert.equal(html('&lt;script&gt;alert(1)&lt;/script&gt;'), '<script>alert(1)</script>');
    assert.equal(html('a < b and c > d'), 'a < b and c > d');
  });

  it('decodes entities: named, decimal, hexadecimal; unknown ones stay as written', () => {
    assert.equal(
      decodeEntities('caf&eacute; &amp; &lt;&gt; &quot;q&quot; &#39;s &#8364; &#x1F600; &hellip;&nbsp;|'),
      'café & <> "q" \'s € 😀 …\u00A0|',
    );
    assert.equal(decodeEntities('&notanentity; AT&T &#0; &#xD800;'), '&notanentity; AT&T \uFFFD \uFFFD');
    assert.equal(html('x&nbsp;&nbsp;y'), 'x y', 'no-break spaces collapse like any white space in HTML');
  });
});

describe('progress line', () => {
  const stream = (isTTY: boolean) => {
    const written: string[] = [];
    return { written, stream: { isTTY, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream };
  };

  it('a plain line when stderr is a file or a pipe', () => {
    const { stream: s } = stream(false);
    const line = new Progress(s, 'importing x.xml', () => ({ fraction: 0.42, read: 12345, imported: 12000 })).line();
    assert.match(line, /^importing x\.xml: 42% 12,345 read, 12,000 stored, [\d,]+\/s$/);
  });

  it('a bar on a terminal, cleared when it stops', () => {
    const { stream: s, written } = stream(true);
    const progress = new Progress(s, 'importing x.xml', () => ({ fraction: 0.5, read: 10, imported: 10 }));
    assert.match(progress.line(), /^importing x\.xml \[#{12}\.{12}\] 50% 10 read, 10 stored, [\d,]+\/s$/);
    progress.start().stop();
    assert.deepEqual(written, ['\r\u001b[K']);
  });
});
