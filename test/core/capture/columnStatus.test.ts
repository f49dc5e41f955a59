import { describe, expect, it } from 'vitest';
import { columnStats } from '../../../core/capture/chooseMapping';
import type { DomNode } from '../../../core/capture/domTree';
import type { Cell } from '../../../core/capture/rowCells';
import { PENDING_WORDS, POSTED_WORDS, SKIP_STATUS_WORDS } from '../../../core/capture/valueShapes';

const VALUES = [
  'Pending',
  'posted',
  '(Authorised)',
  '3 Pending',
  'échoué',
  'à venir',
  'In progress',
  'Failed*',
  '$4,999.99',
  '-€12,00',
  '11/21/2026',
  '2026-11-21',
  '—',
  '12:30',
  '①②③',
  'Ⅻ',
  '\u0345',
  'Ⓟending',
  '42 %',
  '· | ·',
];

describe('a column whose values say a status', () => {
  it('is counted as the status words read every value, figures and symbols included', () => {
    const rows: Cell[][] = [];
    for (let i = 0; i < 400; i++) {
      const text = VALUES[(i * 7) % VALUES.length]! + (i % 3 === 0 ? '' : ` ${i % 10}`);
      rows.push([{ key: 'Status', header: 'Status', node: {} as DomNode, text, hint: '' }]);
    }
    const values = rows.map((r) => r[0]!.text);
    const statuses = values.filter(
      (v) => v.length < 30 && (PENDING_WORDS.test(v) || POSTED_WORDS.test(v) || SKIP_STATUS_WORDS.test(v)),
    ).length;
    const [stats] = columnStats(rows, '2026-11-21');
    expect(Math.round(stats!.statusRatio * stats!.filled)).toBe(statuses);
  });
});
