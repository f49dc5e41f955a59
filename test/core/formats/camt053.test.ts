import { describe, expect, it } from 'vitest';
import { importFile } from '../../../core/formats/importFile';
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

describe('CAMT.053 later versions', () => {
  const v8 = `<?xml version="1.0" encoding="UTF-8"?>
<c:Document xmlns:c="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
  <c:BkToCstmrStmt>
    <c:GrpHdr><c:MsgId>M1</c:MsgId></c:GrpHdr>
    <c:Stmt>
      <c:Acct><c:Id><c:IBAN>DE89370400440532013000</c:IBAN></c:Id><c:Ccy>EUR</c:Ccy></c:Acct>
      <c:Bal><c:Tp><c:CdOrPrtry><c:Cd>CLBD</c:Cd></c:CdOrPrtry></c:Tp><c:Amt Ccy="EUR">1000.00</c:Amt><c:CdtDbtInd>CRDT</c:CdtDbtInd><c:Dt><c:Dt>2026-11-30</c:Dt></c:Dt></c:Bal>
      <c:Ntry>
        <c:NtryRef>N-77</c:NtryRef>
        <c:Amt Ccy="EUR">1234.50</c:Amt><c:CdtDbtInd>DBIT</c:CdtDbtInd>
        <c:Sts><c:Cd>BOOK</c:Cd></c:Sts>
        <c:BookgDt><c:DtTm>2026-11-28T09:15:00+01:00</c:DtTm></c:BookgDt>
        <c:NtryDtls><c:TxDtls><c:RltdPties><c:Cdtr><c:Pty><c:Nm>Vermieter GmbH</c:Nm></c:Pty></c:Cdtr></c:RltdPties>
          <c:RmtInf><c:Ustrd>Miete Dezember &amp; NK</c:Ustrd></c:RmtInf></c:TxDtls></c:NtryDtls>
      </c:Ntry>
      <c:Ntry>
        <c:AcctSvcrRef>REF-78</c:AcctSvcrRef>
        <c:Amt Ccy="EUR">9.99</c:Amt><c:CdtDbtInd>CRDT</c:CdtDbtInd>
        <c:Sts><c:Cd>PDNG</c:Cd></c:Sts>
        <c:ValDt><c:Dt>2026-11-29</c:Dt></c:ValDt>
        <c:AddtlNtryInf>Gutschrift</c:AddtlNtryInf>
      </c:Ntry>
    </c:Stmt>
  </c:BkToCstmrStmt>
</c:Document>`;

  it('reads v8 with a namespace prefix, Sts/Cd, BookgDt/DtTm, NtryRef, value date fallback and pending entries', () => {
    const r = importFile({ name: 'v8.xml', bytes: new Uint8Array(Buffer.from(v8)) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.format).toBe('camt053');
    expect(
      r.transactions.map((t) => [t.date, t.amount.minor, t.externalId, t.status, t.description]),
    ).toEqual([
      ['2026-11-28', -123450, 'N-77', 'posted', 'Vermieter GmbH — Miete Dezember & NK'],
      ['2026-11-29', 999, 'REF-78', 'pending', 'Gutschrift'],
    ]);
    expect(r.transactions[0]!.account).toBe('Account ••3000');
    expect(r.balances.map((b) => [b.kind, b.balance.minor])).toEqual([['closing', 100000]]);
  });

  it('refuses a version it does not know', () => {
    const r = importFile({
      name: 'v12.xml',
      bytes: new Uint8Array(Buffer.from(v8.replace('053.001.08', '053.001.14'))),
    });
    expect(r.ok ? 'imported' : r.problems[0]!.message).toBe(
      'CAMT.053 version 14 is not supported (1 to 13 are)',
    );
  });
});
