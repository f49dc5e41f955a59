import type { DateOrderBasis } from '../../dates/detectDateOrder';
import { decideDateOrder } from '../../dates/detectDateOrder';
import type { DateOrder } from '../../dates/parseDate';
import { currencyExponent, isCurrencyCode as isIsoCurrency } from '../../model/currency';
import { type Problem, problem } from '../../model/problem';
import { fail, ok, type Result } from '../../model/result';
import { type DecimalSeparator, detectDecimalSeparator } from '../../money/detectDecimalSeparator';
import { type ParsedAmount, parseAmount } from '../../money/parseAmount';
import { plainMinor } from '../../money/plainMinor';
import type { ImportContext } from '../importTypes';
import type { ColumnRoles } from './columnRoles';
import type { ColumnRef, CsvMapping } from './csvMapping';
import { balanceChain, detectColumnRoles } from './detectColumnRoles';
import { normalizeHeader } from './normalizeHeader';
import type { CsvRecord } from './parseCsv';

/** Roles, date order and decimal separators are decided from this many data rows at the top. */
export const SAMPLE_ROWS = 5000;

/** Rows whose every cell is tried as a date and an amount to find the column roles. */
const ROLE_ROWS = 1000;

export const DEFAULT_CSV_ACCOUNT = 'Bank account';

const MONEY = ['amount', 'debit', 'credit', 'balance', 'balanceBefore'] as const;
type MoneyRole = (typeof MONEY)[number];

/** What the import decided about one bank CSV, and why: the CSV part of `import --explain`. */
export type BankCsvReport = {
  delimiter: string;
  /** Line of the header record, or undefined for a headerless file. */
  headerLine?: number;
  /** Lines above the table (account info, titles, summaries) that were skipped. */
  preambleLines: number;
  /** role → the column used and how it was found. */
  columns: Record<string, string>;
  currency: string;
  currencySource: string;
  /** The same, in the import report's terms. */
  currencyKind: 'column' | 'header' | 'amounts' | 'option' | 'assumed';
  dateOrder: DateOrder;
  dateOrderBasis: DateOrderBasis;
  dateOrderEvidence: string;
  decimalSeparator: DecimalSeparator;
  /** What the balance column said about the sign of the amounts. */
  signCheck?: string;
  rowsRead: number;
  rowsSkipped: number;
};

export type BankCsvPlan = {
  roles: ColumnRoles;
  separators: Partial<Record<MoneyRole, DecimalSeparator>>;
  dateOrder: DateOrder;
  currency: string;
  negate: boolean;
  referencesAreIds: boolean;
  /** The account holder's name, left out of descriptions where it fills a payer/payee column. */
  holder?: string;
  institution: string;
  account: string;
  file: string;
  capturedAt: string;
  asOf?: string;
  report: BankCsvReport;
};

function resolveMapping(mapping: CsvMapping, header: CsvRecord | undefined): Result<Partial<ColumnRoles>> {
  const headers = header?.fields.map(normalizeHeader) ?? [];
  const problems: Problem[] = [];
  const resolve = (ref: ColumnRef, field: string): number | undefined => {
    if (typeof ref === 'number') return ref;
    const i = headers.indexOf(normalizeHeader(ref));
    if (i === -1) {
      const shown = header ? header.fields.map((h) => `"${h}"`).join(', ') : 'none (no header row)';
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

const columnOf = (rows: readonly CsvRecord[], i: number | undefined) =>
  i === undefined ? [] : rows.map((r) => r.fields[i] ?? '');

/**
 * Decides how to read a bank CSV from its header and its first data rows (at most SAMPLE_ROWS):
 * the column roles (or an explicit mapping), the decimal separator of each money column, the
 * date order with its reason, the currency with its source, and the sign convention — checked
 * against the balance column where there is one. Every row is then read alone (readBankCsvRow),
 * so a file of any length streams through in bounded memory.
 */
export function planBankCsv(
  header: CsvRecord | undefined,
  sample: readonly CsvRecord[],
  ctx: ImportContext,
  mapping: CsvMapping | undefined,
  layout: { delimiter: string; preambleLines: number },
): Result<{ plan: BankCsvPlan; warnings: Problem[] }> {
  const where = { file: ctx.file };
  const explicit = mapping ? resolveMapping(mapping, header) : ok<Partial<ColumnRoles>>({});
  if (!explicit.ok) return fail(...explicit.problems.map((p) => ({ ...p, ...where })));
  // Roles from the first thousand rows (every cell is tried as a date and an amount); the date
  // order, separators and sign from the whole sample.
  const rows = sample.slice(0, ROLE_ROWS).map((r) => r.fields);
  const detected = detectColumnRoles(header?.fields, rows, ctx.options.asOf);
  const mapped = explicit.value;
  const hasExplicitMoney =
    mapped.amount !== undefined || mapped.debit !== undefined || mapped.credit !== undefined;
  if (!detected.ok && !(mapped.date !== undefined && hasExplicitMoney)) {
    return fail(...detected.problems.map((p) => ({ ...p, ...where, line: header?.line ?? p.line })));
  }
  const { facts, ...auto } = detected.ok ? detected.value : { facts: { found: {} } as never };
  const roles: ColumnRoles = {
    ...(hasExplicitMoney
      ? { ...auto, amount: undefined, debit: undefined, credit: undefined, direction: undefined }
      : auto),
    ...mapped,
    date: mapped.date ?? (auto as ColumnRoles).date,
    description: mapped.description ?? (auto as ColumnRoles).description ?? [],
  };
  const found: Record<string, string> = { ...(facts?.found ?? {}) };
  for (const key of Object.keys(mapped)) found[key] = 'mapping';

  const warnings: Problem[] = [];
  const separators: Partial<Record<MoneyRole, DecimalSeparator>> = {};
  const moneyValues = MONEY.flatMap((role) => columnOf(sample, roles[role]).slice(0, 2000));
  const joint = mapping?.decimalSeparator ?? detectDecimalSeparator(moneyValues, '.');
  for (const role of MONEY) {
    if (roles[role] === undefined) continue;
    separators[role] =
      mapping?.decimalSeparator ?? detectDecimalSeparator(columnOf(sample, roles[role]), joint);
  }

  // The currency: the file's own statement first (a currency column, the header, symbols in the
  // amounts), then the caller's option, then USD with a warning.
  let currency: string | undefined;
  let currencySource = '';
  let currencyKind: BankCsvReport['currencyKind'] = 'assumed';
  const codes = columnOf(sample, roles.currency).map((c) => c.trim().toUpperCase());
  const firstCode = codes.find((c) => isIsoCurrency(c));
  if (firstCode) {
    currency = firstCode;
    currencySource = `column ${found.currency ?? 'currency'} (per row)`;
    currencyKind = 'column';
  } else if (facts?.headerCurrency) {
    currency = facts.headerCurrency;
    currencySource = 'the header text';
    currencyKind = 'header';
  } else {
    for (const role of MONEY) {
      for (const value of columnOf(sample, roles[role]).slice(0, 200)) {
        const named = value.trim() ? parseAmount(value, { decimalSeparator: separators[role]! }) : undefined;
        if (named?.ok) {
          currency = named.value.currency;
          currencySource = 'symbols or codes in the amounts';
          currencyKind = 'amounts';
          break;
        }
      }
      if (currency) break;
    }
  }
  if (!currency && ctx.options.currency) {
    currency = ctx.options.currency;
    currencySource = 'the --currency option';
    currencyKind = 'option';
  }
  if (!currency) {
    currency = 'USD';
    currencySource = 'assumed';
    warnings.push(
      problem(
        'assumed_currency',
        'the file names no currency; amounts read as USD (pass --currency to change)',
        where,
      ),
    );
  }

  const dateValues = columnOf(sample, roles.date);
  const dayFirst =
    facts?.dayFirstLanguage || joint === ','
      ? {
          order: 'dmy' as const,
          because: facts?.dayFirstLanguage
            ? 'the header language writes day first'
            : 'amounts use a decimal comma',
        }
      : currency === 'USD' && currencySource !== 'assumed'
        ? { order: 'mdy' as const, because: 'amounts in US dollars: US banks write the month first' }
        : undefined;
  const decision = mapping?.dateOrder
    ? { order: mapping.dateOrder, basis: 'given' as const, evidence: 'mapping.dateOrder' }
    : decideDateOrder(dateValues, dayFirst);
  if (decision.basis === 'assumed') {
    warnings.push(
      problem(
        'date_order_assumed',
        `every date reads either way (day and month both 12 or less) and nothing else decides; read month first (mdy) — pass a mapping with "dateOrder": "dmy" if that is wrong`,
        { ...where, field: 'date' },
      ),
    );
  }

  const references = columnOf(sample, roles.reference).map((v) => v.trim());
  const holder = mapping?.description ? undefined : holderName(sample, facts?.partyColumns);
  const plan: BankCsvPlan = {
    roles,
    separators,
    dateOrder: decision.order,
    currency,
    negate: mapping?.negate ?? false,
    // A reference column is the bank's own id only when every row has one and none repeats.
    referencesAreIds:
      roles.reference !== undefined &&
      references.every((v) => v !== '') &&
      new Set(references).size === references.length,
    ...(holder ? { holder } : {}),
    institution: ctx.options.institution ?? 'generic',
    account: ctx.options.account ?? DEFAULT_CSV_ACCOUNT,
    file: ctx.file,
    capturedAt: ctx.capturedAt,
    ...(ctx.options.asOf ? { asOf: ctx.options.asOf } : {}),
    report: {
      delimiter: layout.delimiter,
      ...(header ? { headerLine: header.line } : {}),
      preambleLines: layout.preambleLines,
      columns: Object.fromEntries(
        Object.entries(roles)
          .filter(([role, i]) => i !== undefined && role !== 'description')
          .map(([role, i]) => {
            const how = found[role] ?? 'detected';
            const label = header ? `"${header.fields[i as number]?.trim()}"` : `column ${(i as number) + 1}`;
            return [role, how.startsWith('header') ? label : `${label} (${how})`];
          })
          .concat([['description', found.description ?? 'mapping']]),
      ),
      currency,
      currencySource,
      currencyKind,
      dateOrder: decision.order,
      dateOrderBasis: decision.basis,
      dateOrderEvidence: decision.evidence,
      decimalSeparator: joint,
      rowsRead: 0,
      rowsSkipped: 0,
    },
  };
  if (!mapping?.negate && roles.balance !== undefined) checkSign(plan, sample);
  return ok({ plan, warnings });
}

/** The name in one of two party columns on most rows: the account holder's. */
function holderName(sample: readonly CsvRecord[], parties: number[] | undefined): string | undefined {
  if (!parties || sample.length < 2) return undefined;
  const counts = new Map<string, number>();
  for (const r of sample) {
    const names = new Set(parties.map((i) => r.fields[i]?.trim() ?? '').filter(Boolean));
    for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  const [name, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  return count >= sample.length * 0.6 ? name : undefined;
}

/**
 * The balance column as a self-check on the sign: balance(prev) + amount = balance, oldest or
 * newest first. When it only holds with every amount negated, the file shows money out as
 * positive (card exports) and the amounts are negated; the report says which.
 */
function checkSign(plan: BankCsvPlan, sample: readonly CsvRecord[]) {
  const amounts: Array<number | undefined> = [];
  const balances: Array<number | undefined> = [];
  for (const record of sample.slice(0, 2000)) {
    const money = signedAmount(plan, record.fields);
    const b = plan.roles.balance === undefined ? undefined : record.fields[plan.roles.balance];
    const balance = b?.trim()
      ? parseAmount(b, { currency: plan.currency, decimalSeparator: plan.separators.balance! })
      : undefined;
    amounts.push(money?.ok ? money.value : undefined);
    balances.push(balance?.ok ? balance.value.minor : undefined);
  }
  const asIs = balanceChain(amounts, balances, 1);
  if (asIs.pairs < 2) return;
  const negated = balanceChain(amounts, balances, -1);
  if (asIs.share >= 0.8) {
    plan.report.signCheck = `the balance column confirms the signs (${Math.round(asIs.share * 100)}% of ${asIs.pairs} neighbouring rows)`;
  } else if (negated.share >= 0.8) {
    plan.negate = true;
    plan.report.signCheck = `the balance column moves against the amounts (${Math.round(negated.share * 100)}% of ${negated.pairs} neighbouring rows): money out is shown positive, amounts negated`;
  } else {
    plan.report.signCheck = `the balance column does not follow the amounts (${Math.round(asIs.share * 100)}% of ${asIs.pairs} neighbouring rows); signs as the file shows them`;
  }
}

/** Debit/credit indicator column values; the rest of the file's marks count as credits. */
const DEBIT_MARK = /^(?:debit|debet|dr|d|db|s|soll|dbit|af|debito|dare|cargo|-)$/i;
const stripAccents = (v: string) =>
  /^[\x00-\x7f]*$/.test(v) ? v : v.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/**
 * parseAmount of one non-blank cell: the amount or its problems. Plain figures — nearly every
 * cell — are read by parseAmount's own first step, without its options and result objects.
 */
export function amountCell(
  text: string,
  currency: string,
  separator: DecimalSeparator,
): ParsedAmount | { problems: Problem[] } {
  const minor = plainMinor(text, separator === ',', true, currencyExponent(currency));
  if (!Number.isNaN(minor)) return { minor, currency };
  const a = parseAmount(text, { currency, decimalSeparator: separator });
  return a.ok ? a.value : { problems: a.problems };
}

/** One money cell of a row: undefined when blank, the amount, or the problems naming the field. */
function readMoney(plan: BankCsvPlan, fields: readonly string[], currency: string, role: MoneyRole) {
  const i = plan.roles[role];
  const text = i === undefined ? undefined : fields[i];
  if (text === undefined || text.trim() === '') return undefined;
  const a = amountCell(text, currency, plan.separators[role]!);
  return 'problems' in a ? { problems: a.problems.map((p) => ({ ...p, field: role })) } : a;
}

/** A totals line's debit and credit figures (absolute minor units), when the file has those columns. */
export function debitCreditFigures(
  plan: BankCsvPlan,
  fields: readonly string[],
): { debit?: number; credit?: number } | undefined {
  if (plan.roles.debit === undefined && plan.roles.credit === undefined) return undefined;
  const d = readMoney(plan, fields, plan.currency, 'debit');
  const c = readMoney(plan, fields, plan.currency, 'credit');
  if ((d && 'problems' in d) || (c && 'problems' in c) || (!d && !c)) return undefined;
  return {
    ...(d && !('problems' in d) ? { debit: Math.abs(d.minor) } : {}),
    ...(c && !('problems' in c) ? { credit: Math.abs(c.minor) } : {}),
  };
}

/**
 * signedAmount's answer for a plain figure in a lone amount column (no currency or debit/credit
 * mark column beside it), without the intermediate objects of the cell reader; undefined for
 * anything else (blank cells included), which signedAmount then reads.
 */
export function plainSignedAmount(
  plan: BankCsvPlan,
  fields: readonly string[],
): { ok: true; value: number; currency: string } | undefined {
  const { roles } = plan;
  if (roles.amount === undefined || roles.currency !== undefined || roles.direction !== undefined)
    return undefined;
  const text = fields[roles.amount];
  if (text === undefined) return undefined;
  const minor = plainMinor(text, plan.separators.amount === ',', true, currencyExponent(plan.currency));
  return Number.isNaN(minor) ? undefined : { ok: true, value: minor, currency: plan.currency };
}

/** The row's signed amount in minor units (before `negate`), from amount (+ D/C mark) or debit/credit. */
export function signedAmount(
  plan: BankCsvPlan,
  fields: readonly string[],
): { ok: true; value: number; currency: string } | { ok: false; problems: Problem[] } | undefined {
  const { roles } = plan;
  const code = roles.currency === undefined ? undefined : fields[roles.currency]?.trim().toUpperCase();
  if (code && !isIsoCurrency(code))
    return {
      ok: false,
      problems: [
        problem('invalid_currency', `"${fields[roles.currency!]!.trim()}" is not an ISO 4217 currency code`, {
          field: 'currency',
        }),
      ],
    };
  const currency = code || plan.currency;
  if (roles.amount !== undefined) {
    const a = readMoney(plan, fields, currency, 'amount');
    if (a === undefined) return undefined;
    if ('problems' in a) return { ok: false, problems: a.problems };
    let minor = a.minor;
    const mark = roles.direction === undefined ? undefined : fields[roles.direction]?.trim();
    if (mark) minor = DEBIT_MARK.test(stripAccents(mark)) ? -Math.abs(minor) : Math.abs(minor);
    return { ok: true, value: minor, currency: a.currency };
  }
  const debit = readMoney(plan, fields, currency, 'debit');
  const credit = readMoney(plan, fields, currency, 'credit');
  const problems = [debit, credit].flatMap((x) => (x && 'problems' in x ? x.problems : []));
  if (problems.length > 0) return { ok: false, problems };
  const d = debit as { minor: number; currency: string } | undefined;
  const c = credit as { minor: number; currency: string } | undefined;
  if (!d && !c) return undefined;
  if (d?.minor && c?.minor)
    return {
      ok: false,
      problems: [
        problem(
          'debit_and_credit',
          'both the debit and the credit column hold an amount: which one the row is cannot be told',
          { field: 'debit' },
        ),
      ],
    };
  return { ok: true, value: Math.abs(c?.minor ?? 0) - Math.abs(d?.minor ?? 0), currency: (c ?? d)!.currency };
}
