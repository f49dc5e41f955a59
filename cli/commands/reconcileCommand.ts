import { basename, resolve } from 'node:path';
import { describeImportReport } from '../../core/formats/describeImportReport';
import type { ImportOptions } from '../../core/formats/importTypes';
import { describeProblem } from '../../core/model/problem';
import { accountOption } from '../accountOption';
import { type Command, EXIT } from '../command';
import { nodeSha256Hex } from '../nodeSha256Hex';
import { parseOptions } from '../parseOptions';
import { UsageError } from '../usageError';
import { describeReceivables } from '../workbook/describeReceivables';
import { describeRun } from '../workbook/describeRun';
import { readRulesFile } from '../workbook/readRulesFile';
import { receivablesJson } from '../workbook/receivablesJson';
import { reconcileJson } from '../workbook/reconcileJson';

const DEFAULT_OUT = 'reconciliation.xlsx';

const usage = `Usage: ledgerbridge reconcile FILE… [--out book.xlsx] [--json] [--rules rules.json] [options]

Imports bank and processor files (OFX/QFX, QIF, CAMT.053, bank CSV, Stripe, PayPal, Square
exports), saved portal pages (.html), and transactions as JSON (an exported Batch, or what
\`ledgerbridge capture\` and \`import\` print), categorizes, matches payouts to deposits, transfers
and duplicates, and writes the reconciliation workbook (Transactions, Matches, Rules,
Categories, Summary, Audit).

  --out FILE          the .xlsx to write (default ${DEFAULT_OUT} unless --json is given);
                      an existing book is updated in place: only Ledgerbridge's cells change;
                      the bookkeeper's tabs, columns, notes, formats, overrides, decisions and
                      Rules tab are kept. Written atomically, under a lock (book.xlsx.lock)
  --json              print { transactions, matches, unmatched, discrepancies } as JSON; every
                      match lists its members by id, externalId and origin
  --rules FILE        categorization rules (a JSON array of rules); they also fill the Rules tab.
                      Without it, an existing book's Rules tab is used
  --url URL           the address saved pages (.html) were captured at, for pages that do not
                      say (a browser's "saved from url" comment or a canonical link)
  --period-end DATE   YYYY-MM-DD; payouts not in the bank by then are in transit
                      (default: the latest statement balance date)
  --account FILE=NAME the account of one file (repeatable); FILE as given or its base name.
                      Each file belongs to one account: from its own data (OFX, CAMT, QIF),
                      else --account, else its name as banks name downloads
                      (checking_4417_2026-11.csv, savings_4421.csv, an IBAN), else its balances
                      continuing another file's. Files of different accounts are never merged;
                      several files that name no account and that nothing tells apart stop the
                      run with an error naming them (exit 1)
  --institution NAME, --account NAME, --currency CODE, --as-of DATE
                      for files that do not say (bank CSV, QIF); --as-of is also the day
                      invoices are aged and accounts checked (default: the data's last day)
  --invoices FILE…    invoice lists (QuickBooks, Xero, FreshBooks, Wave, Stripe, Square, PayPal
                      exports or a list kept by hand, CSV): payments are matched to them and
                      --json adds { invoices, alerts }; name them after the other files
  --rhythm ACCOUNT=DAYS
                      how often an account is expected to get new data (default 7 days, or
                      twice its usual gap between active days); repeatable
`;

function parseArgs(argv: readonly string[]) {
  const { values, positionals: files } = parseOptions(listAfter(argv, '--invoices'), {
    out: { type: 'string' },
    json: { type: 'boolean' },
    rules: { type: 'string' },
    url: { type: 'string' },
    'period-end': { type: 'string' },
    institution: { type: 'string' },
    account: { type: 'string', multiple: true },
    currency: { type: 'string' },
    'as-of': { type: 'string' },
    invoices: { type: 'string', multiple: true },
    rhythm: { type: 'string', multiple: true },
  });
  for (const [name, value] of Object.entries(values))
    if (value === '' || (Array.isArray(value) && value.includes('')))
      throw new UsageError(`--${name} needs a value`);
  if (files.length === 0) throw new UsageError('name at least one file to reconcile');
  for (const key of ['period-end', 'as-of'] as const) {
    const v = values[key];
    if (v !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(v))
      throw new UsageError(`--${key} takes a date as YYYY-MM-DD, not "${v}"`);
  }
  const rhythmDays: Record<string, number> = {};
  for (const r of values.rhythm ?? []) {
    const m = /^(.+)=(\d+)$/.exec(r);
    if (!m) throw new UsageError(`--rhythm takes ACCOUNT=DAYS (e.g. "Savings ••4421=30"), not "${r}"`);
    rhythmDays[m[1]!] = Number(m[2]);
  }
  return { files, json: values.json ?? false, values, rhythmDays };
}

/** `--invoices a.csv b.csv`: the names after the flag, up to the next option, are all its values. */
function listAfter(argv: readonly string[], flag: string): string[] {
  const out: string[] = [];
  let inList = false;
  for (const arg of argv) {
    if (arg === flag) inList = true;
    else if (arg.startsWith('-')) inList = false;
    else if (inList) {
      out.push(`${flag}=${arg}`);
      continue;
    }
    if (arg !== flag) out.push(arg);
  }
  return out;
}

export const reconcileCommand: Command = {
  name: 'reconcile',
  summary: 'import files, categorize, match payouts to deposits, write the workbook',
  usage,
  async run(argv, io) {
    const args = parseArgs(argv);
    const v = args.values;
    const out = v.out ?? (args.json ? undefined : DEFAULT_OUT);
    const accounts = accountOption(v.account, args.files, io.cwd);
    // reconcileToBook reads files under their base names.
    const accountByFile = Object.fromEntries(
      [...accounts.byIndex].map(([i, name]) => [basename(args.files[i]!), name]),
    );
    const importOptions: ImportOptions = {
      ...(v.institution ? { institution: v.institution } : {}),
      ...(accounts.all !== undefined ? { account: accounts.all } : {}),
      ...(accounts.byIndex.size > 0 ? { accountByFile } : {}),
      ...(v.currency ? { currency: v.currency.toUpperCase() } : {}),
      ...(v['as-of'] ? { asOf: v['as-of'] } : {}),
      sha256Hex: nodeSha256Hex,
    };
    // The workbook code (exceljs, linkedom for saved pages) loads only when a command runs.
    const { reconcileToBook } = await import('../workbook/reconcileToBook');
    const result = await reconcileToBook(
      args.files.map((f) => resolve(io.cwd, f)),
      {
        ...(out ? { out: resolve(io.cwd, out) } : {}),
        import: importOptions,
        ...(v.url ? { url: v.url } : {}),
        ...(v.rules ? { rules: await readRulesFile(resolve(io.cwd, v.rules)) } : {}),
        ...(v['period-end'] ? { periodEnd: v['period-end'] } : {}),
        now: new Date().toISOString(),
        actor: 'ledgerbridge-cli reconcile',
        onWait: (message) => io.stderr.write(`ledgerbridge reconcile: ${message}\n`),
        ...(v.invoices ? { invoices: v.invoices.map((f) => resolve(io.cwd, f)) } : {}),
        receivables: {
          ...(v['as-of'] ? { asOf: v['as-of'] } : {}),
          ...(v.currency ? { currency: v.currency.toUpperCase() } : {}),
          rhythmDays: args.rhythmDays,
        },
      },
    );
    for (const w of [...result.run.warnings, ...result.bookWarnings, ...result.receivables.warnings]) {
      io.stderr.write(`ledgerbridge reconcile: warning: ${describeProblem(w)}\n`);
    }
    // `imports`: what each file was read as, and why (the reports of `import --explain --json`).
    const imports = result.run.files.map((f) => f.report);
    if (args.json)
      io.stdout.write(
        `${JSON.stringify({ ...reconcileJson(result.run), ...receivablesJson(result.receivables), imports }, null, 2)}\n`,
      );
    else {
      io.stdout.write(
        `${[...describeRun(result.run), ...describeReceivables(result.receivables)].join('\n')}\n`,
      );
      io.stdout.write(
        `Files:\n${imports
          .flatMap((r) => describeImportReport(r))
          .map((l) => `  ${l}`)
          .join('\n')}\n`,
      );
      if (out && result.upsert) {
        const u = result.upsert;
        io.stdout.write(
          `Wrote ${out}: ${u.added} transactions added, ${u.updated} updated, ${u.skipped} unchanged\n`,
        );
      }
    }
    return EXIT.ok;
  },
};
