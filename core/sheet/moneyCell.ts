import { currencyExponent } from '../model/currency';
import type { Money } from '../model/money';
import { problem } from '../model/problem';
import { fail, ok, type Result } from '../model/result';
import { formatAmount } from '../money/formatAmount';
import { parseAmount } from '../money/parseAmount';

/**
 * Money as a spreadsheet number in major units (-123450 USD → -1234.5), so sums and filters work
 * in the sheet. Going through the exact decimal string gives the double nearest to the true value;
 * the currency lives in its own column.
 */
export const moneyToCell = (m: Money): number => Number(formatAmount(m.minor, m.currency));

/**
 * Reads a money cell back to minor units: a number is rounded at the currency's exponent
 * (`Math.round(x * 10^exponent)`), text (a display value such as "1,234.50") is parsed exactly.
 * A blank cell is `undefined`.
 */
export function cellToMinor(value: unknown, currency: string): Result<number | undefined> {
  if (value === null || value === undefined || value === '') return ok(undefined);
  if (typeof value === 'number') {
    const minor = Math.round(value * 10 ** currencyExponent(currency));
    if (!Number.isSafeInteger(minor)) return fail(problem('invalid_amount', `${value} is not an amount`));
    return ok(minor === 0 ? 0 : minor);
  }
  if (typeof value === 'string') {
    if (value.trim() === '') return ok(undefined);
    const parsed = parseAmount(value, { currency });
    if (!parsed.ok) return parsed;
    if (parsed.value.currency !== currency) {
      return fail(
        problem('currency_mismatch', `"${value}" is in ${parsed.value.currency}, the row in ${currency}`),
      );
    }
    return ok(parsed.value.minor);
  }
  return fail(problem('invalid_amount', `${String(value)} is not an amount`));
}
