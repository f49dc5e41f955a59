import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '../../../core/formats/csv/detectDelimiter';
import { parseCsv } from '../../../core/formats/csv/parseCsv';
import { importFile } from '../../../core/formats/importFile';
import { describeProblem } from '../../../core/model/problem';
import { FIXTURES, imported } from './loadFile';

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

describe('parseCsv', () => {
  it('reads quoted delimiters, doubled quotes and newlines inside quotes, with each record’s line', () => {
    const { records } = parseCsv('a,b\r\n"x, y","say ""hi""\nthere"\n\nlast,\n', ',');
    expect(records).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['x, y', 'say "hi"\nthere'], line: 2 },
      { fields: ['last', ''], line: 5 },
    ]);
  });

  it('reports a quote that never closes', () => {
    expect(parseCsv('a,b\n"open,1\n2,3\n', ',').unterminatedQuoteLine).toBe(2);
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['Date,Description,Amount\n01/02/2026,Coffee,-4.50\n', ','],
    ['Datum;Text;Betrag\n01.02.2026;Kaffee;-4,50\n02.02.2026;Miete;-1.200,00\n', ';'],
    ['Date\tDescription\tAmount\n2026-02-01\tCoffee, large\t-4.50\n', '\t'],
  ])('finds the delimiter of %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });
});

describe('bank CSV', () => {
  it('reads a US export: headers, grouped amounts, parentheses, a quoted newline, pending status', () => {
    const r = imported(`${FIXTURES}bank-us.csv`, { account: 'Checking ••6789', currency: 'USD' });
    expect(r.format).toBe('bank-csv');
    expect(
      r.transactions.map((t) => [t.date, t.amount.minor, t.description, t.status, t.balance?.minor]),
    ).toEqual([
      ['2026-11-02', -591, 'SQ *BLUE DOOR CAFE, OAKLAND CA', 'posted', 1248009],
      ['2026-11-02', -591, 'SQ *BLUE DOOR CAFE, OAKLAND CA', 'posted', 1247418],
      ['2026-11-03', 122403, 'SQUARE INC DEPOSIT D7KQ2M9XW4TZ', 'posted', 1369821],
      ['2026-11-13', -11240, 'ADP PAYROLL FEES', 'posted', 1358581],
      ['2026-11-14', -123456, 'PG&E "WEB" PAYMENT', 'posted', 1235125],
      ['2026-11-16', -2317, 'AMAZON MKTPLACE PMTS', 'pending', undefined],
    ]);
    // Two identical coffees on one day stay two.
    expect(r.transactions[0]!.id).not.toBe(r.transactions[1]!.id);
    expect(r.transactions[2]!.origin).toMatchObject({ file: 'files/bank-us.csv', row: 3 });
    expect(r.warnings).toEqual([]);
  });

  it('reads a German export: preamble skipped, `;`, decimal comma, day-first dates, currency column', () => {
    const r = imported(`${FIXTURES}bank-eu.csv`);
    expect(r.transactions.map((t) => [t.date, t.amount.minor, t.amount.currency, t.balance?.minor])).toEqual([
      ['2026-11-03', -8420, 'EUR', 531580],
      ['2026-11-05', 123456, 'EUR', 655036],
      ['2026-11-12', -200000, 'EUR', 455036],
      ['2026-11-12', -350, 'EUR', 454686],
    ]);
    expect(r.transactions[1]!.description).toBe('Müller & Söhne KG — Rechnung 2026-118; danke');
    expect(r.warnings).toEqual([]);
  });

  it('reads a French Windows-1252 export with Débit/Crédit columns and space-grouped balances', () => {
    const r = imported(`${FIXTURES}bank-fr-windows1252.csv`, { currency: 'EUR' });
    expect(r.transactions.map((t) => [t.date, t.amount.minor, t.description, t.balance?.minor])).toEqual([
      ['2026-11-02', -4510, 'PRLV SEPA EDF', 195490],
      ['2026-11-04', 150000, 'VIR SEPA CLIENT DUPONT SARL', 345490],
      ['2026-11-25', -780, 'CB CAFÉ DES ARTS 24/11', 344710],
      ['2026-11-26', -1200, 'FRAIS TENUE DE COMPTE – NOVEMBRE', 343510],
    ]);
  });

  it('says so when it has to assume a currency', () => {
    const r = imported(`${FIXTURES}bank-fr-windows1252.csv`);
    expect(r.transactions[0]!.amount.currency).toBe('USD');
    expect(r.warnings.map((w) => w.code)).toEqual(['assumed_currency']);
  });

  it('decides month-first vs day-first per column: 03/04 is 3 April when another row has 25/04', () => {
    const csv = 'Date,Description,Amount\n03/04/2026,A,-1.00\n25/04/2026,B,-2.00\n';
    const r = importFile({ name: 'x.csv', bytes: utf8(csv) }, { currency: 'GBP' });
    expect(r.ok && r.transactions.map((t) => t.date)).toEqual(['2026-04-03', '2026-04-25']);
  });

  it('detects roles from values when there is no header row', () => {
    const csv = '2026-11-02,"Coffee shop",-4.50,995.50\n2026-11-03,"Client payment",1000.00,1995.50\n';
    const r = importFile({ name: 'noheader.csv', bytes: utf8(csv) }, { currency: 'USD' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.transactions.map((t) => [t.date, t.description, t.amount.minor, t.balance?.minor])).toEqual([
      ['2026-11-02', 'Coffee shop', -450, 99550],
      ['2026-11-03', 'Client payment', 100000, 199550],
    ]);
  });

  it('follows an explicit mapping by header names, with negate for card exports', () => {
    const csv =
      'Trans. Date;Merchant;Charged;Ref\n02.11.2026;Hotel Adler;120,00;A-1\n03.11.2026;Refund Adler;-20,00;A-2\n';
    const r = importFile(
      { name: 'card.csv', bytes: utf8(csv) },
      {
        currency: 'CHF',
        csvMapping: {
          date: 'Trans. Date',
          description: 'Merchant',
          amount: 'Charged',
          reference: 'Ref',
          negate: true,
          dateOrder: 'dmy',
        },
      },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.transactions.map((t) => [t.date, t.amount.minor, t.amount.currency, t.externalId])).toEqual([
      ['2026-11-02', -12000, 'CHF', 'A-1'],
      ['2026-11-03', 2000, 'CHF', 'A-2'],
    ]);
  });

  it('names the missing column of a wrong mapping and the headers there are', () => {
    const r = importFile(
      { name: 'm.csv', bytes: utf8('Date,Text,Value\n2026-01-02,x,1.00\n') },
      { csvMapping: { date: 'Date', amount: 'Amount' } },
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map(describeProblem)).toEqual([
      'm.csv, field amount: mapping.amount: no column "Amount"; the headers are "Date", "Text", "Value"',
    ]);
  });

  it('skips an unreadable row with a warning naming its line, keeping the rest', () => {
    const csv =
      'Date,Description,Amount\n2026-11-02,Coffee,-4.50\n2026-11-31,Bad date,-1.00\n2026-11-03,Tea,abc\n';
    const r = importFile({ name: 'w.csv', bytes: utf8(csv) }, { currency: 'USD' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.transactions.map((t) => t.description)).toEqual(['Coffee']);
    expect(r.warnings.map((w) => [w.line, w.field])).toEqual([
      [3, 'date'],
      [4, 'amount'],
    ]);
  });

  it('refuses a CSV without an amount column, naming the headers', () => {
    const r = importFile({ name: 'n.csv', bytes: utf8('Date,Name\n2026-01-02,x\n2026-01-03,y\n') });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(describeProblem(r.problems[0]!)).toBe(
      'n.csv, line 1: no amount (or debit/credit) column found (headers: "Date", "Name"); pass a mapping with "amount"',
    );
  });
});

describe('bank CSV layouts', () => {
  it('signs an unsigned amount by a DR/CR column', () => {
    const csv =
      'Date,Narrative,Amount,Type\n02/11/2026,Card payment TESCO,12.40,DR\n15/11/2026,Salary,2500.00,CR\n';
    const r = importFile({ name: 'uk.csv', bytes: utf8(csv) }, { currency: 'GBP' });
    expect(r.ok && r.transactions.map((t) => [t.date, t.description, t.amount.minor])).toEqual([
      ['2026-11-02', 'Card payment TESCO', -1240],
      ['2026-11-15', 'Salary', 250000],
    ]);
  });

  it('reads a headerless file by column index with a mapping', () => {
    const csv = '"20261102";"-4,50";"Bakery";"X1"\n"20261103";"1.000,00";"Client";"X2"\n';
    const r = importFile(
      { name: 'idx.csv', bytes: utf8(csv) },
      { currency: 'EUR', csvMapping: { header: false, date: 0, amount: 1, description: 2, reference: 3 } },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.transactions.map((t) => [t.date, t.amount.minor, t.description, t.externalId])).toEqual([
      ['2026-11-02', -450, 'Bakery', 'X1'],
      ['2026-11-03', 100000, 'Client', 'X2'],
    ]);
  });

  it('rejects a mapping that is not a mapping, naming the field', () => {
    const r = importFile(
      { name: 'bad.csv', bytes: utf8('Date,Amount\n2026-01-01,1.00\n') },
      { csvMapping: { date: 'Date', dateOrder: 'ymd' } as never },
    );
    expect(r.ok ? 'imported' : r.problems.map((p) => p.field)).toEqual(['dateOrder']);
  });
});

describe('US bank layouts', () => {
  it('reads a Chase-style export: Description over Details, check numbers', () => {
    const csv = [
      'Details,Posting Date,Description,Amount,Type,Balance,Check or Slip #',
      'DEBIT,11/02/2026,"SQ *BLUE DOOR CAFE",-5.91,DEBIT_CARD,1994.09,,',
      'CHECK,11/04/2026,"CHECK 1043",-250.00,CHECK_PAID,1744.09,1043,',
      'CREDIT,11/05/2026,"STRIPE TRANSFER ST-X1Y2",812.40,ACH_CREDIT,2556.49,,',
    ].join('\n');
    const r = importFile({ name: 'Chase1234_Activity.CSV', bytes: utf8(csv) }, { currency: 'USD' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(
      r.transactions.map((t) => [t.date, t.description, t.amount.minor, t.checkNumber, t.balance?.minor]),
    ).toEqual([
      ['2026-11-02', 'SQ *BLUE DOOR CAFE', -591, undefined, 199409],
      ['2026-11-04', 'CHECK 1043', -25000, '1043', 174409],
      ['2026-11-05', 'STRIPE TRANSFER ST-X1Y2', 81240, undefined, 255649],
    ]);
  });
});

describe('statement rows in a bank CSV', () => {
  it('reads a Bank of America export: summary preamble skipped, beginning balance as a statement balance', () => {
    const csv = [
      'Description,,Summary Amt.',
      'Beginning balance as of 11/01/2026,,"2,000.00"',
      'Total credits,,"812.40"',
      'Total debits,,"-5.91"',
      'Ending balance as of 11/30/2026,,"2,806.49"',
      '',
      'Date,Description,Amount,Running Bal.',
      '11/01/2026,Beginning balance as of 11/01/2026,,"2,000.00"',
      '11/02/2026,"SQ *BLUE DOOR CAFE","-5.91","1,994.09"',
      '11/05/2026,"STRIPE TRANSFER","812.40","2,806.49"',
    ].join('\n');
    const r = importFile({ name: 'stmt.csv', bytes: utf8(csv) }, { currency: 'USD' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.transactions.map((t) => [t.date, t.amount.minor, t.balance?.minor])).toEqual([
      ['2026-11-02', -591, 199409],
      ['2026-11-05', 81240, 280649],
    ]);
    expect(r.balances.map((b) => [b.kind, b.date, b.balance.minor])).toEqual([
      ['opening', '2026-11-01', 200000],
    ]);
    expect(r.warnings).toEqual([]);
  });
});
