import { decimalToMinor } from '../../core/money/decimalToMinor';
import { formatAmountForDisplay } from '../../core/money/formatAmount';

/** A wire amount ("-12.50", "USD") as people read it: "-12.50 USD". */
export function formatWireAmount(amount: string, currency: string): string {
  const minor = decimalToMinor(amount, currency);
  return minor.ok ? formatAmountForDisplay(minor.value, currency) : `${amount} ${currency}`;
}

/** The number alone ("-1,234.50"), for a column whose header names the one currency. */
export function formatWireNumber(amount: string, currency: string): string {
  const text = formatWireAmount(amount, currency);
  return text.endsWith(` ${currency}`) ? text.slice(0, -currency.length - 1) : text;
}
