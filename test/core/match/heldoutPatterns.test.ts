import { describe, expect, it } from 'vitest';
import { reconcile } from '../../../core/match/reconcile';
import { deposit, payout } from './buildTransaction';

const links = (r: ReturnType<typeof reconcile>) =>
  r.matches
    .toArray()
    .filter((m) => m.type !== 'payout-rollup' && m.type !== 'duplicate' && m.type !== 'transfer')
    .map((m) => `${m.type}:${m.members.map((x) => x.id).join('+')}`);

describe('negative payouts debited under no processor name', () => {
  it('links the only generic ACH debit of the amount in the window, below a named debit', () => {
    const r = reconcile({
      transactions: [
        payout('p1', '2026-03-02', -70488),
        deposit('w1', '2026-03-04', -70488, 'ELECTRONIC WITHDRAWAL'),
        payout('p2', '2026-03-10', -1490, 'square'),
        deposit('w2', '2026-03-11', -1490, 'ACH WITHDRAWAL CCD'),
        payout('p3', '2026-03-16', -2500),
        deposit('w3', '2026-03-17', -2500, 'STRIPE DEBIT ST-QQ11WW22EE'),
      ],
    });
    expect(links(r)).toEqual(['refund-debit:p1+w1', 'refund-debit:p2+w2', 'refund-debit:p3+w3']);
    const confidence = (id: string) =>
      r.matches.toArray().find((m) => m.members.some((x) => x.id === id))!.confidence;
    expect(confidence('w1')).toBeLessThan(confidence('w3'));
  });

  it('leaves the debit alone when two such debits or two such payouts compete', () => {
    const r = reconcile({
      transactions: [
        payout('p1', '2026-03-02', -2114),
        deposit('w1', '2026-03-03', -2114, 'ACH DEBIT'),
        deposit('w2', '2026-03-04', -2114, 'ACH DEBIT'),
        payout('p2', '2026-03-16', -990),
        payout('p3', '2026-03-16', -990),
        deposit('w3', '2026-03-17', -990, 'ACH DEBIT'),
      ],
    });
    expect(links(r)).toEqual([]);
  });

  it('never takes a card purchase or a bill for a negative payout', () => {
    const r = reconcile({
      transactions: [
        payout('p1', '2026-03-02', -4900),
        deposit('w1', '2026-03-03', -4900, 'POS PURCHASE OFFICE DEPOT'),
        payout('p2', '2026-03-09', -5100),
        deposit('w2', '2026-03-10', -5100, 'COMCAST BUSINESS'),
      ],
    });
    expect(links(r)).toEqual([]);
  });
});

describe('same-amount payouts keep date order', () => {
  it('does not give the named line to the later payout when the earlier one fits it', () => {
    const r = reconcile({
      transactions: [
        payout('p1', '2025-07-01', 2786),
        payout('p2', '2025-07-02', 2786),
        deposit('d1', '2025-07-03', 2786, 'ELECTRONIC DEPOSIT'),
        deposit('d2', '2025-07-07', 2786, 'STRIPE TRANSFER ST-V27V6XD1JT6E'),
      ],
    });
    expect(links(r)).toEqual(['payout-deposit:p1+d1', 'payout-deposit:p2+d2']);
  });

  it('pairs by the date the bank text gives for the payout (DESC DATE)', () => {
    const named = (date: string) =>
      `ORIG CO NAME:STRIPE ORIG ID:1800948598 DESC DATE:${date} CO ENTRY DESCR:TRANSFER SEC:CCD EED:251223`;
    const r = reconcile({
      transactions: [
        payout('p1', '2025-12-16', 2786),
        payout('p2', '2025-12-17', 2786),
        deposit('d1', '2025-12-23', 2786, 'ACH DEPOSIT', {
          origin: { file: 'b.csv', row: 1, capturedAt: '' },
        }),
        deposit('d2', '2025-12-23', 2786, named('251216'), {
          origin: { file: 'b.csv', row: 2, capturedAt: '' },
        }),
      ],
    });
    expect(links(r)).toEqual(['payout-deposit:p1+d2', 'payout-deposit:p2+d1']);
  });
});

describe('links despite an amount difference', () => {
  it('never takes a branch, counter or customer deposit near the amount', () => {
    const r = reconcile({
      transactions: [
        payout('p1', '2026-03-02', 67910),
        deposit('d1', '2026-03-03', 65182, 'DEPOSIT ID NUMBER 087146'),
        payout('p2', '2026-03-09', 40000, 'square'),
        deposit('d2', '2026-03-10', 39500, 'HARBOR DENTAL GROUP DES:PAYMENT ID:INV9577 CCD'),
        payout('p3', '2026-03-16', 30000),
        deposit('d3', '2026-03-17', 29800, 'ACH CREDIT CCD'),
      ],
    });
    expect(links(r)).toEqual([]);
    expect(r.discrepancies.filter((d) => d.type === 'amount-difference')).toEqual([]);
  });

  it('keeps one for a line naming the processor when no line has the exact amount', () => {
    const r = reconcile({
      transactions: [
        payout('p1', '2026-03-02', 67910),
        deposit('d1', '2026-03-03', 67410, 'STRIPE TRANSFER ST-AB12CD34EF'),
      ],
    });
    expect(links(r)).toEqual(['payout-deposit:p1+d1']);
    expect(r.discrepancies.map((d) => d.type)).toEqual(['amount-difference']);
  });
});

describe('combined deposits', () => {
  it('leaves a deposit that other open payouts add up to for them, giving the single payout its later one', () => {
    const r = reconcile({
      transactions: [
        payout('a', '2026-02-20', 14311),
        payout('b', '2026-02-23', 4728),
        payout('c', '2026-02-25', 19039),
        deposit('d1', '2026-02-26', 19039, 'STRIPE TRANSFER ST-AAAA1111'),
        deposit('d2', '2026-03-03', 19039, 'STRIPE TRANSFER ST-BBBB2222'),
      ],
    });
    expect(links(r).sort()).toEqual(['many-to-one:a+b+d1', 'payout-deposit:c+d2']);
    expect(r.unmatched).toEqual([]);
  });

  it('combines the earliest of equal payouts, leaving the later one for its own deposit', () => {
    const r = reconcile({
      transactions: [
        payout('p1', '2026-03-02', 4728),
        payout('p2', '2026-03-03', 4728),
        payout('p3', '2026-03-04', 7514),
        payout('p4', '2026-03-09', 4728),
        deposit('d1', '2026-03-09', 16970, 'STRIPE TRANSFER ST-CCCC3333'),
        deposit('d2', '2026-03-11', 4728, 'ACH DEPOSIT'),
      ],
    });
    expect(links(r).sort()).toEqual(['many-to-one:p1+p2+p3+d1', 'payout-deposit:p4+d2']);
    expect(r.matches.toArray().find((m) => m.type === 'many-to-one')!.ambiguous).toBeUndefined();
  });

  it('gives a single deposit to the payout that cannot be part of an earlier combined one', () => {
    const r = reconcile({
      transactions: [
        payout('a', '2026-03-02', 2786),
        payout('b', '2026-03-03', 4728),
        payout('c', '2026-03-06', 4728),
        deposit('d1', '2026-03-05', 7514, 'STRIPE TRANSFER ST-DDDD4444'),
        deposit('d2', '2026-03-09', 4728, 'STRIPE TRANSFER ST-EEEE5555'),
      ],
    });
    expect(links(r).sort()).toEqual(['many-to-one:a+b+d1', 'payout-deposit:c+d2']);
  });
});

describe('lines that are not a payout', () => {
  it('does not take a transfer from own savings or shares, however the bank words it', () => {
    const r = reconcile({
      transactions: [
        payout('p1', '2026-03-02', 204755, 'square'),
        deposit('d1', '2026-03-02', 204755, 'Transfer From Shares 5569'),
        payout('p2', '2026-03-09', 4728),
        deposit(
          'd2',
          '2026-03-10',
          4728,
          'ONLINE TRANSFER FROM BUSINESS SAVINGS XXXXXX4556 REF #IB03RBESF7ZD',
        ),
      ],
    });
    expect(links(r)).toEqual([]);
  });

  it('does not take an ACH credit whose originator is someone other than a processor', () => {
    const r = reconcile({
      transactions: [
        payout('p1', '2026-03-02', 22057, 'square'),
        deposit(
          'd1',
          '2026-03-03',
          22057,
          'HARBOR DENTAL GROUP DES:PAYMENT ID:INV9577 INDN:ACME LLC CO ID:15040 CCD',
        ),
        payout('p2', '2026-03-09', 55344, 'square'),
        deposit(
          'd2',
          '2026-03-10',
          55344,
          'ORIG CO NAME:CITY OF SPRINGFIELD ORIG ID:1505 DESC DATE:260309 SEC:CCD',
        ),
        payout('p3', '2026-03-16', 9999, 'stripe'),
        deposit(
          'd3',
          '2026-03-17',
          9999,
          'STRIPE DES:TRANSFER ID:ST-4SFP8GD8X81A INDN:ACME LLC CO ID:1800948598 CCD',
        ),
      ],
    });
    expect(links(r)).toEqual(['payout-deposit:p3+d3']);
  });
});
