import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { capturePage } from '../../../core/capture/capturePage';

/** A checking activity table with a running balance; `breakAt` makes one balance not add up. */
function page(breakAt?: number): Document {
  const rows = [
    ['03/02/2026', 'OPENING DEPOSIT', '$1,000.00', '$1,000.00'],
    ['03/03/2026', 'SQ *BLUE BOTTLE COF', '-$4.50', '$995.50'],
    ['03/04/2026', 'ADOBE *CREATIVE CLOUD', '-$59.99', '$935.51'],
    ['03/05/2026', 'STRIPE TRANSFER', '$200.00', '$1,135.51'],
  ].map((r, i) => (i === breakAt ? [...r.slice(0, 3), '$1,999.99'] : r));
  const html = `<html><body><h1>Checking ••6789 activity</h1><table>
<thead><tr><th>Date</th><th>Description</th><th>Amount</th><th>Balance</th></tr></thead>
<tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table></body></html>`;
  return parseHTML(html).document as unknown as Document;
}

describe('lines of a capture whose self-check fails', () => {
  it('each carry why, so no surface (sheet, export, CLI) shows them as clean', () => {
    const { transactions, diagnostics } = capturePage(page(2), {
      url: 'https://bank.example/activity',
      asOf: '2026-03-31',
    });
    expect(diagnostics.verified).toBe(false);
    expect(transactions).toHaveLength(4);
    for (const t of transactions) expect(t.unverified).toMatch(/running balance/i);
  });

  it('a capture whose checks pass carries no mark', () => {
    const { transactions, diagnostics } = capturePage(page(), {
      url: 'https://bank.example/activity',
      asOf: '2026-03-31',
    });
    expect(diagnostics.checks.some((c) => c.kind === 'running-balance' && c.ok)).toBe(true);
    expect(transactions.every((t) => t.unverified === undefined)).toBe(true);
  });
});
