import type { Transaction } from '../../core/model/transaction';
import { auditRow } from '../../core/sheet/auditRow';
import { buildSummary, summaryToRow } from '../../core/sheet/buildSummary';
import { type CategoryInfo, categoryRows } from '../../core/sheet/categoryRows';
import { indexHeader, normalizeHeader } from '../../core/sheet/headerIndex';
import { discrepancyToRow, matchToRow } from '../../core/sheet/matchRow';
import { planUpsert } from '../../core/sheet/planUpsert';
import {
  AUDIT_COLUMNS,
  CATEGORY_COLUMNS,
  type ColumnDef,
  MATCH_COLUMNS,
  RULE_COLUMNS,
  type SheetRecord,
  SUMMARY_COLUMNS,
  TRANSACTION_COLUMNS,
} from '../../core/sheet/workbookLayout';
import type { ReadTab } from './readWorkbook';
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
 * Fresh records for a computed tab, keeping the bookkeeper's cells of rows that are still there (by
 * `key`). With `keepOthers`, rows the bookkeeper added (a key the run did not produce) stay too.
 */
function keepBookkeeperCells(
  records: SheetRecord[],
  columns: readonly ColumnDef[],
  key: string,
  existing: ReadTab | undefined,
  keepOthers = false,
): SheetRecord[] {
  if (!existing) return records;
  const index = indexHeader(existing.header, columns);
  const at = index.positions.get(key);
  if (at === undefined) return records;
  const kept = columns.filter((c) => c.owner === 'bookkeeper' && index.positions.has(c.key));
  const ownCells = (row: readonly unknown[]) => {
    const cells: SheetRecord = {};
    for (const c of kept) {
      const value = row[index.positions.get(c.key)!];
      if (value !== null && value !== undefined && value !== '') cells[c.key] = value as SheetRecord[string];
    }
    return cells;
  };
  const byKey = new Map(existing.rows.map((row) => [String(row[at] ?? ''), row]));
  const merged = records.map((r) => {
    const old = byKey.get(String(r[key] ?? ''));
    return old ? { ...r, ...ownCells(old) } : r;
  });
  if (!keepOthers) return merged;
  const produced = new Set(records.map((r) => String(r[key] ?? '')));
  const others = existing.rows.filter((row) => {
    const k = String(row[at] ?? '');
    return k !== '' && !produced.has(k);
  });
  return [...merged, ...others.map(ownCells)];
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
  const matchRecords = keepBookkeeperCells(
    // Links first, then what needs a look, then the processor roll-ups that support them.
    [
      ...run.matches.filter((m) => m.type !== 'payout-rollup').map((m) => matchToRow(m, byId)),
      ...run.discrepancies.map((d) => discrepancyToRow(d, byId)),
      ...run.matches.filter((m) => m.type === 'payout-rollup').map((m) => matchToRow(m, byId)),
    ],
    MATCH_COLUMNS,
    'matchId',
    existing?.get('Matches'),
  );
  const categoryRecords = keepBookkeeperCells(
    categoryRows(run.transactions, {
      ...(input.overrides ? { overrides: input.overrides } : {}),
      ...(input.categories ? { known: input.categories } : {}),
    }),
    CATEGORY_COLUMNS,
    'category',
    existing?.get('Categories'),
    true,
  );
  const summary = buildSummary({
    transactions: run.transactions,
    balances: run.balances,
    unmatchedIds: run.unmatched.map((t) => t.id),
  });

  const oldRules = existing?.get('Rules');
  const rulesTab: SheetTab =
    oldRules && !(input.replaceRules && input.rulesTab)
      ? {
          name: 'Rules',
          columns: RULE_COLUMNS,
          header: oldRules.header,
          rows: oldRules.rows,
        }
      : (input.rulesTab ?? tabFromRecords('Rules', RULE_COLUMNS, []));

  const audit = auditRow({
    at: input.now,
    actor: input.actor,
    action: 'reconcile',
    batchId: input.batchId,
    added: plan.added,
    updated: plan.updated,
    skipped: plan.skipped,
    detail: `${run.files.map((f) => f.name).join(', ')}: ${run.matches.length} matches, ${run.discrepancies.length} discrepancies, ${run.unmatched.length} unmatched`,
  });
  const oldAudit = existing?.get('Audit');
  const auditHeader = headerWithLayout(oldAudit, AUDIT_COLUMNS);
  const auditIndex = indexHeader(auditHeader, AUDIT_COLUMNS);
  const auditCells = auditHeader.map((_, i) => {
    const key = [...auditIndex.positions].find(([, at]) => at === i)?.[0];
    return key ? (audit[key] ?? null) : null;
  });

  return {
    tabs: [
      { name: 'Transactions', columns: TRANSACTION_COLUMNS, header, rows },
      tabFromRecords('Matches', MATCH_COLUMNS, matchRecords),
      { ...rulesTab, name: 'Rules' },
      tabFromRecords('Categories', CATEGORY_COLUMNS, categoryRecords),
      tabFromRecords('Summary', SUMMARY_COLUMNS, summary.map(summaryToRow)),
      {
        name: 'Audit',
        columns: AUDIT_COLUMNS,
        header: auditHeader,
        rows: [...(oldAudit?.rows ?? []), auditCells],
      },
    ],
    upsert: { added: plan.added, updated: plan.updated, skipped: plan.skipped },
  };
}
