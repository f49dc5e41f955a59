import type { Result } from '../model/result';
import { type DecimalSeparator, detectDecimalSeparator } from './detectDecimalSeparator';
import { type AmountOptions, type ParsedAmount, parseAmount } from './parseAmount';

export type AmountColumn = {
  decimalSeparator: DecimalSeparator;
  /** One entry per input value; `undefined` for a blank cell (e.g. the empty side of Debit/Credit). */
  amounts: Array<Result<ParsedAmount> | undefined>;
};

/** Parses a column of amounts with one decimal convention decided from all of its values. */
export function parseAmountColumn(
  values: readonly string[],
  options: AmountOptions & { fallbackSeparator?: DecimalSeparator } = {},
): AmountColumn {
  const decimalSeparator =
    options.decimalSeparator ?? detectDecimalSeparator(values, options.fallbackSeparator ?? '.');
  const amounts = values.map((value) =>
    value.trim() === '' ? undefined : parseAmount(value, { ...options, decimalSeparator }),
  );
  return { decimalSeparator, amounts };
}
