import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The store's migrations in the order Kysely runs them (their file names, without `.ts`). */
export const MIGRATION_NAMES: string[] = readdirSync(
  fileURLToPath(new URL('../../server/store/migrations', import.meta.url)),
)
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.slice(0, -'.ts'.length))
  .sort();
