/**
 * `npm run lint:openapi`: writes the document exactly as `GET /api/openapi.json` serves it (the
 * same `openApiDocument(ratingMax)`, default scale) to `.tmp/openapi/openapi.json` and lints it
 * with Redocly's recommended rules (`redocly.yaml`). Redocly exits 0 on warnings; here any
 * warning fails too, so the document stays at 0 errors and 0 warnings.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testConfig } from '../../server/config.js';
import { openApiDocument } from '../../server/openapi.js';

interface Problem {
  ruleId: string;
  severity: string;
  message: string;
  location: { pointer: string }[];
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const file = join(root, '.tmp', 'openapi', 'openapi.json');
mkdirSync(join(root, '.tmp', 'openapi'), { recursive: true });
writeFileSync(file, JSON.stringify(openApiDocument(testConfig().ratingMax), null, 2) + '\n');

const result = spawnSync(
  join(root, 'node_modules', '.bin', 'redocly'),
  ['lint', '--config', join(root, 'redocly.yaml'), '--max-problems', '1000', '--format', 'json', file],
  // No telemetry or update check: lint runs offline in CI.
  {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  },
);
let report: { totals: { errors: number; warnings: number }; problems: Problem[] };
try {
  report = JSON.parse(result.stdout) as typeof report;
} catch {
  process.stderr.write(result.stdout + result.stderr);
  console.error('lint:openapi: Redocly gave no report (see above).');
  process.exit(1);
}
for (const problem of report.problems) {
  console.error(`${problem.severity} ${problem.ruleId} at ${problem.location[0]?.pointer ?? '?'}: ${problem.message}`);
}
const { errors, warnings } = report.totals;
console.log(`redocly lint ${relative(root, file)}: ${errors} errors, ${warnings} warnings`);
process.exit(errors + warnings === 0 && result.status === 0 ? 0 : 1);
