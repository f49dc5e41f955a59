import { describe, expect, it } from 'vitest';
import { BUILTIN_PROFILES } from '../../../core/capture/builtinProfiles';
import { capturePage } from '../../../core/capture/capturePage';
import { profileFromMapping } from '../../../core/capture/profileFromMapping';
import { Transaction } from '../../../core/model/transaction';
import { toTransactionJson } from '../../../core/model/transactionJson';
import { fixturePages, loadDocument } from './fixturePages';

const pages = fixturePages();

function capture(page: (typeof pages)[number], extra: Partial<Parameters<typeof capturePage>[1]> = {}) {
  return capturePage(loadDocument(page.html), {
    url: page.url,
    asOf: page.asOf,
    capturedAt: page.capturedAt,
    profiles: BUILTIN_PROFILES,
    ...extra,
  });
}

const page = (name: string) => pages.find((p) => p.name === name)!;

describe('capturePage on the portal fixtures', () => {
  it('has at least 15 pages with transactions to check', () => {
    expect(pages.filter((p) => p.transactions.length > 0).length).toBeGreaterThanOrEqual(15);
  });

  for (const p of pages) {
    it(`reads every field of every row of ${p.name}`, () => {
      const { transactions, diagnostics } = capture(p);
      for (const t of transactions) expect(Transaction.safeParse(t).success).toBe(true);
      expect(transactions.map(toTransactionJson)).toEqual(p.transactions);
      if (p.transactions.length === 0) expect(diagnostics.noTransactionsReason).toBeTruthy();
      else expect(diagnostics.noTransactionsReason).toBeUndefined();
    });
  }

  it('gives the same ids when the same page is captured twice, whenever that is', () => {
    const p = page('square-transactions');
    const first = capture(p).transactions.map((t) => t.id);
    const again = capture(p, { capturedAt: '2026-11-20T23:59:00.000Z' }).transactions.map((t) => t.id);
    expect(again).toEqual(first);
    // Two identical sales on one day stay two.
    expect(new Set(first).size).toBe(first.length);
  });
});

describe('capture diagnostics', () => {
  it('names the profile, the mapping chosen and why rows were skipped', () => {
    const { diagnostics } = capture(page('chase-checking'));
    expect(diagnostics.path).toBe('profile');
    expect(diagnostics.profile?.id).toBe('chase-activity');
    expect(diagnostics.mapping).toMatchObject({ date: 'Date', amount: 'Amount', balance: 'Balance' });
    const scheduled = diagnostics.skipped.filter((s) => s.reason.includes('Scheduled payments'));
    expect(scheduled.map((s) => s.text)).toEqual([
      'Dec 1, 2026 PG&E $312.40',
      'Dec 3, 2026 LANDLORD LLC $4,500.00',
    ]);
    expect(diagnostics.confidence).toBe(1);
  });

  it('says why nothing was captured instead of succeeding with zero', () => {
    const { transactions, diagnostics } = capture(page('empty-activity'));
    expect(transactions).toEqual([]);
    expect(diagnostics.noTransactionsReason).toMatch(/no repeated rows/);
    expect(diagnostics.confidence).toBe(0);
  });

  it('skips failed payments and says so', () => {
    const { diagnostics } = capture(page('stripe-payments'));
    expect(diagnostics.skipped).toEqual([
      expect.objectContaining({ row: 3, reason: 'status "Failed": no money moved', notTransaction: true }),
    ]);
  });
});

describe('profile drift', () => {
  it('falls back to the generic extractor and reports renamed headers', () => {
    const p = page('chase-checking');
    const renamed = { ...p, html: p.html.replace('class="amount">Amount</th>', 'class="amount">Sum</th>') };
    const { transactions, diagnostics } = capture(renamed);
    expect(diagnostics.path).toBe('generic');
    expect(diagnostics.drift.join(' ')).toMatch(/columns not found: amount \("Amount"\)/);
    expect(transactions.map((t) => t.amount.minor)).toEqual(
      p.transactions.map((t) => Math.round(Number(t.amount) * 100)),
    );
  });

  it('reports a row selector that no longer matches', () => {
    const p = page('tailwind-responsive');
    const profile = profileFromMapping({ date: 'Posted', amount: 'Amount' }, p.url, {
      rowSelector: 'tr.txn-row',
    });
    const { transactions, diagnostics } = capture(p, { profiles: [profile] });
    expect(diagnostics.drift).toEqual([`profile ${profile.id}: no rows match "tr.txn-row" any more`]);
    expect(diagnostics.path).toBe('generic');
    expect(transactions).toHaveLength(p.transactions.length);
  });
});

describe('correcting the mapping', () => {
  it('takes a corrected mapping and saves it as a site profile that reads the same way', () => {
    const p = page('tailwind-responsive');
    const guessed = capture(p);
    expect(guessed.diagnostics.mapping.date).toBe('Posted');
    const mapping = { ...guessed.diagnostics.mapping, date: 'Txn date' };
    const corrected = capture(p, { mapping });
    expect(corrected.transactions.map((t) => t.date)).toEqual([
      '2026-11-21',
      '2026-11-20',
      '2026-11-19',
      '2026-11-18',
      '2026-11-17',
    ]);
    expect(corrected.diagnostics.groups[0]!.reasons.date).toBe('given');

    const profile = profileFromMapping(mapping, p.url, { name: 'Northstar', institution: 'northstar' });
    expect(profile.urlPatterns).toEqual(['https://app.northstar-bank.example/accounts/*/activity*']);
    const saved = capture(p, { profiles: [profile] });
    expect(saved.diagnostics.path).toBe('profile');
    expect(saved.transactions.map((t) => [t.date, t.amount.minor, t.institution])).toEqual(
      corrected.transactions.map((t) => [t.date, t.amount.minor, 'northstar']),
    );
  });
});

describe('capturePage on a bare element', () => {
  it('reads only the element it is given', () => {
    const document = loadDocument(page('chase-checking').html);
    const table = document.getElementById('activityTable')!;
    const { transactions } = capturePage(table, {
      url: 'https://bank.example/',
      asOf: '2026-11-21',
      capturedAt: '2026-11-21T15:00:00.000Z',
    });
    expect(transactions).toHaveLength(9);
    expect(transactions[0]).toMatchObject({ institution: 'generic', status: 'pending' });
  });
});
