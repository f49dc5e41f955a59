import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importInvoices } from '../../../core/receivables/importInvoices';

const dir = join(import.meta.dirname, '../../fixtures/invoices');
const read = (name: string, currency?: string) => {
  const result = importInvoices(readFileSync(join(dir, name), 'utf8'), {
    file: name,
    ...(currency ? { currency } : {}),
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
};
const brief = (name: string, currency?: string) =>
  read(name, currency).invoices.map((i) => [
    i.number,
    i.customer,
    i.issued,
    i.due,
    i.amount.minor,
    i.amount.currency,
  ]);

describe('invoice lists, by column roles', () => {
  it('reads a QuickBooks invoice list with its report title lines and total row', () => {
    expect(brief('quickbooks-invoice-list.csv', 'USD')).toEqual([
      ['1042', 'Blue Door Cafe', '2026-11-02', '2026-12-02', 120000, 'USD'],
      ['1043', 'Harbor Bakery', '2026-11-05', '2026-11-20', 45000, 'USD'],
      ['1044', 'Harbor Bakery', '2026-11-09', '2026-11-24', 30000, 'USD'],
    ]);
  });

  it('reads a Xero export: one invoice per number across its lines, day-first dates, drafts left out', () => {
    const xero = read('xero-invoices.csv');
    expect(
      xero.invoices.map((i) => [
        i.number,
        i.customer,
        i.customerEmail,
        i.issued,
        i.due,
        i.amount.minor,
        i.amount.currency,
      ]),
    ).toEqual([
      [
        'INV-0077',
        'Kaffeehaus Müller GmbH',
        'einkauf@kaffeehaus-mueller.de',
        '2026-11-03',
        '2026-11-17',
        59500,
        'EUR',
      ],
      ['INV-0078', 'Café Lumière SARL', 'compta@lumiere.fr', '2026-11-14', '2026-11-28', 125000, 'EUR'],
    ]);
    expect(xero.warnings.some((w) => w.code === 'invoice_not_owed' && w.message.includes('INV-0079'))).toBe(
      true,
    );
  });

  it('sums the line totals of a FreshBooks line-item export', () => {
    expect(brief('freshbooks-invoice-details.csv')).toEqual([
      ['0000051', 'Northside Diner', '2026-10-01', '2026-10-31', 38500, 'CAD'],
      ['0000052', 'Maple & Oak Co.', '2026-10-15', '2026-11-14', 28000, 'CAD'],
    ]);
  });

  it('takes the total, not the amount still due, from a Wave export', () => {
    expect(brief('wave-invoices.csv')).toEqual([
      ['W-2026-031', 'Sunrise Yoga Studio', '2026-09-01', '2026-09-15', 22000, 'USD'],
      ['W-2026-032', 'Sunrise Yoga Studio', '2026-10-01', '2026-10-15', 22000, 'USD'],
      ['W-2026-033', 'Green Leaf Market', '2026-10-20', '2026-11-19', 187550, 'USD'],
    ]);
  });

  it('keeps Stripe invoice and charge ids for matching processor payments', () => {
    const stripe = read('stripe-invoices.csv');
    expect(brief('stripe-invoices.csv')).toEqual([
      ['8F2C1A-0012', 'Tidepool Labs', '2026-11-03', '2026-11-17', 15000, 'USD'],
      ['8F2C1A-0013', 'Fernleaf Florists', '2026-11-10', '2026-11-24', 9000, 'USD'],
    ]);
    expect(stripe.invoices[0]!.processorIds).toEqual(['in_1QaZ9bKx7Lm2Np3Q', 'ch_3QaZ9cKx7Lm2Np3Q0aB1cD2e']);
    expect(stripe.invoices[0]!.customerEmail).toBe('ops@tidepool.io');
  });

  it('reads Square invoices with $ amounts and written-out dates', () => {
    expect(brief('square-invoices.csv')).toEqual([
      ['000311', 'Pine Street Books', '2026-11-04', '2026-11-18', 64000, 'USD'],
      ['000312', 'Corner Deli', '2026-11-06', '2026-11-20', 9525, 'USD'],
    ]);
  });

  it('reads PayPal invoices whose recipient is an email, in pounds', () => {
    expect(brief('paypal-invoices.csv')).toEqual([
      ['PP-5001', 'studio@brightpixel.co.uk', '2026-11-02', '2026-12-02', 41000, 'GBP'],
      ['PP-5002', 'accounts@hillfarm.co.uk', '2026-11-07', '2026-12-07', 125000, 'GBP'],
    ]);
  });

  it('reads a German list kept by hand: semicolons, decimal commas, currency from the header', () => {
    expect(brief('rechnungen-liste.csv')).toEqual([
      ['RE-2026-118', 'Bäckerei Schmidt', '2026-11-02', '2026-11-16', 148000, 'EUR'],
      ['RE-2026-119', 'Hotel Seeblick', '2026-11-05', '2026-11-19', 231050, 'EUR'],
      ['RE-2026-120', 'Bäckerei Schmidt', '2026-11-12', '2026-11-26', 32000, 'EUR'],
    ]);
  });

  it('refuses a file that is not an invoice list, naming what is missing and what was found', () => {
    const result = importInvoices('Date,Description,Amount\n2026-11-01,Coffee,-4.50\n', { file: 'bank.csv' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]!.file).toBe('bank.csv');
    expect(result.problems[0]!.message).toMatch(
      /invoice number.*customer.*found: "Date", "Description", "Amount"/,
    );
  });

  it('refuses a list that names no currency unless one is given', () => {
    const text = 'Invoice Number,Customer,Invoice Date,Total\nA-1,Acme,2026-11-01,10.00\n';
    const refused = importInvoices(text, { file: 'list.csv' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problems[0]!.message).toMatch(/names no currency/);
    const given = importInvoices(text, { file: 'list.csv', currency: 'USD' });
    expect(given.ok && given.value.invoices[0]!.amount).toEqual({ minor: 1000, currency: 'USD' });
  });

  it('skips a row with an impossible date or a non-number amount, naming line and field', () => {
    const text =
      'Invoice Number,Customer,Invoice Date,Total,Currency\nA-1,Acme,2026-02-30,10.00,USD\nA-2,Acme,2026-03-01,ten,USD\nA-3,Acme,2026-03-02,12.00,USD\n';
    const result = importInvoices(text, { file: 'list.csv' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.invoices.map((i) => i.number)).toEqual(['A-3']);
    expect(result.value.warnings.map((w) => [w.line, w.field])).toEqual([
      [2, 'issued'],
      [3, 'Total'],
    ]);
  });
});

describe('report footers', () => {
  it('passes over a TOTAL line without calling it a skipped invoice', () => {
    const list = importInvoices(readFileSync(join(dir, 'quickbooks-invoice-list.csv'), 'utf8'), {
      file: 'q.csv',
      currency: 'USD',
    });
    expect(list.ok && list.value.warnings).toEqual([]);
  });
});
