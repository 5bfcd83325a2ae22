// Reads published declaration files (`dist/types`, or the copy an app installed from the packed
// tarball) for members that should not be there.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export function declarationFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? declarationFiles(join(dir, entry.name))
      : entry.name.endsWith('.d.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

/**
 * Every `_`-named class member or interface member in the declarations under `dir`, as
 * `"<file>: <name>"`. Internals are `_camelCase` and `/** @internal *\/`, which `stripInternal`
 * removes, so a hit is an internal that leaked into the published types.
 */
export function underscoreMembers(dir: string): string[] {
  const exposed: string[] = [];
  for (const file of declarationFiles(dir)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isClassElement(node) || ts.isTypeElement(node)) {
        const name = node.name && ts.isIdentifier(node.name) ? node.name.text : '';
        if (name.startsWith('_')) exposed.push(`${relative(dir, file)}: ${name}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return exposed;
}
