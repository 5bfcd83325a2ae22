/**
 * `LISTEN af_thread_versions` (issue #24): one connection per instance hears every change of a
 * thread's version (migration 010's trigger notifies on commit, whoever wrote) and tells
 * `onChange(thread)`. When the connection is lost, or made again, it tells `onChange(null)`
 * (anything may have changed unheard) and tries again every `retryMs` (3 s). It only ever makes what an
 * instance keeps fresher sooner: the staleness bound (READ_STALE_MS, http/versions.ts) holds
 * without it.
 */
import pg from 'pg';

export const THREAD_VERSIONS_CHANNEL = 'af_thread_versions';
/** The connection's `application_name` (pg_stat_activity), e.g. for a test that cuts it. */
export const LISTEN_APPLICATION_NAME = 'article-feedback listen';

export interface Listening {
  close(): Promise<void>;
}

export function listenThreadVersions(
  connectionString: string,
  onChange: (thread: string | null) => void,
  options: { retryMs?: number } = {},
): Listening {
  const retryMs = options.retryMs ?? 3000;
  let current: pg.Client | undefined;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;

  const lost = (client: pg.Client) => {
    if (current !== client) return;
    current = undefined;
    onChange(null);
    client.end().catch(() => {});
    if (!closed) timer = setTimeout(connect, retryMs).unref();
  };

  function connect(): void {
    const client = new pg.Client({ connectionString, application_name: LISTEN_APPLICATION_NAME, keepAlive: true });
    current = client;
    client.on('notification', (message) => {
      if (current === client && message.channel === THREAD_VERSIONS_CHANNEL) onChange(message.payload ?? null);
    });
    client.on('error', () => lost(client));
    client.on('end', () => lost(client));
    client
      .connect()
      .then(() => client.query(`listen ${THREAD_VERSIONS_CHANNEL}`))
      // What changed before LISTEN took effect was not heard.
      .then(() => current === client && onChange(null))
      .catch(() => lost(client));
  }

  connect();
  return {
    async close() {
      closed = true;
      clearTimeout(timer);
      const client = current;
      current = undefined;
      await client?.end().catch(() => {});
    },
  };
}
