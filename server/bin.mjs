#!/usr/bin/env node
// `article-feedback-server`: runs the TypeScript server through tsx (Node 20 cannot run .ts itself).
import { register } from 'tsx/esm/api';

register();
await import('./cli.ts');
