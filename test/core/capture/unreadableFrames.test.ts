import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { capturePage } from '../../../core/capture/capturePage';

describe('a page whose activity is in a frame it cannot read', () => {
  it('says so, naming the frame, instead of only "nothing found"', () => {
    const { document } = parseHTML(`<html><body><header>Online Banking</header>
<p>Welcome back</p><iframe src="https://statements.bank.example/activity?acct=1"></iframe></body></html>`);
    const { transactions, diagnostics } = capturePage(document as unknown as Document, {
      url: 'https://www.bank.example/home',
      asOf: '2026-03-31',
    });
    expect(transactions).toEqual([]);
    expect(diagnostics.noTransactionsReason).toMatch(
      /a frame that cannot be read from here \(https:\/\/statements\.bank\.example\/activity\?acct=1\): open the frame's own page/,
    );
  });
});
