import { reconcile } from '../../core/match/reconcile';
import type { Match } from '../../core/model/match';
import type { Problem } from '../../core/model/problem';
import { fail, ok, type Result } from '../../core/model/result';
import { auditRow } from '../../core/sheet/auditRow';
import { buildSummary, summaryToRow } from '../../core/sheet/buildSummary';
import { categoryRows } from '../../core/sheet/categoryRows';
import { discrepancyToRow, matchToRow, rowToDecision } from '../../core/sheet/matchRow';
import {
  AUDIT_COLUMNS,
  CATEGORY_COLUMNS,
  MATCH_COLUMNS,
  SUMMARY_COLUMNS,
} from '../../core/sheet/workbookLayout';
import { appendRecords } from './appendRecords';
import { knownCategories } from './knownCategories';
import { readTab } from './readTab';
import { readTransactions } from './readTransactions';
import { reconcileInvoices } from './reconcileInvoices';
import { replaceRecords } from './replaceRecords';
import type { Services } from './services';
import { workbookSheet } from './workbookSheet';

export type ReconcileOutcome = {
  invoices: number;
  /** Invoices with something still owed. */
  openInvoices: number;
  alerts: number;
  matches: number;
  suggested: number;
  discrepancies: number;
  unmatched: number;
  /** Rows of Transactions or Matches that could not be read; they were left out. */
  problems: Problem[];
  /** Time the matcher itself took. */
  matcherMs: number;
};

/**
 * Reconcile from the menu: reads Transactions and the bookkeeper's decisions in Matches, runs the
 * matcher, and rewrites Matches (decisions and notes stay with their match), the Categories totals
 * (the bookkeeper's categories and groups kept) and Summary.
 * The caller holds the document lock.
 */
export function reconcileWorkbook(services: Services, actor: string): Result<ReconcileOutcome> {
  const spreadsheet = services.SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const read = readTransactions(workbookSheet(services, spreadsheet, 'Transactions'), timeZone);
  const problems = [...read.problems];

  const matchesSheet = workbookSheet(services, spreadsheet, 'Matches');
  const matchesTab = readTab(matchesSheet, MATCH_COLUMNS, timeZone);
  const categoriesSheet = workbookSheet(services, spreadsheet, 'Categories');
  const categoriesTab = readTab(categoriesSheet, CATEGORY_COLUMNS, timeZone);
  const summarySheet = workbookSheet(services, spreadsheet, 'Summary');
  const summaryTab = readTab(summarySheet, SUMMARY_COLUMNS, timeZone);
  // A header the bookkeeper deleted would read as an empty book and clear every computed tab:
  // refuse, naming it, before writing anything (Set up puts it back).
  const damaged = [read.tab, matchesTab, categoriesTab, summaryTab].flatMap((t) => t.index.problems);
  if (damaged.length > 0) return fail(...damaged);
  const decisions: Match[] = [];
  matchesTab.rows.forEach((row, i) => {
    const decision = rowToDecision(row, matchesTab.index, { row: i + 2 });
    if (!decision.ok) problems.push(...decision.problems);
    else if (decision.value) decisions.push(decision.value);
  });

  const matching = services.now();
  const result = reconcile({ transactions: read.transactions, decisions });
  const matcherMs = services.now() - matching;
  // In the execution log: how long the matcher took, apart from the sheet's service calls.
  console.log(`Ledgerbridge reconcile: matcher ${matcherMs} ms for ${read.transactions.length} transactions`);
  const byId = new Map(read.transactions.map((t) => [t.id, t]));
  // Every match becomes a row, so each is made here, once.
  const matches = result.matches.toArray();
  // Links first, then what needs a look, then the processor roll-ups behind them (as the .xlsx has it).
  replaceRecords(
    matchesSheet,
    matchesTab,
    [
      ...matches.filter((m) => m.type !== 'payout-rollup').map((m) => matchToRow(m, byId)),
      ...result.discrepancies.map((d) => discrepancyToRow(d, byId)),
      ...matches.filter((m) => m.type === 'payout-rollup').map((m) => matchToRow(m, byId)),
    ],
    ['matchId'],
  );
  replaceRecords(
    categoriesSheet,
    categoriesTab,
    categoryRows(read.transactions, { overrides: read.overrides, known: knownCategories(categoriesTab) }),
    ['category'],
  );
  const lines = buildSummary({
    transactions: read.transactions,
    unmatchedIds: result.unmatched.map((t) => t.id),
  });
  replaceRecords(summarySheet, readTab(summarySheet, SUMMARY_COLUMNS, timeZone), lines.map(summaryToRow), [
    'institution',
    'account',
    'month',
    'currency',
  ]);

  const receivables = reconcileInvoices(services, spreadsheet, timeZone, read.transactions, matches);
  problems.push(...receivables.problems);

  const outcome: ReconcileOutcome = {
    invoices: receivables.invoices,
    openInvoices: receivables.open,
    alerts: receivables.alerts.length,
    matches: matches.length,
    suggested: matches.filter((m) => m.state === 'suggested').length,
    discrepancies: result.discrepancies.length,
    unmatched: result.unmatched.length,
    problems,
    matcherMs,
  };
  appendRecords(workbookSheet(services, spreadsheet, 'Audit'), AUDIT_COLUMNS, [
    auditRow({
      at: new Date(services.now()).toISOString(),
      actor,
      action: 'reconcile',
      added: 0,
      updated: 0,
      skipped: 0,
      detail: `${outcome.matches} matches (${outcome.suggested} to review), ${outcome.discrepancies} discrepancies, ${outcome.unmatched} unmatched${problems.length > 0 ? `, ${problems.length} rows unreadable` : ''}${receivables.changes.length > 0 ? `; invoices ${receivables.changes.join(', ')}` : ''}`,
    }),
  ]);
  return ok(outcome);
}
