import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { capturePage } from '../../../core/capture/capturePage';

const PAGE = `<!DOCTYPE html><html><body><h1>Checking ••1234</h1>
<table><thead><tr><th>Date</th><th>Description</th><th>Amount</th><th>Balance</th></tr></thead>
<tbody>
<tr><td>11/20/2026</td><td>COFFEE</td><td>-$4.50</td><td>$995.50</td></tr>
<tr><td>11/21/2026</td><td>STRIPE TRANSFER</td><td>$100.00</td><td>$1,095.50</td></tr>
</tbody><tfoot><tr><td colspan="3">Closing balance</td><td>$1,095.50</td></tr></tfoot></table></body></html>`;

describe('capture keeps the raw cells of the rows it read', () => {
  it('gives one raw row per transaction, by page row, with the cells as shown', () => {
    const { document } = parseHTML(PAGE);
    const { transactions, diagnostics } = capturePage(document, {
      url: 'https://bank.example/activity',
      asOf: '2026-11-23',
      capturedAt: '2026-11-23T00:00:00Z',
    });
    expect(transactions).toHaveLength(2);
    expect(diagnostics.rawRows.map((r) => r.row)).toEqual(transactions.map((t) => t.origin.row));
    expect(diagnostics.rawRows[1]!.cells).toEqual(['11/21/2026', 'STRIPE TRANSFER', '$100.00', '$1,095.50']);
  });
});
