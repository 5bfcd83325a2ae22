/**
 * Pure helpers of the comment list: message text → paragraphs/lines/links (as data, never
 * HTML), initials and avatar colours, relative times. Kept apart from the element so they are
 * small and testable.
 */

/** A piece of one line of a message: plain text, or a bare http(s) URL. */
export type Segment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };
/** Paragraph → lines → segments. */
export type FormattedMessage = Segment[][][];

// A candidate URL: scheme, then anything up to whitespace or a character that never belongs to a
// bare URL in running text. The candidate is then trimmed and checked with `URL`.
const URL_CANDIDATE = /\bhttps?:\/\/[^\s<>"'`{}|\\^\u00A0\u2000-\u200B\u3000]+/gi;
const TRAILING = /[.,;:!?'"*_~\u2019\u201D\u00BB…]+$/;

/** Drops trailing punctuation and unbalanced closing brackets ("(see https://a.b/c)." → "https://a.b/c"). */
function trimUrl(candidate: string): string {
  let url = candidate;
  for (;;) {
    const before = url;
    url = url.replace(TRAILING, '');
    for (const [open, close] of [
      ['(', ')'],
      ['[', ']'],
    ] as const) {
      if (url.endsWith(close) && count(url, close) > count(url, open)) url = url.slice(0, -1);
    }
    if (url === before) return url;
  }
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

/** Only absolute http: and https: URLs with a host become links. */
export function safeHref(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname) return url.href;
  } catch {
    /* not a URL */
  }
  return null;
}

/** Splits one line into text and link segments. */
export function linkify(line: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const match of line.matchAll(URL_CANDIDATE)) {
    const start = match.index ?? 0;
    const text = trimUrl(match[0]);
    const href = text.length > 'https://'.length - 1 ? safeHref(text) : null;
    if (!href) continue;
    if (start > last) out.push({ kind: 'text', text: line.slice(last, start) });
    out.push({ kind: 'link', text, href });
    last = start + text.length;
  }
  if (last < line.length) out.push({ kind: 'text', text: line.slice(last) });
  return out;
}

/** Paragraphs at blank lines, line breaks kept inside a paragraph, bare URLs found. */
export function formatMessage(message: string): FormattedMessage {
  const normalized = message.replace(/\r\n?/g, '\n').trim();
  if (!normalized) return [];
  return normalized
    .split(/\n[ \t]*\n+/)
    .map((p) => p.replace(/^\n+|\n+$/g, ''))
    .filter((p) => p.length > 0)
    .map((p) => p.split('\n').map(linkify));
}

/** "Ana María López" → "AL"; "李雷" → "李"; "" → "?". Grapheme-aware. */
export function initials(name: string): string {
  const words = name
    .trim()
    .split(/[\s\-_.]+/u)
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  const first = (w: string | undefined) => {
    if (!w) return '';
    const letters = w.replace(/^[^\p{L}\p{N}]+/u, '');
    const seg = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(letters)[Symbol.iterator]().next().value?.segment : Array.from(letters)[0];
    return (seg ?? '').toLocaleUpperCase();
  };
  if (words.length === 0) return '?';
  if (words.length === 1) return first(words[0]) || '?';
  return first(words[0]) + first(words[words.length - 1]);
}

/** FNV-1a over the UTF-16 code units: stable across browsers and reloads. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return [f(0), f(8), f(4)];
}

function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio of white text on an HSL background. */
export function contrastWithWhite(h: number, s: number, l: number): number {
  return 1.05 / (luminance(hslToRgb(h, s, l)) + 0.05);
}

/** Avatar hues are quantised to this many steps, so the colours live in the stylesheet. */
export const AVATAR_HUES = 36;
const AVATAR_SATURATION = 0.55;

/**
 * A background for white initials at hue step `i`: the lightness is lowered until white text
 * has at least 4.5:1 contrast (yellows and greens need darker shades than blues).
 */
export function avatarPaletteColor(i: number): string {
  const h = (i % AVATAR_HUES) * (360 / AVATAR_HUES);
  let l = 0.46;
  while (l > 0.15 && contrastWithWhite(h, AVATAR_SATURATION, l) < 4.6) l -= 0.01;
  return `hsl(${h} ${Math.round(AVATAR_SATURATION * 100)}% ${Math.round(l * 100)}%)`;
}

/** The hue step of a name: hash → hue. Same name, same colour, on every page and browser. */
export function avatarHue(name: string): number {
  return hashString(name.trim().toLowerCase()) % AVATAR_HUES;
}

/** The avatar background of a name (the colour its `.hue-N` class applies). */
export function avatarColor(name: string): string {
  return avatarPaletteColor(avatarHue(name));
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

const rtfCache = new Map<string, Intl.RelativeTimeFormat>();

function rtfFor(lang: string): Intl.RelativeTimeFormat {
  let rtf = rtfCache.get(lang);
  if (!rtf) {
    try {
      rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
    } catch {
      rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
    }
    rtfCache.set(lang, rtf);
  }
  return rtf;
}

/** "3 hours ago", "yesterday", "now" in the reader's language. */
export function relativeTime(iso: string, now: number, lang: string): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const seconds = Math.round((then - now) / 1000);
  const abs = Math.abs(seconds);
  const rtf = rtfFor(lang);
  if (abs < 45) return rtf.format(0, 'second');
  for (const [unit, size] of UNITS) {
    if (abs >= size) return rtf.format(Math.round(seconds / size), unit);
  }
  return rtf.format(Math.round(seconds / 60) || (seconds < 0 ? -1 : 1), 'minute');
}

/** The full date and time, for the `title` of the `<time>`. */
export function absoluteTime(iso: string, lang: string): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return iso;
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' }).format(then);
  } catch {
    return new Date(then).toISOString();
  }
}
