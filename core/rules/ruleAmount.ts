import { currencyExponent } from '../model/currency';

/**
 * Rule amounts are decimals in major units, compared against integer minor units of any currency.
 * Both sides are brought to 4 decimals (the largest ISO 4217 exponent) as integers, so the
 * comparison is exact and never touches a float fraction.
 */
const SCALE_DIGITS = 4;
const POW10 = [1, 10, 100, 1_000, 10_000];

/** "-12.5" → -125000. The text is a validated RuleDecimal. */
export function decimalToScaled(text: string): number {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new RangeError(`"${text}" is not a rule decimal`);
  const value = Number(m[2]!) * POW10[SCALE_DIGITS]! + Number((m[3] ?? '').padEnd(SCALE_DIGITS, '0'));
  return m[1] === '-' ? -value : value;
}

export function minorToScaled(minor: number, currency: string): number {
  return minor * POW10[SCALE_DIGITS - currencyExponent(currency)]!;
}
