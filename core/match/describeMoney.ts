import { currencyExponent } from '../model/currency';
import { formatAmount } from '../money/formatAmount';

/**
 * Money in reasons: "512.30 USD". Cents are written by arithmetic (every match's reason has one or
 * two amounts), anything else by `formatAmount`; the text is the same.
 */
export function describeMoney(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor) || currencyExponent(currency) !== 2)
    return `${formatAmount(minor, currency)} ${currency}`;
  const abs = Math.abs(minor);
  const cents = abs % 100;
  return `${minor < 0 ? '-' : ''}${(abs - cents) / 100}${cents < 10 ? '.0' : '.'}${cents} ${currency}`;
}
