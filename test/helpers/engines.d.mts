export declare const FIREFOX_PATH: string;
export declare const WEBKIT_DRIVER_PATH: string;
export declare const WEBKIT_BROWSER_PATH: string;
export declare const FIREFOX_LAUNCH_OPTIONS: {
  browser: 'firefox';
  executablePath: string;
  headless: boolean;
  extraPrefsFirefox: Record<string, unknown>;
};
export declare const WEBKIT_CAPABILITIES: Record<string, unknown>;
export declare function freePort(): Promise<number>;
export declare function startWebKitDriver(): Promise<{
  hostname: string;
  port: number;
  path: string;
  stop(): Promise<void>;
}>;
export declare function typeKeyByKey(browser: WebdriverIO.Browser, text: string): Promise<void>;
