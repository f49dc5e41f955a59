import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describeImportReport } from '../../core/formats/describeImportReport';
import { type FileToImport, importFiles } from '../../core/formats/importFiles';
import type { ImportOptions } from '../../core/formats/importTypes';
import { mergeTransactions } from '../../core/ids/mergeTransactions';
import { isCurrencyCode } from '../../core/model/currency';
import { InputError } from '../../core/model/errors';
import { describeProblem, type Problem, problem } from '../../core/model/problem';
import type { Transaction } from '../../core/model/transaction';
import { toTransactionJson } from '../../core/model/transactionJson';
import { accountOption } from '../accountOption';
import { type Command, EXIT } from '../command';
import { nodeSha256Hex } from '../nodeSha256Hex';
import { parseOptions } from '../parseOptions';
import { UsageError } from '../usageError';
import { streamImport } from './streamImport';

const usage = `Usage: ledgerbridge import FILE… [options]

Reads bank and payment-processor files and prints their transactions as one JSON array
(date, description, amount as a signed decimal string, currency, status, id, externalId, origin…).
Files that overlap are merged: a transaction found in several files is printed once, and two
identical lines within one file stay two.

Formats, detected from the content: OFX 1.x/2.x and QFX, QIF, CAMT.053 (versions 2 to 8), bank
CSV (columns detected from headers and values; ',' ';' or tab; decimal comma and day-first
dates decided per column), the Stripe balance / payout reconciliation report, the PayPal activity
download, the Square transactions and transfers exports. Character sets: UTF-8, UTF-16 (with or
without BOM), Windows-1252.

Options:
  --account FILE=NAME the account of one file (repeatable); FILE as given or its base name
  --account NAME      the account of every file that names none itself
                      Each file belongs to one account, decided from the file's own data (OFX
                      ACCTID, CAMT IBAN, QIF !Account), else --account, else its name as banks
                      name downloads (checking_4417_2026-11.csv, Chase4417_Activity.CSV,
                      savings_4421.csv, an IBAN), else its balances continuing another file's.
                      Files of different accounts are never merged; when several files name no
                      account and nothing tells them apart, the command stops naming them.
  --currency CODE     ISO 4217 currency for files that state none (most bank CSVs, QIF)
  --institution NAME  institution to record instead of the one the file names
  --mapping JSON      explicit CSV columns, inline JSON or a path to a .json file, e.g.
                      '{"date":"Booking date","amount":"Amount","description":["Payee","Memo"],
                        "dateOrder":"dmy","decimalSeparator":","}'
                      keys: date, description, amount | debit + credit, balance, currency,
                      status, reference, checkNumber, dateOrder (mdy|dmy), decimalSeparator,
                      delimiter, header (true|false), skipRows, negate
  --as-of YYYY-MM-DD  date that resolves year-less and relative dates ("Nov 21", "Yesterday")
  --explain           print what was decided per file instead of the transactions: recognized
                      as (format, processor, variant), the account and where it came from (file
                      data, option, file name, balance chain), currency, date order, the columns
                      used, rows read, imported and skipped with each one's reason
  --json              with --explain: the same as a JSON array of reports
  -h, --help          this text

Warnings (rows skipped, balances missing, currency assumed) go to stderr. A file that cannot be
read stops the command: stderr names the file and the line or element, exit code 1.
`;

type Flags = {
  account?: string[];
  currency?: string;
  institution?: string;
  mapping?: string;
  'as-of'?: string;
  explain?: boolean;
  json?: boolean;
};

function parseArgs(argv: string[]): { files: string[]; flags: Flags } {
  const { values, positionals } = parseOptions(argv, {
    account: { type: 'string', multiple: true },
    currency: { type: 'string' },
    institution: { type: 'string' },
    mapping: { type: 'string' },
    'as-of': { type: 'string' },
    explain: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  if (values.json && !values.explain)
    throw new UsageError('--json goes with --explain (the transactions are JSON already)');
  if (positionals.length === 0) throw new UsageError('no FILE given');
  return { files: positionals, flags: values };
}

async function readMapping(value: string, cwd: string): Promise<unknown> {
  const text = value.trimStart().startsWith('{')
    ? value
    : await readFile(resolve(cwd, value), 'utf8').catch(() => undefined);
  if (text === undefined) throw new UsageError(`--mapping: "${value}" is neither JSON nor a readable file`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--mapping: not valid JSON (${(error as Error).message})`);
  }
}

async function options(flags: Flags, cwd: string): Promise<ImportOptions> {
  const currency = flags.currency?.toUpperCase();
  if (currency !== undefined && !isCurrencyCode(currency)) {
    throw new UsageError(`--currency: "${flags.currency}" is not an ISO 4217 code such as USD`);
  }
  const asOf = flags['as-of'];
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf))
    throw new UsageError('--as-of: expected YYYY-MM-DD');
  const { mapping, institution } = flags;
  return {
    capturedAt: new Date().toISOString(),
    ...(institution !== undefined ? { institution } : {}),
    ...(currency ? { currency } : {}),
    ...(asOf ? { asOf } : {}),
    ...(mapping !== undefined
      ? { csvMapping: (await readMapping(mapping, cwd)) as ImportOptions['csvMapping'] }
      : {}),
  };
}

/** The wire form with its identity first, so the printed JSON reads top-down. */
function asJson(t: Transaction) {
  const { schemaVersion, id, ...rest } = toTransactionJson(t);
  return { schemaVersion, id, ...rest };
}

export const importCommand: Command = {
  name: 'import',
  summary: 'print the transactions of bank and processor files (OFX, QFX, QIF, CAMT.053, CSV) as JSON',
  usage,
  async run(argv, io) {
    const { files, flags } = parseArgs(argv);
    const opts = { ...(await options(flags, io.cwd)), sha256Hex: nodeSha256Hex };
    const accounts = accountOption(flags.account, files, io.cwd);
    if (accounts.all !== undefined) opts.account = accounts.all;
    if (files.length === 1) {
      // One large bank CSV streams through in bounded memory; everything else is read whole.
      const named = accounts.byIndex.get(0);
      const one = named !== undefined ? { ...opts, account: named } : opts;
      const streamed = await streamImport(files[0]!, resolve(io.cwd, files[0]!), one, io, asJson);
      if (streamed !== undefined) return streamed;
    }
    const toImport: FileToImport[] = [];
    const problems: Problem[] = [];
    for (const [i, name] of files.entries()) {
      try {
        const bytes = new Uint8Array(await readFile(resolve(io.cwd, name)));
        const account = accounts.byIndex.get(i);
        toImport.push({ name, bytes, ...(account !== undefined ? { account } : {}) });
      } catch (error) {
        problems.push(
          problem(
            'unreadable_file',
            `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
            { file: name },
          ),
        );
      }
    }
    if (problems.length > 0) throw new InputError(problems);
    const imported = importFiles(toImport, opts);
    if (!imported.ok) throw new InputError(imported.problems);
    if (flags.explain) {
      const reports = imported.value.flatMap(({ outcome }) => (outcome.report ? [outcome.report] : []));
      io.stdout.write(
        flags.json
          ? `${JSON.stringify(reports, null, 2)}\n`
          : `${reports.flatMap((r) => describeImportReport(r, { full: true })).join('\n')}\n`,
      );
    }
    const merged = new Map<string, Transaction>();
    for (const { outcome } of imported.value) {
      for (const w of outcome.warnings)
        io.stderr.write(`ledgerbridge import: warning: ${describeProblem(w)}\n`);
      const result = mergeTransactions(merged.values(), outcome.transactions);
      for (const { after } of result.changed) merged.set(after.id, after);
      for (const t of result.added) merged.set(t.id, t);
    }
    if (!flags.explain) io.stdout.write(`${JSON.stringify([...merged.values()].map(asJson), null, 2)}\n`);
    return EXIT.ok;
  },
};
