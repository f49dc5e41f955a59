import * as z from 'zod';
import { CurrencyCode } from './currency';
import { IsoDate } from './isoDate';
import { Money } from './money';

export const ACCOUNT_SCHEMA_VERSION = 1;

export const AccountType = z.enum(['checking', 'savings', 'credit', 'processor', 'other']);
export type AccountType = z.infer<typeof AccountType>;

export const Account = z.object({
  schemaVersion: z.literal(ACCOUNT_SCHEMA_VERSION),
  institution: z.string().min(1),
  /** Masked name as the source shows it; together with institution the account's key. */
  account: z.string().min(1),
  currency: CurrencyCode,
  type: AccountType,
});
export type Account = z.infer<typeof Account>;

/** A balance the bank states (OFX LEDGERBAL, CAMT Bal, a portal header): what the Summary ties out to. */
export const StatementBalance = z.object({
  institution: z.string().min(1),
  account: z.string().min(1),
  /** End of the day the balance is stated for. */
  date: IsoDate,
  balance: Money,
  kind: z.enum(['opening', 'closing', 'available']),
  source: z.string().optional(),
});
export type StatementBalance = z.infer<typeof StatementBalance>;

export const accountKey = (a: { institution: string; account: string }) =>
  `${a.institution}\u241f${a.account}`;
