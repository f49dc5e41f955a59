import { describe, expect, it } from 'vitest';
import { capturePage } from '../../../core/capture/capturePage';
import { loadDocument } from './fixturePages';

const page = (heading: string) => `<!doctype html><html lang="en"><body>
<nav>${heading}</nav>
<table><thead><tr><th>Date</th><th>Description</th><th>Amount</th></tr></thead><tbody>
<tr><td>2026-11-02</td><td>ACH DEBIT GUSTO</td><td>-1,200.00</td></tr>
<tr><td>2026-11-03</td><td>MOBILE DEPOSIT</td><td>450.25</td></tr>
</tbody></table></body></html>`;

const accountOf = (heading: string) =>
  capturePage(loadDocument(page(heading)), {
    url: 'https://bank.example/activity',
    asOf: '2026-11-30',
    capturedAt: '2026-11-30T00:00:00.000Z',
  }).transactions[0]?.account;

describe('the account a page names', () => {
  it('is the last crumb of a breadcrumb trail, not the trail', () => {
    for (const trail of [
      'Accounts › Operating Account ••2291',
      'Home » Accounts » Operating Account ••2291',
      'Accounts > Operating Account ••2291',
      'Accounts / Operating Account ••2291',
      'Overview → Operating Account ••2291',
    ])
      expect(accountOf(trail), trail).toBe('Operating Account ••2291');
  });
});
