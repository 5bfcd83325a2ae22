import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
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

  protected override render(): TemplateResult {
    const tr = this._locale.tr;
    const endpoint = resolveEndpoint(this) ?? nothing;
    const thread = resolveThread(this) ?? nothing;
    const lang = tr.lang;
    const theme = this.theme || 'auto';
    const captchaSiteKey = this.captchaSiteKey ?? nothing;
    const heading = this.heading?.trim() ? this.heading : tr.t('feedback.heading');
    return html`
      <section class="block" aria-labelledby="heading">
        <h2 id="heading" part="heading">${heading}</h2>
        <article-rating
          exportparts=${BLOCK_PARTS}
          class="rating"
          endpoint=${endpoint}
          thread=${thread}
          lang=${lang}
          theme=${theme}
          label=${tr.t('feedback.rateLabel')}
          .messages=${this.messages}
        ></article-rating>
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
        <comment-list
          exportparts=${BLOCK_PARTS}
          endpoint=${endpoint}
          thread=${thread}
          lang=${lang}
          theme=${theme}
          captcha=${this.captcha || 'auto'}
          captcha-site-key=${captchaSiteKey}
          page-size=${this.pageSize}
          .messages=${this.messages}
        ></comment-list>
      </section>
    `;
  }
}
