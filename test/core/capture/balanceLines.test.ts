import { describe, expect, it } from 'vitest';
import { captureHtml } from './fixturePages';

const statement = (closing: string) => `<!doctype html><html lang="en-GB"><body>
  <h2>Business Current Account ••8812</h2>
  <table><thead><tr><th>Date</th><th>Details</th><th>Paid out</th><th>Paid in</th></tr></thead><tbody>
    <tr><td>01 Nov 2026</td><td>Opening balance</td><td></td><td>£1,000.00</td></tr>
    <tr><td>03 Nov 2026</td><td>CARD PAYMENT TESCO</td><td>£45.20</td><td></td></tr>
    <tr><td>05 Nov 2026</td><td>BACS CLIENT LTD</td><td></td><td>£500.00</td></tr>
    <tr><td>09 Nov 2026</td><td>DD HMRC</td><td>£120.00</td><td></td></tr>
    <tr><td>30 Nov 2026</td><td>Closing balance</td><td></td><td>${closing}</td></tr>
  </tbody></table></body></html>`;

const capture = (html: string) => captureHtml(html, 'https://bank.example.co.uk/statement');

describe('opening and closing balance lines among a list’s rows', () => {
  it('check the rows between them: a closing balance the rows do not reach fails the capture', () => {
    const { transactions, diagnostics } = capture(statement('£1,344.80'));
    expect(transactions.map((t) => t.amount.minor)).toEqual([-4520, 50000, -12000]);
    expect(diagnostics.verified).toBe(false);
    expect(diagnostics.checks.filter((c) => !c.ok).map((c) => c.message)).toEqual([
      'the balance goes from 1,000.00 GBP to 1,344.80 GBP on the page, a change of 344.80 GBP; the rows read account for 334.80 GBP: a row is missing, doubled or misread',
    ]);
    expect(transactions.every((t) => t.unverified !== undefined)).toBe(true);
  });

  it('and a closing balance they reach is a check passed', () => {
    const { diagnostics } = capture(statement('£1,334.80'));
    expect(diagnostics.verified).toBe(true);
    // Two columns, one for each side, say which way every figure goes: nothing was assumed.
    expect(diagnostics.signConvention).toEqual({
      convention: 'as-shown',
      decidedBy: 'money-out and money-in columns',
    });
    expect(diagnostics.checks.map((c) => c.message)).toContain(
      'the opening balance 1,000.00 GBP and the closing balance 1,334.80 GBP agree with the rows read',
    );
  });
});
