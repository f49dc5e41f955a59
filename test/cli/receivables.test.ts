import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTabs } from '../../cli/workbook/readWorkbook';
import type { InvoiceJson } from '../../cli/workbook/receivablesJson';
import type { ReconcileJson } from '../../cli/workbook/reconcileJson';
import type { Alert } from '../../core/model/invoice';
import { runCli } from './workbookCli';

const dir = mkdtempSync(join(tmpdir(), 'lb-receivables-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixture = (name: string) => join(import.meta.dirname, '../fixtures/receivables', name);
const books = [fixture('checking_4417_2026-11.csv'), fixture('stripe-balance-2026-11.csv')];
const lists = [fixture('invoice-list.csv'), fixture('stripe-invoices.csv')];

type Out = ReconcileJson & { invoices: InvoiceJson[]; alerts: Alert[] };

describe('ledgerbridge reconcile --invoices', () => {
  it('marks each invoice paid, partial, over-paid or open from the payments in the books', async () => {
    const { code, stdout, stderr } = await runCli(
      ['reconcile', ...books, '--invoices', ...lists, '--json'],
      dir,
    );
    expect(code, stderr).toBe(0);
    const out = JSON.parse(stdout) as Out;
    const byNumber = Object.fromEntries(out.invoices.map((i) => [i.number, i]));
    const pick = (n: string) => {
      const i = byNumber[n]!;
      return [i.status, i.paid, i.remaining];
    };
    expect(pick('1040')).toEqual(['paid', '1200.00', '0.00']);
    // One wire for two invoices.
    expect(pick('1041')).toEqual(['paid', '450.00', '0.00']);
    expect(pick('1042')).toEqual(['paid', '300.00', '0.00']);
    // Two partial payments in German, the second settles it.
    expect(pick('1043')).toEqual(['paid', '2000.00', '0.00']);
    expect(byNumber['1043']!.settled).toBe('2026-11-25');
    expect(byNumber['1043']!.payments).toHaveLength(2);
    // No number: the customer's name and the exact amount.
    expect(pick('1044')).toEqual(['paid', '1875.50', '0.00']);
    // Short by a bank's wire fee: partial, flagged, not written off.
    expect(pick('1045')).toEqual(['partial', '625.00', '15.00']);
    expect(byNumber['1045']!.flags.join()).toMatch(/wire fee/);
    expect(pick('1046')).toEqual(['overpaid', '100.00', '-4.75']);
    // Paid, then refunded: owed again.
    expect(pick('1047')).toEqual(['open', '0.00', '220.00']);
    // Northside names 1047 (Sunrise's) by mistake: not applied to 1047; its own invoice fits the amount.
    expect(byNumber['1047']!.payments).toHaveLength(2);
    expect(pick('1048')).toEqual(['paid', '3100.00', '0.00']);
    expect(pick('1049')).toEqual(['open', '0.00', '560.00']);
    // Paid through Stripe: the charge (gross) inside a payout, found by the invoice's charge id.
    expect(pick('8F2C1A-0012')).toEqual(['paid', '150.00', '0.00']);
    const charge = out.transactions.find((t) => t.id === byNumber['8F2C1A-0012']!.payments[0]);
    expect(charge).toMatchObject({ institution: 'stripe', kind: 'charge' });
    for (const i of out.invoices) expect(i.amount).toMatch(/^\d+\.\d{2}$/);
    for (const a of out.invoices.flatMap((i) => i.applications)) expect(a.reason.length).toBeGreaterThan(20);
  });

  it('lists overdue invoices and stale accounts as alerts, in the summary too', async () => {
    const { code, stdout } = await runCli(['reconcile', ...books, '--invoices', ...lists, '--json'], dir);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as Out;
    expect(out.alerts.map((a) => [a.type, a.account ?? a.invoice, a.since])).toEqual([
      ['stale-account', 'Stripe USD', '2026-11-06'],
      ['overdue-invoice', '1045', '2026-11-19'],
      ['overdue-invoice', '1047', '2026-11-24'],
    ]);
    const text = await runCli(
      ['reconcile', ...books, '--invoices', ...lists, '--out', join(dir, 'book.xlsx')],
      dir,
    );
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(
      /Invoices: 11 as of 2026-11-27 \(7 paid, 1 partly paid, 1 over-paid, 2 open\); 795\.00 USD owed, 235\.00 USD past due/,
    );
    expect(text.stdout).toMatch(/Alerts: 3\n {2}- Stripe USD: nothing captured or imported since 2026-11-06/);
  });

  it('refuses an invoice list it cannot read, naming the file and what is missing', async () => {
    const { code, stderr } = await runCli(['reconcile', ...books, '--invoices', books[0]!, '--json'], dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /checking_4417_2026-11\.csv.*not an invoice list: no column for the invoice number/,
    );
  });
});

describe('the Invoices, Invoice Payments, Aging and Alerts tabs', () => {
  const cell = (tab: { header: string[]; rows: unknown[][] }, row: unknown[], header: string) =>
    row[tab.header.indexOf(header)];

  it('writes them, keeps a confirmation, a rejection and an invoice typed by hand across a re-run', async () => {
    const book = join(dir, 'receivables.xlsx');
    const first = await runCli(['reconcile', ...books, '--invoices', ...lists, '--out', book], dir);
    expect(first.code, first.stderr).toBe(0);
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(book);
    const tabs = readTabs(workbook);
    const invoices = tabs.get('Invoices')!;
    const row1048 = invoices.rows.find((r) => cell(invoices, r, 'Invoice') === '1048')!;
    expect([cell(invoices, row1048, 'Status'), cell(invoices, row1048, 'Remaining')]).toEqual(['paid', 0]);
    const aging = tabs.get('Aging')!;
    expect(
      aging.rows.map((r) => [
        cell(aging, r, 'Customer'),
        cell(aging, r, '1-30 Days'),
        cell(aging, r, 'Total Owed'),
      ]),
    ).toEqual([
      ['Maple & Oak Co.', 0, 560],
      ['Pine Street Books', 15, 15],
      ['Sunrise Yoga Studio', 220, 220],
      ['Total', 235, 795],
    ]);
    expect(tabs.get('Alerts')!.rows.map((r) => r[0])).toEqual([
      'stale-account',
      'overdue-invoice',
      'overdue-invoice',
    ]);

    // The bookkeeper rejects the name-and-amount match for 1048, confirms a check for 1049, types an invoice.
    const payments = workbook.getWorksheet('Invoice Payments')!;
    const header = (payments.getRow(1).values as unknown[]).slice(1).map(String);
    const col = (h: string) => header.indexOf(h) + 1;
    payments.eachRow((row, n) => {
      if (n > 1 && row.getCell(col('Invoice')).value === '1048')
        row.getCell(col('Decision')).value = 'reject';
    });
    const check = JSON.parse((await runCli(['reconcile', ...books, '--json'], dir)).stdout).transactions.find(
      (t: { description: string }) => t.description === 'WIRE IN PINE STREET BOOKS INV-1045',
    );
    const added = payments.addRow([]);
    added.getCell(col('Application ID')).value = 'by-hand-1';
    added.getCell(col('Invoice')).value = '1049';
    added.getCell(col('Payment ID')).value = check.id;
    added.getCell(col('Decision')).value = 'confirm';
    added.getCell(col('Amount')).value = 560;
    added.getCell(col('Currency')).value = 'USD';
    added.getCell(col('Date')).value = '2026-11-16';
    const sheet = workbook.getWorksheet('Invoices')!;
    const ih = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const typed = sheet.addRow([]);
    typed.getCell(ih.indexOf('Invoice') + 1).value = 'H-7';
    typed.getCell(ih.indexOf('Customer') + 1).value = 'Corner Deli';
    typed.getCell(ih.indexOf('Due') + 1).value = '2026-12-20';
    typed.getCell(ih.indexOf('Amount') + 1).value = 80;
    typed.getCell(ih.indexOf('Currency') + 1).value = 'USD';
    await workbook.xlsx.writeFile(book);

    const second = await runCli(['reconcile', ...books, '--out', book], dir);
    expect(second.code, second.stderr).toBe(0);
    const again = new ExcelJS.Workbook();
    await again.xlsx.readFile(book);
    const after = readTabs(again);
    const inv = after.get('Invoices')!;
    const status = (n: string) => cell(inv, inv.rows.find((r) => cell(inv, r, 'Invoice') === n)!, 'Status');
    expect(status('1048')).toBe('open');
    expect(status('1049')).toBe('paid');
    expect(status('H-7')).toBe('open');
    const pay = after.get('Invoice Payments')!;
    const decisions = pay.rows.map((r) => [
      cell(pay, r, 'Invoice'),
      cell(pay, r, 'Decision'),
      cell(pay, r, 'State'),
    ]);
    expect(decisions).toContainEqual(['1048', 'reject', 'rejected']);
    expect(decisions).toContainEqual(['1049', 'confirm', 'confirmed']);
    const audit = after.get('Audit')!;
    expect(String(audit.rows.at(-1)![audit.header.indexOf('Detail')])).toMatch(
      /invoices 1045: partial → open, 1048: paid → open, 1049: open → paid, H-7: new → open/,
    );
  });
});

describe('invoices paid by SEPA transfer (CAMT.053 remittance information)', () => {
  it('finds the invoice in unstructured text and in an ISO 11649 creditor reference', async () => {
    const { code, stdout, stderr } = await runCli(
      [
        'reconcile',
        fixture('camt053-remittance.xml'),
        '--invoices',
        fixture('rechnungen.csv'),
        '--json',
        '--as-of',
        '2026-11-30',
      ],
      dir,
    );
    expect(code, stderr).toBe(0);
    const out = JSON.parse(stdout) as Out;
    expect(out.invoices.map((i) => [i.number, i.status, i.remaining, i.currency])).toEqual([
      ['RE-2026-118', 'paid', '0.00', 'EUR'],
      ['10431', 'paid', '0.00', 'EUR'],
      ['RE-2026-120', 'open', '320.00', 'EUR'],
    ]);
    expect(out.invoices[1]!.applications[0]!.reason).toMatch(/names invoice 10431/);
    expect(out.alerts.map((a) => [a.type, a.invoice])).toEqual([['overdue-invoice', 'RE-2026-120']]);
  });
});
