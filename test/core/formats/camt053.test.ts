import { describe, expect, it } from 'vitest';
import { describeProblem } from '../../../core/model/problem';
import { CORPUS, essentials, imported, importPath } from './loadFile';

const camt = (name: string) => `${CORPUS}camt053/${name}`;

describe('CAMT.053', () => {
  it('reads v2 minimal: booking date, CRDT sign, debtor as payee, balances in their own currencies', () => {
    const r = imported(camt('camt053.v2.minimal.xml'));
    expect(r.format).toBe('camt053');
    expect(r.transactions.map(essentials)).toEqual([
      { date: '2014-12-31', minor: 885, currency: 'EUR', externalId: undefined },
    ]);
    expect(r.transactions[0]).toMatchObject({
      payee: 'NAME NAME',
      memo: '4654654654654654',
      kind: 'deposit',
      status: 'posted',
    });
    expect(r.transactions[0]!.origin).toMatchObject({ element: 'Ntry', row: 1 });
    expect(r.balances.map((b) => [b.kind, b.date, b.balance.minor, b.balance.currency])).toEqual([
      ['opening', '2014-12-30', 1815, 'EUR'],
      ['closing', '2014-12-31', -2700, 'SEK'],
      ['available', '2014-12-31', -2700, 'JPY'],
    ]);
    expect(r.accounts).toEqual([
      {
        schemaVersion: 1,
        institution: 'generic',
        account: 'Account ••6890',
        currency: 'EUR',
        type: 'checking',
      },
    ]);
  });

  it('reads several statements in one file, a DBIT entry negative', () => {
    const r = imported(camt('camt053.v2.multi.statement.xml'));
    expect(r.transactions.map((t) => [t.date, t.amount.minor, t.amount.currency, t.payee, t.memo])).toEqual([
      ['2014-12-31', 885, 'EUR', 'Company Name 1', 'Transaction Description 1'],
      ['2014-12-31', -700, 'EUR', 'Company Name 2', 'Transaction Description 2'],
    ]);
    expect(r.transactions[1]!.kind).toBe('withdrawal');
    expect(r.balances.map((b) => [b.kind, b.balance.minor])).toEqual([
      ['opening', 1815],
      ['closing', 2700],
      ['opening', 2700],
      ['closing', 2000],
    ]);
    expect(r.accounts).toHaveLength(1);
  });

  it('reads five-decimal amounts whose extra digits are zeros', () => {
    const r = imported(camt('camt053.v2.five.decimals.xml'));
    expect(r.transactions.map(essentials)).toEqual([
      { date: '2014-12-31', minor: 885, currency: 'EUR', externalId: undefined },
    ]);
    expect(r.balances.map((b) => b.balance.minor)).toEqual([1815, 2705]);
    expect(r.warnings).toEqual([]);
  });

  it('keeps opening, closing and available balances of all-balance-types and leaves interim ones out', () => {
    const r = imported(camt('camt053.v2.all-balance-types.xml'));
    expect(r.balances.map((b) => [b.source, b.kind, b.date, b.balance.minor])).toEqual([
      ['CAMT.053 Bal OPBD', 'opening', '2015-01-21', 101],
      ['CAMT.053 Bal PRCD', 'opening', '2015-01-21', 202],
      ['CAMT.053 Bal CLBD', 'closing', '2015-01-22', 404],
      ['CAMT.053 Bal CLAV', 'available', '2015-01-23', 505],
    ]);
    expect(r.transactions.map(essentials)).toEqual([
      { date: '2014-12-31', minor: 885, currency: 'EUR', externalId: undefined },
    ]);
    expect(r.accounts[0]!.institution).toBe('aaaa-banken');
  });

  it.each([
    ['camt053.v3.xml', 'XXXXXXXXXXXXXXXXXXXXXXEUR', 'kredbebb'],
    ['camt053.v4.xml', 'AAAASESS-FP-CN_98765/01', 'aaaa-banken'],
  ])('reads %s with AcctSvcrRef as externalId', (name, ref, institution) => {
    const r = imported(camt(name));
    expect(r.transactions.map(essentials)).toEqual([
      { date: '2014-12-31', minor: 885, currency: 'EUR', externalId: ref },
    ]);
    expect(r.transactions[0]).toMatchObject({ institution, account: 'Account ••6890', payee: 'NAME NAME' });
  });

  it('refuses camt053.v2.wrong.xml clearly: a group header without a statement', () => {
    const r = importPath(camt('camt053.v2.wrong.xml'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map(describeProblem)).toEqual([
      'camt053/camt053.v2.wrong.xml, line 3, element <BkToCstmrStmt>: <BkToCstmrStmt> holds no <Stmt>: the file has a group header but no statement to import',
    ]);
  });
});
