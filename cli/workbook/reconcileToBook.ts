import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type ExcelJS from 'exceljs';
import type { ImportOptions } from '../../core/formats/importTypes';
import { InputError, LedgerbridgeError } from '../../core/model/errors';
import type { Problem } from '../../core/model/problem';
import type { Rule } from '../../core/model/rule';
import { DEFAULT_CATEGORIES, STARTER_RULES } from '../../core/rules/defaultCategories';
import type { CategoryInfo } from '../../core/sheet/categoryRows';
import { ruleCategories, rulesToRecords } from '../../core/sheet/ruleRows';
import { RULE_COLUMNS } from '../../core/sheet/workbookLayout';
import { buildWorkbookTabs } from './buildWorkbookTabs';
import { type ExistingBook, readExistingBook } from './readExistingBook';
import { loadWorkbook, readTabs } from './readWorkbook';
import { type ReceivablesOptions, type RunReceivables, receivablesOfRun } from './receivablesOfRun';
import { type ReconcileRun, reconcileFiles } from './reconcileFiles';
import { withBookLock } from './withBookLock';
import { writeFileAtomically } from './writeFileAtomically';
import { tabFromRecords, writeWorkbook } from './writeWorkbook';

export type ReconcileToBookOptions = {
  /** Where to write the workbook; when it exists it is read first and updated, not replaced blindly. */
  out?: string;
  /** Write `out` afresh even when it exists (the demo). */
  replace?: boolean;
  import?: ImportOptions;
  /** The address saved portal pages were captured at, when they do not say. */
  url?: string;
  periodEnd?: string;
  /** Rules from a file: applied, and written to the Rules tab in place of the book's (default: the book's, else the starter rules). */
  rules?: readonly Rule[];
  /** ISO 8601 time of this write (the Audit tab). */
  now: string;
  actor: string;
  /** Told when another run holds the book and this one waits for it. */
  onWait?: (message: string) => void;
  /** How long to wait for another run's lock on `out` (ms; default in withBookLock). */
  lockWaitMs?: number;
  /** Invoice lists to settle against the run's payments. */
  invoices?: readonly string[];
  /** As-of day, per-account rhythm and the invoices' currency (see receivablesOfRun). */
  receivables?: Omit<ReceivablesOptions, 'invoiceFiles' | 'bookInvoices' | 'decisions'>;
};

export type ReconcileToBookResult = {
  run: ReconcileRun;
  upsert?: { added: number; updated: number; skipped: number };
  /** Rows of an existing book that could not be read (left as they were). */
  bookWarnings: Problem[];
  /** Invoices settled, aging and alerts. */
  receivables: RunReceivables;
};

const GROUP_OF = new Map(DEFAULT_CATEGORIES.map((c) => [c.name, c.group]));

/** The Categories tab's list: the whole starter chart with the starter rules, else what the rules set. */
function knownCategories(rules: readonly Rule[]): CategoryInfo[] {
  const names =
    rules === STARTER_RULES
      ? DEFAULT_CATEGORIES.map((c) => c.name)
      : ruleCategories(rules).map((c) => c.category);
  return names.map((category) => {
    const group = GROUP_OF.get(category);
    return group ? { category, group } : { category };
  });
}

/** The whole `reconcile`: read the files (and the book at `out`), reconcile, write the book. */
export async function reconcileToBook(
  paths: readonly string[],
  options: ReconcileToBookOptions,
): Promise<ReconcileToBookResult> {
  const files = await Promise.all(paths.map(readInputFile));
  const invoiceFiles = await Promise.all((options.invoices ?? []).map(readInputFile));
  const out = options.out;
  if (!out) {
    const run = reconcileRun(files, options);
    return { run, bookWarnings: [], receivables: settle(run, invoiceFiles, options) };
  }
  // Read, reconcile and write under one lock: a second run sees this run's rows, never loses them.
  return withBookLock(out, () => reconcileIntoBook(files, invoiceFiles, out, options), {
    command: options.actor,
    ...(options.onWait ? { onWait: options.onWait } : {}),
    ...(options.lockWaitMs !== undefined ? { waitMs: options.lockWaitMs } : {}),
  });
}

type InputFile = { name: string; bytes: Uint8Array };

async function readInputFile(path: string): Promise<InputFile> {
  try {
    return { name: basename(path), bytes: new Uint8Array(await readFile(path)) };
  } catch (error) {
    throw new LedgerbridgeError(
      `${path}: cannot read the file (${(error as Error).message})`,
      'unreadable_file',
      {
        cause: error,
      },
    );
  }
}

/** Settles the invoice lists against the run; an unreadable list stops the run like any other file. */
function settle(
  run: ReconcileRun,
  invoiceFiles: InputFile[],
  options: ReconcileToBookOptions,
  book?: ExistingBook,
): RunReceivables {
  const receivables = receivablesOfRun(run, {
    invoiceFiles,
    ...options.receivables,
    ...(book ? { bookInvoices: book.invoices, decisions: book.invoiceDecisions } : {}),
  });
  if (receivables.problems.length > 0) throw new InputError(receivables.problems);
  return receivables;
}

function reconcileRun(files: InputFile[], options: ReconcileToBookOptions, book?: ExistingBook) {
  return reconcileFiles(files, {
    ...(options.import ? { import: options.import } : {}),
    ...(options.url ? { url: options.url } : {}),
    ...(book ? { existing: book.transactions, decisions: book.decisions } : {}),
    // A rules file wins, then the book's own Rules tab, then the starter rules.
    rules: options.rules ?? book?.rules ?? STARTER_RULES,
    ...(options.periodEnd ? { periodEnd: options.periodEnd } : {}),
  });
}

async function reconcileIntoBook(
  files: InputFile[],
  invoiceFiles: InputFile[],
  out: string,
  options: ReconcileToBookOptions,
): Promise<ReconcileToBookResult> {
  let book: ExistingBook | undefined;
  let base: ExcelJS.Workbook | undefined;
  if (!options.replace && existsSync(out)) {
    try {
      base = await loadWorkbook(new Uint8Array(await readFile(out)));
      book = readExistingBook(readTabs(base), basename(out));
    } catch (error) {
      throw new LedgerbridgeError(
        `${out}: exists but is not a workbook Ledgerbridge can update (${(error as Error).message})`,
        'unreadable_book',
        { cause: error },
      );
    }
  }
  const rules = options.rules ?? book?.rules ?? STARTER_RULES;
  const run = reconcileRun(files, options, book);
  const receivables = settle(run, invoiceFiles, options, book);
  const { tabs, upsert } = buildWorkbookTabs({
    run,
    ...(book ? { existing: book.tabs, overrides: book.overrides } : {}),
    rulesTab: tabFromRecords('Rules', RULE_COLUMNS, rulesToRecords(rules)),
    replaceRules: options.rules !== undefined,
    categories: knownCategories(rules),
    batchId: `${options.actor.split(' ')[0]}-${options.now}`,
    now: options.now,
    actor: options.actor,
    receivables,
    ...(book ? { invoiceStatuses: book.invoiceStatuses } : {}),
  });
  // The accountant's first question is whether the months tie out: open on the Summary.
  // Onto the book as it is: only the cells Ledgerbridge owns change, everything else stays.
  const bytes = await writeWorkbook(tabs, { activeTab: 'Summary', ...(base ? { base } : {}) });
  try {
    // Never half-written: a failed or killed write leaves the previous book as it was.
    await writeFileAtomically(out, bytes);
  } catch (error) {
    throw new LedgerbridgeError(
      `${out}: cannot write the workbook (${(error as Error).message})`,
      'unwritable_book',
      {
        cause: error,
      },
    );
  }
  return { run, upsert, bookWarnings: book?.warnings ?? [], receivables };
}
