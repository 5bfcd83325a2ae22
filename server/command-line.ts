/**
 * What every command of `article-feedback-server` (server/cli.ts, server/serve.ts) shares: one
 * line on stderr and a non-zero exit for a problem, an error as one line, a database URL as it
 * may be printed.
 */

export function fail(message: string, code = 1): never {
  console.error(`article-feedback: ${message}`);
  process.exit(code);
}

/** One line from any error, including pg's AggregateError (one failure per address tried). */
export function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length) return describe(error.errors[0]);
  if (error instanceof Error) return error.message || (error as NodeJS.ErrnoException).code || error.name;
  return String(error);
}

/** A database URL as it may be printed: without its password. */
export function shown(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:@/]*):[^@/]*@/i, '$1:***@');
}
