import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../core/model/errors';
import { planUpsert } from '../../../core/sheet/planUpsert';
import { headersOf, TRANSACTION_COLUMNS } from '../../../core/sheet/workbookLayout';
import { makeTransaction } from './makeTransaction';

const now = '2026-02-01T12:00:00.000Z';
const layout = headersOf(TRANSACTION_COLUMNS);

/** Applies a plan the way a writer would: one read, whole rows written back. */
function apply(rows: unknown[][], plan: ReturnType<typeof planUpsert>): unknown[][] {
  const next = rows.map((r) => [...r]);
  for (const u of plan.updates) next[u.rowIndex] = u.row;
  return [...next, ...plan.appends];
}

describe('planUpsert', () => {
  const a = makeTransaction({ id: 'a', description: 'STRIPE TRANSFER' });
  const b = makeTransaction({
    id: 'b',
    description: 'SQ *SQUARE INC',
    amount: { minor: 5000, currency: 'USD' },
  });

  it('appends new ids and skips everything when the same batch comes again', () => {
    const first = planUpsert(layout, [], [a, b], { batchId: 'b1', now });
    expect(first).toMatchObject({ added: 2, updated: 0, skipped: 0, updates: [] });
    const rows = apply([], first);
    const again = planUpsert(layout, rows, [a, b], { batchId: 'b1', now });
    expect(again).toMatchObject({ added: 0, updated: 0, skipped: 2, updates: [], appends: [] });
    // A new batch with the same lines, captured later, changes nothing either.
    const later = { ...a, origin: { ...a.origin, capturedAt: '2026-03-01T00:00:00.000Z' } };
    expect(planUpsert(layout, rows, [later], { batchId: 'b2', now }).skipped).toBe(1);
    expect(again.audit).toMatchObject({ batchId: 'b1', added: 0, updated: 0, skipped: 2, at: now });
  });

  it('updates source columns and keeps the bookkeeper columns and columns it does not know', () => {
    const header = ['My tag', ...layout];
    const rows = apply([], planUpsert(header, [], [a], { batchId: 'b1', now }));
    const col = (name: string) => header.indexOf(name);
    rows[0]![col('My tag')] = 'keep me';
    rows[0]![col('Category Override')] = 'Owner draw';
    rows[0]![col('Notes')] = 'asked the owner';
    const changed = { ...a, status: 'posted' as const, category: 'Sales', notes: 'from rules' };
    changed.description = 'STRIPE TRANSFER ST-123';
    const plan = planUpsert(header, rows, [changed], { batchId: 'b2', now });
    expect(plan).toMatchObject({ added: 0, updated: 1, skipped: 0 });
    const row = plan.updates[0]!.row;
    expect(plan.updates[0]!.rowIndex).toBe(0);
    expect(row[col('My tag')]).toBe('keep me');
    expect(row[col('Category Override')]).toBe('Owner draw');
    expect(row[col('Notes')]).toBe('asked the owner');
    expect(row[col('Description')]).toBe('STRIPE TRANSFER ST-123');
    expect(row[col('Category')]).toBe('Sales');
    expect(row[col('Batch ID')]).toBe('b2');
  });

  it('works on a sheet whose columns the bookkeeper moved', () => {
    const header = [...layout].reverse();
    const rows = apply([], planUpsert(header, [], [a], { batchId: 'b1', now }));
    expect(rows[0]![header.indexOf('ID')]).toBe('a');
    expect(rows[0]![header.indexOf('Amount')]).toBe(1234.5);
    expect(planUpsert(header, rows, [a], { batchId: 'b1', now }).skipped).toBe(1);
  });

  it('treats cells read back as Dates and display text as unchanged', () => {
    const rows = apply([], planUpsert(layout, [], [a], { batchId: 'b1', now }));
    rows[0]![layout.indexOf('Date')] = new Date(Date.UTC(2026, 0, 5));
    rows[0]![layout.indexOf('Amount')] = '1,234.50';
    expect(planUpsert(layout, rows, [a], { batchId: 'b1', now }).skipped).toBe(1);
  });

  it('escapes portal text only when asked, for writers that interpret input', () => {
    const evil = makeTransaction({ id: 'e', description: '=HYPERLINK("http://x")', payee: '@x' });
    const raw = planUpsert(layout, [], [evil], { batchId: 'b1', now }).appends[0]!;
    expect(raw[layout.indexOf('Description')]).toBe('=HYPERLINK("http://x")');
    const escaped = planUpsert(layout, [], [evil], { batchId: 'b1', now, escapeFormulas: true }).appends[0]!;
    expect(escaped[layout.indexOf('Description')]).toBe('\'=HYPERLINK("http://x")');
    expect(escaped[layout.indexOf('Payee')]).toBe("'@x");
    expect(escaped[layout.indexOf('ID')]).toBe('e');
  });

  it('counts a repeated id in one batch once (the last wins)', () => {
    const plan = planUpsert(layout, [], [a, { ...a, description: 'later' }], { batchId: 'b1', now });
    expect(plan.added).toBe(1);
    expect(plan.appends[0]![layout.indexOf('Description')]).toBe('later');
  });

  it('refuses a header without the required columns', () => {
    expect(() => planUpsert(['ID', 'Notes'], [], [a], { batchId: 'b1', now })).toThrow(InputError);
  });

  it('for any column order and edits: re-sending changes nothing, a change updates only its rows, edits stay', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -100000, max: 100000 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        (amounts, seed, change) => {
          // A header the bookkeeper reordered, with a column of their own.
          const header = [...layout, 'Mine'].sort(
            (x, y) => ((x.length * 31 + seed) % 7) - ((y.length * 31 + seed) % 7),
          );
          const lines = amounts.map((minor, i) =>
            makeTransaction({ id: `t${i}`, amount: { minor, currency: 'USD' } }),
          );
          const rows = apply([], planUpsert(header, [], lines, { batchId: 'b1', now }));
          rows.forEach((row, i) => {
            row[header.indexOf('Notes')] = `note ${i}`;
            row[header.indexOf('Mine')] = i;
          });
          expect(planUpsert(header, rows, lines, { batchId: 'b2', now })).toMatchObject({
            updated: 0,
            added: 0,
          });
          const changed = lines.map((t, i) =>
            change[i] ? { ...t, amount: { minor: t.amount.minor + 1, currency: 'USD' } } : t,
          );
          const plan = planUpsert(header, rows, changed, { batchId: 'b3', now });
          expect(plan.updated).toBe(lines.filter((_, i) => change[i]).length);
          const after = apply(rows, plan);
          after.forEach((row, i) => {
            expect(row[header.indexOf('Notes')]).toBe(`note ${i}`);
            expect(row[header.indexOf('Mine')]).toBe(i);
          });
        },
      ),
      { numRuns: 50 },
    );
  });
});
