import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { BUILTIN_PROFILES } from '../../core/capture/builtinProfiles';
import {
  type CaptureDiagnostics,
  CURRENCY_ASSUMED,
  SIGN_CONVENTIONS,
  type SignConvention,
} from '../../core/capture/captureDiagnostics';
import { capturePage } from '../../core/capture/capturePage';
import { describeCapture } from '../../core/capture/describeCapture';
import { isRelativeDate } from '../../core/dates/parseDate';
import { isCurrencyCode } from '../../core/model/currency';
import { LedgerbridgeError } from '../../core/model/errors';
import { IsoDate } from '../../core/model/isoDate';
import { ColumnMapping } from '../../core/model/profile';
import { toTransactionJson } from '../../core/model/transactionJson';
import { type Command, EXIT } from '../command';
import { readSavedPage } from '../pages/readSavedPage';
import { parseOptions } from '../parseOptions';
import { UsageError } from '../usageError';

const usage = `Usage: ledgerbridge capture PAGE.html --url URL [--as-of YYYY-MM-DD] [--currency CODE] [--explain] [--json] [--mapping JSON]

Reads the transactions shown on a saved bank or processor portal page (as if captured at URL)
and prints them as a JSON array (the Transaction wire contract: date, description, amount as a
signed decimal string, currency, status, kind, externalId, origin, ...).

Options:
  --url URL          the address the page was saved from: recorded in origin.url and used to
                     pick a portal profile (Stripe, Square, PayPal, Chase, ...); required unless
                     the saved file names it (an MHTML file, or a "saved from url" comment)
  --currency CODE    ISO 4217 currency for amounts the page shows without one (default: from the
                     page's language or address, else USD, said on stderr)
  --as-of DATE       the date "Today" and dates without a year are read against (default: the
                     day an MHTML file was saved, else today)
  --explain          print the capture diagnostics instead of the transactions, as readable text
                     on stdout: profile or generic path, the column mapping chosen, rows skipped
                     and why, confidence, drift warnings
  --json             with --explain: print the diagnostics as one JSON object on stdout instead
  --mapping JSON     a corrected column mapping, e.g. '{"date":"Posted","amount":"#4"}'; columns
                     are named by header text, by 1-based position (#4) or by a cell class (.amt)
  --sign CONVENTION  how the page's signs run, overriding what its cues say: as-shown (a minus is
                     money out), card-flipped (purchases shown positive are money out), or
                     payouts-flipped (payouts shown positive leave the processor balance)

PAGE may be saved as "Webpage, HTML only", "Webpage, Complete" (frames are read from its _files
folder) or "Webpage, Single File" (.mhtml); it is read in its own encoding (meta charset, else
UTF-8, else windows-1252, said on stderr).

When a self-check fails (running balance, a count or a total the page shows) the transactions are
still printed and a warning naming the rows goes to stderr.

When no transactions are found the reason goes to stderr and the exit code is 1.
`;

type Args = {
  file: string;
  url?: string;
  asOf?: string;
  currency?: string;
  explain: boolean;
  json: boolean;
  mapping?: ColumnMapping;
  sign?: SignConvention;
};

function parseArgs(argv: string[]): Args {
  const { values, positionals } = parseOptions(argv, {
    url: { type: 'string' },
    'as-of': { type: 'string' },
    currency: { type: 'string' },
    explain: { type: 'boolean' },
    json: { type: 'boolean' },
    mapping: { type: 'string' },
    sign: { type: 'string' },
  });
  const { url, 'as-of': asOf, sign } = values;
  if (positionals.length > 1)
    throw new UsageError(`one page at a time (got ${positionals[0]} and ${positionals[1]})`);
  const file = positionals[0];
  if (sign !== undefined && !(SIGN_CONVENTIONS as readonly string[]).includes(sign))
    throw new UsageError(`--sign must be one of ${SIGN_CONVENTIONS.join(', ')}, got ${sign}`);
  if (!file) throw new UsageError('which page? give PAGE.html');
  if (asOf !== undefined && !IsoDate.safeParse(asOf).success) {
    throw new UsageError(`--as-of must be a date as YYYY-MM-DD, got ${asOf}`);
  }
  const currency = values.currency?.toUpperCase();
  if (currency !== undefined && !isCurrencyCode(currency))
    throw new UsageError(`--currency must be an ISO 4217 code such as EUR, got ${values.currency}`);
  const mapping = values.mapping === undefined ? undefined : parseMapping(values.mapping);
  return {
    file,
    ...(url ? { url } : {}),
    explain: values.explain ?? false,
    json: values.json ?? false,
    ...(asOf ? { asOf } : {}),
    ...(currency ? { currency } : {}),
    ...(mapping ? { mapping } : {}),
    ...(sign ? { sign: sign as SignConvention } : {}),
  };
}

function parseMapping(text: string): ColumnMapping {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UsageError(`--mapping is not JSON: ${text}`);
  }
  const checked = ColumnMapping.safeParse(parsed);
  if (!checked.success) throw new UsageError(`--mapping: ${checked.error.issues[0]?.message ?? 'invalid'}`);
  return checked.data;
}

export const captureCommand: Command = {
  name: 'capture',
  summary: 'read the transactions on a saved portal page (HTML) as JSON',
  usage,
  async run(argv, io) {
    const args = parseArgs(argv);
    const path = resolve(io.cwd, args.file);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (error) {
      throw new LedgerbridgeError(
        `cannot read ${args.file}: ${(error as Error).message}`,
        'file_unreadable',
        {
          cause: error,
        },
      );
    }
    const read = readSavedPage(bytes, besideThePage(path));
    if (!read.ok) {
      for (const p of read.problems) io.stderr.write(`ledgerbridge capture: ${args.file}: ${p.message}\n`);
      return EXIT.input;
    }
    for (const note of read.value.notes)
      io.stderr.write(`ledgerbridge capture: ${args.file}: warning: ${note}\n`);
    const html = read.value.html;
    const url = args.url ?? read.value.url;
    if (!url)
      throw new UsageError('--url is required (the address the page was saved from; this page does not say)');
    // linkedom is loaded here, not at start: the other commands and --help never need it.
    const { parseSavedPage } = await import('../parseSavedPage');
    const page = withoutInertParts(html);
    if (page.length > MAX_PAGE_CHARS) {
      io.stderr.write(
        `ledgerbridge capture: ${args.file}: the page is too large to capture (${megabytes(html.length)} MB, ${megabytes(page.length)} MB without scripts and embedded data; at most ${megabytes(MAX_PAGE_CHARS)} MB): save only the activity (or fewer rows per page) and capture again\n`,
      );
      return EXIT.input;
    }
    const result = capturePage(parseSavedPage(page), {
      url,
      profiles: BUILTIN_PROFILES,
      ...(args.asOf ? { asOf: args.asOf } : read.value.savedOn ? { asOf: read.value.savedOn } : {}),
      ...(args.mapping ? { mapping: args.mapping } : {}),
      ...(args.sign ? { signConvention: args.sign } : {}),
      ...(args.currency ? { defaultCurrency: args.currency } : {}),
    });
    const assumed = result.diagnostics.notes.find((n) => n.startsWith(CURRENCY_ASSUMED));
    if (assumed)
      io.stderr.write(`ledgerbridge capture: ${args.file}: warning: ${assumed} (pass --currency)\n`);
    // What the page did not decide (day/month order) and a list that goes on past this page.
    for (const note of result.diagnostics.notes.filter((n) => /^(?:assumed|partial):/.test(n)))
      io.stderr.write(`ledgerbridge capture: ${args.file}: warning: ${note}\n`);
    if (!args.asOf && !read.value.savedOn && readsRelativeDates(result.diagnostics)) {
      io.stderr.write(
        `ledgerbridge capture: ${args.file}: warning: dates such as "Today" were read against ${result.diagnostics.asOf}, the day of this run: pass --as-of with the day the page was saved\n`,
      );
    }
    if (args.explain) {
      io.stdout.write(
        args.json ? `${JSON.stringify(result.diagnostics, null, 2)}\n` : describeCapture(result.diagnostics),
      );
    } else if (result.transactions.length > 0) {
      io.stdout.write(`${JSON.stringify(result.transactions.map(toTransactionJson), null, 2)}\n`);
    }
    if (!args.explain) {
      // Rows that looked like transactions but could not be read: said, never dropped in silence.
      for (const skipped of result.diagnostics.skipped.filter((k) => !k.notTransaction))
        io.stderr.write(
          `ledgerbridge capture: ${args.file}, row ${skipped.row}: warning: row skipped: ${skipped.reason} (${JSON.stringify(skipped.text.slice(0, 60))})\n`,
        );
    }
    if (!args.explain && !result.diagnostics.verified) {
      for (const c of result.diagnostics.checks.filter((check) => !check.ok)) {
        const rows = c.rows.length > 0 ? ` (rows ${c.rows.join(', ')})` : '';
        io.stderr.write(`ledgerbridge capture: ${args.file}: warning: not verified: ${c.message}${rows}\n`);
      }
    }
    if (result.transactions.length === 0) {
      io.stderr.write(
        `ledgerbridge capture: ${args.file}: no transactions found: ${reason(result.diagnostics)}\n`,
      );
      return EXIT.input;
    }
    return EXIT.ok;
  },
};

/**
 * Beyond this the capture would take longer than a person waits (about 30 s for a page this big),
 * so it is refused with its size rather than left running.
 */
const MAX_PAGE_CHARS = 16 * 1024 * 1024;
const megabytes = (chars: number) => (chars / 1024 / 1024).toFixed(1);

/**
 * A saved page carries scripts, inline styles of frameworks and embedded images (data: URIs)
 * that hold no transactions; they are dropped before parsing, so only the page's content counts
 * toward its size. `<style>` elements stay: they say what is hidden.
 */
function withoutInertParts(html: string): string {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<noscript\b[^>]*>[\s\S]*?<\/noscript\s*>/gi, '')
    .replace(/\b(src|href|srcset|poster)\s*=\s*(["'])data:[^"']*\2/gi, '$1=$2$2')
    .replace(/url\(\s*(["']?)data:[^)]*\)/gi, 'url()');
}

/**
 * Files a "Webpage, Complete" page keeps beside it (`Page_files/…`), for its frames; nothing
 * outside the page's folder, nothing from the network.
 */
function besideThePage(page: string) {
  const folder = dirname(page);
  return (src: string): Uint8Array | undefined => {
    if (/^[a-z][\w+.-]*:/i.test(src) || src.startsWith('/')) return undefined;
    let name: string;
    try {
      name = decodeURIComponent(src.split(/[?#]/)[0]!);
    } catch {
      return undefined;
    }
    const file = resolve(folder, name);
    if (!file.startsWith(folder + sep)) return undefined;
    try {
      return readFileSync(file);
    } catch {
      return undefined;
    }
  };
}

const readsRelativeDates = (d: CaptureDiagnostics) =>
  d.rawRows.some((r) => r.cells.some((cell) => isRelativeDate(cell)));

const reason = (d: CaptureDiagnostics) => d.noTransactionsReason ?? 'unknown reason';
