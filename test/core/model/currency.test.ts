import { describe, expect, it } from 'vitest';
import { CurrencyCode, currencyExponent, isCurrencyCode } from '../../../core/model/currency';
import { Money } from '../../../core/model/money';

describe('ISO 4217 currencies', () => {
  it('accepts codes from the list, not every three capital letters, each with its minor unit', () => {
    for (const code of ['USD', 'EUR', 'JPY', 'CHF', 'XOF', 'VES', 'ZWG', 'DEM'])
      expect(isCurrencyCode(code)).toBe(true);
    for (const code of ['ABC', 'XYZ', 'EUU', 'usd', 'XAU', 'XXX', 'US', 'EURO'])
      expect(isCurrencyCode(code)).toBe(false);
    expect(['USD', 'JPY', 'KRW', 'BHD', 'KWD', 'CLF', 'ISK', 'HUF'].map(currencyExponent)).toEqual([
      2, 0, 0, 3, 3, 4, 0, 2,
    ]);
  });

  it('refuses a made-up code in every Money, naming it', () => {
    expect(Money.safeParse({ minor: 100, currency: 'EUR' }).success).toBe(true);
    const bad = CurrencyCode.safeParse('ABC');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('"ABC" is not an ISO 4217 currency code such as USD or EUR');
    expect(Money.safeParse({ minor: 100, currency: 'ABC' }).success).toBe(false);
  });
});
