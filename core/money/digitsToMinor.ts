import { currencyExponent } from '../model/isoCurrencies';
import { problem } from '../model/problemRecord';
import { fail, ok, type Result } from '../model/result';

/**
 * Exact conversion of an integer part and a fraction part (digit strings) to minor units.
 * String arithmetic only, so no float ever touches an amount.
 */
export function digitsToMinor(
  negative: boolean,
  intDigits: string,
  fracDigits: string,
  currency: string,
): Result<number> {
  const exponent = currencyExponent(currency);
  let frac = fracDigits;
  if (frac.length > exponent) {
    const extra = frac.slice(exponent);
    if (!/^0*$/.test(extra)) {
      return fail(
        problem(
          'too_many_decimals',
          `${currency} has ${exponent} decimal place${exponent === 1 ? '' : 's'}; "${intDigits}.${fracDigits}" has ${fracDigits.length}`,
        ),
      );
    }
    frac = frac.slice(0, exponent);
  }
  const digits = `${intDigits || '0'}${frac.padEnd(exponent, '0')}`.replace(/^0+(?=\d)/, '');
  const value = Number(digits);
  if (!Number.isSafeInteger(value)) {
    return fail(
      problem('amount_too_large', `amount ${intDigits}.${fracDigits} is too large to hold exactly`),
    );
  }
  return ok(negative && value !== 0 ? -value : value);
}
