import { isServer } from 'lit';

/**
 * The loader of an on-demand module (a file in a `lazy/` folder): the first call starts the
 * `import()`, later calls share it, and a failed attempt (offline) is tried again on the next.
 * In the server renderer (#19) nothing loads on demand: the promise never settles, because those
 * modules are the browser's (they build DOM) and a render is over before one could be used.
 * (`isServer` is false in the browser build, which drops that branch.)
 */
export function onDemand<T>(load: () => Promise<T>): () => Promise<T> {
  if (isServer) return () => new Promise<T>(() => undefined);
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().catch((err: unknown) => {
      pending = undefined;
      throw err;
    }));
}
