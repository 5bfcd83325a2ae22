/**
 * Loads a third-party captcha script (reCAPTCHA, hCaptcha, Turnstile) on demand: only when
 * the server or the publisher chose that provider, never otherwise (SPEC §4). All three offer
 * the same explicit-render API: `render(element, options) → id`, `getResponse(id)`, `reset(id)`.
 */
export type ProviderName = 'recaptcha' | 'hcaptcha' | 'turnstile';

export const PROVIDER_SCRIPTS: Record<ProviderName, string> = {
  recaptcha: 'https://www.google.com/recaptcha/api.js?render=explicit',
  hcaptcha: 'https://js.hcaptcha.com/1/api.js?render=explicit',
  turnstile: 'https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit',
};

/** The global each script defines. */
const GLOBALS: Record<ProviderName, string> = {
  recaptcha: 'grecaptcha',
  hcaptcha: 'hcaptcha',
  turnstile: 'turnstile',
};

export interface ProviderRenderOptions {
  sitekey: string;
  theme?: 'light' | 'dark' | 'auto';
  callback?: (token: string) => void;
  'expired-callback'?: () => void;
  'error-callback'?: () => void;
}

/** The common part of `grecaptcha`, `hcaptcha` and `turnstile`. */
export interface ProviderApi {
  render(container: HTMLElement, options: ProviderRenderOptions): string | number;
  getResponse(id?: string | number): string | undefined | null;
  reset(id?: string | number): void;
  remove?(id: string | number): void;
}

export function isProviderName(value: unknown): value is ProviderName {
  return value === 'recaptcha' || value === 'hcaptcha' || value === 'turnstile';
}

const pending = new Map<ProviderName, Promise<ProviderApi>>();

function existingApi(name: ProviderName): ProviderApi | null {
  const api = (globalThis as Record<string, unknown>)[GLOBALS[name]] as Partial<ProviderApi> | undefined;
  return api && typeof api.render === 'function' && typeof api.getResponse === 'function' ? (api as ProviderApi) : null;
}

/**
 * The provider's API, loading its script once per page. Rejects when the script cannot be
 * loaded (blocked, offline, refused by the page's CSP) or does not get ready within `timeoutMs`;
 * a later call tries again.
 */
export function loadProvider(name: ProviderName, timeoutMs = 20000): Promise<ProviderApi> {
  const ready = existingApi(name);
  if (ready) return Promise.resolve(ready);
  const inFlight = pending.get(name);
  if (inFlight) return inFlight;

  const promise = new Promise<ProviderApi>((resolve, reject) => {
    // The scripts call this global when their API is ready (`onload=` parameter).
    const callback = `__afCaptchaReady_${name}`;
    const globals = globalThis as Record<string, unknown>;
    const script = document.createElement('script');
    const timer = setTimeout(() => fail(new Error(`${name} did not get ready`)), timeoutMs);
    const done = () => {
      clearTimeout(timer);
      delete globals[callback];
    };
    const fail = (err: Error) => {
      done();
      pending.delete(name);
      script.remove();
      reject(err);
    };
    globals[callback] = () => {
      const api = existingApi(name);
      done();
      if (api) resolve(api);
      else fail(new Error(`${name} loaded without its API`));
    };
    script.src = `${PROVIDER_SCRIPTS[name]}&onload=${callback}`;
    script.async = true;
    // A page with a nonce-based CSP lets our script in with the same nonce as its own.
    const nonce = document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce;
    if (nonce) script.nonce = nonce;
    script.addEventListener('error', () => fail(new Error(`${name} script could not be loaded`)));
    document.head.appendChild(script);
  });
  pending.set(name, promise);
  return promise;
}
