import { assignIds } from '../ids/assignIds';
import { type Problem, problem } from '../model/problem';
import type { Result } from '../model/result';
import { importCamt053 } from './camt053/importCamt053';
import { decodeText } from './charset/decodeText';
import { importBankCsv } from './csv/importBankCsv';
import { type FileFormat, recognizeFormat } from './detectFormat';
import { importReport } from './importReport';
import type { AccountSource, ImportContext, ImportOptions, ImportOutcome, ParsedFile } from './importTypes';
import { importOfx } from './ofx/importOfx';
import { importPaypal } from './processors/importPaypal';
import {
  importSquareItems,
  importSquareTransactions,
  importSquareTransfers,
} from './processors/importSquare';
import { importStripe } from './processors/importStripe';
import { importStripePayments } from './processors/importStripePayments';
import { importStripePayouts } from './processors/importStripePayouts';
import { importQif } from './qif/importQif';

const IMPORTERS: Record<FileFormat, (text: string, ctx: ImportContext) => Result<ParsedFile>> = {
  ofx: importOfx,
  camt053: importCamt053,
  qif: importQif,
  stripe: importStripe,
  'stripe-payouts': importStripePayouts,
  'stripe-payments': importStripePayments,
  paypal: importPaypal,
  'square-items': importSquareItems,
  'square-transactions': importSquareTransactions,
  'square-transfers': importSquareTransfers,
  'bank-csv': importBankCsv,
};

const PROCESSOR_FORMATS: Partial<Record<FileFormat, string>> = {
  stripe: 'stripe',
  'stripe-payouts': 'stripe',
  'stripe-payments': 'stripe',
  paypal: 'paypal',
  'square-items': 'square',
  'square-transactions': 'square',
  'square-transfers': 'square',
};

/** Where the account of a file in this format comes from, before the file-name and balance checks. */
function accountSource(format: FileFormat, options: ImportOptions, text: string): AccountSource {
  if (options.account !== undefined) return options.accountSource ?? 'option';
  if (format === 'ofx' || format === 'camt053') return 'file data';
  // A QIF `!Account` block with its `N` name line names the account.
  if (format === 'qif' && /^!Account[^\n]*\n(?:[^^\n]*\n)*?N\S/m.test(text)) return 'file data';
  if (PROCESSOR_FORMATS[format]) return 'processor';
  return 'undecided';
}

const withFile =
  (file: string) =>
  (p: Problem): Problem =>
    p.file ? p : { ...p, file };

/**
 * One bank or processor file → transactions with stable ids, statement balances, accounts and
 * warnings. The character set and the format are read from the bytes (the name only breaks ties);
 * ids are assigned per file, so importing the same file again yields the same ids.
 */
export function importFile(
  file: { name: string; bytes: Uint8Array },
  options: ImportOptions = {},
): ImportOutcome {
  const { text } = decodeText(file.bytes);
  if (text.trim() === '')
    return { ok: false, problems: [problem('empty_file', 'the file is empty', { file: file.name })] };
  const recognized = options.csvMapping
    ? { ok: true as const, format: 'bank-csv' as const }
    : recognizeFormat(file.name, text);
  if (recognized && !recognized.ok) return { ok: false, problems: [withFile(file.name)(recognized.problem)] };
  if (!recognized) {
    return {
      ok: false,
      problems: [
        problem(
          'unknown_format',
          'not a format Ledgerbridge reads (OFX/QFX, QIF, CAMT.053, bank CSV, Stripe, PayPal or Square export)',
          { file: file.name, line: 1 },
        ),
      ],
    };
  }
  const { format } = recognized;
  const layout = 'layout' in recognized ? recognized.layout : undefined;
  const ctx: ImportContext = {
    file: file.name,
    capturedAt: options.capturedAt ?? new Date().toISOString(),
    options,
  };
  const parsed = IMPORTERS[format](text, ctx);
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map(withFile(file.name)) };
  const { drafts, balances, accounts, warnings, report: notes = {} } = parsed.value;
  if (drafts.length === 0 && warnings.length === 0) {
    warnings.push(problem('no_transactions', 'the file holds no transactions', { file: file.name }));
  }
  const transactions = assignIds(drafts, options.sha256Hex);
  // The file's one currency, unless its importer said it (a bank CSV does): no pass over the lines then.
  const currencies = new Set<string>();
  if (!notes.currency) for (const t of transactions) currencies.add(t.amount.currency);
  if (currencies.size === 1) {
    const code: string = currencies.values().next().value!;
    notes.currency = {
      code,
      source: warnings.some((w) => w.code === 'assumed_currency')
        ? 'assumed'
        : options.currency === code
          ? 'option'
          : 'file data',
    };
  }
  if (!notes.dateOrder && (format === 'ofx' || format === 'camt053')) notes.dateOrder = 'ymd';
  const processor = notes.processor ?? PROCESSOR_FORMATS[format];
  const variant = notes.variant ?? layout?.variant;
  return {
    ok: true,
    format,
    transactions,
    balances,
    accounts,
    warnings: warnings.map(withFile(file.name)),
    report: importReport(
      file.name,
      format,
      transactions,
      warnings,
      { ...notes, ...(processor ? { processor } : {}), ...(variant ? { variant } : {}) },
      accountSource(format, options, text),
      options.account !== undefined ? options.accountEvidence : undefined,
    ),
  };
}
