/**
 * Runs every check against one backend, in order, and reports each as passed, failed or
 * skipped with the reason. A check that needs something the run lacks (writes, the admin
 * token, an allowed origin) is skipped and says what would make it run.
 */
import { adminChecks } from './checks/admin.js';
import { basicChecks } from './checks/basics.js';
import { commentChecks } from './checks/comments.js';
import { optionalChecks } from './checks/optional.js';
import { cachingChecks, corsChecks, idempotencyChecks, paginationChecks } from './checks/protocol.js';
import { ratingChecks } from './checks/rating.js';
import { type Check, Context, type KitOptions, type Need } from './context.js';
import { CheckFailed, CheckSkipped } from './expect.js';
import { Unreachable } from './http.js';

export type { KitOptions } from './context.js';

/** Every check, in the order they run. */
export const CHECKS: readonly Check[] = [
  ...basicChecks,
  ...commentChecks,
  ...idempotencyChecks,
  ...cachingChecks,
  ...paginationChecks,
  ...corsChecks,
  ...ratingChecks,
  ...adminChecks,
  ...optionalChecks,
];

export type Outcome = 'pass' | 'fail' | 'skip';

export interface CheckResult {
  id: string;
  title: string;
  outcome: Outcome;
  /** Why it failed or was skipped. */
  reason?: string;
  ms: number;
}

export interface Report {
  baseUrl: string;
  results: CheckResult[];
  passed: number;
  failed: number;
  skipped: number;
}

export async function runConformance(
  options: KitOptions,
  onResult: (result: CheckResult) => void = () => {},
): Promise<Report> {
  const ctx = new Context(options);
  const missing = new Map<Need, string>();
  if (!options.adminToken) missing.set('admin', 'pass --admin-token <token> to check the admin API');
  if (!options.origin) missing.set('origin', 'pass --origin <an origin the backend allows> to check CORS for it');
  let unreachable: string | null = null;

  const results: CheckResult[] = [];
  const selected = CHECKS.filter(
    (check) =>
      !options.only?.length || check.id.startsWith('backend.') || options.only.some((p) => check.id.startsWith(p)),
  );
  for (const check of selected) {
    const started = performance.now();
    const result = (outcome: Outcome, reason?: string): CheckResult => ({
      id: check.id,
      title: check.title,
      outcome,
      ...(reason === undefined ? {} : { reason }),
      ms: Math.round(performance.now() - started),
    });
    let done: CheckResult;
    const lacking = (check.needs ?? []).find((need) => missing.has(need));
    if (unreachable) done = result('skip', unreachable);
    else if (lacking) done = result('skip', missing.get(lacking));
    else {
      try {
        await check.run(ctx);
        done = result('pass');
      } catch (err) {
        if (err instanceof CheckSkipped) done = result('skip', err.message);
        else if (err instanceof CheckFailed) done = result('fail', err.message);
        else if (err instanceof Unreachable) done = result('fail', err.message);
        else
          done = result(
            'fail',
            `the check itself broke: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
          );
        if (check.id === 'backend.reachable' && err instanceof Unreachable) {
          unreachable = `the backend is not reachable at ${options.baseUrl}`;
        }
        if (check.id === 'backend.accepts-writes' && done.outcome === 'fail') {
          missing.set('writes', 'no comment could be posted (see backend.accepts-writes)');
        }
      }
    }
    results.push(done);
    onResult(done);
  }
  const count = (outcome: Outcome) => results.filter((r) => r.outcome === outcome).length;
  return { baseUrl: options.baseUrl, results, passed: count('pass'), failed: count('fail'), skipped: count('skip') };
}

/** `N passed, N failed, N skipped` */
export function summaryLine(report: Pick<Report, 'passed' | 'failed' | 'skipped'>): string {
  return `${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped`;
}
