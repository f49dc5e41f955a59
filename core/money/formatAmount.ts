import { currencyExponent } from '../model/isoCurrencies';

/** Minor units → signed decimal string with the currency's exponent: -123450, USD → "-1234.50". */
export function formatAmount(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor))
    throw new RangeError(`amount ${minor} is not an integer number of minor units`);
  const exponent = currencyExponent(currency);
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  const sign = minor < 0 ? '-' : '';
  if (exponent === 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/** For people: "-$1,234.50" style grouping with the code, e.g. "-1,234.50 USD". */
export function formatAmountForDisplay(minor: number, currency: string): string {
  const plain = formatAmount(minor, currency);
  const negative = plain.startsWith('-');
  const [int, frac] = (negative ? plain.slice(1) : plain).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${frac !== undefined ? `.${frac}` : ''} ${currency}`;
}
