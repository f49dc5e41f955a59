import type { DateOrder } from '../dates/parseDate';
import type { Sha256Hex } from '../ids/sha256Hex';
import type { Account, StatementBalance } from '../model/account';
import type { Problem } from '../model/problem';
import type { Transaction, TransactionDraft } from '../model/transaction';
import type { CsvMapping } from './csv/csvMapping';

export type ImportOptions = {
  /** ISO timestamp recorded in every transaction's origin; defaults to now. */
  capturedAt?: string;
  /** Overrides the institution the file names (or `generic`). */
  institution?: string;
  /** Names the account for files that carry none (CSV, QIF) or that hold one account. */
  account?: string;
  /** The account of single files, by the name the file is imported under (`--account FILE=NAME`). */
  accountByFile?: Record<string, string>;
  /** How `account` was decided, for the report (default `option`), and the evidence in words. */
  accountSource?: AccountSource;
  accountEvidence?: string;
  /** Currency for files that state none (most bank CSVs, QIF). */
  currency?: string;
  /** Explicit CSV columns, when detection from headers and values is not wanted. */
  csvMapping?: CsvMapping;
  /** As-of date for year-less or relative dates (`Nov 21`, `Yesterday`). */
  asOf?: string;
  /** The platform's SHA-256 for ids (Node's is faster); the pure-JS one when left out. Same ids either way. */
  sha256Hex?: Sha256Hex;
};

/** Where a file's account came from, strongest first (see resolveAccounts). */
export type AccountSource =
  | 'file data'
  | 'option'
  | 'file name'
  | 'balance chain'
  | 'processor'
  /** Nothing decided it yet; the CLI refuses such files when they would be merged with others. */
  | 'undecided';

/** How a file was read: one import, said in words in `import --explain`, the reconcile summary, the Audit tab. */
export type ImportReport = {
  file: string;
  recognized: { format: string; processor?: string; variant?: string };
  /** The account the file's lines were booked to (several for a multi-account OFX/CAMT). */
  accounts: Array<{ name: string; source: AccountSource; evidence?: string }>;
  currency?: { code: string; source: 'file data' | 'column' | 'header' | 'amounts' | 'option' | 'assumed' };
  dateOrder?: DateOrder | 'ymd';
  /** Which column played which role (`date ← "Posting Date"`). */
  columns: Array<{ role: string; column: string }>;
  rowsRead: number;
  rowsImported: number;
  rowsSkipped: Array<{ line?: number; row?: number; reason: string }>;
  /** Lines that state a balance or a total, recognized and checked against the rows: not transactions. */
  statementLines?: string[];
};

/** What an importer adds to the report from inside the file; importFile fills the rest. */
export type ReportNotes = {
  processor?: string;
  variant?: string;
  /** The account number or IBAN the file itself states, when it states one. */
  accountInFile?: { name: string; evidence: string };
  currency?: ImportReport['currency'];
  dateOrder?: ImportReport['dateOrder'];
  columns?: ImportReport['columns'];
  rowsRead?: number;
  statementLines?: string[];
};

export type ImportOutcome =
  | {
      ok: true;
      format: string;
      transactions: Transaction[];
      balances: StatementBalance[];
      accounts: Account[];
      warnings: Problem[];
      /** Set by importFile; sources that are not files (JSON batches, saved pages) may leave it out. */
      report?: ImportReport;
    }
  | { ok: false; problems: Problem[] };

/** What one importer reads from one file, before ids are assigned. */
export type ParsedFile = {
  drafts: TransactionDraft[];
  balances: StatementBalance[];
  accounts: Account[];
  warnings: Problem[];
  report?: ReportNotes;
};

/** What every importer is told about the file it reads. */
export type ImportContext = {
  file: string;
  capturedAt: string;
  options: ImportOptions;
};

export const emptyParsedFile = (): ParsedFile => ({ drafts: [], balances: [], accounts: [], warnings: [] });
