#!/usr/bin/env node
// `article-feedback-conformance`: runs the kit's TypeScript through tsx (Node 20 cannot run .ts
// itself), so it works from the installed package and shares the contract's own schemas.
import { register } from 'tsx/esm/api';

register();
await import('./cli.ts');
