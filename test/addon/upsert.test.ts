import { beforeAll, describe, expect, it } from 'vitest';
import { connect, post, records, tab } from './addonHarness';
import { makeBatch } from './batchFixture';
import { buildBundle, loadAddon } from './loadAddon';

beforeAll(async () => {
  await buildBundle();
});

describe('upserting into the Transactions tab', () => {
  it('never overwrites the bookkeeper: Category Override, Notes and their own columns survive updates', () => {
    const addon = loadAddon();
    const token = connect(addon);
    post(addon, { token, batch: makeBatch(5) });
    const sheet = addon.spreadsheet.sheet('Transactions');
    const header = tab(addon, 'Transactions').header;
    const col = (name: string) => header.indexOf(name) + 1;
    // The bookkeeper adds a column of their own after the layout and fills in their columns.
    sheet.cell(1, header.length + 1).value = 'Receipt';
    sheet.cell(3, header.length + 1).value = 'receipt-17.pdf';
    sheet.cell(3, col('Category Override')).value = 'Meals';
    sheet.cell(3, col('Notes')).formula = '=CONCAT("team ", "lunch")';
    const changed = makeBatch(5, { batchId: 'b-2' });
    changed.transactions[1]!.description = 'CARD PURCHASE 1 BLUE BOTTLE OAKLAND';
    changed.transactions[1]!.category = 'Coffee';
    expect(post(addon, { token, batch: changed })).toMatchObject({ added: 0, updated: 1, skipped: 4 });
    const row = records(addon, 'Transactions')[1]!;
    expect(row).toMatchObject({
      Description: 'CARD PURCHASE 1 BLUE BOTTLE OAKLAND',
      Category: 'Coffee',
      'Category Override': 'Meals',
      Notes: { formula: '=CONCAT("team ", "lunch")' },
      Receipt: 'receipt-17.pdf',
      'Batch ID': 'b-2',
    });
    expect(records(addon, 'Audit').at(-1)).toMatchObject({
      What: 'batch',
      Updated: 1,
      Skipped: 4,
      'Batch ID': 'b-2',
    });
  });

  it('finds columns by header after the bookkeeper moves them', () => {
    const addon = loadAddon();
    const token = connect(addon);
    post(addon, { token, batch: makeBatch(3) });
    const sheet = addon.spreadsheet.sheet('Transactions');
    const header = tab(addon, 'Transactions').header;
    // Drag Notes and Amount to the front.
    sheet.moveColumns(sheet.getRange(1, header.indexOf('Notes') + 1, 1, 1), 1);
    sheet.moveColumns(sheet.getRange(1, tab(addon, 'Transactions').header.indexOf('Amount') + 1, 1, 1), 1);
    expect(tab(addon, 'Transactions').header.slice(0, 2)).toEqual(['Amount', 'Notes']);
    sheet.cell(2, 2).value = 'checked';
    const next = makeBatch(4, { batchId: 'b-2' });
    next.transactions[0]!.amount = '-99.99';
    expect(post(addon, { token, batch: next })).toMatchObject({ added: 1, updated: 1, skipped: 2 });
    const rows = records(addon, 'Transactions');
    expect(rows.map((r) => [r.ID, r.Amount, r.Notes])).toEqual([
      ['txn-000000', -99.99, 'checked'],
      ['txn-000001', -2.01, ''],
      ['txn-000002', -3.02, ''],
      ['txn-000003', -4.03, ''],
    ]);
    expect(tab(addon, 'Transactions').header.slice(0, 2)).toEqual(['Amount', 'Notes']);
  });

  it('grows the sheet past its 1,000 rows', () => {
    const addon = loadAddon();
    const token = connect(addon);
    expect(post(addon, { token, batch: makeBatch(2_500) }).added).toBe(2_500);
    expect(records(addon, 'Transactions')).toHaveLength(2_500);
  });

  it('makes the same number of service calls for 10 rows as for 10,000, appended or updated', () => {
    const callsFor = (count: number) => {
      const addon = loadAddon();
      const token = connect(addon);
      post(addon, { token, batch: makeBatch(1) }); // the tabs exist: measure the steady state
      addon.env.resetCounts();
      post(addon, { token, batch: makeBatch(count, { first: 1 }) });
      // Growing the sheet past its rows is one more call, once, whatever the size.
      const grew = addon.env.calls.get('Sheet.insertRowsAfter') ?? 0;
      const appended = addon.env.totalCalls - grew;
      const again = makeBatch(count, { first: 1, batchId: 'again' });
      for (const t of again.transactions) t.category = 'Coffee';
      addon.env.resetCounts();
      expect(post(addon, { token, batch: again }).updated).toBe(count);
      return {
        appended,
        grew,
        updated: addon.env.totalCalls,
        setValues: addon.env.calls.get('Range.setValues'),
      };
    };
    const small = callsFor(10);
    const large = callsFor(10_000);
    expect({ ...large, grew: 0 }).toEqual(small);
    expect(large.grew).toBe(1);
    // Read the tab and the batch log, write the rows, the Audit row and the log row.
    expect(small.appended).toBeLessThan(45);
  });
});
