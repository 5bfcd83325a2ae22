/**
 * Pure helpers of the comment list: message text → paragraphs/lines/links (as data, never
 * HTML), initials and avatar colours, relative times.
 */

/** A piece of one line of a message: plain text, or a bare http(s) URL. */
export type Segment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };
/** Paragraph → lines → segments. */
export type FormattedMessage = Segment[][][];

// A candidate URL: scheme, then anything up to whitespace (`\s` holds the no-break and the wide
// spaces too) or a character that never belongs to a bare URL in running text. The zero-width
// U+FEFF, which `\s` also holds, stays in, so that HIDDEN below refuses the candidate. The capture
// group makes `split` keep the candidates (odd indices). One greedy run, no backtracking: linear.
const URL_CANDIDATE = /(\bhttps?:\/\/(?:[^\s<>"'`{}|\\^]|\uFEFF)+)/i;

/** A longer candidate stays text: no real link is that long, and it bounds the work per link. */
export const MAX_URL_LENGTH = 2048;

// Invisible and bidirectional-control characters (soft hyphen, Arabic letter mark, zero-width
// space/joiners, LRM/RLM, LRE…RLO, word joiner, invisible operators, LRI…PDI, BOM): a URL that
// holds one could look like another address, so it is not made a link.
const HIDDEN = /[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

/** Punctuation that ends a sentence rather than a URL ("see https://a.b/c."). */
const TRAILING = '.,;:!?*_~’”»…';

/**
 * Drops trailing punctuation and unbalanced closing brackets ("(see https://a.b/c)." →
 * "https://a.b/c"; "https://w.org/X_(y)" keeps its pair), in one pass from the end: the brackets
 * are counted once, and each dropped closer lowers its count.
 */
export function trimUrl(url: string): string {
  // How many more closers than openers: a trailing closer is unbalanced while this is positive.
  const excess = (close: string, open: string) => url.split(close).length - url.split(open).length;
  let parens = excess(')', '(');
  let brackets = excess(']', '[');
  let end = url.length;
  for (; end; end--) {
    const c = url[end - 1]!;
    if (c == ')' && parens > 0) parens--;
    else if (c == ']' && brackets > 0) brackets--;
    else if (!TRAILING.includes(c)) break;
  }
  return url.slice(0, end);
}

/**
 * Splits one line into text and link segments; only absolute http(s) URLs with a host become
 * links. A link shows exactly its target: the URL as the browser will follow it (lower-case
 * host, punycode, percent-escapes), or as written when that is already the same.
 */
export function linkify(line: string): Segment[] {
  const out: Segment[] = [];
  let text = '';
  line.split(URL_CANDIDATE).forEach((part, i) => {
    const url = i % 2 ? trimUrl(part) : '';
    if (url && url.length <= MAX_URL_LENGTH && !HIDDEN.test(url)) {
      try {
        let href = new URL(url).href;
        // "https://example.com" is the same target as its canonical "https://example.com/".
        if (href == url + '/') href = url;
        if (text) out.push({ kind: 'text', text });
        out.push({ kind: 'link', text: href, href });
        text = '';
        part = part.slice(url.length);
      } catch {
        /* not a URL: stays text */
      }
    }
    text += part;
  });
  if (text) out.push({ kind: 'text', text });
  return out;
}

/** Paragraphs at blank lines, line breaks kept inside a paragraph, bare URLs found. */
export const formatMessage = (message: string): FormattedMessage =>
  message
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n[ \t]*\n+/)
    .filter(Boolean)
    .map((p) => p.split('\n').map(linkify));

/** One segmenter for every name: making one costs more than using it (#24: 500 comments). */
let graphemes: Intl.Segmenter | undefined;

/** "Ana María López" → "AL"; "李雷" → "李"; "" → "?". Grapheme-aware. */
export function initials(name: string): string {
  // The words (split at spaces, dashes, underscores and dots), each from its first letter or digit.
  const words = name.match(/[\p{L}\p{N}][^\s\-_.]*/gu) ?? [];
  // A first letter below U+0300 (Latin, digits) followed by another one or by nothing is a
  // grapheme alone: most names need no segmenter (it was 10–20 ms of 500 comments, #24).
  const first = (w: string) =>
    (w.charCodeAt(0) < 0x300 && !(w.charCodeAt(1) >= 0x300)
      ? w[0]!
      : Intl.Segmenter
        ? (graphemes ??= new Intl.Segmenter()).segment(w).containing(0)!.segment
        : [...w][0]!
    ).toLocaleUpperCase();
  return (words[1] ? [words[0]!, words.at(-1)!] : words).map(first).join('') || '?';
}

/** The lightness (minus 30, base 36) of each hue step: the lightest shade under which white text keeps 4.5:1. */
const LIGHTNESS = 'ggfa7301223343333326b';

/** Avatar hues are quantised to this many steps, so the colours live in the stylesheet. */
export const AVATAR_HUES = 36;

/** A background for white initials at hue step `i` (yellows and greens need darker shades than blues). */
export const avatarPaletteColor = (i: number): string =>
  `hsl(${i * 10} 55% ${parseInt(LIGHTNESS[i] ?? 'g', 36) + 30}%)`;

/** The hue step of a name: FNV-1a hash → hue. Same name, same colour, on every page and browser. */
export function avatarHue(name: string): number {
  let h = 0x811c9dc5;
  name = name.trim().toLowerCase();
  for (let i = 0; i < name.length;) h = Math.imul(h ^ name.charCodeAt(i++), 0x01000193);
  return (h >>> 0) % AVATAR_HUES;
}

/** The avatar background of a name (the colour its `.hue-N` class applies). */
export const avatarColor = (name: string): string => avatarPaletteColor(avatarHue(name));

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 31536e3],
  ['month', 2592e3],
  ['week', 6048e2],
  ['day', 864e2],
  ['hour', 3600],
  ['minute', 60],
];

const formats = new Map<string, [Intl.RelativeTimeFormat, Intl.DateTimeFormat]>();

const makeFormats = (tag: string): [Intl.RelativeTimeFormat, Intl.DateTimeFormat] => [
  new Intl.RelativeTimeFormat(tag, { numeric: 'auto' }),
  new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeStyle: 'short' }),
];

/**
 * How far `then` (ms) is from `now` in the unit that says it: "now" under 45 seconds, then
 * minutes, hours, days… (45–59 seconds round to a minute). Arithmetic only, no Intl: the list
 * asks it for every comment at every minute's tick, and renders again only the comments whose
 * step changed (#24).
 */
export function relativeStep(then: number, now: number): [count: number, unit: Intl.RelativeTimeFormatUnit] {
  const seconds = Math.round((then - now) / 1000);
  const abs = Math.abs(seconds);
  const [unit, size] = abs < 45 ? (['second', Infinity] as const) : (UNITS.find(([, s]) => abs >= s) ?? UNITS[5]!);
  return [Math.round(seconds / size), unit];
}

/**
 * "3 hours ago", "yesterday", "now", and the full date and time (for the `title` of the
 * `<time>`), in the reader's language (English for a tag Intl refuses; the formats are made
 * once per language). An unreadable date gives '' and the date as it came.
 */
export function times(iso: string, now: number, lang: string): [relative: string, absolute: string] {
  const then = Date.parse(iso);
  if (then !== then) return ['', iso];
  let f = formats.get(lang);
  if (!f) {
    try {
      f = makeFormats(lang);
    } catch {
      f = makeFormats('en');
    }
    formats.set(lang, f);
  }
  return [f[0].format(...relativeStep(then, now)), f[1].format(then)];
}
