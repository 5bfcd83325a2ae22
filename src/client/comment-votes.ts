import { perTaskRead } from './per-task-read.js';
import { safeStorage } from './storage.js';

// The reader's own votes on comments (SPEC §6.2, #18), so the pressed button shows after a
// reload. As with the rating (own-votes.ts), the server counts one vote per voter id
// (voter.ts); this is only what this browser remembers of it. One map, keyed by endpoint and
// comment id, the newest few hundred kept. Only the list's on-demand chunk imports this.

const KEY = 'article-feedback:comment-votes';
const KEPT = 500;

type Votes = Record<string, 1 | -1>;

function parse(raw: string | null): Votes {
  let stored: unknown;
  try {
    stored = JSON.parse(raw ?? 'null');
  } catch {
    /* not ours: no votes */
  }
  const votes: Votes = {};
  if (stored && typeof stored === 'object' && !Array.isArray(stored))
    for (const [key, value] of Object.entries(stored)) if (value === 1 || value === -1) votes[key] = value;
  return votes;
}

/** The stored votes, read once per task (the list asks for every comment it renders, #24); not to be changed: `set` copies them. */
const stored = perTaskRead(KEY, parse);

export const commentVotes = {
  /** 1, -1, or 0 when this browser has not voted on the comment. */
  get(endpoint: string, id: string): 1 | -1 | 0 {
    return stored.read()[`${endpoint} ${id}`] ?? 0;
  },
  set(endpoint: string, id: string, value: 1 | -1 | 0): void {
    const votes = { ...stored.read() };
    const key = `${endpoint} ${id}`;
    delete votes[key];
    if (value) votes[key] = value;
    safeStorage.setJSON(KEY, Object.fromEntries(Object.entries(votes).slice(-KEPT)));
    stored.changed();
  },
};
