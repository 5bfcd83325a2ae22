import type { ServerConfig } from '../contract/schemas.js';
import { getServerConfig } from './api-actions.js';

// `GET /config` (SPEC §6.7) once per endpoint and page, for every element that needs it (the
// form's reply-email option, the list's edit window). A failure answers null and is asked again
// next time. Only on-demand chunks import this.

const configByEndpoint = new Map<string, Promise<ServerConfig | null>>();

export function serverConfig(endpoint: string): Promise<ServerConfig | null> {
  let answer = configByEndpoint.get(endpoint);
  if (!answer) {
    answer = getServerConfig(endpoint).then(
      (config) => config,
      () => {
        configByEndpoint.delete(endpoint);
        return null;
      },
    );
    configByEndpoint.set(endpoint, answer);
  }
  return answer;
}
