import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdIndex } from '../../../core/match/idIndex';

describe('IdIndex', () => {
  it('finds each id at its position, and nothing for an id not indexed', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ maxLength: 12 }), { maxLength: 300 }),
        fc.string(),
        (ids, other) => {
          const index = new IdIndex((i) => ids[i]!, ids.length);
          expect(index.distinct).toBe(true);
          for (let i = 0; i < ids.length; i++) expect(index.get(ids[i]!)).toBe(i);
          if (!ids.includes(other)) expect(index.get(other)).toBeUndefined();
        },
      ),
    );
  });

  it('says when an id comes twice, and finds its first position', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `t${i}`);
    ids.push('t17');
    const index = new IdIndex((i) => ids[i]!, ids.length);
    expect(index.distinct).toBe(false);
    expect(index.get('t17')).toBe(17);
    expect(index.get('t4999')).toBe(4999);
  });
});
