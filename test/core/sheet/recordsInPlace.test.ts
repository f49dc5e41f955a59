import { describe, expect, it } from 'vitest';
import { indexHeader } from '../../../core/sheet/headerIndex';
import { recordsInPlace } from '../../../core/sheet/recordsInPlace';
import { MATCH_COLUMNS } from '../../../core/sheet/workbookLayout';

describe('recordsInPlace', () => {
  const header = MATCH_COLUMNS.map((c) => c.header);
  const index = indexHeader(header, MATCH_COLUMNS);
  const row = (id: string) => header.map((h) => (h === 'Match ID' ? id : ''));

  it('keeps every existing key on its row; new keys fill freed rows, then go below', () => {
    const old = [row('m1'), row('m2'), row('m3')];
    // m2 is gone; m0 and m4 are new and would sort first and last.
    const records = [{ matchId: 'm0' }, { matchId: 'm1' }, { matchId: 'm3' }, { matchId: 'm4' }];
    expect(recordsInPlace(old, index, records, 'matchId').map((r) => r.matchId)).toEqual([
      'm1',
      'm0',
      'm3',
      'm4',
    ]);
  });

  it('leaves blank rows where keys went and nothing new came', () => {
    const old = [row('m1'), row('m2'), row('m3')];
    expect(recordsInPlace(old, index, [{ matchId: 'm3' }], 'matchId')).toEqual([{}, {}, { matchId: 'm3' }]);
  });
});
