import type { StoredComment } from '../../server/store/types.js';

/**
 * A maker of numbered comments for store tests: each call gives the next one (`<prefix>000001`,
 * "Message 1", …), a published comment by Ada unless `base(n)` or the call's overrides say
 * otherwise. One maker per test file, so ids never collide within a database.
 */
export function storedComments(
  prefix: string,
  base: (n: number) => Partial<StoredComment> = () => ({}),
): (overrides?: Partial<StoredComment>) => StoredComment {
  let n = 0;
  return (overrides = {}) => {
    n += 1;
    return {
      id: `${prefix}${String(n).padStart(6, '0')}`,
      thread: '/articles/one',
      parent: null,
      name: 'Ada Lovelace',
      email: 'Ada@Example.com',
      message: `Message ${n}`,
      rating: null,
      voter: null,
      status: 'published',
      createdAt: 0,
      clientHash: `client-${n}`,
      editedAt: null,
      ...base(n),
      ...overrides,
    };
  };
}
