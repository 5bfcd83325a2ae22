/**
 * Where an imported comment's thread id comes from. By default the path of its page's URL, as
 * the widget's own default is the page's path; `--thread-from url|identifier` takes the whole
 * URL or the source's page identifier instead, and `--map FILE.csv` (source URL → thread id)
 * decides first for the pages it names, for sites whose addresses changed.
 */
import { readFileSync } from 'node:fs';
import { THREAD_PATTERN } from '../../src/contract/limits.js';

export type ThreadFrom = 'path' | 'url' | 'identifier';
export const THREAD_FROM: readonly ThreadFrom[] = ['path', 'url', 'identifier'];

export type ThreadResult = { thread: string } | { refused: string };

export class ThreadResolver {
  constructor(
    private readonly from: ThreadFrom,
    private readonly map: Map<string, string> = new Map(),
  ) {}

  resolve(page: { url: string | null; identifier: string | null }): ThreadResult {
    if (page.url) {
      const mapped = this.map.get(page.url) ?? this.map.get(normalUrl(page.url));
      if (mapped !== undefined) return { thread: mapped };
    }
    let thread: string;
    if (this.from === 'identifier') {
      if (!page.identifier) return { refused: 'page has no identifier (--thread-from identifier)' };
      thread = page.identifier;
    } else {
      if (!page.url) return { refused: 'page has no URL' };
      let url: URL | null = null;
      try {
        url = new URL(page.url);
      } catch {
        /* a path (Isso keeps only the path), or not an address */
      }
      if (this.from === 'url') {
        if (!url) return { refused: 'page address is not a full URL (use --thread-from path)' };
        thread = url.href;
      } else {
        try {
          url ??= new URL(page.url, 'http://relative.invalid');
        } catch {
          return { refused: 'page address is not a URL' };
        }
        thread = url.pathname;
      }
    }
    if (!THREAD_PATTERN.test(thread)) return { refused: `thread id not valid (use --map or --thread-from)` };
    return { thread };
  }
}

/** A URL compared without its fragment and trailing slash, so a map entry matches either spelling. */
function normalUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href.replace(/\/$/, '');
  } catch {
    return url;
  }
}

/**
 * Reads a map file: one `source URL,thread id` per line (a header line naming the columns is
 * allowed, blank lines and lines starting with # are skipped; fields may be "quoted").
 * Throws with the line number on a bad line.
 */
export function readThreadMap(file: string): Map<string, string> {
  const map = new Map<string, string>();
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  lines.forEach((line, index) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const fields = splitCsvLine(line);
    if (index === 0 && fields.length === 2 && !/^[a-z][a-z0-9+.-]*:/i.test(fields[0]!)) return; // header
    if (fields.length !== 2)
      throw new Error(`${file} line ${index + 1}: expected "source URL,thread id", got ${fields.length} fields`);
    const [url, thread] = fields as [string, string];
    if (!THREAD_PATTERN.test(thread))
      throw new Error(
        `${file} line ${index + 1}: "${thread}" is not a valid thread id (1–200 of A-Z a-z 0-9 . _ ~ : / -)`,
      );
    map.set(url, thread);
    map.set(normalUrl(url), thread);
  });
  return map;
}

function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        current += '"';
        i++;
      } else if (c === '"') quoted = false;
      else current += c;
    } else if (c === '"' && current === '') quoted = true;
    else if (c === ',') {
      fields.push(current.trim());
      current = '';
    } else current += c;
  }
  fields.push(current.trim());
  return fields;
}
