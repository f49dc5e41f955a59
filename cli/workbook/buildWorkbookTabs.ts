import { describeImportReport } from '../../core/formats/describeImportReport';
import type { Transaction } from '../../core/model/transaction';
import { auditRow } from '../../core/sheet/auditRow';
import { buildSummary, summaryToRow } from '../../core/sheet/buildSummary';
import { type CategoryInfo, categoryRows } from '../../core/sheet/categoryRows';
import { columnsAtHeader } from '../../core/sheet/columnsAtHeader';
import { indexHeader, normalizeHeader } from '../../core/sheet/headerIndex';
import {
  agingToRecord,
  alertToRecord,
  applicationToRecord,
  invoiceStatusChanges,
  standingToRecord,
} from '../../core/sheet/invoiceRows';
import { discrepancyToRow, matchToRow } from '../../core/sheet/matchRow';
import { planUpsert } from '../../core/sheet/planUpsert';
import { rowSources } from '../../core/sheet/rowSources';
import {
  AGING_COLUMNS,
  ALERT_COLUMNS,
  AUDIT_COLUMNS,
  CATEGORY_COLUMNS,
  type ColumnDef,
  INVOICE_COLUMNS,
  INVOICE_PAYMENT_COLUMNS,
  MATCH_COLUMNS,
  RULE_COLUMNS,
  type SheetRecord,
  SUMMARY_COLUMNS,
  TAB_KEYS,
  TRANSACTION_COLUMNS,
} from '../../core/sheet/workbookLayout';
import type { ReadTab } from './readWorkbook';
import type { RunReceivables } from './receivablesOfRun';
import type { ReconcileRun } from './reconcileFiles';
import { KeptFormula, type SheetTab, tabFromRecords } from './writeWorkbook';

export type BookTabsInput = {
  run: ReconcileRun;
  /** The book being written over, as read: the bookkeeper's cells and tabs are kept. */
  existing?: ReadonlyMap<string, ReadTab>;
  /** Category Override per transaction id, from the existing book. */
  overrides?: ReadonlyMap<string, string>;
  batchId: string;
  /** ISO 8601 time of the write. */
  now: string;
  actor: string;
  /** The Rules tab to write when the book has none yet (or, with `replaceRules`, in place of the book's). */
  rulesTab?: SheetTab;
  replaceRules?: boolean;
  /** Known categories and their groups, for the Categories tab. */
  categories?: readonly CategoryInfo[];
  /** Invoices settled, aging and alerts: the Invoices, Invoice Payments, Aging and Alerts tabs. */
  receivables?: RunReceivables;
  /** Each invoice's status as the book last said, so status changes go on the Audit tab. */
  invoiceStatuses?: ReadonlyMap<string, string>;
};

/** The existing tab's header, plus any layout column it lacks (a book from an older layout). */
function headerWithLayout(existing: ReadTab | undefined, columns: readonly ColumnDef[]): string[] {
  if (!existing || existing.header.length === 0) return columns.map((c) => c.header);
  const have = new Set(existing.header.map(normalizeHeader));
  return [
    ...existing.header,
    ...columns.filter((c) => !have.has(normalizeHeader(c.header))).map((c) => c.header),
  ];
}

/**
 * A tab recomputed from `records` (Matches, Categories, Summary). Over an existing tab, its header
 * is kept (with any layout column it lacks) and each row continues the old row of the same `key`:
 * what people wrote there — bookkeeper columns and columns they added — moves with it (`from`).
 * With `keepOthers`, rows of keys the run did not produce (a category the bookkeeper added) stay.
 */
function recomputedTab(
  name: string,
  columns: readonly ColumnDef[],
  records: readonly SheetRecord[],
  key: readonly string[],
  existing: ReadTab | undefined,
  keepOthers = false,
): SheetTab {
  if (!existing || existing.header.length === 0) return tabFromRecords(name, columns, records);
  const header = headerWithLayout(existing, columns);
  const index = indexHeader(header, columns);
  const columnAt = columnsAtHeader(header, columns, index);
  const from = rowSources(existing.rows, index, records, key);
  const people = columnAt.map((c) => !c || c.owner === 'bookkeeper');
  const rows = records.map((record, r) => {
    const old = from[r] === undefined ? undefined : existing.rows[from[r]!];
    return header.map((_, i) => {
      const column = columnAt[i];
      if (people[i] && old) return old[i] ?? null;
      return column ? (record[column.key] ?? null) : null;
    });
  });
  if (keepOthers) {
    const continued = new Set(from);
    const keyAt = key.map((k) => index.positions.get(k));
    existing.rows.forEach((old, j) => {
      if (continued.has(j) || keyAt.some((at) => at === undefined || isBlank(old[at]))) return;
      rows.push(header.map((_, i) => (people[i] ? (old[i] ?? null) : null)));
      from.push(j);
    });
  }
  return { name, columns, header, rows, from };
}

const isBlank = (v: unknown) => v === null || v === undefined || v === '';

/** A tab's rows laid out under another header (an existing tab's, with columns people added). */
function layOver(tab: SheetTab, header: readonly string[]): SheetTab {
  const at = header.map((h) => tab.header.findIndex((t) => normalizeHeader(t) === normalizeHeader(h)));
  return { ...tab, header, rows: tab.rows.map((row) => at.map((i) => (i < 0 ? null : (row[i] ?? null)))) };
}

const byDate = (a: Transaction, b: Transaction) =>
  a.date.localeCompare(b.date) ||
  a.institution.localeCompare(b.institution) ||
  a.account.localeCompare(b.account) ||
  a.id.localeCompare(b.id);

/**
 * Every tab of the reconciliation workbook from one run. Transactions are upserted into the
 * existing tab (the bookkeeper's columns and edits kept, see planUpsert); Matches, Categories and
 * Summary are recomputed (a Decision or Notes typed on a match is kept); the Rules tab the
 * bookkeeper edits is kept as it is; the Audit tab gains this write.
 */
export function buildWorkbookTabs(input: BookTabsInput): {
  tabs: SheetTab[];
  upsert: { added: number; updated: number; skipped: number };
} {
  const { run, existing } = input;
  const oldTransactions = existing?.get('Transactions');
  const header = headerWithLayout(oldTransactions, TRANSACTION_COLUMNS);
  // The bookkeeper's formulas (in their own columns) go back as formulas; planUpsert keeps those cells.
  const ownColumn = header.map((h) => {
    const def = TRANSACTION_COLUMNS.find((c) => normalizeHeader(c.header) === normalizeHeader(h));
    return !def || def.owner === 'bookkeeper';
  });
  const oldRows = (oldTransactions?.rows ?? []).map((r, row) =>
    header.map((_, i) => {
      const formula = ownColumn[i] ? oldTransactions?.formulas.get(`${row}:${i}`) : undefined;
      return formula ? new KeptFormula(formula, r[i] ?? null) : (r[i] ?? null);
    }),
  );
  const plan = planUpsert(header, oldRows, [...run.transactions].sort(byDate), {
    batchId: input.batchId,
    now: input.now,
    actor: input.actor,
  });
  const rows: unknown[][] = [...oldRows];
  for (const u of plan.updates) rows[u.rowIndex] = u.row;
  rows.push(...plan.appends);

  const byId = new Map(run.transactions.map((t) => [t.id, t]));
  const matchesTab = recomputedTab(
    'Matches',
    MATCH_COLUMNS,
    // Links first, then what needs a look, then the processor roll-ups that support them.
    [
      ...run.matches.filter((m) => m.type !== 'payout-rollup').map((m) => matchToRow(m, byId)),
      ...run.discrepancies.map((d) => discrepancyToRow(d, byId)),
      ...run.matches.filter((m) => m.type === 'payout-rollup').map((m) => matchToRow(m, byId)),
    ],
    TAB_KEYS.Matches,
    existing?.get('Matches'),
  );
  const categoriesTab = recomputedTab(
    'Categories',
    CATEGORY_COLUMNS,
    categoryRows(run.transactions, {
      ...(input.overrides ? { overrides: input.overrides } : {}),
      ...(input.categories ? { known: input.categories } : {}),
    }),
    TAB_KEYS.Categories,
    existing?.get('Categories'),
    true,
  );
  const summary = buildSummary({
    transactions: run.transactions,
    balances: run.balances,
    unmatchedIds: run.unmatched.map((t) => t.id),
  });

  const oldRules = existing?.get('Rules');
  const newRules = input.rulesTab ?? tabFromRecords('Rules', RULE_COLUMNS, []);
  // The bookkeeper's Rules tab stays as it is, unless a rules file replaces its rules.
  const rulesTab: SheetTab = !oldRules
    ? newRules
    : !(input.replaceRules && input.rulesTab)
      ? {
          name: 'Rules',
          columns: RULE_COLUMNS,
          header: oldRules.header,
          rows: oldRules.rows,
          untouched: true,
        }
      : { ...layOver(newRules, headerWithLayout(oldRules, RULE_COLUMNS)), ownsAll: true };

  const settled = input.receivables?.receivables;
  const changes = settled ? invoiceStatusChanges(input.invoiceStatuses ?? new Map(), settled.standings) : [];
  const receivableTabs = [
    // Invoices the bookkeeper typed that could not be read stay as they are (keepOthers).
    recomputedTab(
      'Invoices',
      INVOICE_COLUMNS,
      (settled?.standings ?? []).map(standingToRecord),
      TAB_KEYS.Invoices,
      existing?.get('Invoices'),
      true,
    ),
    recomputedTab(
      'Invoice Payments',
      INVOICE_PAYMENT_COLUMNS,
      (settled?.applications ?? []).map((a) => applicationToRecord(a, byId)),
      TAB_KEYS['Invoice Payments'],
      existing?.get('Invoice Payments'),
    ),
    recomputedTab(
      'Aging',
      AGING_COLUMNS,
      (settled?.aging ?? []).map(agingToRecord),
      TAB_KEYS.Aging,
      existing?.get('Aging'),
    ),
    recomputedTab(
      'Alerts',
      ALERT_COLUMNS,
      (input.receivables?.alerts ?? []).map(alertToRecord),
      TAB_KEYS.Alerts,
      existing?.get('Alerts'),
    ),
  ];

  const audit = auditRow({
    at: input.now,
    actor: input.actor,
    action: 'reconcile',
    batchId: input.batchId,
    added: plan.added,
    updated: plan.updated,
    skipped: plan.skipped,
    detail: `${run.files.map((f) => f.name).join(', ')}: ${run.matches.length} matches, ${run.discrepancies.length} discrepancies, ${run.unmatched.length} unmatched${changes.length > 0 ? `; invoices ${changes.join(', ')}` : ''}`,
  });
  const oldAudit = existing?.get('Audit');
  const auditHeader = headerWithLayout(oldAudit, AUDIT_COLUMNS);
  const auditIndex = indexHeader(auditHeader, AUDIT_COLUMNS);
  const cellsOf = (record: typeof audit) =>
    auditHeader.map((_, i) => {
      const key = [...auditIndex.positions].find(([, at]) => at === i)?.[0];
      return key ? (record[key] ?? null) : null;
    });
  // One row per file read: what it was recognized as, its account and why, rows read and skipped.
  const importCells = run.files.map((f) =>
    cellsOf(
      auditRow({
        at: input.now,
        actor: input.actor,
        action: 'read file',
        batchId: input.batchId,
        // What reached the sheet is the reconcile row's; this row says how the file was read.
        added: 0,
        updated: 0,
        skipped: f.report.rowsSkipped.length,
        detail: describeImportReport(f.report).join(' '),
      }),
    ),
  );
  const auditCells = cellsOf(audit);

  return {
    tabs: [
      { name: 'Transactions', columns: TRANSACTION_COLUMNS, header, rows },
      matchesTab,
      { ...rulesTab, name: 'Rules' },
      categoriesTab,
      recomputedTab(
        'Summary',
        SUMMARY_COLUMNS,
        summary.map(summaryToRow),
        TAB_KEYS.Summary,
        existing?.get('Summary'),
      ),
      ...receivableTabs,
      {
        name: 'Audit',
        columns: AUDIT_COLUMNS,
        header: auditHeader,
        rows: [...(oldAudit?.rows ?? []), ...importCells, auditCells],
      },
    ],
    upsert: { added: plan.added, updated: plan.updated, skipped: plan.skipped },
  };
}
