import { beforeAll, describe, expect, it } from 'vitest';
import { TRANSACTION_COLUMNS } from '../../core/sheet/workbookLayout';
import { MAX_BODY_CHARS } from '../../sheets-addon/src/handlePost';
import { connect, post, records, tab } from './addonHarness';
import { makeBatch, wireTransaction } from './batchFixture';
import { buildBundle, loadAddon } from './loadAddon';

beforeAll(async () => {
  await buildBundle();
});

function connected() {
  const addon = loadAddon();
  const token = connect(addon);
  return { addon, token };
}

describe('doPost: the web-app endpoint, run from the compiled bundle', () => {
  it('refuses a missing or wrong token and writes nothing', () => {
    const { addon, token } = connected();
    for (const body of [
      { batch: makeBatch(2) },
      { token: `${token.slice(0, -1)}${token.endsWith('0') ? '1' : '0'}`, batch: makeBatch(2) },
    ]) {
      const answer = post(addon, body);
      expect(answer).toMatchObject({ ok: false, added: 0, errors: [{ code: 'unauthorized' }] });
    }
    expect(addon.spreadsheet.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });

  it('writes why a captured line is unverified into its own column, as inert text', () => {
    const { addon, token } = connected();
    const batch = makeBatch(2, { batchId: 'b-unverified' });
    batch.transactions[1] = {
      ...batch.transactions[1]!,
      unverified: '=the running balance does not add up at row 2',
    };
    expect(post(addon, { token, batch })).toMatchObject({ ok: true, added: 2 });
    const { rows } = tab(addon, 'Transactions');
    expect(rows.flat().filter((cell) => typeof cell === 'object' && cell !== null)).toEqual([]);
    expect(records(addon, 'Transactions').map((r) => r.Unverified)).toEqual([
      '',
      '=the running balance does not add up at row 2',
    ]);
  });

  it('gives a Transactions tab of an older layout the columns it lacks before writing, keeping its rows', () => {
    const { addon, token } = connected();
    const older = TRANSACTION_COLUMNS.filter((c) => c.key !== 'unverified').map((c) => c.header);
    const tab = addon.spreadsheet.insertSheet('Transactions');
    const kept = older.map((h) => (h === 'ID' ? 'txn-kept' : h === 'Notes' ? 'my note' : null));
    tab.insertColumnsAfter(tab.getMaxColumns(), older.length - tab.getMaxColumns());
    tab.getRange(1, 1, 2, older.length).setValues([older, kept]);
    const batch = makeBatch(1, { batchId: 'b-older' });
    batch.transactions[0] = {
      ...batch.transactions[0]!,
      unverified: 'the count shown (3) is not the rows read (2)',
    };
    expect(post(addon, { token, batch })).toMatchObject({ ok: true, added: 1 });
    const rows = records(addon, 'Transactions');
    expect(rows.map((r) => [r.ID, r.Notes, r.Unverified])).toEqual([
      ['txn-kept', 'my note', ''],
      ['txn-000000', '', 'the count shown (3) is not the rows read (2)'],
    ]);
  });

  it('refuses anything before a connection exists', () => {
    const addon = loadAddon();
    expect(post(addon, { token: 'anything', batch: makeBatch(1) }).errors[0]!.code).toBe('unauthorized');
  });

  it('lands a batch in the Transactions tab with an Audit row', () => {
    const { addon, token } = connected();
    const answer = post(addon, { token, batch: makeBatch(3, { batchId: 'b-1' }) });
    expect(answer).toEqual({ ok: true, added: 3, updated: 0, skipped: 0, errors: [] });
    const rows = records(addon, 'Transactions');
    expect(rows.map((r) => r.ID)).toEqual(['txn-000000', 'txn-000001', 'txn-000002']);
    expect(rows[1]).toMatchObject({
      Account: 'Checking ••6789',
      Description: 'CARD PURCHASE 1 BLUE BOTTLE',
      Amount: -2.01,
      Currency: 'USD',
      'Batch ID': 'b-1',
    });
    // Dates become date cells (midnight in the spreadsheet's zone, New York here).
    expect(rows[1]!.Date).toBe('2026-01-02T05:00:00.000Z');
    // The first batch laid out the whole workbook, as Set up would have.
    const audit = records(addon, 'Audit');
    expect(audit.map((a) => a.What)).toEqual(['setup', 'batch']);
    expect(audit[1]).toMatchObject({ 'Batch ID': 'b-1', Added: 3, Updated: 0, Skipped: 0 });
    expect(addon.spreadsheet.sheets.map((s) => s.name)).toEqual([
      'Sheet1',
      'Transactions',
      'Matches',
      'Rules',
      'Categories',
      'Summary',
      'Invoices',
      'Invoice Payments',
      'Aging',
      'Alerts',
      'Audit',
      '_ledgerbridge_batches',
    ]);
    expect(addon.spreadsheet.sheet('_ledgerbridge_batches').hidden).toBe(true);
  });

  it('changes nothing when the same batch is posted twice', () => {
    const { addon, token } = connected();
    post(addon, { token, batch: makeBatch(50) });
    const before = addon.spreadsheet.sheets.map((s) => [s.name, s.snapshot()]);
    const again = post(addon, { token, batch: makeBatch(50) });
    expect(again).toEqual({
      ok: true,
      added: 0,
      updated: 0,
      skipped: 50,
      errors: [],
      alreadyApplied: { at: expect.any(String), sameContent: true },
    });
    expect(addon.spreadsheet.sheets.map((s) => [s.name, s.snapshot()])).toEqual(before);
  });

  it('reports a bad row by row and field and lands the good ones', () => {
    const { addon, token } = connected();
    const batch = makeBatch(3);
    (batch.transactions[1] as { amount: string }).amount = '12,50';
    const answer = post(addon, { token, batch });
    expect(answer.ok).toBe(true);
    expect(answer.added).toBe(2);
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors[0]).toMatchObject({ row: 2, field: 'amount', path: ['transactions', 1, 'amount'] });
    expect(records(addon, 'Transactions').map((r) => r.ID)).toEqual(['txn-000000', 'txn-000002']);
  });

  it('answers the first 200 row problems and a count', () => {
    const { addon, token } = connected();
    const batch = makeBatch(250);
    for (const t of batch.transactions) t.date = '2026-13-01';
    const answer = post(addon, { token, batch });
    expect(answer).toMatchObject({ ok: true, added: 0 });
    expect(answer.errors).toHaveLength(201);
    expect(answer.errors[200]).toMatchObject({ code: 'more_errors', message: '… and 50 more problems' });
  });

  it('refuses a newer schema version, bad JSON, an empty body and an oversized body', () => {
    const { addon, token } = connected();
    const newer = post(addon, { token, batch: { ...makeBatch(1), schemaVersion: 2 } });
    expect(newer.errors[0]).toMatchObject({ code: 'unsupported_version', field: 'schemaVersion' });
    expect(post(addon, '{"token":').errors[0]!.code).toBe('invalid_json');
    expect(post(addon, '').errors[0]!.code).toBe('empty_body');
    const huge = JSON.stringify({ token, batch: makeBatch(1), padding: 'x'.repeat(MAX_BODY_CHARS) });
    expect(post(addon, huge).errors[0]!.code).toBe('too_large');
    expect(addon.spreadsheet.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });

  it('refuses more rows than one batch may carry', () => {
    const { addon, token } = connected();
    const answer = post(addon, { token, batch: makeBatch(10_001) });
    expect(answer.errors[0]).toMatchObject({ code: 'too_large' });
  });

  it('answers busy, writing nothing, while another execution holds the document lock', () => {
    const { addon, token } = connected();
    addon.env.lockHolder = 'other';
    const answer = post(addon, { token, batch: makeBatch(2) });
    expect(answer).toMatchObject({ ok: false, added: 0, errors: [{ code: 'busy' }] });
    expect(addon.spreadsheet.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    addon.env.lockHolder = 'none';
    expect(post(addon, { token, batch: makeBatch(2) }).added).toBe(2);
  });

  it('makes every sheet write while holding the document lock, and releases it', () => {
    const { addon, token } = connected();
    post(addon, { token, batch: makeBatch(5) });
    post(addon, { token, batch: makeBatch(8) });
    expect(addon.env.calls.get('Range.setValues')).toBeGreaterThan(0);
    expect(addon.env.unlockedWrites).toEqual([]);
    expect(addon.env.lockHolder).toBe('none');
  });

  it('writes portal text as text: no formula ever, and the text reads back exactly', () => {
    const { addon, token } = connected();
    const nasty = [
      '=HYPERLINK("http://evil.example","click")',
      '+SUM(1,2)',
      '-2+3',
      '@SUM(A1)',
      "'quoted",
      '00123',
      'TRUE',
      '2026-01-05',
    ];
    const batch = makeBatch(0);
    batch.transactions = nasty.map((text, i) =>
      wireTransaction(i, { description: text, payee: text, externalId: text, memo: text, account: text }),
    );
    expect(post(addon, { token, batch }).added).toBe(nasty.length);
    const { rows } = tab(addon, 'Transactions');
    expect(rows.flat().filter((cell) => typeof cell === 'object' && cell !== null)).toEqual([]);
    const read = records(addon, 'Transactions');
    for (const [i, text] of nasty.entries()) {
      expect(read[i]).toMatchObject({
        Description: text,
        Payee: text,
        'External ID': text,
        Memo: text,
        Account: text,
      });
    }
    // …and posting it again changes nothing: the text compares equal to what was sent.
    expect(post(addon, { token, batch })).toMatchObject({ added: 0, updated: 0, skipped: nasty.length });
  });
});
