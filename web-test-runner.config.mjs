import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_PATH, PUPPETEER_CHROMIUM_FLAGS } from './test/helpers/chromium.mjs';

export default {
  files: ['test/components/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production'] },
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: PUPPETEER_CHROMIUM_FLAGS,
      },
    }),
  ],
  concurrency: 1,
  browserStartTimeout: 120000,
  testsStartTimeout: 120000,
  testsFinishTimeout: 300000,
  // Generous: the first dynamic import of a chunk (zod, the captcha) is compiled on the fly on a cold run.
  testFramework: { config: { timeout: 30000 } },
};
