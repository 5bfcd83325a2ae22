// "Email me when someone replies" (#16, SPEC §6.7): loaded on the reader's first touch. It asks
// the server (`GET /config`, once per endpoint and page) whether it sends email at all, and only
// then offers the checkbox, unticked. It sees its form only through a FormHost.
import { html, nothing, type TemplateResult } from 'lit';
import { resolveEndpoint } from '../../../client/endpoint.js';
import { serverConfig } from '../../../client/server-config.js';
import type { FormHost } from '../comment-form.js';

/** One request per endpoint for every element on the page (client/server-config.ts). */
const mailAvailable = (endpoint: string): Promise<boolean> =>
  serverConfig(endpoint).then((config) => config?.mail === true);

/** Shows the checkbox once the server says it sends email. */
export async function offer(host: FormHost): Promise<void> {
  const endpoint = resolveEndpoint(host.element);
  if (!endpoint || host.state.mailOption) return;
  if (await mailAvailable(endpoint)) await host.update({ mailOption: true });
}

/** The checkbox, when offered. */
export function field(host: FormHost): TemplateResult | typeof nothing {
  if (!host.state.mailOption) return nothing;
  return html`<div class="field notify-field">
    <label part="label">
      <input
        type="checkbox"
        name="notify"
        .checked=${host.state.notify}
        ?disabled=${host.state.sending}
        @change=${(e: Event) => void host.update({ notify: (e.target as HTMLInputElement).checked })}
      />
      ${host.translator.t('form.notify')}
    </label>
  </div>`;
}
