import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ApiError } from '../../client/api.js';
import { getCaptcha } from '../../client/api-actions.js';
import { encodePowPayload, powExpiresAt, solvePow } from '../../client/captcha/pow.js';
import { isProviderName, loadProvider, type ProviderApi, type ProviderName } from '../../client/captcha/providers.js';
import { resolveEndpoint } from '../../client/endpoint.js';
import type { CaptchaConfig, PowChallenge } from '../../contract/schemas.js';
import { enLater } from '../../i18n/en-later.js';
import { addEnglish } from '../../i18n/index.js';
import type { MessageKey } from '../../i18n/types.js';
import { FeedbackElement } from '../shared/feedback-element.js';
import { tokens } from '../shared/tokens.styles.js';
import { captchaStyles } from './af-captcha.styles.js';

// The English this chunk shows (field checks, server answers, captcha, vote results).
addEnglish(enLater);

/**
 * Where the captcha stands:
 * - `idle`: not started yet (the form starts it on the reader's first touch);
 * - `loading`: asking `GET /captcha` or loading the provider's script;
 * - `solving`: the proof-of-work runs; `verified`: its solution is ready;
 * - `waiting`: the provider's checkbox is shown and not done; `done`: it gave a token;
 * - `error`: the proof-of-work failed; `unavailable`: the captcha could not be loaded;
 * - `off`: no captcha (provider `none`).
 */
export type CaptchaState =
  'idle' | 'loading' | 'solving' | 'verified' | 'waiting' | 'done' | 'error' | 'unavailable' | 'off';

export interface CaptchaStateDetail {
  state: CaptchaState;
  /** The provider in use, once known (`auto` until the server answered). */
  provider: string;
}

/** A fresh challenge is fetched when the solved one has less than this left (ms). */
const EXPIRY_MARGIN_MS = 60_000;

/**
 * The captcha of `<comment-form>` (internal). For the proof-of-work it solves in the
 * background and shows "Verifying…" then "Verified"; for reCAPTCHA, hCaptcha and Turnstile it
 * loads the provider's script, only then, and renders its checkbox into a light-DOM child
 * (the providers need a real element in the document tree), slotted into its shadow root.
 *
 * @fires captcha-state - Not composed: when the state changes. Detail `{ state, provider }`.
 * @csspart label - The "Spam protection" label of a provider checkbox.
 * @csspart feedback - The status line.
 */
export class CaptchaField extends FeedbackElement {
  static override properties: PropertyDeclarations = {
    provider: {},
    siteKey: { attribute: 'site-key' },
    _state: { state: true },
    _resolvedProvider: { state: true },
  };
  static override styles = [tokens, captchaStyles];

  /** `auto` (ask `GET /captcha`) | `none` | `pow` | `recaptcha` | `hcaptcha` | `turnstile`. */
  provider = 'auto';
  /** Site key for a provider checkbox; when empty, the server's is used. */
  siteKey = '';

  /** @internal */
  private _state: CaptchaState = 'idle';
  /** @internal The provider the server named, for `auto`. */
  private _resolvedProvider: string | null = null;

  /** @internal */
  private _started = false;
  /** @internal */
  private _run = 0;
  /** @internal */
  private _abort: AbortController | null = null;
  /** @internal The proof-of-work's payload, or null when it failed. */
  private _powResult: Promise<string | null> | null = null;
  /** @internal */
  private _powChallenge: PowChallenge | null = null;
  /** @internal */
  private _widget: { api: ProviderApi; id: string | number; container: HTMLElement } | null = null;
  /** @internal */
  private _providerToken: string | null = null;
  /** @internal */
  private _widgetReady: Promise<void> | null = null;

  /** False when there is no captcha to do (provider `none`). */
  get active(): boolean {
    return this.provider !== 'none' && this._resolvedProvider !== 'none';
  }

  /** Message key for "not done": reCAPTCHA has its own wording (SPEC §2). */
  get requiredKey(): 'captcha.required' | 'captcha.requiredOther' {
    return this._currentProvider === 'recaptcha' ? 'captcha.required' : 'captcha.requiredOther';
  }

  /** The current state, for the form and for tests. */
  get captchaState(): CaptchaState {
    return this._state;
  }

  /** @internal */
  private get _currentProvider(): string {
    return this.provider === 'auto' ? (this._resolvedProvider ?? 'auto') : this.provider;
  }

  /** Begins: fetches the configuration and starts solving or loads the provider. Idempotent. */
  start(): void {
    if (this._started || this.provider === 'none') return;
    this._started = true;
    void this._begin();
  }

  /**
   * The value of the comment's `captcha` field. Waits for the proof-of-work (starting it when
   * needed, and fetching a fresh challenge when the solved one failed or is about to expire);
   * for a provider checkbox it answers at once: its token, or null when it is not done.
   */
  async token(): Promise<string | null> {
    if (!this.active) return null;
    if (!this._started) this.start();
    if (this._currentProvider === 'auto' || this._state === 'loading') await this._configReady();
    if (!this.active) return null;
    if (isProviderName(this._currentProvider)) return this._currentProviderToken();

    if (this._state === 'error' || this._state === 'unavailable' || this._nearlyExpired()) this._restart();
    const result = await this._powResult;
    if (result && this._nearlyExpired()) {
      this._restart();
      return (await this._powResult) ?? null;
    }
    return result ?? null;
  }

  /** A new challenge (after a post, or when the server refused the solution), or a cleared checkbox. */
  reset(): void {
    if (!this._started) return;
    if (this._widget && isProviderName(this._currentProvider)) {
      this._providerToken = null;
      try {
        this._widget.api.reset(this._widget.id);
      } catch {
        /* the provider may already have dropped the widget */
      }
      this._setState('waiting');
      return;
    }
    this._restart();
  }

  /** Focus goes to the provider's checkbox, else to the status line (read out by screen readers). */
  override focus(options?: FocusOptions): void {
    const frame = this._widget?.container.querySelector('iframe');
    if (frame) frame.focus(options);
    else this.renderRoot.querySelector<HTMLElement>('.status')?.focus(options);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._teardown();
    this._started = false;
    this._state = 'idle';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const settingsChanged = (['provider', 'endpoint', 'siteKey'] as const).some(
      (key) => changed.has(key) && changed.get(key) !== undefined,
    );
    if (settingsChanged && this._started) this._restart();
    if (changed.has('provider') && this.provider === 'none') {
      this._teardown();
      this._started = false;
      this._state = 'off';
    }
  }

  /** @internal */
  private _restart(): void {
    this._teardown();
    this._started = true;
    void this._begin();
  }

  /** @internal */
  private _teardown(): void {
    this._run++;
    this._abort?.abort();
    this._abort = null;
    this._powResult = null;
    this._powChallenge = null;
    this._widgetReady = null;
    this._providerToken = null;
    if (this._widget) {
      try {
        this._widget.api.remove?.(this._widget.id);
      } catch {
        /* ignore */
      }
      this._widget.container.remove();
      this._widget = null;
    }
    if (this.provider === 'auto') this._resolvedProvider = null;
  }

  /** @internal */
  private _configLoad: Promise<void> | null = null;

  /** @internal */
  private _configReady(): Promise<void> {
    return this._configLoad ?? Promise.resolve();
  }

  /** @internal */
  private _begin(): Promise<void> {
    const run = ++this._run;
    const abort = new AbortController();
    this._abort = abort;
    this._setState('loading');
    let settled!: (value: string | null) => void;
    this._powResult = new Promise((resolve) => (settled = resolve));
    const work = this._work(run, abort.signal, settled).catch(() => {
      if (run === this._run) this._setState('unavailable');
      settled(null);
    });
    this._configLoad = work;
    return work;
  }

  /** @internal */
  private async _work(run: number, signal: AbortSignal, settle: (value: string | null) => void): Promise<void> {
    const config = await this._loadConfig(signal);
    if (run !== this._run) return settle(null);
    if (this.provider === 'auto') this._resolvedProvider = config.provider;

    if (config.provider === 'none') {
      this._setState('off');
      return settle(null);
    }
    if (config.provider !== 'pow') {
      settle(null);
      this._widgetReady = this._showWidget(run, config.provider, config.siteKey);
      return this._widgetReady;
    }

    this._powChallenge = config.challenge;
    this._setState('solving');
    let solution;
    try {
      solution = await solvePow(config.challenge, { signal });
    } catch {
      if (run === this._run) this._setState('error');
      return settle(null);
    }
    if (run !== this._run) return settle(null);
    if (!solution) {
      this._setState('error');
      return settle(null);
    }
    this._setState('verified');
    settle(encodePowPayload(config.challenge, solution.number));
  }

  /** @internal What to show: the element's own provider, or the server's (`auto`, or a pow challenge). */
  private async _loadConfig(signal: AbortSignal): Promise<CaptchaConfig> {
    const provider = this.provider;
    if (isProviderName(provider) && this.siteKey) return { provider, siteKey: this.siteKey };
    const base = resolveEndpoint(this);
    if (!base) throw new Error('no endpoint');
    let config: CaptchaConfig;
    try {
      config = await getCaptcha(base, signal);
    } catch (err) {
      // A backend without the endpoint has no server-side captcha: nothing to show for `auto`.
      if (provider === 'auto' && err instanceof ApiError && err.status === 404) return { provider: 'none' };
      throw err;
    }
    if (provider === 'auto') return config;
    if (provider === 'pow' && config.provider === 'pow') return config;
    if (isProviderName(provider) && config.provider === provider) return config;
    // The element asked for something the server does not offer.
    throw new Error(`the server offers ${config.provider}, not ${provider}`);
  }

  /** @internal */
  private async _showWidget(run: number, provider: ProviderName, siteKey: string): Promise<void> {
    this._setState('loading');
    let api: ProviderApi;
    try {
      api = await loadProvider(provider);
    } catch {
      if (run === this._run) this._setState('unavailable');
      return;
    }
    if (run !== this._run || !this.isConnected) return;
    const container = document.createElement('div');
    container.slot = 'widget';
    container.className = 'af-captcha-widget';
    this.append(container);
    try {
      const id = api.render(container, {
        sitekey: siteKey,
        theme: this._widgetTheme(),
        callback: (token: string) => {
          if (run !== this._run) return;
          this._providerToken = token;
          this._setState('done');
        },
        'expired-callback': () => {
          if (run !== this._run) return;
          this._providerToken = null;
          this._setState('waiting');
        },
        'error-callback': () => {
          if (run !== this._run) return;
          this._providerToken = null;
          this._setState('unavailable');
        },
      });
      this._widget = { api, id, container };
      this._setState('waiting');
    } catch {
      container.remove();
      this._setState('unavailable');
    }
  }

  /** @internal */
  private _currentProviderToken(): string | null {
    if (this._providerToken) return this._providerToken;
    if (!this._widget) return null;
    try {
      return this._widget.api.getResponse(this._widget.id) || null;
    } catch {
      return null;
    }
  }

  /** @internal */
  private _widgetTheme(): 'light' | 'dark' {
    if (this.theme === 'dark' || this.theme === 'light') return this.theme;
    return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  /** @internal */
  private _nearlyExpired(): boolean {
    const expires = this._powChallenge ? powExpiresAt(this._powChallenge) : null;
    return expires !== null && expires - EXPIRY_MARGIN_MS < Date.now();
  }

  /** @internal */
  private _setState(next: CaptchaState): void {
    if (this._state === next) return;
    this._state = next;
    this.dispatchEvent(
      new CustomEvent<CaptchaStateDetail>('captcha-state', {
        detail: { state: next, provider: this._currentProvider },
        bubbles: true,
        composed: false,
      }),
    );
  }

  /** @internal */
  private _statusKey(): MessageKey | null {
    switch (this._state) {
      case 'loading':
        return isProviderName(this._currentProvider) ? null : 'captcha.verifying';
      case 'solving':
        return 'captcha.verifying';
      case 'verified':
        return 'captcha.verified';
      case 'error':
        return 'captcha.error';
      case 'unavailable':
        return 'captcha.unavailable';
      default:
        return null;
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this.active) return nothing;
    const t = (key: MessageKey) => this._locale.tr.t(key);
    const withWidget = isProviderName(this._currentProvider);
    const key = this._statusKey();
    const mark = this._state === 'verified' ? html`<span class="mark" aria-hidden="true">✓</span>` : nothing;
    const tone =
      this._state === 'verified' ? 'ok' : this._state === 'error' || this._state === 'unavailable' ? 'bad' : '';
    return html`
      <div class="captcha" role="group" aria-labelledby="label">
        <span id="label" class=${withWidget ? 'label' : 'visually-hidden'} part="label">${t('captcha.label')}</span>
        ${withWidget ? html`<div class="widget"><slot name="widget"></slot></div>` : nothing}
        <p class="status ${tone}" part="feedback" role="status" tabindex="-1">
          ${key ? html`${mark}${t(key)}` : nothing}
        </p>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementEventMap {
    'captcha-state': CustomEvent<CaptchaStateDetail>;
  }
}
