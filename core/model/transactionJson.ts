import * as z from 'zod';
import { decimalToMinor } from '../money/decimalToMinor';
import { formatAmount } from '../money/formatAmount';
import { CurrencyCode } from './currency';
import { DecimalString, type Money } from './money';
import { type Problem, problem } from './problem';
import { fail, ok, type Result } from './result';
import { Transaction } from './transaction';

/**
 * The wire form of a Transaction: what the CLI prints, what a Batch carries, what files export.
 * Amounts are signed decimal strings in the transaction's currency.
 */
export const TransactionJson = Transaction.extend({
  amount: DecimalString,
  currency: CurrencyCode,
  gross: DecimalString.optional(),
  fee: DecimalString.optional(),
  balance: DecimalString.optional(),
  splits: z
    .array(z.object({ category: z.string(), amount: DecimalString, note: z.string().optional() }))
    .optional(),
});
export type TransactionJson = z.infer<typeof TransactionJson>;

export function toTransactionJson(t: Transaction): TransactionJson {
  const money = (m: Money) => formatAmount(m.minor, m.currency);
  const { amount, gross, fee, balance, splits, ...rest } = t;
  return {
    ...rest,
    amount: money(amount),
    currency: amount.currency,
    ...(gross ? { gross: money(gross) } : {}),
    ...(fee ? { fee: money(fee) } : {}),
    ...(balance ? { balance: money(balance) } : {}),
    ...(splits ? { splits: splits.map((s) => ({ ...s, amount: money(s.amount) })) } : {}),
  };
}

/** Validates an untrusted wire transaction and converts it; problems name the field. */
export function fromTransactionJson(input: unknown, where: Partial<Problem> = {}): Result<Transaction> {
  const parsed = TransactionJson.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) =>
        problem(`invalid_${issue.code}`, issue.message, {
          ...where,
          path: [...(where.path ?? []), ...issue.path.map(String)],
          field: issue.path.map(String).join('.'),
        }),
      ),
    };
  }
  const j = parsed.data;
  const problems: Problem[] = [];
  const money = (text: string, field: string): Money => {
    const minor = decimalToMinor(text, j.currency);
    if (!minor.ok) {
      problems.push(
        ...minor.problems.map((p) => ({ ...p, ...where, path: [...(where.path ?? []), field], field })),
      );
      return { minor: 0, currency: j.currency };
    }
    return { minor: minor.value, currency: j.currency };
  };
  const { currency: _currency, amount, gross, fee, balance, splits, ...rest } = j;
  const t: Transaction = {
    ...rest,
    amount: money(amount, 'amount'),
    ...(gross !== undefined ? { gross: money(gross, 'gross') } : {}),
    ...(fee !== undefined ? { fee: money(fee, 'fee') } : {}),
    ...(balance !== undefined ? { balance: money(balance, 'balance') } : {}),
    ...(splits
      ? { splits: splits.map((s, i) => ({ ...s, amount: money(s.amount, `splits.${i}.amount`) })) }
      : {}),
  };
  return problems.length > 0 ? fail(...problems) : ok(t);
}
