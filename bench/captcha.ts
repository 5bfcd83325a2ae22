/**
 * Proof-of-work solve time (SPEC §4: "well under a second on a phone"). Creates real
 * challenges with the server module at the configured difficulty, solves them with the
 * widget's solver (Blob Web Worker + crypto.subtle) in headless Chromium with the CPU slowed
 * ×4 through CDP, and prints the median and 90th percentile. Every solution is checked by
 * the server's verifier, so the figures are for solutions that count.
 *
 *   node --import tsx bench/captcha.ts            # or as part of `npm run bench`
 *   POW_MAX_NUMBER=100000 BENCH_POW_RUNS=40 node --import tsx bench/captcha.ts
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { launchChromium } from '../test/helpers/launch-chromium.js';
import { createPowCaptcha, DEFAULT_POW_MAX_NUMBER } from '../server/captcha/pow.js';
import type { PowChallenge } from '../src/contract/schemas.js';

interface SolveResult {
  number: number;
  took: number;
  worker: boolean;
  payload: string;
}

declare global {
  interface Window {
    afBenchSolve(challenge: PowChallenge, mainThread: boolean): Promise<SolveResult | null>;
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export async function benchCaptcha(): Promise<Record<string, string | number>> {
  const maxnumber = Number(process.env.POW_MAX_NUMBER ?? DEFAULT_POW_MAX_NUMBER);
  const runs = Number(process.env.BENCH_POW_RUNS ?? 20);
  const throttle = Number(process.env.BENCH_CPU_THROTTLE ?? 4);

  const bundle = await build({
    stdin: {
      contents: `import { solvePow, encodePowPayload } from './src/client/captcha/pow.ts';
        window.afBenchSolve = async (challenge, mainThread) => {
          const s = await solvePow(challenge, { mainThread });
          return s && { ...s, payload: encodePowPayload(challenge, s.number) };
        };`,
      resolveDir: fileURLToPath(new URL('..', import.meta.url)),
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
  });
  const script = bundle.outputFiles[0]!.text;

  // 127.0.0.1 is a secure context, as an https page is: crypto.subtle is available.
  const http = createServer((req, res) => {
    if (req.url === '/solver.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
      return;
    }
    res
      .writeHead(200, {
        'content-type': 'text/html',
        'content-security-policy': "default-src 'none'; script-src 'self'; worker-src blob:",
      })
      .end('<!doctype html><title>pow bench</title><script type="module" src="/solver.js"></script>');
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  const used = new Set<string>();
  const captcha = createPowCaptcha(
    { secret: 'bench-secret', powMaxNumber: maxnumber },
    { useCaptchaSolution: (id) => Promise.resolve(used.has(id) ? false : (used.add(id), true)) },
  );

  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await page.goto(origin + '/');
    await page.waitForFunction(() => typeof window.afBenchSolve === 'function');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });

    // The worker runs on its own thread; CDP throttling is certain to slow the page's main
    // thread, so the main-thread figure (the fallback path, same code) is the safe upper bound.
    const figures: Record<string, string | number> = {
      'pow maxnumber': maxnumber,
      'pow CPU throttling': `${throttle}x`,
      'pow solves per mode': runs,
    };
    for (const mode of ['worker', 'main thread'] as const) {
      const times: number[] = [];
      let hashes = 0;
      let inWorker = 0;
      let rejected = 0;
      // One warm-up solve (worker start-up, JIT) that is not counted.
      for (let i = -1; i < runs; i++) {
        const config = await captcha.describe();
        if (config.provider !== 'pow') throw new Error('expected a pow challenge');
        const result = await page.evaluate(([c, m]) => window.afBenchSolve(c, m), [
          config.challenge,
          mode === 'main thread',
        ] as const);
        if (!result) throw new Error('no solution found');
        if ((await captcha.verify(result.payload, undefined)) !== 'ok') rejected++;
        if (i < 0) continue;
        times.push(result.took);
        hashes += result.number + 1;
        if (result.worker) inWorker++;
      }
      times.sort((x, y) => x - y);
      const totalMs = times.reduce((x, y) => x + y, 0);
      figures[`pow ${mode}: median solve (ms)`] = Math.round(percentile(times, 50));
      figures[`pow ${mode}: p90 solve (ms)`] = Math.round(percentile(times, 90));
      figures[`pow ${mode}: hashes per second`] = Math.round(hashes / (totalMs / 1000));
      if (mode === 'worker') figures['pow solved in a worker'] = `${inWorker}/${runs}`;
      figures[`pow ${mode}: solutions refused by server`] = rejected;
    }
    return figures;
  } finally {
    await browser.close();
    http.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const figures = await benchCaptcha();
  for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(44)} ${v}`);
}
