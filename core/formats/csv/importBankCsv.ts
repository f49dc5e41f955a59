import { parseDateColumn } from '../../dates/parseDateColumn';
import { type Problem, problem, problemsFromZod } from '../../model/problem';
import { fail, ok, type Result } from '../../model/result';
import type { TransactionDraft } from '../../model/transaction';
import { detectDecimalSeparator } from '../../money/detectDecimalSeparator';
import { type ParsedAmount, parseAmount } from '../../money/parseAmount';
import { parseAmountColumn } from '../../money/parseAmountColumn';
import type { ImportContext, ParsedFile } from '../importTypes';
import type { ColumnRoles } from './columnRoles';
import { type ColumnRef, CsvMapping } from './csvMapping';
import { detectColumnRoles } from './detectColumnRoles';
import { normalizeHeader } from './normalizeHeader';
import { type CsvTable, readCsvTable } from './readCsvTable';

const PENDING =
  /pend|vorgemerkt|ausstehend|\bhold|authori[sz]|en attente|en cours|processing|in behandeling/i;
const BALANCE_ROW = /^(beginning|opening|ending|closing) balance\b/i;
const DEBIT_MARK = /^(debit|dr|d|s|soll|dbit|af)$/i;
/** A reference column is the bank's own id only when every row has one and none repeats. */
const isIdColumn = (values: string[]) =>
  values.every((v) => v !== '') && new Set(values).size === values.length;

export const DEFAULT_CSV_ACCOUNT = 'Bank account';

function resolveMapping(mapping: CsvMapping, table: CsvTable): Result<Partial<ColumnRoles>> {
  const headers = table.header?.fields.map(normalizeHeader) ?? [];
  const problems: Problem[] = [];
  const resolve = (ref: ColumnRef, field: string): number | undefined => {
    if (typeof ref === 'number') return ref;
    const i = headers.indexOf(normalizeHeader(ref));
    if (i === -1) {
      const shown = table.header
        ? table.header.fields.map((h) => `"${h}"`).join(', ')
        : 'none (no header row)';
      problems.push(
        problem('unknown_column', `mapping.${field}: no column "${ref}"; the headers are ${shown}`, {
          field,
        }),
      );
    }
    return i === -1 ? undefined : i;
  };
  const roles: Partial<ColumnRoles> = {};
  for (const key of [
    'date',
    'amount',
    'debit',
    'credit',
    'balance',
    'currency',
    'status',
    'reference',
    'checkNumber',
  ] as const) {
    const ref = mapping[key];
    if (ref !== undefined) roles[key] = resolve(ref, key);
  }
  if (mapping.description !== undefined) {
    const refs = Array.isArray(mapping.description) ? mapping.description : [mapping.description];
    roles.description = refs.map((r) => resolve(r, 'description')).filter((i) => i !== undefined);
  }
  return problems.length > 0 ? fail(...problems) : ok(roles);
}

/**
 * A bank's CSV export: column roles from the header words and the values (or an explicit mapping),
 * delimiter detected, decimal comma and day-first dates decided per column from all its values,
 * debit/credit column pairs, running balances and pending rows. Rows that cannot be read are
 * skipped with a warning naming their line.
 */
export function importBankCsv(text: string, ctx: ImportContext): Result<ParsedFile> {
  const where = { file: ctx.file };
  let mapping: CsvMapping | undefined;
  if (ctx.options.csvMapping !== undefined) {
    const parsed = CsvMapping.safeParse(ctx.options.csvMapping);
    if (!parsed.success) return fail(...problemsFromZod(parsed.error, { ...where, path: ['mapping'] }));
    mapping = parsed.data;
  }
  const table = readCsvTable(text, {
    ...(mapping?.delimiter ? { delimiter: mapping.delimiter } : {}),
    ...(mapping?.header !== undefined ? { header: mapping.header } : {}),
    ...(mapping?.skipRows !== undefined ? { skipRows: mapping.skipRows } : {}),
  });
  if (table.unterminatedQuoteLine !== undefined) {
    return fail(
      problem('unterminated_quote', 'a quoted field is never closed', {
        ...where,
        line: table.unterminatedQuoteLine,
      }),
    );
  }
  const rows = table.body.map((r) => r.fields);
  if (rows.length === 0) {
    return fail(
      problem('empty_csv', 'the file has no data rows', { ...where, line: table.header?.line ?? 1 }),
    );
  }
  const explicit = mapping ? resolveMapping(mapping, table) : ok<Partial<ColumnRoles>>({});
  if (!explicit.ok) return fail(...explicit.problems.map((p) => ({ ...p, ...where })));
  const detected = detectColumnRoles(table.header?.fields, rows, ctx.options.asOf);
  const mapped = explicit.value;
  const hasExplicitMoney =
    mapped.amount !== undefined || mapped.debit !== undefined || mapped.credit !== undefined;
  if (!detected.ok && !(mapped.date !== undefined && hasExplicitMoney)) {
    return fail(...detected.problems.map((p) => ({ ...p, ...where, line: table.header?.line ?? p.line })));
  }
  const auto: Partial<ColumnRoles> = detected.ok ? detected.value : {};
  const roles: ColumnRoles = {
    ...(hasExplicitMoney ? { ...auto, amount: undefined, debit: undefined, credit: undefined } : auto),
    ...mapped,
    date: mapped.date ?? auto.date!,
    description: mapped.description ?? auto.description ?? [],
  };

  const column = (i: number | undefined) => (i === undefined ? undefined : rows.map((r) => r[i] ?? ''));
  const moneyColumns = [roles.amount, roles.debit, roles.credit, roles.balance].filter(
    (i) => i !== undefined,
  );
  // The fallback for a column whose own values cannot tell: what the other money columns say.
  const jointSeparator = detectDecimalSeparator(
    moneyColumns.flatMap((i) => column(i)!.slice(0, 2000)),
    '.',
  );
  const rowCurrencies = column(roles.currency)?.map((c) => c.trim().toUpperCase());
  const warnings: Problem[] = [];
  let currency = ctx.options.currency;
  if (!currency && !rowCurrencies) {
    for (const value of moneyColumns.flatMap((i) => column(i)!.slice(0, 200))) {
      const named = value.trim() ? parseAmount(value) : undefined;
      if (named?.ok) {
        currency = named.value.currency;
        break;
      }
    }
  }
  if (!currency) {
    currency = 'USD';
    if (!rowCurrencies) {
      warnings.push(
        problem(
          'assumed_currency',
          'the file names no currency; amounts read as USD (pass --currency to change)',
          where,
        ),
      );
    }
  }
  const amountsOf = (i: number | undefined) => {
    const values = column(i);
    if (!values) return undefined;
    const parsed = parseAmountColumn(values, {
      currency: currency!,
      fallbackSeparator: jointSeparator,
      ...(mapping?.decimalSeparator ? { decimalSeparator: mapping.decimalSeparator } : {}),
    });
    return parsed.amounts.map((amount, r) => {
      const rowCurrency = rowCurrencies?.[r];
      if (!amount || !rowCurrency || !/^[A-Z]{3}$/.test(rowCurrency) || rowCurrency === currency)
        return amount;
      return parseAmount(values[r]!, { decimalSeparator: parsed.decimalSeparator, currency: rowCurrency });
    });
  };
  const amounts = amountsOf(roles.amount);
  const debits = amountsOf(roles.debit);
  const credits = amountsOf(roles.credit);
  const balances = amountsOf(roles.balance);
  const dates = parseDateColumn(column(roles.date)!, {
    ...(ctx.options.asOf ? { asOf: ctx.options.asOf } : {}),
    ...(mapping?.dateOrder ? { order: mapping.dateOrder } : {}),
    // A decimal-comma file with only ambiguous dates is European: day first.
    fallbackOrder: jointSeparator === ',' ? 'dmy' : 'mdy',
  }).dates;
  const references = column(roles.reference)?.map((v) => v.trim());
  const referencesAreIds = references !== undefined && isIdColumn(references);

  const out: ParsedFile = { drafts: [], balances: [], accounts: [], warnings };
  const skipped: Problem[] = [];
  const institution = ctx.options.institution ?? 'generic';
  const account = ctx.options.account ?? DEFAULT_CSV_ACCOUNT;
  rows.forEach((fields, r) => {
    const record = table.body[r]!;
    const here = { ...where, line: record.line, row: r + 1 };
    if (fields.every((f) => f.trim() === '')) return;
    const date = dates[r];
    const reasons: Problem[] = [];
    if (!date) reasons.push(problem('missing_date', 'the date is empty', { field: 'date' }));
    else if (!date.ok) reasons.push(...date.problems.map((p) => ({ ...p, field: 'date' })));
    let money: ParsedAmount | undefined;
    const pick = (list: typeof amounts, field: string) => {
      const a = list?.[r];
      if (a && !a.ok) reasons.push(...a.problems.map((p) => ({ ...p, field })));
      return a?.ok ? a.value : undefined;
    };
    if (amounts) {
      money = pick(amounts, 'amount');
      const mark = roles.direction === undefined ? undefined : fields[roles.direction]?.trim();
      if (money && mark)
        money = { ...money, minor: DEBIT_MARK.test(mark) ? -Math.abs(money.minor) : Math.abs(money.minor) };
    } else {
      const debit = pick(debits, 'debit');
      const credit = pick(credits, 'credit');
      if (debit || credit) {
        money = {
          minor: Math.abs(credit?.minor ?? 0) - Math.abs(debit?.minor ?? 0),
          currency: (credit ?? debit)!.currency,
        };
      }
    }
    const description = roles.description
      .map((i) => fields[i]?.replace(/\s+/g, ' ').trim() ?? '')
      .filter(Boolean)
      .join(' — ');
    const balance = balances?.[r];
    // "Beginning balance as of 11/01/2026" rows (Bank of America) state a balance, not a transaction.
    const stated = BALANCE_ROW.exec(description);
    if (!money && stated && balance?.ok && date?.ok && reasons.length === 0) {
      out.balances.push({
        institution,
        account,
        date: date.value,
        balance: balance.value,
        kind: /^(beginning|opening)/i.test(stated[1]!) ? 'opening' : 'closing',
        source: `CSV line ${record.line}`,
      });
      return;
    }
    if (!money && reasons.every((p) => p.field !== 'amount' && p.field !== 'debit' && p.field !== 'credit')) {
      reasons.push(problem('missing_amount', 'the amount is empty', { field: 'amount' }));
    }
    if (reasons.length > 0 || !money || !date?.ok) {
      for (const p of reasons) skipped.push({ ...p, ...here, message: `row skipped: ${p.message}` });
      return;
    }
    if (mapping?.negate) money = { ...money, minor: -money.minor };
    const status = roles.status === undefined ? '' : (fields[roles.status] ?? '');
    const reference = references?.[r];
    const checkNumber = roles.checkNumber === undefined ? undefined : fields[roles.checkNumber]?.trim();
    const draft: TransactionDraft = {
      institution,
      account,
      date: date.value,
      description,
      amount: { minor: money.minor, currency: money.currency },
      status: PENDING.test(status) ? 'pending' : 'posted',
      kind: money.minor >= 0 ? 'deposit' : 'withdrawal',
      origin: { file: ctx.file, row: r + 1, capturedAt: ctx.capturedAt },
      ...(reference && referencesAreIds ? { externalId: reference } : {}),
      ...(reference && !referencesAreIds ? { memo: reference } : {}),
      ...(checkNumber ? { checkNumber } : {}),
      ...(balance?.ok ? { balance: balance.value } : {}),
    };
    out.drafts.push(draft);
  });
  if (out.drafts.length === 0) {
    return fail(
      problem('no_readable_rows', `none of the ${rows.length} rows could be read`, where),
      ...skipped.slice(0, 20),
    );
  }
  out.warnings.push(...skipped);
  out.accounts.push({
    schemaVersion: 1,
    institution,
    account,
    currency: out.drafts[0]!.amount.currency,
    type: 'checking',
  });
  return ok(out);
}
