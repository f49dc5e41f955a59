import { describe, expect, it } from 'vitest';
import { importFile } from '../../../core/formats/importFile';
import { mergeTransactions } from '../../../core/ids/mergeTransactions';
import { describeProblem } from '../../../core/model/problem';
import { CORPUS, essentials, imported, importPath } from './loadFile';

const ofx = (name: string) => `${CORPUS}ofx/${name}`;
const fail = (name: string) => `${CORPUS}ofx-fail/${name}`;

describe('OFX 1.x (SGML)', () => {
  it('reads checking.ofx: dates, signed cents, FITIDs, check number, balances', () => {
    const r = imported(ofx('checking.ofx'));
    expect(r.format).toBe('ofx');
    expect(r.transactions.map(essentials)).toEqual([
      { date: '2011-03-31', minor: 1, currency: 'USD', externalId: '0000486' },
      { date: '2011-04-05', minor: -3451, currency: 'USD', externalId: '0000487' },
      { date: '2011-04-07', minor: -2500, currency: 'USD', externalId: '0000488' },
    ]);
    const [dividend, , check] = r.transactions;
    expect(dividend!.description).toBe('DIVIDEND EARNED FOR PERIOD OF 03');
    expect(dividend!.memo).toMatch(/^DIVIDEND EARNED FOR PERIOD OF 03\/01\/2011 THROUGH/);
    expect(dividend!.kind).toBe('deposit');
    expect(check!.checkNumber).toBe('319');
    expect(r.accounts).toEqual([
      {
        schemaVersion: 1,
        institution: 'fake',
        account: 'Checking ••87~7',
        currency: 'USD',
        type: 'checking',
      },
    ]);
    expect(r.balances.map((b) => [b.kind, b.date, b.balance.minor])).toEqual([
      ['closing', '2013-05-25', 10099],
      ['available', '2013-05-25', 7599],
    ]);
    expect(r.transactions[0]!.origin).toEqual({
      file: 'ofx/checking.ofx',
      row: 1,
      element: 'STMTTRN',
      capturedAt: '2026-11-23T09:00:00.000Z',
    });
  });

  it('reads bank_medium.ofx with timezone-suffixed dates and unclosed tags on one line', () => {
    const r = imported(ofx('bank_medium.ofx'));
    expect(r.transactions.map(essentials)).toEqual([
      { date: '2009-04-01', minor: -660, currency: 'CAD', externalId: '0000123456782009040100001' },
      { date: '2009-04-02', minor: -31667, currency: 'CAD', externalId: '0000123456782009040200004' },
      { date: '2009-04-03', minor: -2200, currency: 'CAD', externalId: '0000123456782009040300005' },
    ]);
    expect(r.transactions.map((t) => t.description)).toEqual([
      "MCDONALD'S #112",
      "Joe's Bald Hairstyles",
      "CONNIE'S HAIR D",
    ]);
    // CHECKNUM 0 is a placeholder, not a check number.
    expect(r.transactions[1]!.checkNumber).toBeUndefined();
    expect(r.balances.map((b) => b.balance.minor)).toEqual([38234, 68234]);
  });

  it('reads tracking-number.ofx check numbers without a sign-on block', () => {
    const r = imported(ofx('tracking-number.ofx'));
    expect(
      r.transactions.map((t) => [t.date, t.amount.minor, t.externalId, t.checkNumber, t.description]),
    ).toEqual([
      ['2019-01-23', -3000, 'tracking-number-1', '2002', 'CHECK 2002'],
      ['2019-01-23', -377, 'tracking-number-2', undefined, 'STARBUCKS STORE'],
    ]);
  });

  it('reads empty tags: currency from the line, description from MEMO, running balance, no FITID', () => {
    const r = imported(ofx('ofx-v102-empty-tags.ofx'));
    expect(r.transactions).toHaveLength(1);
    const [t] = r.transactions;
    expect(essentials(t!)).toEqual({
      date: '2018-05-07',
      minor: 1234,
      currency: 'AUD',
      externalId: undefined,
    });
    expect(t!.description).toBe('CBA:Transfer');
    expect(t!.balance).toEqual({ minor: 12345, currency: 'AUD' });
    expect(r.warnings.map(describeProblem)).toContain(
      'ofx/ofx-v102-empty-tags.ofx, line 23, element <LEDGERBAL>: LEDGERBAL of Account ••5678 skipped: <BALAMT> is missing or empty',
    );
  });

  it('reads an empty <OFX></OFX> as no statements, with a notice rather than silence', () => {
    const r = imported(ofx('bank_small.ofx'));
    expect(r.transactions).toEqual([]);
    expect(r.warnings.map((w) => w.code)).toEqual(['no_statements']);
  });

  it('skips investment content in fidelity-savings.ofx but keeps its cash lines, rounding 4-decimal amounts', () => {
    const r = imported(ofx('fidelity-savings.ofx'));
    expect(r.transactions.map(essentials)).toEqual([
      { date: '2012-07-20', minor: -150000, currency: 'USD', externalId: 'X0000000000000000000001' },
      { date: '2012-07-27', minor: 11583, currency: 'USD', externalId: 'X0000000000000000000002' },
      { date: '2012-07-27', minor: -19711, currency: 'USD', externalId: 'X0000000000000000000003' },
      { date: '2012-07-27', minor: -19712, currency: 'USD', externalId: 'X0000000000000000000004' },
    ]);
    expect(r.transactions[0]!.checkNumber).toBe('0000001001');
    expect(r.accounts[0]).toMatchObject({ institution: 'fidelity.com', account: 'Investment cash ••0001' });
    expect(r.warnings.filter((w) => w.code === 'amount_rounded').map((w) => w.line)).toEqual([63, 78, 93]);
  });
});

describe('QFX', () => {
  it('decodes HTML entities (also doubly escaped) and [-5:EST] dates in html-vals.qfx', () => {
    const r = imported(ofx('html-vals.qfx'));
    expect(r.transactions.map(essentials)).toEqual([
      { date: '2023-05-09', minor: -100, currency: 'CAD', externalId: '23129130032333396279270000' },
      { date: '2023-03-01', minor: -100, currency: 'CAD', externalId: '23060061032549554596530000' },
    ]);
    // NAME holds only a number here, so the words come from MEMO.
    expect(r.transactions[0]!.description).toBe(
      'PREAUTHORIZED DEBIT;B.C. HYDRO & POWER AUTHORITY;Electronic Funds Transfer',
    );
    expect(r.transactions[1]!.description).toBe('TPAY <DEFTPYMT>');
  });
});

describe('OFX 2.x (XML)', () => {
  it('reads a credit card statement (CCSTMTRS) in anzcc.ofx', () => {
    const r = imported(ofx('anzcc.ofx'));
    expect(r.transactions.map(essentials)).toEqual([
      { date: '2017-05-08', minor: -550, currency: 'AUD', externalId: '201705080001' },
    ]);
    expect(r.transactions[0]).toMatchObject({
      kind: 'charge',
      description: 'SOME MEMO',
      account: 'Credit card ••1234',
    });
    expect(r.accounts[0]!.type).toBe('credit');
    expect(r.balances.map((b) => [b.kind, b.balance.minor])).toEqual([
      ['closing', -12345],
      ['available', 12345],
    ]);
  });

  it('reads CDATA in suncorp.ofx', () => {
    const r = imported(ofx('suncorp.ofx'));
    expect(r.transactions.map(essentials)).toEqual([
      { date: '2013-12-15', minor: -1685, currency: 'AUD', externalId: '1' },
    ]);
    expect(r.transactions[0]!.description).toBe('EFTPOS WDL HANDYWAY ALDI STORE');
    expect(r.transactions[0]!.memo).toBe('EFTPOS WDL HANDYWAY ALDI STORE GEELONG WEST VICAU');
  });

  it.each(['multiple_accounts.ofx', 'multiple_accounts2.ofx'])(
    'reads every account and its balance in %s',
    (name) => {
      const r = imported(ofx(name));
      expect(r.accounts.map((a) => [a.account, a.type])).toEqual([
        ['Checking ••9100', 'checking'],
        ['Savings ••9200', 'savings'],
      ]);
      expect(r.balances.map((b) => [b.account, b.date, b.balance.minor, b.balance.currency])).toEqual([
        ['Checking ••9100', '2012-06-03', 11100, 'USD'],
        ['Savings ••9200', '2012-06-03', 22200, 'USD'],
      ]);
      expect(r.transactions).toEqual([]);
      expect(r.warnings.map((w) => w.code)).toEqual(['no_transactions']);
    },
  );
});

describe('OFX files that must be refused or read in part (ofx-fail/)', () => {
  it('refuses a failed sign-on, saying the bank refused it', () => {
    const r = importPath(fail('signon_fail.ofx'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(describeProblem(r.problems[0]!)).toMatch(
      /^ofx-fail\/signon_fail\.ofx, line 11, element <SONRS>: the bank refused the sign-on \(OFX status 15500\): Your request could not be processed/,
    );
  });

  it('refuses date_missing.ofx, naming each undated transaction by FITID and line', () => {
    const r = importPath(fail('date_missing.ofx'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.code, p.line, p.element])).toEqual([
      ['no_readable_transactions', undefined, undefined],
      ['missing_date', 33, 'STMTTRN'],
      ['missing_date', 40, 'STMTTRN'],
      ['invalid_date', 48, 'STMTTRN'],
    ]);
    expect(r.problems[1]!.message).toContain('FITID 184997056');
    expect(r.problems[3]!.message).toContain('"20120231" is not a real date');
  });

  it('refuses decimal_error.ofx: "$120" is not an OFX amount and the date is impossible', () => {
    const r = importPath(fail('decimal_error.ofx'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const messages = r.problems.map(describeProblem);
    expect(messages).toContain(
      'ofx-fail/decimal_error.ofx, line 34, row 1, element <STMTTRN>: transaction FITID 2000957249 skipped: <TRNAMT> "$120" is not an OFX amount (a plain decimal such as -12.50)',
    );
    expect(messages.some((m) => m.includes('"201120000000" is not a real date'))).toBe(true);
  });

  it('keeps the transaction of empty_balance.ofx and warns about each empty balance', () => {
    const r = imported(fail('empty_balance.ofx'));
    expect(r.transactions.map(essentials)).toEqual([
      { date: '2011-03-08', minor: 12000, currency: 'CAD', externalId: '2000957249' },
    ]);
    expect(r.balances).toEqual([]);
    expect(r.warnings.map((w) => [w.element, w.line, w.code])).toEqual([
      ['LEDGERBAL', 37, 'missing_amount'],
      ['AVAILBAL', 41, 'missing_amount'],
    ]);
  });
});

describe('re-import', () => {
  it('gives the same ids for the same OFX file, so merging adds nothing', () => {
    const first = imported(ofx('bank_medium.ofx'), { capturedAt: '2026-01-01T00:00:00Z' });
    const second = imported(ofx('bank_medium.ofx'), { capturedAt: '2026-02-01T00:00:00Z' });
    expect(second.transactions.map((t) => t.id)).toEqual(first.transactions.map((t) => t.id));
    const merged = mergeTransactions(first.transactions, second.transactions);
    expect(merged.added).toEqual([]);
    expect(merged.changed).toEqual([]);
    expect(merged.unchanged).toHaveLength(3);
  });
});

describe('OFX edge cases', () => {
  const header = 'OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nCHARSET:1252\n\n';
  const statement = (body: string) =>
    `${header}<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS></SONRS></SIGNONMSGSRSV1><BANKMSGSRSV1>${body}</BANKMSGSRSV1></OFX>`;

  it('reads a Windows-1252 OFX (as CHARSET:1252 says) and European decimal commas', () => {
    const text = statement(
      '<STMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS><STMTRS><CURDEF>EUR<BANKACCTFROM><ACCTID>FR7630006000011234567890189<ACCTTYPE>SAVINGS</BANKACCTFROM><BANKTRANLIST><STMTTRN><TRNTYPE>POS<DTPOSTED>20261102<TRNAMT>-12,50<FITID>F1<NAME>CAFÉ “LE ZINC”</STMTTRN></BANKTRANLIST></STMTRS></STMTTRNRS>',
    );
    const bytes = Uint8Array.from(text, (c) => ({ É: 0xc9, '“': 0x93, '”': 0x94 })[c] ?? c.charCodeAt(0));
    const r = importFile({ name: 'fr.ofx', bytes });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.transactions.map((t) => [t.date, t.amount, t.description, t.account])).toEqual([
      ['2026-11-02', { minor: -1250, currency: 'EUR' }, 'CAFÉ “LE ZINC”', 'Savings ••0189'],
    ]);
  });

  it('refuses a response whose only statement request the bank answered with an error', () => {
    const text = statement(
      '<STMTTRNRS><TRNUID>1<STATUS><CODE>2003<SEVERITY>ERROR<MESSAGE>Account not found</STATUS></STMTTRNRS>',
    );
    const r = importFile({ name: 'err.ofx', bytes: new Uint8Array(Buffer.from(text)) });
    expect(r.ok ? 'imported' : r.problems.map(describeProblem)).toEqual([
      'err.ofx, line 6, element <STMTTRNRS>: the bank sent no statement here (OFX status 2003): Account not found',
    ]);
  });
});
