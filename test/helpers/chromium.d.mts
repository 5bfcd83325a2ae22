export declare const CHROMIUM_FLAGS: string[];
export declare const PLAYWRIGHT_DISABLED_FEATURES: string[];
export declare const UNSHOWN_UI_FEATURES: string[];
export declare const PLAYWRIGHT_CHROMIUM_FLAGS: string[];
export declare const PUPPETEER_CHROMIUM_FLAGS: string[];
export declare const CHROMIUM_PATH: string;
