import * as z from 'zod';
import { CurrencyCode } from './currency';

/** Money is integer minor units plus currency; never a float. */
export const Money = z.object({
  minor: z.int(),
  currency: CurrencyCode,
});
export type Money = z.infer<typeof Money>;

/** How amounts travel between processes: a signed decimal string, e.g. "-1234.50". */
export const DecimalString = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, 'expected a signed decimal such as "-1234.50"');
