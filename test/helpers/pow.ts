import { createHash } from 'node:crypto';
import type { PowChallenge } from '../../src/contract/schemas.js';

/** What the browser's worker does: try 0..maxnumber until SHA-256(salt + n) matches. */
export function solvePow(challenge: PowChallenge): number {
  for (let n = 0; n <= challenge.maxnumber; n++) {
    if (
      createHash('sha256')
        .update(challenge.salt + n)
        .digest('hex') === challenge.challenge
    )
      return n;
  }
  throw new Error('unsolvable challenge');
}
