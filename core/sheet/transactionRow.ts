import type { Money } from '../model/money';
import { type Problem, problem } from '../model/problem';
import { fail, ok, type Result } from '../model/result';
import {
  type Origin,
  type RuleTrailEntry,
  type Split,
  TRANSACTION_SCHEMA_VERSION,
  Transaction,
} from '../model/transaction';
import { decimalToMinor } from '../money/decimalToMinor';
import { formatAmount } from '../money/formatAmount';
import { cellToDateTime, cellToIsoDate } from './dateCell';
import type { HeaderIndex } from './headerIndex';
import { cellToMinor, moneyToCell } from './moneyCell';
import { type CellValue, TRANSACTION_COLUMNS, type TransactionColumnKey } from './workbookLayout';

export type TransactionRecord = Record<TransactionColumnKey, CellValue>;

const TAG_SEPARATOR = ', ';

/** `https://…` for a capture; `statement.csv row 12` (plus ` <STMTTRN>` when known) for a file. */
export function formatOrigin(origin: Origin): string {
  if (origin.url) return origin.url;
  const parts = [origin.file ?? ''];
  if (origin.row !== undefined) parts.push(`row ${origin.row}`);
  if (origin.element) parts.push(`<${origin.element}>`);
  return parts.filter(Boolean).join(' ');
}

function parseOrigin(source: string, capturedAt: string): Origin {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) return { url: source, capturedAt };
  const m = /^(.*?)(?: row (\d+))?(?: <([^>]+)>)?$/.exec(source)!;
  return {
    ...(m[1] ? { file: m[1] } : {}),
    ...(m[2] ? { row: Number(m[2]) } : {}),
    ...(m[3] ? { element: m[3] } : {}),
    capturedAt,
  };
}

const cash = (m: Money | undefined): CellValue => (m ? moneyToCell(m) : null);

/** Splits as the Splits column shows them: `Supplies: -12.50; Meals: -7.50 — team lunch`. */
export const formatSplits = (splits: readonly Split[]): string =>
  splits
    .map(
      (s) =>
        `${s.category}: ${formatAmount(s.amount.minor, s.amount.currency)}${s.note ? ` — ${s.note}` : ''}`,
    )
    .join('; ');

/** The Splits column read back in the row's currency; undefined when the text is not in that form. */
export function parseSplits(text: string, currency: string): Split[] | undefined {
  const starts = [...text.matchAll(/(?:^|; )([^;]+?): (-?\d+(?:\.\d+)?)(?= — |; |$)/g)];
  if (starts.length === 0 || starts[0]!.index !== 0) return undefined;
  const splits: Split[] = [];
  for (const [i, m] of starts.entries()) {
    const rest = text.slice(m.index + m[0].length, starts[i + 1]?.index ?? text.length);
    const minor = decimalToMinor(m[2]!, currency);
    if (!minor.ok || (rest !== '' && !rest.startsWith(' — '))) return undefined;
    splits.push({
      category: m[1]!,
      amount: { minor: minor.value, currency },
      ...(rest ? { note: rest.slice(3) } : {}),
    });
  }
  return splits;
}

/** The rule trail as the Why column shows it: `rule: field = value; rule: field = value`. */
export const formatRuleTrail = (trail: readonly RuleTrailEntry[]): string =>
  trail.map((e) => `${e.rule}: ${e.field} = ${e.value}`).join('; ');

/**
 * The Why column read back, so re-applying rules to a book's transactions knows which values
 * rules set (and may release). Undefined when the text is not in that form.
 */
export function parseRuleTrail(text: string): RuleTrailEntry[] | undefined {
  const starts = [...text.matchAll(/(?:^|; )([^;:]+?): ([A-Za-z][\w.]*) = /g)];
  if (starts.length === 0 || starts[0]!.index !== 0) return undefined;
  return starts.map((m, i) => ({
    rule: m[1]!,
    field: m[2]!,
    value: text.slice(m.index + m[0].length, starts[i + 1]?.index ?? text.length),
  }));
}

/**
 * A transaction as Transactions-tab cells keyed by column. Money is a number in major units
 * (exact from minor units) with the currency in its own column; `date` is `YYYY-MM-DD` text and
 * `capturedAt` ISO text — writers turn them into their own date cells. The bookkeeper's Category
 * Override starts blank; Notes starts with the transaction's notes (e.g. inherited from a pending line).
 * Gross, fee and balance are written in the amount's currency.
 */
export function transactionToRow(t: Transaction, batchId?: string): TransactionRecord {
  return {
    id: t.id,
    date: t.date,
    account: t.account,
    institution: t.institution,
    description: t.description,
    payee: t.payee,
    amount: moneyToCell(t.amount),
    currency: t.amount.currency,
    status: t.status,
    unverified: t.unverified ?? null,
    kind: t.kind,
    category: t.category ?? null,
    categoryOverride: null,
    notes: t.notes ?? null,
    tags: t.tags.length > 0 ? t.tags.join(TAG_SEPARATOR) : null,
    rule: t.rule ?? null,
    why: t.ruleTrail && t.ruleTrail.length > 0 ? formatRuleTrail(t.ruleTrail) : null,
    splits: t.splits && t.splits.length > 0 ? formatSplits(t.splits) : null,
    transfer: t.transfer ?? null,
    externalId: t.externalId ?? null,
    payoutId: t.payoutId ?? null,
    gross: cash(t.gross),
    fee: cash(t.fee),
    balance: cash(t.balance),
    checkNumber: t.checkNumber ?? null,
    memo: t.memo ?? null,
    supersedes: t.supersedes ?? null,
    supersededBy: t.supersededBy ?? null,
    source: formatOrigin(t.origin),
    capturedAt: t.origin.capturedAt,
    batchId: batchId ?? null,
  };
}

export type TransactionRowRead = {
  /** The transaction as its source and the rules left it (`category` is the rules' category). */
  transaction: Transaction;
  /** What the bookkeeper typed in Category Override; wins over `transaction.category` wherever shown. */
  categoryOverride?: string;
  batchId?: string;
};

const text = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  return String(value).trim();
};

/**
 * Reads one Transactions-tab data row back (columns found by header, see indexHeader) and
 * validates it with the Transaction contract. `where.row` is the 1-based sheet row; problems name
 * it and the column header.
 */
export function rowToTransaction(
  row: readonly unknown[],
  index: HeaderIndex,
  where: { row: number; sheet?: string; file?: string },
): Result<TransactionRowRead> {
  const sheet = where.sheet ?? 'Transactions';
  const headerOf = (key: string) => TRANSACTION_COLUMNS.find((c) => c.key === key)?.header ?? key;
  const at = (key: string, message: string, code: string): Problem =>
    problem(code, message, {
      path: [sheet, where.row, headerOf(key)],
      row: where.row,
      field: headerOf(key),
      ...(where.file ? { file: where.file } : {}),
    });
  const cell = (key: TransactionColumnKey): unknown => {
    const i = index.positions.get(key);
    return i === undefined ? undefined : row[i];
  };
  const str = (key: TransactionColumnKey): string | undefined => text(cell(key)) || undefined;
  const problems: Problem[] = [...index.problems];

  const currency = str('currency') ?? '';
  const moneyOf = (key: TransactionColumnKey): Money | undefined => {
    const read = cellToMinor(cell(key), currency);
    if (!read.ok) {
      problems.push(...read.problems.map((p) => at(key, p.message, p.code)));
      return undefined;
    }
    return read.value === undefined ? undefined : { minor: read.value, currency };
  };
  const date = cellToIsoDate(cell('date'));
  if (!date.ok) problems.push(...date.problems.map((p) => at('date', p.message, p.code)));
  const transferCell = cell('transfer');
  const transfer =
    transferCell === true || /^true$/i.test(text(transferCell))
      ? true
      : transferCell === false || /^false$/i.test(text(transferCell))
        ? false
        : undefined;

  const candidate = {
    schemaVersion: TRANSACTION_SCHEMA_VERSION,
    id: str('id') ?? '',
    institution: str('institution') ?? '',
    account: str('account') ?? '',
    date: (date.ok ? date.value : undefined) ?? '',
    description: text(cell('description')),
    payee: str('payee') ?? text(cell('description')),
    amount: moneyOf('amount') ?? { minor: 0, currency },
    status: str('status') ?? '',
    kind: str('kind') ?? '',
    externalId: str('externalId'),
    payoutId: str('payoutId'),
    gross: moneyOf('gross'),
    fee: moneyOf('fee'),
    balance: moneyOf('balance'),
    checkNumber: str('checkNumber'),
    memo: str('memo'),
    category: str('category'),
    tags: text(cell('tags'))
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    rule: str('rule'),
    ruleTrail: parseRuleTrail(text(cell('why'))),
    splits: parseSplits(text(cell('splits')), currency),
    notes: str('notes'),
    transfer,
    supersedes: str('supersedes'),
    supersededBy: str('supersededBy'),
    unverified: str('unverified'),
    origin: parseOrigin(str('source') ?? '', cellToDateTime(cell('capturedAt')) ?? ''),
  };
  if (cell('amount') === undefined || cell('amount') === null || cell('amount') === '') {
    problems.push(at('amount', 'the amount is empty', 'empty_amount'));
  }
  const defined = Object.fromEntries(Object.entries(candidate).filter(([, v]) => v !== undefined));
  const parsed = Transaction.safeParse(defined);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      // Every money field carries the row's currency: report a bad one once, against Currency.
      if (issue.path[1] === 'currency') {
        if (!problems.some((p) => p.field === 'Currency'))
          problems.push(at('currency', issue.message, 'invalid_currency'));
      } else if (key === 'origin') problems.push(at('source', issue.message, `invalid_${issue.code}`));
      else problems.push(at(key, issue.message, `invalid_${issue.code}`));
    }
  }
  if (problems.length > 0 || !parsed.success) return fail(...problems);
  const categoryOverride = str('categoryOverride');
  const batchId = str('batchId');
  return ok({
    transaction: parsed.data,
    ...(categoryOverride ? { categoryOverride } : {}),
    ...(batchId ? { batchId } : {}),
  });
}
