import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../core/formats/importFile';
import { CAPTURED_AT, FIXTURES, imported, importPath } from './loadFile';

const QIF = `${FIXTURES}qif/`;
const rows = (r: ReturnType<typeof imported>) =>
  r.transactions.map((t) => [t.date, t.amount.minor, t.amount.currency, t.description, t.account]);

describe('QIF files as tools write them', () => {
  it('keeps a last record that has no closing ^ (the whole file is that record)', () => {
    const r = imported(`${QIF}quicken98-unterminated.qif`, { currency: 'USD' });
    expect(rows(r)).toEqual([['1998-01-05', -1250, 'USD', 'SAFEWAY #1234', 'Bank']]);
    expect(r.transactions[0]!.memo).toBe('groceries');
  });

  it('reads two-digit and apostrophe years by the fixed pivot (00–69 → 20xx, 70–99 → 19xx)', () => {
    const r = imported(`${QIF}msmoney-two-digit-years.qif`, { currency: 'USD' });
    expect(rows(r)).toEqual([
      ['1999-12-31', -100000, 'USD', 'RENT DECEMBER', 'Bank'],
      ['2000-01-05', 250000, 'USD', 'PAYROLL', 'Bank'],
      ['2003-01-05', -4510, 'USD', 'CITY WATER', 'Bank'],
      ['2004-02-01', -999, 'USD', 'NETFLIX', 'Bank'],
      ['2069-07-15', 100, 'USD', 'INTEREST', 'Bank'],
    ]);
    expect(r.transactions[0]!.checkNumber).toBe('104');
  });

  it('names the account from its !Account block, after an AutoSwitch account list', () => {
    const r = imported(`${QIF}gnucash-account-blocks.qif`, { currency: 'USD' });
    expect(rows(r)).toEqual([
      ['2026-03-02', 500000, 'USD', 'Transfer from Checking 4417', 'Savings 4421'],
      ['2026-03-31', 137, 'USD', 'Interest', 'Savings 4421'],
    ]);
    expect(r.accounts).toEqual([expect.objectContaining({ account: 'Savings 4421', type: 'checking' })]);
    expect(r.warnings).toEqual([]);
  });

  it('decides day-first from all records and skips a typo date with its line, without flipping the rest', () => {
    const r = imported(`${QIF}european-day-first.qif`, { currency: 'EUR' });
    expect(rows(r)).toEqual([
      ['2026-04-03', -125000, 'EUR', 'Miete April', 'Bank'],
      ['2026-04-15', 210000, 'EUR', 'Gehalt', 'Bank'],
      ['2026-04-05', -4299, 'EUR', 'Stromanbieter', 'Bank'],
    ]);
    expect(r.warnings).toEqual([
      expect.objectContaining({
        code: 'invalid_date',
        line: 10,
        field: 'D',
        message: expect.stringContaining('13/45/2026'),
      }),
    ]);
  });

  it('does not let one impossible date turn a month-first file day-first', () => {
    const r = imported(`${QIF}mdy-with-typo.qif`, { currency: 'USD' });
    expect(rows(r)).toEqual([
      ['2026-01-02', -575, 'USD', 'COFFEE HOUSE', 'Credit card'],
      ['2026-01-03', -1200, 'USD', 'PARKING', 'Credit card'],
      ['2026-02-01', 25000, 'USD', 'PAYMENT THANK YOU', 'Credit card'],
    ]);
    expect(r.accounts[0]!.type).toBe('credit');
    expect(r.warnings.map((w) => [w.code, w.line])).toEqual([
      ['assumed_date_order', undefined],
      ['invalid_date', 10],
    ]);
  });

  it('leaves out a last record cut mid-field, names the line, and keeps the ids of the rest', () => {
    const cut = imported(`${QIF}cut-mid-field.qif`, { currency: 'USD' });
    expect(rows(cut)).toEqual([
      ['2026-01-15', -575, 'USD', 'COFFEE HOUSE', 'Bank'],
      ['2026-01-16', -1200, 'USD', 'PARKING GARAGE', 'Bank'],
    ]);
    expect(cut.warnings).toEqual([
      expect.objectContaining({
        code: 'file_truncated',
        line: 12,
        message: expect.stringContaining('line 12'),
      }),
    ]);
    const whole = importFile(
      {
        name: 'qif/cut-mid-field.qif',
        bytes: new Uint8Array([...readFileSync(`${QIF}cut-mid-field.qif`), ...Buffer.from('CKS\n^\n')]),
      },
      { currency: 'USD', capturedAt: CAPTURED_AT },
    );
    if (!whole.ok) expect.fail(JSON.stringify(whole.problems));
    expect(whole.transactions.map((t) => t.description)).toEqual([
      'COFFEE HOUSE',
      'PARKING GARAGE',
      'STARBUCKS',
    ]);
    expect(whole.transactions.slice(0, 2).map((t) => t.id)).toEqual(cut.transactions.map((t) => t.id));
  });

  it('refuses a file holding only investment and list sections, naming them', () => {
    const r = importPath(`${QIF}investment-only.qif`, { currency: 'USD' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toMatchObject({ code: 'no_transactions', line: 1 });
    expect(r.problems[0]!.message).toContain('Invst (1 records)');
    expect(r.problems[0]!.message).toContain('Cat');
  });

  it('reads !Type: Cash, Oth L and Oth A in any case, and counts the investment records it leaves out', () => {
    const r = imported(`${QIF}type-variants.qif`, { currency: 'USD' });
    expect(rows(r)).toEqual([
      ['2026-01-20', -2000, 'USD', 'FARMERS MARKET', 'Cash'],
      ['2026-01-31', -35000, 'USD', 'LOAN PAYMENT', 'Liability'],
      ['2026-01-31', 120000, 'USD', 'ASSET REVALUED', 'Asset'],
    ]);
    expect(r.accounts.map((a) => a.type)).toEqual(['other', 'credit', 'other']);
    expect(r.warnings.map((w) => w.message)).toEqual([
      'QIF sections skipped (not bank or card transactions): Invst (2 records)',
    ]);
  });

  it('tells records apart by their D line when the exporter writes no ^ at all', () => {
    const r = imported(`${QIF}no-carets.qif`, { currency: 'USD' });
    expect(rows(r)).toEqual([
      ['2026-01-22', -6000, 'USD', 'ELECTRIC CO', 'Bank'],
      ['2026-01-23', -1500, 'USD', 'WATER CO', 'Bank'],
      ['2026-01-24', 100000, 'USD', 'DEPOSIT', 'Bank'],
    ]);
  });
});
