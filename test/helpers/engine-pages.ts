/**
 * One small page interface over the two drivers the other engines need, for the end-to-end tests:
 * Firefox ESR through puppeteer-core (WebDriver BiDi), WebKit (MiniBrowser) through webdriverio
 * and WebKitWebDriver (W3C WebDriver). Playwright cannot drive either: it needs its own patched
 * builds, which cannot be downloaded here.
 *
 * Elements are addressed by a path of CSS selectors, each one looked up inside the shadow root of
 * the element before it (or inside the element itself when it has none):
 *   ['article-feedback', 'comment-form', 'input[name="email"]']
 * Clicks and typing are real input from the driver; reading the page is a script.
 *
 * Page scripts are passed as source text, never as functions: tsx compiles these tests with
 * esbuild's keepNames, whose `__name()` helper does not exist in the page.
 */
import puppeteer, {
  type Browser as PuppeteerBrowser,
  type ElementHandle,
  type Page as PuppeteerPage,
} from 'puppeteer-core';
import { remote } from 'webdriverio';
import { FIREFOX_LAUNCH_OPTIONS, WEBKIT_CAPABILITIES, startWebKitDriver, typeKeyByKey } from './engines.mjs';

export type EngineName = 'firefox' | 'webkit';
export const ENGINES: EngineName[] = ['firefox', 'webkit'];

/** The engines chosen with AF_ENGINE (`firefox`, `webkit`, or both separated by a comma); default both. */
export function chosenEngines(): EngineName[] {
  const chosen = (process.env.AF_ENGINE ?? ENGINES.join(',')).split(',').map((name) => name.trim());
  for (const name of chosen) {
    if (!ENGINES.includes(name as EngineName)) throw new Error(`AF_ENGINE: unknown engine "${name}" (firefox, webkit)`);
  }
  return chosen as EngineName[];
}

export type ElementPath = readonly string[];

export interface EnginePage {
  readonly engine: EngineName;
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /**
   * Runs `body` (the source of a function body that may `return` a JSON value) with `args`
   * bound to the array `args`, and answers what it returned.
   */
  run<T>(body: string, ...args: unknown[]): Promise<T>;
  click(path: ElementPath): Promise<void>;
  /** Fills a text field as a reader would: its text selected, then `text` typed over it key by key. */
  fill(path: ElementPath, text: string): Promise<void>;
  /** Presses one key (a key name: `Tab`, `Enter`…) where the focus is. */
  press(key: string): Promise<void>;
}

export interface EngineSession {
  readonly engine: EngineName;
  /** A fresh reader: a page with its own storage. */
  newPage(): Promise<EnginePage>;
  close(): Promise<void>;
}

/** Page-side source: the element at `path` through shadow roots, or null. */
const FIND = `function find(path) {
  let node = document;
  for (const selector of path) {
    node = (node.shadowRoot || node).querySelector(selector);
    if (!node) return null;
  }
  return node;
}`;

/** The function that runs `body` with `args`, as a string both drivers evaluate. */
function wrap(body: string): string {
  return `(function (args) { ${FIND}\n${body}\n })`;
}

async function openFirefox(): Promise<EngineSession> {
  const browser: PuppeteerBrowser = await puppeteer.launch(FIREFOX_LAUNCH_OPTIONS);
  return {
    engine: 'firefox',
    async newPage() {
      // A new browser context per reader: its own localStorage, as a second person would have.
      const context = await browser.createBrowserContext();
      const page: PuppeteerPage = await context.newPage();
      async function element(path: ElementPath): Promise<ElementHandle<Element>> {
        const handle = await page.evaluateHandle(`${wrap('return find(args);')}(${JSON.stringify(path)})`);
        const found = handle.asElement() as ElementHandle<Element> | null;
        if (!found) throw new Error(`Firefox: no element at ${path.join(' » ')}`);
        return found;
      }
      return {
        engine: 'firefox',
        async goto(url) {
          await page.goto(url);
        },
        async reload() {
          await page.reload();
        },
        run<T>(body: string, ...args: unknown[]) {
          return page.evaluate(`${wrap(body)}(${JSON.stringify(args)})`) as Promise<T>;
        },
        async click(path) {
          await (await element(path)).click();
        },
        async fill(path, text) {
          const target = await element(path);
          await target.click();
          await target.evaluate((el) => (el as HTMLInputElement).select());
          await target.type(text);
        },
        async press(key) {
          await page.keyboard.press(key as Parameters<typeof page.keyboard.press>[0]);
        },
      };
    },
    async close() {
      await browser.close();
    },
  };
}

async function openWebKit(): Promise<EngineSession> {
  const driver = await startWebKitDriver();
  const sessions: WebdriverIO.Browser[] = [];
  return {
    engine: 'webkit',
    async newPage() {
      // WebKitWebDriver has one window per session, and each session its own storage: one per reader.
      const browser = await remote({
        hostname: driver.hostname,
        port: driver.port,
        path: driver.path,
        capabilities: WEBKIT_CAPABILITIES as WebdriverIO.Capabilities,
        logLevel: 'error',
      });
      sessions.push(browser);
      async function element(path: ElementPath) {
        const reference = await browser.execute(`return ${wrap('return find(args);')}(arguments[0]);`, path);
        if (!reference) throw new Error(`WebKit: no element at ${path.join(' » ')}`);
        return browser.$(reference as unknown as WebdriverIO.Element);
      }
      /**
       * A real mouse click at the element's centre. Not WebDriver's Element Click: WebKitWebDriver
       * checks what is under the point without looking into shadow roots, finds the host and
       * refuses with "element click intercepted".
       */
      async function click(path: ElementPath): Promise<void> {
        const centre = await browser.execute(
          `return ${wrap(`const el = find(args);
            if (!el) return null;
            el.scrollIntoView({ block: 'center' });
            const box = el.getBoundingClientRect();
            return { x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height / 2) };`)}(arguments[0]);`,
          path,
        );
        if (!centre) throw new Error(`WebKit: no element at ${path.join(' » ')}`);
        const { x, y } = centre as { x: number; y: number };
        await browser.action('pointer').move({ x, y, origin: 'viewport' }).down().up().perform();
      }
      return {
        engine: 'webkit',
        async goto(url) {
          await browser.navigateTo(url);
        },
        async reload() {
          await browser.refresh();
        },
        run<T>(body: string, ...args: unknown[]) {
          return browser.execute(`return ${wrap(body)}(arguments[0]);`, args) as Promise<T>;
        },
        click,
        async fill(path, text) {
          await click(path);
          await browser.execute(`arguments[0].select();`, await element(path));
          await typeKeyByKey(browser, text);
        },
        async press(key) {
          await browser.keys(key);
        },
      };
    },
    async close() {
      for (const session of sessions) await session.deleteSession().catch(() => {});
      await driver.stop();
    },
  };
}

export function openEngine(engine: EngineName): Promise<EngineSession> {
  return engine === 'firefox' ? openFirefox() : openWebKit();
}

/** Polls `body` (as for `run`) until it returns a truthy value; answers that value. */
export async function waitFor<T>(page: EnginePage, what: string, body: string, ...args: unknown[]): Promise<T> {
  const deadline = Date.now() + 20_000;
  let last: unknown;
  for (;;) {
    last = await page.run<T>(body, ...args);
    if (last) return last as T;
    if (Date.now() > deadline)
      throw new Error(`${page.engine}: timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
