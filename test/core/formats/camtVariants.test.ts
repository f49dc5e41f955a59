import { describe, expect, it } from 'vitest';
import { FIXTURES, imported } from './loadFile';

const CAMT = `${FIXTURES}camt/`;
const rows = (r: ReturnType<typeof imported>) =>
  r.transactions.map((t) => [t.date, t.amount.minor, t.amount.currency, t.status, t.externalId ?? null]);

describe('CAMT.052 account reports and CAMT.054 notifications (genkgo/camt test data, MIT)', () => {
  const sek = (status: string, ref: string | null) => [['2007-10-18', -20000000, 'SEK', status, ref]];
  it.each([
    ['camt052.v1.xml', sek('posted', 'AAAASESS-FP-ACCR-01'), 'Account ••6789'],
    ['camt052.v2.xml', sek('posted', 'AAAASESS-FP-ACCR-01'), 'Account ••6789'],
    ['camt052.v2.other-account.xml', sek('posted', 'AAAASESS-FP-ACCR-01'), 'Account ••6789'],
    ['camt052.v2.with-account-name.xml', sek('posted', null), 'Account ••6789'],
    ['camt052.v4.xml', sek('pending', 'ACSR160614165200001'), 'Account ••6789'],
    ['camt052.v6.xml', sek('pending', 'ACSR160614165200001'), 'Account ••6789'],
    ['camt052.v6.Amt-zero.xml', sek('pending', 'ACSR160614165200001'), 'Account ••6789'],
    ['camt052.v8.xml', sek('posted', 'AAAASESS-FP-ACCR-01'), 'Account ••6789'],
    ['camt054.v2.xml', sek('posted', 'AAAASESS-FP-ACCR001'), 'Account ••6789'],
    ['camt054.v2.with-account-name.xml', sek('posted', null), 'Account ••6789'],
    ['camt054.v4.xml', sek('posted', 'ACSR160617103200001'), 'Account ••6789'],
    ['camt054.v8.xml', sek('posted', 'ACSR160617103200001'), 'Account ••6789'],
    ['camt054.v8-with-UETR.xml', sek('posted', null), 'Account ••6789'],
    ['camt054.v8-with-financial-institution.xml', sek('posted', 'ACSR160617103200001'), 'Account ••6789'],
  ])('reads %s', (name, expected, account) => {
    const r = imported(`${CAMT}${name}`);
    expect(rows(r)).toEqual(expected);
    expect(r.accounts.map((a) => a.account)).toEqual([account]);
  });

  it('keeps every remittance part of a CAMT.054 notification, in order', () => {
    const r = imported(`${CAMT}camt054.v2.xml`);
    expect(r.transactions[0]!.memo).toBe(
      [
        'Unstructured Remittance Information V1',
        'ISR ref number V1',
        'Additional Remittance Information V1',
        'ISR ref number V2',
        'Additional Remittance Information V2',
        'Unstructured Remittance Information V3 block 1',
        'Unstructured Remittance Information V3 block 2',
        'Ref number V3 block 1',
        'Ref number V3 block 2',
        'Additional Remittance Information V3 block 1',
        'Additional Remittance Information V3 block 2',
      ].join(' '),
    );
  });

  it('dates an entry without booking or value date by the message, and says so', () => {
    const r = imported(`${CAMT}camt054.v8-with-UETR.xml`);
    expect(r.warnings.map((w) => [w.code, w.element])).toEqual([['date_from_message', 'Ntry']]);
  });
});

describe('CAMT files as banks send them', () => {
  it('a German intraday CAMT.052: booked and pending (vorgemerkt) entries, INFO left out, IBAN account, invoice references kept', () => {
    const r = imported(`${CAMT}de-intraday-camt052-v08.xml`);
    expect(
      r.transactions.map((t) => [t.date, t.amount.minor, t.status, t.kind, t.payee, t.description, t.memo]),
    ).toEqual([
      [
        '2026-12-06',
        119000,
        'posted',
        'deposit',
        'Café Lindenhof KG',
        'Café Lindenhof KG — RE-2026-0417 RF18539007547034',
        'RE-2026-0417 RF18539007547034',
      ],
      [
        '2026-12-06',
        -16500,
        'pending',
        'withdrawal',
        'Stadtwerke München GmbH',
        'Stadtwerke München GmbH — Abschlag Strom Dezember Vertragskonto 2004711',
        'Abschlag Strom Dezember Vertragskonto 2004711',
      ],
    ]);
    expect(r.accounts).toEqual([
      expect.objectContaining({ account: 'Account ••2051', currency: 'EUR', institution: 'byladem1001' }),
    ]);
    expect(r.balances.map((b) => [b.kind, b.date, b.balance.minor, b.source])).toEqual([
      ['opening', '2026-12-05', 1248055, 'CAMT.052 Bal PRCD'],
    ]);
    expect(r.warnings.map((w) => [w.code, w.line])).toEqual([['info_entry', 80]]);
  });

  it('a Swiss CAMT.054 batch credit names both payers and every QR reference; the fee is a fee', () => {
    const r = imported(`${CAMT}ch-credit-notification-camt054-v04.xml`);
    expect(
      r.transactions.map((t) => [t.date, t.amount.minor, t.amount.currency, t.kind, t.description]),
    ).toEqual([
      [
        '2026-12-03',
        345000,
        'CHF',
        'deposit',
        'Bäckerei Meier AG, Hotel Rössli — 210000000003139471430009017 Rechnung 2026-118 210000000003139471430009025',
      ],
      ['2026-12-03', -1240, 'CHF', 'fee', 'Gebühren QR-Einzahlungen'],
    ]);
    expect(r.accounts[0]!.account).toBe('Account ••2957');
    expect(r.warnings).toEqual([]);
  });

  it('a CAMT.053 version 13: an impossible date and a made-up currency are refused by entry, the rest read', () => {
    const r = imported(`${CAMT}nl-statement-camt053-v13-bad-rows.xml`);
    expect(rows(r)).toEqual([['2026-02-27', -12599, 'EUR', 'posted', 'NL-0227-1']]);
    expect(r.warnings.map((w) => [w.code, w.element, w.line, w.message])).toEqual([
      ['invalid_date', 'Ntry', 15, 'entry NL-0230-2 skipped: <BookgDt> "2026-02-30" is not a real date'],
      [
        'invalid_currency',
        'Ntry',
        19,
        'entry NL-0228-3 skipped: <Ntry> amount is in "EUU", not an ISO 4217 currency',
      ],
    ]);
  });
});

describe('a CAMT download cut short', () => {
  it('reads the entries that are complete, with the ids the whole file gives, and names where it ends', () => {
    const whole = imported(`${CAMT}de-intraday-camt052-v08.xml`);
    const cut = imported(`${CAMT}de-intraday-camt052-v08-cut.xml`);
    expect(cut.transactions.map((t) => t.id)).toEqual([whole.transactions[0]!.id]);
    expect(cut.warnings).toEqual([
      expect.objectContaining({
        code: 'file_truncated',
        line: 75,
        element: 'Ustrd',
        message: expect.stringContaining('the file ends on line 75 inside <Ustrd> (opened on line 75)'),
      }),
    ]);
  });
});

describe('what the report says a CAMT or QIF file was', () => {
  it('names the CAMT message and version, and the date order QIF records decided', () => {
    expect(imported(`${CAMT}de-intraday-camt052-v08.xml`).report?.recognized).toEqual({
      format: 'camt053',
      variant: 'CAMT.052 version 8',
    });
    expect(imported(`${CAMT}camt054.v4.xml`).report?.recognized.variant).toBe('CAMT.054 version 4');
    const qif = imported(`${FIXTURES}qif/european-day-first.qif`, { currency: 'EUR' });
    expect(qif.report).toMatchObject({ dateOrder: 'dmy', rowsRead: 4 });
  });
});
