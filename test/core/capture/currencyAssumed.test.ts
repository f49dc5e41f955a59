import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { CURRENCY_ASSUMED } from '../../../core/capture/captureDiagnostics';
import { capturePage } from '../../../core/capture/capturePage';

const page = (amounts: string[], lang = '', header = 'Amount') =>
  parseHTML(`<html${lang ? ` lang="${lang}"` : ''}><body><table>
<tr><th>Date</th><th>Description</th><th>${header}</th></tr>
${amounts.map((a, i) => `<tr><td>2026-11-${10 + i}</td><td>LINE ${i}</td><td>${a}</td></tr>`).join('')}
</table></body></html>`).document as unknown as Document;

const capture = (doc: Document, url = 'https://bank.example/activity') =>
  capturePage(doc, { url, asOf: '2026-11-30' });

describe('the currency of a page that shows none', () => {
  it('is said to be assumed, never silently USD', () => {
    const { transactions, diagnostics } = capture(page(['-4.50', '1,234.56', '-59.99']));
    expect(transactions.map((t) => t.amount.currency)).toEqual(['USD', 'USD', 'USD']);
    expect(diagnostics.notes).toContain(`${CURRENCY_ASSUMED}: amounts read as USD`);
  });

  it('is not said to be assumed when the amounts, a header, the language or the address name it', () => {
    const named = [
      capture(page(['-$4.50', '$1,234.56'])),
      capture(page(['-4.50 EUR', '1,234.56 EUR'])),
      capture(page(['-4.50', '1,234.56'], '', 'Amount (CAD)')),
      capture(page(['-4.50', '1,234.56'], 'en-GB')),
      capture(page(['-4.50', '1,234.56']), 'https://www.bank.example.co.uk/activity'),
    ];
    for (const { diagnostics } of named)
      expect(diagnostics.notes.filter((n) => n.startsWith(CURRENCY_ASSUMED))).toEqual([]);
  });

  it('takes the currency the owner names', () => {
    const { transactions, diagnostics } = capturePage(page(['-4.50', '1,234.56']), {
      url: 'https://bank.example/activity',
      asOf: '2026-11-30',
      defaultCurrency: 'EUR',
    });
    expect(transactions.map((t) => t.amount.currency)).toEqual(['EUR', 'EUR']);
    expect(diagnostics.notes.filter((n) => n.startsWith(CURRENCY_ASSUMED))).toEqual([]);
  });
});
