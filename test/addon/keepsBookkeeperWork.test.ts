import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportProgress } from '../../sheets-addon/src/importJob';
import { connect, post, records, tab } from './addonHarness';
import { makeBatch, wireTransaction } from './batchFixture';
import { endToEndBatch } from './endToEndBatch';
import { buildBundle, type LoadedAddon, loadAddon } from './loadAddon';

beforeAll(async () => {
  await buildBundle();
});

/** The cell of `header` on the row whose `keyHeaders` read `keyValues` (stored values). */
function cellAt(addon: LoadedAddon, name: string, key: Record<string, string>, header: string) {
  const { header: headers, rows } = tab(addon, name);
  const r = rows.findIndex((row) => Object.entries(key).every(([h, v]) => row[headers.indexOf(h)] === v));
  const c = headers.indexOf(header);
  if (r < 0 || c < 0) throw new Error(`${name}: no row ${JSON.stringify(key)} or no column ${header}`);
  const sheet = addon.spreadsheet.sheet(name);
  return { sheet, row: r + 2, column: c + 1, cell: sheet.cell(r + 2, c + 1) };
}

/** Adds a column of the bookkeeper's own after the last header. */
function addOwnColumn(addon: LoadedAddon, name: string, header: string): number {
  const sheet = addon.spreadsheet.sheet(name);
  const column = tab(addon, name).header.length + 1;
  if (column > sheet.maxColumns) sheet.insertColumnsAfter(sheet.maxColumns, column - sheet.maxColumns);
  sheet.cell(1, column).value = header;
  sheet.cell(1, column).background = '#ffeb9c';
  return column;
}

const SUMMARY_FEB = { Institution: 'chase', Account: 'Checking ••6789', Month: '2026-02' };
const DEPOSIT_MATCH = { Kind: 'payout-deposit' };

/** What the bookkeeper did in the workbook, by the keys of the rows they did it on. */
function bookkeeperWorks(addon: LoadedAddon) {
  const notesTab = addon.spreadsheet.insertSheet('My notes');
  notesTab.getRange('A1').setValues([['call the bank about February']]);
  notesTab.cell(1, 1).note = 'before the 10th';
  notesTab.cell(1, 1).background = '#f4cccc';

  const receipt = addOwnColumn(addon, 'Transactions', 'Receipt');
  const rent = cellAt(addon, 'Transactions', { ID: 'b3' }, 'Notes');
  rent.sheet.cell(rent.row, receipt).value = 'rent-jan.pdf';
  rent.sheet.cell(rent.row, receipt).background = '#d9ead3';
  rent.cell.value = 'lease renewed';
  rent.cell.note = 'ask the owner for the new lease';
  cellAt(addon, 'Transactions', { ID: 'b3' }, 'Category Override').cell.value = 'Rent';

  const checkedBy = addOwnColumn(addon, 'Matches', 'Checked By');
  const decision = cellAt(addon, 'Matches', DEPOSIT_MATCH, 'Decision');
  decision.cell.value = 'confirm';
  decision.cell.note = 'matches the Stripe payout report';
  cellAt(addon, 'Matches', DEPOSIT_MATCH, 'Notes').cell.value = 'checked with Stripe';
  decision.sheet.cell(decision.row, checkedBy).value = 'AB';
  decision.sheet.cell(decision.row, checkedBy).background = '#c6efce';

  const checked = addOwnColumn(addon, 'Summary', 'Statement Checked');
  const total = addOwnColumn(addon, 'Summary', 'My Formula');
  const feb = cellAt(addon, 'Summary', SUMMARY_FEB, 'Difference');
  feb.sheet.cell(feb.row, checked).value = 'yes';
  feb.sheet.cell(feb.row, checked).note = 'paper statement in the drawer';
  feb.sheet.cell(feb.row, checked).background = '#c6efce';
  feb.sheet.cell(feb.row, total).formula = `=E${feb.row}+F${feb.row}`;

  const budget = addOwnColumn(addon, 'Categories', 'Budget');
  const meals = cellAt(addon, 'Categories', { Category: 'Meals' }, 'Group');
  meals.cell.note = 'client lunches only';
  meals.sheet.cell(meals.row, budget).value = 500;
  meals.sheet.cell(meals.row, budget).format = '$#,##0';
  const last = addon.spreadsheet.sheet('Categories').lastRow() + 1;
  addon.spreadsheet
    .sheet('Categories')
    .getRange(last, 1, 1, 2)
    .setValues([["'Coffee", "'Expenses"]]);
  return { receipt, checkedBy, checked, total, budget };
}

function expectBookkeeperWorkKept(addon: LoadedAddon, at: ReturnType<typeof bookkeeperWorks>) {
  const notesTab = addon.spreadsheet.sheet('My notes');
  expect(notesTab.snapshot()).toEqual([['call the bank about February']]);
  expect(notesTab.cellAt(1, 1)).toMatchObject({ note: 'before the 10th', background: '#f4cccc' });

  const rent = cellAt(addon, 'Transactions', { ID: 'b3' }, 'Notes');
  expect(rent.cell).toMatchObject({ value: 'lease renewed', note: 'ask the owner for the new lease' });
  expect(rent.sheet.cellAt(rent.row, at.receipt)).toMatchObject({
    value: 'rent-jan.pdf',
    background: '#d9ead3',
  });
  expect(cellAt(addon, 'Transactions', { ID: 'b3' }, 'Category Override').cell.value).toBe('Rent');
  expect(rent.sheet.cellAt(1, at.receipt)).toMatchObject({ value: 'Receipt', background: '#ffeb9c' });

  const decision = cellAt(addon, 'Matches', DEPOSIT_MATCH, 'Decision');
  expect(decision.cell).toMatchObject({ value: 'confirm', note: 'matches the Stripe payout report' });
  expect(cellAt(addon, 'Matches', DEPOSIT_MATCH, 'Notes').cell.value).toBe('checked with Stripe');
  expect(decision.sheet.cellAt(decision.row, at.checkedBy)).toMatchObject({
    value: 'AB',
    background: '#c6efce',
  });

  const feb = cellAt(addon, 'Summary', SUMMARY_FEB, 'Difference');
  expect(feb.sheet.cellAt(feb.row, at.checked)).toMatchObject({
    value: 'yes',
    note: 'paper statement in the drawer',
    background: '#c6efce',
  });
  expect(feb.sheet.cellAt(feb.row, at.total)?.formula).toMatch(/^=E\d+\+F\d+$/);
  expect(feb.sheet.cellAt(1, at.checked)).toMatchObject({ background: '#ffeb9c' });

  const meals = cellAt(addon, 'Categories', { Category: 'Meals' }, 'Group');
  expect(meals.cell).toMatchObject({ value: 'Expenses', note: 'client lunches only' });
  expect(meals.sheet.cellAt(meals.row, at.budget)).toMatchObject({ value: 500, format: '$#,##0' });
  expect(cellAt(addon, 'Categories', { Category: 'Coffee' }, 'Group').cell.value).toBe('Expenses');
}

describe("the bookkeeper's own work survives every menu action", () => {
  it('keeps their tab, columns, notes, fills, formats, formulas and decisions through Set up, Import, Apply rules and Reconcile', () => {
    const addon = loadAddon();
    const token = connect(addon);
    post(addon, { token, batch: endToEndBatch() });
    addon.run('reconcileSheet');
    const at = bookkeeperWorks(addon);
    expectBookkeeperWorkKept(addon, at);
    addon.env.unlockedWrites.splice(0); // the bookkeeper's own edits, made in the UI

    addon.run('setUpSpreadsheet');
    expectBookkeeperWorkKept(addon, at);

    // An account that sorts before chase, and a new month: new Summary rows above the old ones.
    const batch = makeBatch(0, { batchId: 'export-ally' });
    batch.transactions = [
      wireTransaction(1, {
        id: 'ally-1',
        institution: 'ally',
        account: 'Savings ••1111',
        date: '2026-01-10',
      }),
      wireTransaction(2, { id: 'b5', date: '2026-03-02', description: 'INSURANCE' }),
    ];
    const file = Buffer.from(JSON.stringify(batch)).toString('base64');
    expect(addon.run('startImport', 'ally.json', file) as ImportProgress).toMatchObject({ added: 2 });
    expectBookkeeperWorkKept(addon, at);

    addon.run('applyRulesFromSheet');
    expectBookkeeperWorkKept(addon, at);

    addon.run('reconcileSheet');
    expectBookkeeperWorkKept(addon, at);
    expect(records(addon, 'Summary').map((r) => `${r.Institution} ${r.Month}`)).toEqual(
      expect.arrayContaining(['ally 2026-01', 'chase 2026-03']),
    );
    expect(records(addon, 'Matches').find((m) => m.Kind === 'payout-deposit')!.State).toBe('confirmed');
    expect(addon.ui.alerts).toEqual([]);
    expect(addon.env.unlockedWrites).toEqual([]);
  });

  it('leaves a Rules tab the bookkeeper emptied empty when Set up runs again', () => {
    const addon = loadAddon();
    addon.run('setUpSpreadsheet');
    const rules = addon.spreadsheet.sheet('Rules');
    expect(rules.lastRow()).toBeGreaterThan(1);
    rules.getRange(2, 1, rules.lastRow() - 1, rules.lastColumn()).clearContent();
    addon.run('setUpSpreadsheet');
    expect(tab(addon, 'Rules').rows).toEqual([]);
  });

  it('keeps a match row the bookkeeper wrote on after its match is gone, and frees the others', () => {
    const addon = loadAddon();
    const token = connect(addon);
    post(addon, { token, batch: endToEndBatch() });
    addon.run('reconcileSheet');
    const before = records(addon, 'Matches');
    expect(before.length).toBeGreaterThan(1);
    const noted = cellAt(addon, 'Matches', DEPOSIT_MATCH, 'Notes');
    noted.cell.value = 'why was this paid twice?';
    const matchId = tab(addon, 'Matches').rows[noted.row - 2]![0];
    // The bookkeeper deletes the transactions: every match is gone.
    const transactions = addon.spreadsheet.sheet('Transactions');
    transactions.getRange(2, 1, transactions.lastRow() - 1, transactions.lastColumn()).clearContent();
    addon.run('reconcileSheet');
    const after = records(addon, 'Matches');
    expect(after.filter((m) => m['Match ID'] !== '')).toEqual([
      expect.objectContaining({ 'Match ID': matchId, Notes: 'why was this paid twice?' }),
    ]);
  });
});
