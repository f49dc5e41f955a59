import { describe, expect, it } from 'vitest';
import { importFile } from '../../../core/formats/importFile';
import { CORPUS, imported } from './loadFile';

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

describe('QIF', () => {
  it('reads data-payee-memo.qif: rows with and without payee or memo', () => {
    const r = imported(`${CORPUS}qif/data-payee-memo.qif`, { currency: 'CAD' });
    expect(r.format).toBe('qif');
    expect(
      r.transactions.map((t) => [t.date, t.amount.minor, t.amount.currency, t.description, t.memo]),
    ).toEqual([
      ['2019-01-23', -1000, 'CAD', 'Payee Name', 'Note Text'],
      ['2019-01-23', -2000, 'CAD', 'Payee Name Only', undefined],
      ['2019-01-23', -3000, 'CAD', 'Note Only Text', undefined],
      ['2019-01-23', -4000, 'CAD', '', undefined],
    ]);
    expect(new Set(r.transactions.map((t) => t.id)).size).toBe(4);
    expect(r.warnings).toEqual([]);
  });

  it('says when it assumes USD because QIF names no currency', () => {
    const r = imported(`${CORPUS}qif/data-payee-memo.qif`);
    expect(r.transactions[0]!.amount.currency).toBe('USD');
    expect(r.warnings.map((w) => w.code)).toEqual(['assumed_currency']);
  });

  it('reads day-first dates decided from the whole file, apostrophe years, check numbers and account names', () => {
    const qif =
      "!Account\nNBusiness Checking\nTBank\n^\n!Type:Bank\nD03/04'26\nT-1,250.00\nN1043\nPRent\n^\nD25/04'26\nT300.00\nPRefund\n^\n";
    const r = importFile({ name: 'x.qif', bytes: bytes(qif) }, { currency: 'EUR' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.transactions.map((t) => [t.date, t.amount.minor, t.checkNumber, t.account])).toEqual([
      ['2026-04-03', -125000, '1043', 'Business Checking'],
      ['2026-04-25', 30000, undefined, 'Business Checking'],
    ]);
  });

  it('skips investment sections with a notice and a record without a date with its line', () => {
    const qif =
      '!Type:Invst\nD01/02/2026\nNBuy\nYACME\n^\n!Type:Bank\nD01/05/2026\nT-5.00\nPCoffee\n^\nT-6.00\nPNo date\n^\n';
    const r = importFile({ name: 'y.qif', bytes: bytes(qif) }, { currency: 'USD' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.transactions.map((t) => t.description)).toEqual(['Coffee']);
    expect(r.warnings.map((w) => [w.code, w.line])).toEqual([
      ['section_skipped', undefined],
      ['assumed_date_order', undefined],
      ['missing_date', 11],
    ]);
  });
});
