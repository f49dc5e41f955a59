import { currencyExponent } from '../model/currency';
import type { Result } from '../model/result';
import { digitsToMinor } from '../money/digitsToMinor';

/**
 * Digits → minor units, rounding half away from zero when the source has more decimals than the
 * currency (OFX money-market lines such as `-197.1063` USD). `rounded` tells the caller to warn.
 */
export function roundedMinor(
  negative: boolean,
  intDigits: string,
  fracDigits: string,
  currency: string,
): Result<{ minor: number; rounded: boolean }> {
  const exponent = currencyExponent(currency);
  const kept = fracDigits.slice(0, exponent);
  const dropped = fracDigits.slice(exponent);
  const exact = digitsToMinor(negative, intDigits, kept, currency);
  if (!exact.ok) return exact;
  const rounded = /[1-9]/.test(dropped);
  const up = dropped !== '' && dropped[0]! >= '5';
  const minor = up ? exact.value + (negative ? -1 : 1) : exact.value;
  return { ok: true, value: { minor, rounded } };
}
