import { decodeText } from '../../core/formats/charset/decodeText';
import type { ImportOutcome } from '../../core/formats/importTypes';
import { type Problem, problem } from '../../core/model/problem';
import { fail, ok, type Result } from '../../core/model/result';
import { importInvoices } from '../../core/receivables/importInvoices';
import type { StoredInvoice } from '../db/schema';
import type { InvoicesImported } from '../messages/responses';
import type { BackgroundDeps } from './deps';

/** Problems that say the file has no invoice-list columns at all: it is some other file. */
const NOT_INVOICES = new Set(['not_an_invoice_list', 'no_header']);

/**
 * A dropped file read as an invoice list, or undefined when it is not one. A file the bank reader
 * recognizes as a specific format (OFX, a Stripe or PayPal export…) is that, even when it has an
 * invoice-number column; an invoice list otherwise reads as a generic bank CSV of dates and amounts,
 * so there the invoice columns decide.
 */
export async function importInvoiceList(
  deps: BackgroundDeps,
  name: string,
  bytes: Uint8Array,
  asBank: ImportOutcome,
): Promise<Result<InvoicesImported> | undefined> {
  if (asBank.ok && asBank.format !== 'bank-csv') return undefined;
  const text = decodeText(bytes).text;
  const currency = await booksCurrency(deps);
  const read = importInvoices(text, { file: name, ...(currency ? { currency } : {}) });
  if (!read.ok) {
    if (read.problems.some((p) => NOT_INVOICES.has(p.code))) return undefined;
    return fail(...read.problems.map((p) => (p.code === 'currency_undecided' ? noCurrency(name) : p)));
  }

  const { invoices, warnings } = read.value;
  const importedAt = deps.now().toISOString();
  const known = new Set(
    (await deps.db.invoices.bulkGet(invoices.map((i) => i.number))).flatMap((i) => (i ? [i.number] : [])),
  );
  const rows: StoredInvoice[] = invoices.map((i) => ({ ...i, importedAt }));
  await deps.db.invoices.bulkPut(rows);
  return ok({
    kind: 'invoices',
    file: name,
    ...(read.value.report.system ? { system: read.value.report.system } : {}),
    invoices: invoices.length,
    added: invoices.filter((i) => !known.has(i.number)).length,
    updated: invoices.filter((i) => known.has(i.number)).length,
    skipped: warnings.map(withFile(name)),
  });
}

/** The currency of a list that names none: the books' own, when the stored lines have only one. */
async function booksCurrency(deps: BackgroundDeps): Promise<string | undefined> {
  const currencies = new Set<string>();
  await deps.db.transactions.each((t) => {
    currencies.add(t.amount.currency);
  });
  return currencies.size === 1 ? [...currencies][0] : undefined;
}

/** The CLI's wording names its --currency option; here the stored bank lines decide. */
const noCurrency = (file: string) =>
  problem(
    'currency_undecided',
    'the invoice list names no currency, and the stored transactions do not decide one (none yet, or several currencies): import the bank file first, or add a Currency column to the list',
    { file },
  );

const withFile =
  (file: string) =>
  (p: Problem): Problem =>
    p.file ? p : { ...p, file };
