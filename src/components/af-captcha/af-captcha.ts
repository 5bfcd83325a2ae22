import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ApiError } from '../../client/api.js';
import { getCaptcha } from '../../client/api-actions.js';
import { encodePowPayload, powExpiresAt, solvePow } from '../../client/captcha/pow.js';
import { isProviderName, loadProvider, type ProviderApi, type ProviderName } from '../../client/captcha/providers.js';
import { resolveEndpoint } from '../../client/endpoint.js';
import type { CaptchaConfig, PowChallenge } from '../../contract/schemas.js';
import { LocaleController } from '../../i18n/controller.js';
import { enLater } from '../../i18n/en-later.js';
import { addEnglish } from '../../i18n/index.js';
import type { MessageKey, Messages } from '../../i18n/types.js';
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
export class CaptchaField extends LitElement {
  static override properties: PropertyDeclarations = {
    endpoint: {},
    provider: {},
    siteKey: { attribute: 'site-key' },
    lang: { reflect: true },
    theme: { reflect: true },
    messages: { attribute: false },
    state: { state: true },
    resolved: { state: true },
  };
  static override styles = [tokens, captchaStyles];

  /** API base URL; else the enclosing `<article-feedback>`'s. */
  declare endpoint: string | undefined;
  /** `auto` (ask `GET /captcha`) | `none` | `pow` | `recaptcha` | `hcaptcha` | `turnstile`. */
  provider = 'auto';
  /** Site key for a provider checkbox; when empty, the server's is used. */
  siteKey = '';
  declare lang: string;
  declare theme: string | undefined;
  declare messages: Messages | undefined;

  private state: CaptchaState = 'idle';
  /** The provider the server named, for `auto`. */
  private resolved: string | null = null;

  private readonly l10n = new LocaleController(this);
  private started = false;
  private run = 0;
  private abort: AbortController | null = null;
  /** The proof-of-work's payload, or null when it failed. */
  private powResult: Promise<string | null> | null = null;
  private powChallenge: PowChallenge | null = null;
  private widget: { api: ProviderApi; id: string | number; container: HTMLElement } | null = null;
  private providerToken: string | null = null;
  private widgetReady: Promise<void> | null = null;

  /** False when there is no captcha to do (provider `none`). */
  get active(): boolean {
    return this.provider !== 'none' && this.resolved !== 'none';
  }

  /** Message key for "not done": reCAPTCHA has its own wording (SPEC §2). */
  get requiredKey(): 'captcha.required' | 'captcha.requiredOther' {
    return this.currentProvider === 'recaptcha' ? 'captcha.required' : 'captcha.requiredOther';
  }

  /** The current state, for the form and for tests. */
  get captchaState(): CaptchaState {
    return this.state;
  }

  private get currentProvider(): string {
    return this.provider === 'auto' ? (this.resolved ?? 'auto') : this.provider;
  }

  /** Begins: fetches the configuration and starts solving or loads the provider. Idempotent. */
  start(): void {
    if (this.started || this.provider === 'none') return;
    this.started = true;
    void this.begin();
  }

  /**
   * The value of the comment's `captcha` field. Waits for the proof-of-work (starting it when
   * needed, and fetching a fresh challenge when the solved one failed or is about to expire);
   * for a provider checkbox it answers at once: its token, or null when it is not done.
   */
  async token(): Promise<string | null> {
    if (!this.active) return null;
    if (!this.started) this.start();
    if (this.currentProvider === 'auto' || this.state === 'loading') await this.configReady();
    if (!this.active) return null;
    if (isProviderName(this.currentProvider)) return this.currentProviderToken();

    if (this.state === 'error' || this.state === 'unavailable' || this.nearlyExpired()) this.restart();
    const result = await this.powResult;
    if (result && this.nearlyExpired()) {
      this.restart();
      return (await this.powResult) ?? null;
    }
    return result ?? null;
  }

  /** A new challenge (after a post, or when the server refused the solution), or a cleared checkbox. */
  reset(): void {
    if (!this.started) return;
    if (this.widget && isProviderName(this.currentProvider)) {
      this.providerToken = null;
      try {
        this.widget.api.reset(this.widget.id);
      } catch {
        /* the provider may already have dropped the widget */
      }
      this.setState('waiting');
      return;
    }
    this.restart();
  }

  /** Focus goes to the provider's checkbox, else to the status line (read out by screen readers). */
  override focus(options?: FocusOptions): void {
    const frame = this.widget?.container.querySelector('iframe');
    if (frame) frame.focus(options);
    else this.renderRoot.querySelector<HTMLElement>('.status')?.focus(options);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.teardown();
    this.started = false;
    this.state = 'idle';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('lang') || changed.has('messages')) this.l10n.refresh();
    const settingsChanged = (['provider', 'endpoint', 'siteKey'] as const).some(
      (key) => changed.has(key) && changed.get(key) !== undefined,
    );
    if (settingsChanged && this.started) this.restart();
    if (changed.has('provider') && this.provider === 'none') {
      this.teardown();
      this.started = false;
      this.state = 'off';
    }
  }

  private restart(): void {
    this.teardown();
    this.started = true;
    void this.begin();
  }

  private teardown(): void {
    this.run++;
    this.abort?.abort();
    this.abort = null;
    this.powResult = null;
    this.powChallenge = null;
    this.widgetReady = null;
    this.providerToken = null;
    if (this.widget) {
      try {
        this.widget.api.remove?.(this.widget.id);
      } catch {
        /* ignore */
      }
      this.widget.container.remove();
      this.widget = null;
    }
    if (this.provider === 'auto') this.resolved = null;
  }

  private configPromise: Promise<void> | null = null;

  private configReady(): Promise<void> {
    return this.configPromise ?? Promise.resolve();
  }

  private begin(): Promise<void> {
    const run = ++this.run;
    const abort = new AbortController();
    this.abort = abort;
    this.setState('loading');
    let settled!: (value: string | null) => void;
    this.powResult = new Promise((resolve) => (settled = resolve));
    const work = this.work(run, abort.signal, settled).catch(() => {
      if (run === this.run) this.setState('unavailable');
      settled(null);
    });
    this.configPromise = work;
    return work;
  }

  private async work(run: number, signal: AbortSignal, settle: (value: string | null) => void): Promise<void> {
    const config = await this.loadConfig(signal);
    if (run !== this.run) return settle(null);
    if (this.provider === 'auto') this.resolved = config.provider;

    if (config.provider === 'none') {
      this.setState('off');
      return settle(null);
    }
    if (config.provider !== 'pow') {
      settle(null);
      this.widgetReady = this.showWidget(run, config.provider, config.siteKey);
      return this.widgetReady;
    }

    this.powChallenge = config.challenge;
    this.setState('solving');
    let solution;
    try {
      solution = await solvePow(config.challenge, { signal });
    } catch {
      if (run === this.run) this.setState('error');
      return settle(null);
    }
    if (run !== this.run) return settle(null);
    if (!solution) {
      this.setState('error');
      return settle(null);
    }
    this.setState('verified');
    settle(encodePowPayload(config.challenge, solution.number));
  }

  /** What to show: the element's own provider, or the server's (`auto`, or a pow challenge). */
  private async loadConfig(signal: AbortSignal): Promise<CaptchaConfig> {
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

  private async showWidget(run: number, provider: ProviderName, siteKey: string): Promise<void> {
    this.setState('loading');
    let api: ProviderApi;
    try {
      api = await loadProvider(provider);
    } catch {
      if (run === this.run) this.setState('unavailable');
      return;
    }
    if (run !== this.run || !this.isConnected) return;
    const container = document.createElement('div');
    container.slot = 'widget';
    container.className = 'af-captcha-widget';
    this.append(container);
    try {
      const id = api.render(container, {
        sitekey: siteKey,
        theme: this.widgetTheme(),
        callback: (token: string) => {
          if (run !== this.run) return;
          this.providerToken = token;
          this.setState('done');
        },
        'expired-callback': () => {
          if (run !== this.run) return;
          this.providerToken = null;
          this.setState('waiting');
        },
        'error-callback': () => {
          if (run !== this.run) return;
          this.providerToken = null;
          this.setState('unavailable');
        },
      });
      this.widget = { api, id, container };
      this.setState('waiting');
    } catch {
      container.remove();
      this.setState('unavailable');
    }
  }

  private currentProviderToken(): string | null {
    if (this.providerToken) return this.providerToken;
    if (!this.widget) return null;
    try {
      return this.widget.api.getResponse(this.widget.id) || null;
    } catch {
      return null;
    }
  }

  private widgetTheme(): 'light' | 'dark' {
    if (this.theme === 'dark' || this.theme === 'light') return this.theme;
    return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  private nearlyExpired(): boolean {
    const expires = this.powChallenge ? powExpiresAt(this.powChallenge) : null;
    return expires !== null && expires - EXPIRY_MARGIN_MS < Date.now();
  }

  private setState(next: CaptchaState): void {
    if (this.state === next) return;
    this.state = next;
    this.dispatchEvent(
      new CustomEvent<CaptchaStateDetail>('captcha-state', {
        detail: { state: next, provider: this.currentProvider },
        bubbles: true,
        composed: false,
      }),
    );
  }

  private statusKey(): MessageKey | null {
    switch (this.state) {
      case 'loading':
        return isProviderName(this.currentProvider) ? null : 'captcha.verifying';
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
    const t = (key: MessageKey) => this.l10n.tr.t(key);
    const withWidget = isProviderName(this.currentProvider);
    const key = this.statusKey();
    const tone = this.state === 'verified' ? 'ok' : this.state === 'error' || this.state === 'unavailable' ? 'bad' : '';
    return html`
      <div class="captcha" role="group" aria-labelledby="label">
        <span id="label" class=${withWidget ? 'label' : 'visually-hidden'} part="label">${t('captcha.label')}</span>
        ${withWidget ? html`<div class="widget"><slot name="widget"></slot></div>` : nothing}
        <p class="status ${tone}" part="feedback" role="status" tabindex="-1">
          ${key ? html`${this.state === 'verified' ? html`<span class="mark" aria-hidden="true">✓</span>` : nothing}${t(key)}` : nothing}
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
