import { describe, expect, it } from 'vitest';
import { captureHtml } from './fixturePages';

const capture = (html: string) => captureHtml(html, 'https://bank.example.com/loans');

describe('tables that are not activity', () => {
  it('books nothing from a loan’s amortization schedule, and says which list it left out', () => {
    const { transactions, diagnostics } = capture(`<!doctype html><html lang="en"><body>
      <h1>Amortization schedule</h1><p>Equipment loan ••5512</p>
      <table><thead><tr><th>Payment date</th><th>Payment</th><th>Principal</th><th>Interest</th><th>Remaining balance</th></tr></thead>
      <tbody>
        <tr><td>2026-11-01</td><td>$1,250.00</td><td>$1,045.62</td><td>$204.38</td><td>$50,000.00</td></tr>
        <tr><td>2026-12-01</td><td>$1,250.00</td><td>$1,050.00</td><td>$200.00</td><td>$48,950.00</td></tr>
        <tr><td>2027-01-01</td><td>$1,250.00</td><td>$1,054.38</td><td>$195.62</td><td>$47,895.62</td></tr>
      </tbody></table></body></html>`);
    expect(transactions).toEqual([]);
    expect(diagnostics.noTransactionsReason).toBe(
      'rows were found but none could be read as transactions: 3× in "Amortization schedule", not a list of transactions',
    );
  });
});
