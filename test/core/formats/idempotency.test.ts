import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../core/formats/importFile';
import { mergeTransactions } from '../../../core/ids/mergeTransactions';

const row = fc.record({
  day: fc.integer({ min: 1, max: 28 }),
  description: fc.constantFrom(
    'Coffee',
    'SQ *BLUE DOOR CAFE',
    'Rent, November',
    'PG&E "WEB"',
    'Payroll\nfees',
  ),
  cents: fc.integer({ min: -500_000, max: 500_000 }).filter((c) => c !== 0),
});
type Row = { day: number; description: string; cents: number };

const money = (cents: number) =>
  `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;
const csvOf = (rows: Row[]) =>
  [
    'Date,Description,Amount',
    ...rows.map(
      (r) =>
        `2026-11-${String(r.day).padStart(2, '0')},"${r.description.replace(/"/g, '""')}",${money(r.cents)}`,
    ),
  ].join('\n');

function load(rows: Row[], capturedAt: string) {
  const outcome = importFile(
    { name: 'activity.csv', bytes: new Uint8Array(Buffer.from(csvOf(rows))) },
    { currency: 'USD', capturedAt },
  );
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.transactions;
}

describe('re-importing a CSV', () => {
  it('adds nothing the second time, and keeps every row of the file (identical rows stay distinct)', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 25 }), (rows) => {
        const first = load(rows, '2026-11-20T00:00:00Z');
        expect(first).toHaveLength(rows.length);
        const stored = mergeTransactions([], first).added;
        expect(stored).toHaveLength(rows.length);
        const again = mergeTransactions(stored, load(rows, '2026-11-21T00:00:00Z'));
        expect(again.added).toEqual([]);
        expect(again.changed).toEqual([]);
        expect(again.unchanged).toHaveLength(rows.length);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps two identical lines as two, and a later file with the same two adds nothing', () => {
    const twice: Row[] = [
      { day: 2, description: 'Coffee', cents: -450 },
      { day: 2, description: 'Coffee', cents: -450 },
    ];
    const first = load(twice, '2026-11-20T00:00:00Z');
    expect(new Set(first.map((t) => t.id)).size).toBe(2);
    const overlapping = load([...twice, { day: 3, description: 'Tea', cents: -300 }], '2026-11-22T00:00:00Z');
    const merged = mergeTransactions(first, overlapping);
    expect(merged.added.map((t) => t.description)).toEqual(['Tea']);
  });
});
