import { describe, expect, it } from 'vitest';
import { columnsAtHeader } from '../../../core/sheet/columnsAtHeader';
import { indexHeader } from '../../../core/sheet/headerIndex';
import { rowsKeepingPeopleCells } from '../../../core/sheet/rowsKeepingPeopleCells';
import { MATCH_COLUMNS } from '../../../core/sheet/workbookLayout';

describe('rowsKeepingPeopleCells', () => {
  // The bookkeeper moved Notes first and added a column of their own ("Checked").
  const header = ['Notes', 'Match ID', 'Kind', 'Decision', 'Checked'];
  const index = indexHeader(header, MATCH_COLUMNS);
  const grid = {
    header,
    index,
    columnAt: columnsAtHeader(header, MATCH_COLUMNS, index),
    rows: [
      ['late deposit', 'm-1', 'payout-deposit', 'confirm', 'yes'],
      ['', 'm-2', 'transfer', '', ''],
      ['stale', 'm-9', 'duplicate', 'reject', 'x'],
    ],
  };

  it('moves what people wrote with the row key and rewrites the computed cells', () => {
    const rows = rowsKeepingPeopleCells(
      grid,
      [
        { matchId: 'm-2', kind: 'transfer' },
        { matchId: 'm-1', kind: 'many-to-one' },
      ],
      (value) => value,
      'matchId',
    );
    expect(rows).toEqual([
      ['', 'm-2', 'transfer', '', ''],
      ['late deposit', 'm-1', 'many-to-one', 'confirm', 'yes'],
      ['', '', '', '', ''], // blanks over the row that is gone
    ]);
  });

  it('leaves people cells empty without a key and encodes every cell', () => {
    const rows = rowsKeepingPeopleCells(
      grid,
      [{ matchId: 'm-1', kind: '=1+1' }],
      (v) => `<${String(v ?? '')}>`,
    );
    expect(rows[0]).toEqual(['<>', '<m-1>', '<=1+1>', '<>', '<>']);
    expect(rows).toHaveLength(3);
  });
});
