import * as z from 'zod';
import { isCurrencyCode } from './isoCurrencies';

export { CURRENCY_SYMBOLS } from './currencySymbols';
export { currencyExponent, isCurrencyCode } from './isoCurrencies';

export const CurrencyCode = z.string().refine(isCurrencyCode, {
  error: (issue) => `"${String(issue.input)}" is not an ISO 4217 currency code such as USD or EUR`,
});
export type CurrencyCode = z.infer<typeof CurrencyCode>;
