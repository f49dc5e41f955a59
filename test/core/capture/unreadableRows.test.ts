import { describe, expect, it } from 'vitest';
import { capturePage } from '../../../core/capture/capturePage';
import { loadDocument } from './fixturePages';

const card = (date: string, what: string, amount: string) =>
  `<li class="txn"><span class="date">${date}</span><span class="desc">${what}</span><span class="amount">${amount}</span></li>`;

describe('a row beside the rows read, with a date but an amount that is not a number', () => {
  it('is named in skipped with the amount cell text; the rows read keep their numbers', () => {
    const html = `<html><body><h2>Activity</h2><ul>
      <li class="day">Mar 2, 2026</li>
      ${card('Mar 2, 2026', 'Blue Door Cafe', '-$5.91')}
      ${card('Mar 3, 2026', 'Customer payment', '$1.2.3')}
      ${card('Mar 5, 2026', 'Office supplies', '-$48.20')}
    </ul></body></html>`;
    const { transactions, diagnostics } = capturePage(loadDocument(html), {
      url: 'https://bank.example/activity',
      asOf: '2026-04-01',
      capturedAt: '2026-04-01T00:00:00Z',
    });
    expect(transactions.map((t) => [t.origin.row, t.description, t.amount.minor])).toEqual([
      [1, 'Blue Door Cafe', -591],
      [2, 'Office supplies', -4820],
    ]);
    // The day heading (another shape) is not a row; the card whose amount is unreadable is.
    expect(diagnostics.skipped.filter((s) => !s.notTransaction)).toEqual([
      {
        row: 3,
        reason: 'the amount "$1.2.3" is not a number (a row like the rows read, after row 1)',
        text: expect.stringContaining('Customer payment'),
        notTransaction: false,
      },
    ]);
  });
});
