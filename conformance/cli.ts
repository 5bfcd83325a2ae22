/**
 * `article-feedback-conformance <base URL> [--admin-token T] [--origin O] [--json]`: checks that
 * a backend implements the article-feedback HTTP contract. Exit code 0 when no check failed,
 * 1 when one did, 2 on a usage error.
 */
import { parseArgs } from 'node:util';
import { type CheckResult, runConformance, summaryLine } from './run.js';

const USAGE = `Usage: article-feedback-conformance <base URL> [options]

Checks a backend against the article-feedback HTTP contract (the widget's API).
<base URL> is what the widget's \`endpoint\` is set to, e.g. http://127.0.0.1:8787/api

The backend must run with captcha off and moderation off, and without a write rate limit
(reference server: CAPTCHA=none MODERATION=off RATE_LIMIT_WRITES=0). The kit posts comments
and votes in threads named conformance:<run>:…; run it against a test instance.

Options:
  --admin-token <token>     also check the admin API (Authorization: Bearer <token>)
  --origin <origin>         an origin the backend allows (ALLOWED_ORIGINS), to check CORS for it
  --foreign-origin <origin> an origin it must refuse (default https://conformance-foreign.invalid)
  --only <prefix>           only the checks whose id starts with it (repeatable), e.g. --only rating.
                            (the backend.* checks always run: the others stand on them)
  --json                    print one JSON report instead of lines
  -h, --help                this text
`;

function usageError(message: string): never {
  process.stderr.write(`article-feedback-conformance: ${message}\n\n${USAGE}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      'admin-token': { type: 'string' },
      origin: { type: 'string' },
      'foreign-origin': { type: 'string' },
      only: { type: 'string', multiple: true },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (err) {
  usageError(err instanceof Error ? err.message : String(err));
}
const { values, positionals } = parsed;
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
if (positionals.length !== 1) usageError('give exactly one base URL');
const baseUrl = positionals[0]!;
if (!/^https?:\/\/[^/]/.test(baseUrl))
  usageError(`the base URL must start with http:// or https:// (got "${baseUrl}")`);
for (const name of ['origin', 'foreign-origin'] as const) {
  const value = values[name];
  if (value !== undefined && !/^https?:\/\/[^/]+$/.test(value)) {
    usageError(`--${name} must be an origin like https://news.example.com, without a path (got "${value}")`);
  }
}

const line = (r: CheckResult) => {
  const label = r.outcome === 'pass' ? 'pass' : r.outcome === 'fail' ? 'FAIL' : 'skip';
  const text = `${label}  ${r.id} — ${r.title}${r.reason ? `\n        ${r.reason}` : ''}\n`;
  process.stdout.write(text);
};

if (!values.json) process.stdout.write(`article-feedback conformance kit: ${baseUrl}\n`);
const report = await runConformance(
  {
    baseUrl,
    adminToken: values['admin-token'],
    origin: values.origin,
    foreignOrigin: values['foreign-origin'],
    only: values.only,
  },
  values.json ? undefined : line,
);
if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
else process.stdout.write(`${summaryLine(report)}\n`);
process.exitCode = report.failed > 0 ? 1 : 0;
