import type { Result } from '../model/result';
import { type DecimalSeparator, decimalEvidence } from '../money/detectDecimalSeparator';
import { type AmountOptions, type ParsedAmount, parseAmount } from '../money/parseAmount';
import type { AmountColumn } from '../money/parseAmountColumn';

/**
 * Amounts as one capture reads them: a cell's figure is asked about by several steps (its shape,
 * the column's running balance, the row's amount), and each text is parsed once per reading
 * (decimal separator and currency). Results are shared, never changed. Cleared per capture.
 */
const readings = new Map<string, Map<string, Result<ParsedAmount>>>();
const LIMIT = 200_000;

export function clearAmountReadings(): void {
  readings.clear();
}

/** The texts read so far with one reading (decimal separator and currency). */
function readingsOf(options: AmountOptions): Map<string, Result<ParsedAmount>> {
  const how = `${options.decimalSeparator ?? ''}${options.currency ?? ''}`;
  let memo = readings.get(how);
  if (!memo) {
    memo = new Map();
    readings.set(how, memo);
  }
  return memo;
}

/** parseAmount, once per text and reading. */
export function readAmount(text: string, options: AmountOptions): Result<ParsedAmount> {
  return readIn(readingsOf(options), text, options);
}

function readIn(
  memo: Map<string, Result<ParsedAmount>>,
  text: string,
  options: AmountOptions,
): Result<ParsedAmount> {
  let read = memo.get(text);
  if (!read) {
    if (memo.size >= LIMIT) memo.clear();
    read = parseAmount(text, options);
    if (!read.ok && options.currency) read = accountPart(text, options) ?? read;
    memo.set(text, read);
  }
  return read;
}

/** "€45.00 / USD 48.12", "CHF 30.00 → $33.95": a foreign figure and what the account was charged. */
const TWO_FIGURES = /\s+\/\s+|\s*[→⇒]\s*/;
/** A figure that names its currency (a sign or a code), not a bare number. */
const NAMES_CURRENCY = /[^\d\s.,'+\-−()]/;

/**
 * Of two figures in one cell, each naming its currency, the one in the account's currency; none
 * when both or neither are.
 */
function accountPart(text: string, options: AmountOptions): Result<ParsedAmount> | undefined {
  const parts = text.split(TWO_FIGURES);
  if (parts.length !== 2 || !parts.every((p) => NAMES_CURRENCY.test(p))) return undefined;
  const reads = parts.map((p) => parseAmount(p, options));
  const mine = reads.filter((r) => r.ok && r.value.currency === options.currency);
  const other = reads.filter((r) => r.ok && r.value.currency !== options.currency);
  return mine.length === 1 && other.length === 1 ? mine[0] : undefined;
}

/** parseAmountColumn (one decimal convention from all values), reading each text once. */
export function readAmountColumn(
  values: readonly string[],
  options: AmountOptions & { fallbackSeparator?: DecimalSeparator } = {},
): AmountColumn {
  let decimalSeparator = options.decimalSeparator;
  if (!decimalSeparator) {
    let dot = 0;
    let comma = 0;
    for (let i = 0; i < values.length; i++) {
      // One pass over the characters, cheaper than remembering it.
      const e = decimalEvidence(values[i]!);
      if (e === '.') dot++;
      else if (e === ',') comma++;
    }
    decimalSeparator = dot === comma ? (options.fallbackSeparator ?? '.') : dot > comma ? '.' : ',';
  }
  const reading: AmountOptions = { decimalSeparator };
  if (options.currency) reading.currency = options.currency;
  // The column's reading looked up once, not per value.
  const memo = readingsOf(reading);
  const amounts = values.map((value) => (value.trim() === '' ? undefined : readIn(memo, value, reading)));
  return { decimalSeparator, amounts };
}
