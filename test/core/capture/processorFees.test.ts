import { describe, expect, it } from 'vitest';
import { toTransactionJson } from '../../../core/model/transactionJson';
import { captureHtml } from './fixturePages';

const capture = (rows: string, header: string) =>
  captureHtml(
    `<!doctype html><html lang="en"><body><h1>Payments</h1><div>Account balance: $4,210.33</div>
      <table><thead><tr>${header}</tr></thead><tbody>${rows}</tbody></table></body></html>`,
    'https://dashboard.payflow.example.com/payments',
  ).transactions.map((t) => {
    const j = toTransactionJson(t);
    return `${j.description}: net ${j.amount}, gross ${j.gross}, fee ${j.fee}`;
  });

describe('fees on a processor page (net = gross − fee, a fee given back is negative)', () => {
  it('reads a refund’s returned fee from gross and net shown side by side', () => {
    expect(
      capture(
        `<tr><td>Dec 3, 2026</td><td>Lena Ortiz</td><td>$250.00</td><td>−$7.75</td><td>$242.25</td></tr>
         <tr><td>Dec 2, 2026</td><td>Refund: Omar Haddad</td><td>−$40.00</td><td>+$1.16</td><td>−$38.84</td></tr>`,
        '<th>Date</th><th>Customer</th><th>Gross</th><th>Fee</th><th>Net</th>',
      ),
    ).toEqual([
      'Lena Ortiz: net 242.25, gross 250.00, fee 7.75',
      'Refund: Omar Haddad: net -38.84, gross -40.00, fee -1.16',
    ]);
  });

  it('nets a returned fee the other way where no net is shown, when the fee column marks both signs', () => {
    expect(
      capture(
        `<tr><td>Dec 3, 2026</td><td>Lena Ortiz</td><td>$250.00</td><td>−$7.75</td></tr>
         <tr><td>Dec 2, 2026</td><td>Refund: Omar Haddad</td><td>−$40.00</td><td>+$1.16</td></tr>`,
        '<th>Date</th><th>Customer</th><th>Amount</th><th>Fee</th>',
      ),
    ).toEqual([
      'Lena Ortiz: net 242.25, gross 250.00, fee 7.75',
      'Refund: Omar Haddad: net -38.84, gross -40.00, fee -1.16',
    ]);
  });
});
