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
  /** Currency for files that state none (most bank CSVs, QIF). */
  currency?: string;
  /** Explicit CSV columns, when detection from headers and values is not wanted. */
  csvMapping?: CsvMapping;
  /** As-of date for year-less or relative dates (`Nov 21`, `Yesterday`). */
  asOf?: string;
};

export type ImportOutcome =
  | {
      ok: true;
      format: string;
      transactions: Transaction[];
      balances: StatementBalance[];
      accounts: Account[];
      warnings: Problem[];
    }
  | { ok: false; problems: Problem[] };

/** What one importer reads from one file, before ids are assigned. */
export type ParsedFile = {
  drafts: TransactionDraft[];
  balances: StatementBalance[];
  accounts: Account[];
  warnings: Problem[];
};

/** What every importer is told about the file it reads. */
export type ImportContext = {
  file: string;
  capturedAt: string;
  options: ImportOptions;
};

export const emptyParsedFile = (): ParsedFile => ({ drafts: [], balances: [], accounts: [], warnings: [] });
