/** The problems with packages/server/package.json's `dependencies` for these imported packages; none = fine. */
export function dependencyProblems(imported: string[]): string[];

/** Writes packages/server/lib/ and demo/; returns the packages the bundles import and the problems found. */
export function buildServerPackage(): Promise<{ imported: string[]; problems: string[] }>;
