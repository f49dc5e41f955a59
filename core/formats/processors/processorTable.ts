import type { DateOrder } from '../../dates/parseDate';
import { parseDateColumn } from '../../dates/parseDateColumn';
import { isCurrencyCode } from '../../model/currency';
import { type Problem, problem } from '../../model/problem';
import { fail, ok, type Result } from '../../model/result';
import { type DecimalSeparator, detectDecimalSeparator } from '../../money/detectDecimalSeparator';
import { type ParsedAmount, parseAmount } from '../../money/parseAmount';
import { findColumn } from '../csv/normalizeHeader';
import type { CsvRecord } from '../csv/parseCsv';
import { readCsvTable } from '../csv/readCsvTable';
import type { ImportContext, ReportNotes } from '../importTypes';
import { ROLE_NAMES } from './processorRoles';

/** A processor export read by header names: cells, per-column money and dates, problems with lines. */
export type ProcessorTable = {
  body: CsvRecord[];
  /** The cell under the first of these headers that exists ('' when none does). */
  cell: (record: CsvRecord, names: readonly string[]) => string;
  has: (names: readonly string[]) => boolean;
  /** Dates of one column, month/day order decided from all of its values. */
  dates: (names: readonly string[], fallbackOrder?: DateOrder) => Array<Result<string> | undefined>;
  /** A money column's decimal separator, decided from all of its values. */
  decimalSeparator: (names: readonly string[]) => DecimalSeparator;
  /** Money in a row: the column's decimal separator, the row's currency. */
  money: (record: CsvRecord, names: readonly string[], currency: string) => Result<ParsedAmount> | undefined;
  /** The columns read so far (`date ← "Arrival Date (UTC)"`) and the date order chosen: for the import report. */
  notes: () => ReportNotes;
};

export function readProcessorTable(
  text: string,
  ctx: ImportContext,
  required: Array<readonly string[]>,
): Result<ProcessorTable> {
  const table = readCsvTable(text);
  const where = { file: ctx.file };
  if (table.unterminatedQuoteLine !== undefined) {
    return fail(
      problem('unterminated_quote', 'a quoted field is never closed', {
        ...where,
        line: table.unterminatedQuoteLine,
      }),
    );
  }
  const headers = table.header?.fields ?? [];
  const missing = required.filter((names) => findColumn(headers, names) === undefined);
  if (missing.length > 0) {
    return fail(
      problem(
        'missing_columns',
        `missing column${missing.length > 1 ? 's' : ''} ${missing.map((n) => `"${n[0]}"`).join(', ')}`,
        {
          ...where,
          line: table.header?.line ?? 1,
        },
      ),
    );
  }
  const used = new Map<number, string>();
  let dateOrder: DateOrder | 'ymd' | undefined;
  const index = (names: readonly string[]) => {
    const i = findColumn(headers, names);
    if (i !== undefined && !used.has(i)) used.set(i, roleOf(names));
    return i;
  };
  const values = (names: readonly string[]) => {
    const i = index(names);
    return table.body.map((r) => (i === undefined ? '' : (r.fields[i] ?? '')));
  };
  const separators = new Map<string, DecimalSeparator>();
  const separatorOf = (names: readonly string[]) => {
    const key = names.join('|');
    let sep = separators.get(key);
    if (!sep) {
      sep = detectDecimalSeparator(values(names), '.');
      separators.set(key, sep);
    }
    return sep;
  };
  return ok({
    body: table.body,
    cell: (record, names) => {
      const i = index(names);
      return i === undefined ? '' : (record.fields[i] ?? '').trim();
    },
    has: (names) => index(names) !== undefined,
    dates: (names, fallbackOrder = 'mdy') => {
      const column = parseDateColumn(values(names), {
        ...(ctx.options.asOf ? { asOf: ctx.options.asOf } : {}),
        fallbackOrder,
      });
      // ISO dates (`2026-11-04 00:00:00`) leave no month/day order to decide.
      const values_ = values(names).filter((v) => v.trim() !== '');
      dateOrder ??=
        values_.length > 0 && values_.every((v) => /^\s*\d{4}-\d{2}-\d{2}/.test(v)) ? 'ymd' : column.order;
      return column.dates;
    },
    decimalSeparator: separatorOf,
    money: (record, names, currency) => {
      const i = index(names);
      const text = i === undefined ? '' : (record.fields[i] ?? '');
      return text.trim() === ''
        ? undefined
        : parseAmount(text, { decimalSeparator: separatorOf(names), currency });
    },
    notes: () => ({
      columns: [...used].sort(([a], [b]) => a - b).map(([i, role]) => ({ role, column: headers[i]! })),
      rowsRead: table.body.length,
      ...(dateOrder ? { dateOrder } : {}),
    }),
  });
}

/** The role a list of header names stands for (see processorRoles), for the report. */
function roleOf(names: readonly string[]): string {
  const first = names[0]!;
  for (const [role, words] of Object.entries(ROLE_NAMES)) if (words[0] === first) return role;
  return first;
}

/** Collects a row's problems with its line and field, for a "row skipped" warning. */
export function rowProblems(
  file: string,
  record: CsvRecord,
  row: number,
  checks: Array<[string, Result<unknown> | undefined, boolean?]>,
): Problem[] {
  const out: Problem[] = [];
  for (const [field, result, required = true] of checks) {
    if (result === undefined) {
      if (required)
        out.push(
          problem('missing_value', `row skipped: ${field} is empty`, { file, line: record.line, row, field }),
        );
    } else if (!result.ok) {
      for (const p of result.problems)
        out.push({ ...p, file, line: record.line, row, field, message: `row skipped: ${p.message}` });
    }
  }
  return out;
}

/** A row's currency that is not an ISO 4217 code, as the problem that skips the row (else nothing). */
export function currencyProblems(
  currency: string,
  where: Omit<Partial<Problem>, 'code' | 'message'>,
): Problem[] {
  return isCurrencyCode(currency)
    ? []
    : [
        problem('invalid_currency', `row skipped: currency "${currency}" is not a currency code`, {
          ...where,
          field: 'currency',
        }),
      ];
}
