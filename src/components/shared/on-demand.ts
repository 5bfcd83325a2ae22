/**
 * The loader of an on-demand module (a file in a `lazy/` folder): the first call starts the
 * `import()`, later calls share it, and a failed attempt (offline) is tried again on the next.
 */
export function onDemand<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().catch((err: unknown) => {
      pending = undefined;
      throw err;
    }));
}
