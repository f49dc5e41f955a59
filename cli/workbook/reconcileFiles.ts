import { importFiles } from '../../core/formats/importFiles';
import { importReport } from '../../core/formats/importReport';
import type { ImportOptions, ImportReport } from '../../core/formats/importTypes';
import { mergeTransactions } from '../../core/ids/mergeTransactions';
import { reconcile } from '../../core/match/reconcile';
import type { StatementBalance } from '../../core/model/account';
import { InputError } from '../../core/model/errors';
import type { Discrepancy, Match } from '../../core/model/match';
import type { Problem } from '../../core/model/problem';
import type { Rule } from '../../core/model/rule';
import type { Transaction } from '../../core/model/transaction';
import { applyRules } from '../../core/rules/applyRules';
import { isPageFile } from '../pages/readSavedPage';
import { capturePageFile } from './capturePageFile';
import { isJsonFile, readJsonFile } from './readJsonFile';

export type InputFile = { name: string; bytes: Uint8Array };

export type ReconcileRunOptions = {
  import?: ImportOptions;
  /** The address saved portal pages (`.html`) were captured at, when the pages do not say. */
  url?: string;
  /** Transactions already in the book; the files are merged into them. */
  existing?: readonly Transaction[];
  /** The categorization rules, applied to every transaction (what the bookkeeper set by hand stays). */
  rules?: readonly Rule[];
  /** Confirmed and rejected matches from the book's Matches tab. */
  decisions?: readonly Match[];
  /** Defaults to the latest statement closing balance date, else the latest transaction date. */
  periodEnd?: string;
};

export type ReconcileRun = {
  transactions: Transaction[];
  balances: StatementBalance[];
  matches: Match[];
  discrepancies: Discrepancy[];
  unmatched: Transaction[];
  /** What the importers noticed but could live with; the caller shows them. */
  warnings: Problem[];
  periodEnd: string | undefined;
  /** Per file: the format read, how many transactions it held, and what the import decided. */
  files: Array<{ name: string; format: string; transactions: number; report: ImportReport }>;
};

const latest = (dates: readonly string[]): string | undefined =>
  dates.reduce<string | undefined>((a, d) => (a && a > d ? a : d), undefined);

/**
 * Imports the files, merges them into what the book already holds (stable ids: a line in two
 * overlapping statements is one line; a posted line replaces its pending one), categorizes, and
 * matches. Any file that cannot be read stops the run with an InputError naming file, line and field.
 */
export function reconcileFiles(files: readonly InputFile[], options: ReconcileRunOptions = {}): ReconcileRun {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const balances: StatementBalance[] = [];
  const read: ReconcileRun['files'] = [];
  const byId = new Map<string, Transaction>();
  for (const t of options.existing ?? []) byId.set(t.id, t);
  // Bank and processor files are imported together: each file's account is decided among all of them.
  const importable = files.filter((f) => !isPageFile(f.name) && !isJsonFile(f.name));
  const byFile = options.import?.accountByFile ?? {};
  const imported = importFiles(
    importable.map((f) => ({ ...f, ...(byFile[f.name] !== undefined ? { account: byFile[f.name]! } : {}) })),
    options.import,
  );
  if (!imported.ok) throw new InputError(imported.problems);
  const importedOutcome = new Map(imported.value.map((f, i) => [importable[i]!, f.outcome]));
  for (const file of files) {
    const outcome =
      importedOutcome.get(file) ??
      (isPageFile(file.name)
        ? capturePageFile(file, {
            ...(options.url ? { url: options.url } : {}),
            ...(options.import?.asOf ? { asOf: options.import.asOf } : {}),
            ...(options.import?.currency ? { currency: options.import.currency } : {}),
          })
        : readJsonFile(file));
    if (!outcome.ok) {
      problems.push(...outcome.problems);
      continue;
    }
    warnings.push(...outcome.warnings);
    balances.push(...outcome.balances);
    read.push({
      name: file.name,
      format: outcome.format,
      transactions: outcome.transactions.length,
      report:
        outcome.report ?? importReport(file.name, outcome.format, outcome.transactions, outcome.warnings),
    });
    const merged = mergeTransactions(byId.values(), outcome.transactions);
    for (const t of merged.added) byId.set(t.id, t);
    for (const { after } of merged.changed) byId.set(after.id, after);
  }
  if (problems.length > 0) throw new InputError(problems);

  const merged = [...byId.values()];
  let transactions = merged;
  if (options.rules && options.rules.length > 0) {
    const categorized = applyRules(merged, options.rules);
    transactions = categorized.transactions;
    warnings.push(...categorized.problems);
  }
  const periodEnd =
    options.periodEnd ??
    latest(balances.filter((b) => b.kind === 'closing').map((b) => b.date)) ??
    latest(transactions.map((t) => t.date));
  const result = reconcile({
    transactions,
    ...(options.decisions ? { decisions: options.decisions } : {}),
    ...(periodEnd ? { periodEnd } : {}),
  });
  // Every match is written out (workbook, JSON), so each is made here, once.
  return {
    transactions,
    balances,
    ...result,
    matches: result.matches.toArray(),
    warnings,
    periodEnd,
    files: read,
  };
}
