import { html, isServer, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { resolveEndpoint, resolveThread } from '../../client/endpoint.js';
import { PAGE_SIZE_DEFAULT } from '../../contract/constants.js';
import { FeedbackElement, type Theme } from '../shared/feedback-element.js';
import { BLOCK_PARTS } from '../shared/parts.js';
import { styles } from './article-feedback.styles.js';

/**
 * `<article-feedback>`: the whole block that closes an article — the heading, the standalone
 * `<article-rating>`, the `<comment-form>` and the `<comment-list>`. It hands its settings to
 * the inner elements as attributes; each of them also works on its own.
 *
 * @csspart heading - the h2
 */
export class ArticleFeedback extends FeedbackElement {
  static override properties: PropertyDeclarations = {
    captcha: {},
    captchaSiteKey: { attribute: 'captcha-site-key' },
    pageSize: { type: Number, attribute: 'page-size' },
    heading: {},
    _whole: { state: true },
  };
  static override styles = styles;

  /** The block's colour scheme, handed to every inner element. */
  override theme: Theme = 'auto';
  /** `auto` (ask the server) | `none` | `pow` | `recaptcha` | `hcaptcha` | `turnstile`. */
  captcha = 'auto';
  declare captchaSiteKey?: string;
  pageSize: number = PAGE_SIZE_DEFAULT;
  /** Overrides the heading text ("Leave a Comment"). */
  declare heading?: string;

  /**
   * @internal The form first (#24): the first frame holds the heading, a stand-in as large as the
   * rating and the form; the rating and the list come in the next task after that frame is
   * painted. A server-rendered block (its shadow root is there before the first render, #19) and
   * the server renderer show everything at once.
   */
  private _whole = isServer || !!this.shadowRoot;

  /** @internal Resolves once the frame with the form is painted (at once in a hidden tab, which paints none). */
  private _painted?: Promise<unknown>;

  protected override firstUpdated(): void {
    this._painted = new Promise((painted) =>
      document.hidden ? painted(0) : requestAnimationFrame(() => setTimeout(painted)),
    ).then(() => (this._whole = true));
  }

  /** Resolves once the whole block is rendered: the rating and the list too. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    await this._painted;
    return super.getUpdateComplete();
  }

  protected override render(): TemplateResult {
    const tr = this._locale.tr;
    const endpoint = resolveEndpoint(this) ?? nothing;
    const thread = resolveThread(this) ?? nothing;
    const lang = tr.lang;
    const theme = this.theme || 'auto';
    const captchaSiteKey = this.captchaSiteKey ?? nothing;
    const heading = this.heading?.trim() ? this.heading : tr.t('feedback.heading');
    const label = tr.t('feedback.rateLabel');
    return html`
      <section class="block" aria-labelledby="heading">
        <h2 id="heading" part="heading">${heading}</h2>
        ${
          this._whole
            ? html`<article-rating
                exportparts=${BLOCK_PARTS}
                class="rating-host"
                endpoint=${endpoint}
                thread=${thread}
                lang=${lang}
                theme=${theme}
                label=${label}
                .messages=${this.messages}
              ></article-rating>`
            : html`<div class="rating rating-host" aria-hidden="true">
                <span part="label">${label}</span>
                <span part="stars"
                  ><span part="star"></span><span part="star"></span><span part="star"></span><span part="star"></span
                  ><span part="star"></span
                ></span>
                <span part="summary"></span>
                <!-- Not :empty, like the rating's own (a text node): the same row gap under the stars. -->
                <div part="feedback">${' '}</div>
              </div>`
        }
        <comment-form
          exportparts=${BLOCK_PARTS}
          endpoint=${endpoint}
          thread=${thread}
          lang=${lang}
          theme=${theme}
          captcha=${this.captcha || 'auto'}
          captcha-site-key=${captchaSiteKey}
          .messages=${this.messages}
        ></comment-form>
        ${
          this._whole
            ? html`<comment-list
                exportparts=${BLOCK_PARTS}
                endpoint=${endpoint}
                thread=${thread}
                lang=${lang}
                theme=${theme}
                captcha=${this.captcha || 'auto'}
                captcha-site-key=${captchaSiteKey}
                page-size=${this.pageSize}
                .messages=${this.messages}
              ></comment-list>`
            : nothing
        }
      </section>
    `;
  }
}
