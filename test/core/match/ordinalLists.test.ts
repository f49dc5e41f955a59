import { describe, expect, it } from 'vitest';
import { OrdinalLists } from '../../../core/match/ordinalLists';

describe('OrdinalLists', () => {
  it('gives back every list as pushed, past its first capacity', () => {
    const lists = new OrdinalLists();
    const pushed: number[][] = [];
    for (let k = 0; k < 3000; k++) {
      const list = Array.from({ length: k % 5 }, (_, i) => (k * 7 + i) % 4001) as number[];
      if (k % 11 === 0) list.push(-1);
      lists.push(list);
      pushed.push(list);
    }
    expect(lists.length).toBe(pushed.length);
    const read = pushed.map((_, k) => {
      const out: number[] = [];
      for (let i = lists.from(k); i < lists.to(k); i++) out.push(lists.at(i));
      return out;
    });
    expect(read).toEqual(pushed);
  });
});
