import { describe, expect, it } from 'vitest';
import type { Batch } from '../../core/model/batch';
import { INVOICE_COLUMNS } from '../../core/sheet/workbookLayout';
import { records } from './addonHarness';
import { wireTransaction } from './batchFixture';
import { loadAddon } from './loadAddon';

const payments: Batch = {
  schemaVersion: 1,
  batchId: 'payments-1',
  source: {
    url: 'https://bank.example.com/activity',
    capturedAt: '2026-11-28T12:00:00.000Z',
    client: 'test',
  },
  transactions: [
    wireTransaction(1, {
      date: '2026-11-03',
      description: 'ACH CREDIT BLUE DOOR CAFE INV 1040',
      amount: '1200.00',
      kind: 'deposit',
    }),
    wireTransaction(2, {
      date: '2026-11-05',
      description: 'WIRE IN HARBOR BAKERY INVOICES 1041 AND 1042',
      amount: '750.00',
      kind: 'deposit',
    }),
    wireTransaction(3, {
      date: '2026-11-10',
      description: 'GUTSCHRIFT RECHNUNG 1043 TEIL 1',
      amount: '1000.00',
      kind: 'deposit',
    }),
    wireTransaction(4, {
      date: '2026-11-12',
      description: 'ACH CREDIT GREEN LEAF MARKET',
      amount: '1875.50',
      kind: 'deposit',
    }),
  ],
};

/** Invoices typed into the Invoices tab by the bookkeeper, in the layout's first six columns. */
const typed = [
  ['1040', 'Blue Door Cafe', '2026-10-02', '2026-11-01', 1200, 'USD'],
  ['1041', 'Harbor Bakery', '2026-10-05', '2026-11-04', 450, 'USD'],
  ['1042', 'Harbor Bakery', '2026-10-09', '2026-11-08', 300, 'USD'],
  ['1043', 'Kaffeehaus Müller', '2026-10-12', '2026-11-11', 2000, 'USD'],
  ['1044', 'Green Leaf Market', '2026-10-15', '2026-11-14', 1875.5, 'USD'],
  ['1045', 'Pine Street Books', '2026-10-20', '2026-11-19', 640, 'USD'],
];

describe('receivables in the add-on', () => {
  it('settles invoices typed into the Invoices tab, writes Aging and Alerts, and keeps a rejection', () => {
    const addon = loadAddon({ startMs: Date.parse('2026-12-06T15:00:00Z'), timeZone: 'America/New_York' });
    addon.run('setUpSpreadsheet');
    expect(INVOICE_COLUMNS.slice(0, 6).map((c) => c.header)).toEqual([
      'Invoice',
      'Customer',
      'Issued',
      'Due',
      'Amount',
      'Currency',
    ]);
    addon.spreadsheet.sheet('Invoices').getRange(2, 1, typed.length, 6).setValues(typed);
    addon.run('startImport', 'payments.json', Buffer.from(JSON.stringify(payments)).toString('base64'));
    addon.run('reconcileSheet');

    const status = () =>
      Object.fromEntries(records(addon, 'Invoices').map((r) => [r.Invoice, [r.Status, r.Remaining]]));
    expect(status()).toEqual({
      '1040': ['paid', 0],
      '1041': ['paid', 0],
      '1042': ['paid', 0],
      '1043': ['partial', 1000],
      '1044': ['paid', 0],
      '1045': ['open', 640],
    });
    const aging = records(addon, 'Aging').map((r) => [r.Customer, r['1-30 Days'], r['Total Owed']]);
    expect(aging).toEqual([
      ['Kaffeehaus Müller', 1000, 1000],
      ['Pine Street Books', 640, 640],
      ['Total', 1640, 1640],
    ]);
    const alerts = records(addon, 'Alerts');
    expect(alerts.filter((a) => a.Alert === 'overdue-invoice').map((a) => a['Account or Invoice'])).toEqual([
      '1043',
      '1045',
    ]);

    // The bookkeeper rejects the name-and-amount match for 1044; it stays rejected on the next run.
    const sheet = addon.spreadsheet.sheet('Invoice Payments');
    const rows = records(addon, 'Invoice Payments');
    const header = Object.keys(rows[0]!);
    const at = rows.findIndex((r) => r.Invoice === '1044');
    sheet.getRange(at + 2, header.indexOf('Decision') + 1, 1, 1).setValues([['reject']]);
    // …and confirms the German part-payment of 1043.
    const part = rows.findIndex((r) => r.Invoice === '1043');
    sheet.getRange(part + 2, header.indexOf('Decision') + 1, 1, 1).setValues([['confirm']]);
    addon.run('reconcileSheet');
    expect(status()['1044']).toEqual(['open', 1875.5]);
    expect(records(addon, 'Invoice Payments').find((r) => r.Invoice === '1044')).toMatchObject({
      Decision: 'reject',
      State: 'rejected',
    });
    expect(records(addon, 'Invoice Payments').find((r) => r.Invoice === '1043')).toMatchObject({
      Decision: 'confirm',
      State: 'confirmed',
    });
    expect(status()['1043']).toEqual(['partial', 1000]);
    const audit = records(addon, 'Audit').at(-1)!;
    expect(String(audit.Detail)).toMatch(/invoices 1044: paid → open/);
  });
});
