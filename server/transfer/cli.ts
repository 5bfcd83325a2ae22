/**
 * The `import` and `export` subcommands (server/cli.ts hands them their arguments):
 *
 *   import --from disqus|wordpress|isso|remark42|article-feedback FILE
 *          [--thread-from path|url|identifier] [--map FILE.csv]
 *   export [--out FILE]
 *
 * Both use the database named by DATABASE_URL. Progress goes to stderr, the summary to stdout
 * (to stderr when the export itself goes to stdout). A problem prints one line and exits
 * non-zero: 2 for a wrong command line, 1 for anything else.
 */
import { once } from 'node:events';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createWriteStream, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { ConfigError, loadDatabaseConfig } from '../config.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/types.js';
import { importOwnExport } from './article-feedback.js';
import { readDisqus } from './disqus.js';
import { exportLines, type ExportCounts } from './export.js';
import { openInput } from './input.js';
import { readIsso } from './isso.js';
import { Progress } from './progress.js';
import { readRemark42 } from './remark42.js';
import type { ImportSource } from './source.js';
import { readThreadMap, THREAD_FROM, ThreadResolver, type ThreadFrom } from './thread.js';
import { readWordPress } from './wordpress.js';
import { emptySummary, formatSummary, ImportWriter, type ImportSummary } from './writer.js';

const READERS: Record<string, (file: string) => ImportSource> = {
  disqus: readDisqus,
  wordpress: readWordPress,
  isso: readIsso,
  remark42: readRemark42,
};
export const IMPORT_FORMATS = [...Object.keys(READERS), 'article-feedback'];

export const TRANSFER_USAGE = `       article-feedback-server import --from ${IMPORT_FORMATS.join('|')} FILE
                                      [--thread-from path|url|identifier] [--map FILE.csv]
       article-feedback-server export [--out FILE]`;

class UsageError extends Error {}

/** Options as `--name value` or `--name=value`; everything else is positional. */
function parseArgs(args: string[], known: string[]): { options: Map<string, string>; positional: string[] } {
  const options = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.includes('=')
      ? [arg.slice(2, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg.slice(2), undefined];
    if (!known.includes(name)) throw new UsageError(`unknown option --${name}`);
    const value = inline ?? args[++i];
    if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
    if (options.has(name)) throw new UsageError(`--${name} given twice`);
    options.set(name, value);
  }
  return { options, positional };
}

/** Runs `import` or `export`; never throws: prints one line and sets the exit code instead. */
export async function transferCommand(command: 'import' | 'export', args: string[]): Promise<void> {
  try {
    if (command === 'import') await importCommand(args);
    else await exportCommand(args);
  } catch (error) {
    // `export | head`: the reader stopped reading; that is its choice, not a failure.
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') return;
    const usage = error instanceof UsageError;
    console.error(
      `article-feedback: ${command} failed: ${oneLine(error)}${usage ? `\nusage: ${TRANSFER_USAGE.trimStart()}` : ''}`,
    );
    process.exitCode = usage ? 2 : 1;
  }
}

function oneLine(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length) return oneLine(error.errors[0]);
  if (error instanceof ConfigError) return `invalid setting ${error.message}`;
  if (error instanceof Error) return error.message || (error as NodeJS.ErrnoException).code || error.name;
  return String(error);
}

async function openConfiguredStore(): Promise<Store> {
  const { databaseUrl, pgPoolMax } = loadDatabaseConfig(process.env);
  return openStore(databaseUrl, { poolMax: Math.min(pgPoolMax, 4) });
}

function readableFile(file: string, what: string): void {
  if (!existsSync(file)) throw new UsageError(`there is no ${what} ${file}`);
  if (!statSync(file).isFile()) throw new UsageError(`${file} is not a file`);
}

/**
 * V8 collects garbage lazily: while a large file streams through, its heap of dead strings grows
 * far past what is alive (measured: RSS 258 MB at 100,000 Disqus comments, of which ~25 MB live;
 * a machine that imports faster piles up more garbage between V8's own collections, up to 281 MB).
 * So a full collection runs whenever the heap has grown by GARBAGE_ALLOWANCE since the last one,
 * looked at every 100 ms: the footprint stays flat on any machine (at 20,000 comments a second,
 * one collection every 0.65 s, 11–20 ms each: under 2 % of the import's time). `--expose-gc` set
 * at run time reaches only contexts created afterwards, hence the new context.
 */
const GARBAGE_ALLOWANCE = 32 * 1024 * 1024;

function collectGarbageRegularly(): () => void {
  let collect: () => void;
  try {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  } catch {
    return () => {};
  }
  let afterLast = getHeapStatistics().used_heap_size;
  const timer = setInterval(() => {
    if (getHeapStatistics().used_heap_size - afterLast < GARBAGE_ALLOWANCE) return;
    collect();
    afterLast = getHeapStatistics().used_heap_size;
  }, 100);
  timer.unref();
  return () => clearInterval(timer);
}

async function importCommand(args: string[]): Promise<void> {
  const { options, positional } = parseArgs(args, ['from', 'thread-from', 'map']);
  const from = options.get('from');
  if (!from) throw new UsageError('import needs --from');
  if (!IMPORT_FORMATS.includes(from))
    throw new UsageError(`--from must be one of ${IMPORT_FORMATS.join(', ')} (got "${from}")`);
  if (positional.length !== 1) throw new UsageError('import needs exactly one FILE');
  const file = positional[0]!;
  readableFile(file, 'file');
  const threadFrom = options.get('thread-from') ?? 'path';
  if (!THREAD_FROM.includes(threadFrom as ThreadFrom))
    throw new UsageError(`--thread-from must be one of ${THREAD_FROM.join(', ')} (got "${threadFrom}")`);
  const mapFile = options.get('map');
  if (from === 'article-feedback' && (options.has('thread-from') || mapFile))
    throw new UsageError('an article-feedback export keeps its thread ids: --thread-from and --map do not apply');
  if (mapFile) readableFile(mapFile, 'map file');
  const resolver = new ThreadResolver(threadFrom as ThreadFrom, mapFile ? readThreadMap(mapFile) : undefined);

  const store = await openConfiguredStore();
  const started = Date.now();
  const stopCollecting = collectGarbageRegularly();
  let summary: ImportSummary;
  let extra: string[] = [];
  let progress: Progress | null = null;
  try {
    if (from === 'article-feedback') {
      const input = openInput(file);
      summary = emptySummary();
      const live = summary;
      progress = new Progress(process.stderr, `importing ${file}`, () => ({
        fraction: input.fraction(),
        read: live.read,
        imported: live.imported,
      })).start();
      const result = await importOwnExport(store, input, file, summary);
      if (result.votesAlreadyThere) extra = [`  votes already there: ${result.votesAlreadyThere.toLocaleString('en')}`];
    } else {
      const source = READERS[from]!(file);
      const writer = new ImportWriter(store, source.source, resolver);
      progress = new Progress(process.stderr, `importing ${file}`, () => ({
        fraction: source.fraction(),
        read: writer.summary.read,
        imported: writer.summary.imported,
      })).start();
      summary = await writer.run(source);
    }
  } finally {
    stopCollecting();
    progress?.stop();
    await store.close();
  }
  const seconds = (Date.now() - started) / 1000;
  const rate = Math.round(summary.read / Math.max(seconds, 0.001));
  const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(
    formatSummary(summary, [
      ...extra,
      `Took ${seconds.toFixed(1)} s (${rate.toLocaleString('en')} comments/s), peak memory ${peakMb} MB.`,
    ]),
  );
}

async function exportCommand(args: string[]): Promise<void> {
  const { options, positional } = parseArgs(args, ['out']);
  if (positional.length) throw new UsageError(`unexpected argument ${positional[0]}`);
  const out = options.get('out');
  const store = await openConfiguredStore();
  const counts: ExportCounts = { comments: 0, votes: 0 };
  // The file holds readers' emails: only its owner may read it. It is written beside its final
  // name and renamed at the end, so an interrupted export never looks complete.
  const partial = out ? `${out}.partial` : null;
  const stream = partial ? createWriteStream(partial, { mode: 0o600 }) : process.stdout;
  const progress = new Progress(process.stderr, `exporting${out ? ` to ${out}` : ''}`, () => ({
    fraction: null,
    read: counts.comments + counts.votes,
    imported: counts.comments + counts.votes,
  })).start();
  try {
    for await (const text of exportLines(store, Date.now(), counts))
      if (!stream.write(text)) await once(stream, 'drain');
    if (partial) {
      stream.end();
      await once(stream, 'finish');
      renameSync(partial, out!);
    }
  } catch (error) {
    if (partial) {
      stream.destroy();
      rmSync(partial, { force: true });
    }
    throw error;
  } finally {
    progress.stop();
    await store.close();
  }
  const summary = `Exported ${counts.comments.toLocaleString('en')} comments and ${counts.votes.toLocaleString('en')} votes${out ? ` to ${out}` : ''}.`;
  if (out) console.log(summary);
  else console.error(summary);
}
