import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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
