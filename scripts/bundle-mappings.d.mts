/** One mapping of a bundle: its offset in the bundle's text, its source and original name. */
export interface BundleMapping {
  at: number;
  source: string | null;
  name: string | null;
}
/** `file`'s text and its mappings in the text's order (`file` with `<file>.map` beside it). */
export function bundleMappings(file: string): { code: string; mappings: BundleMapping[] };
