import type { Problem } from '../../model/problem';
import { problem } from '../../model/problem';
import { fail, ok, type Result } from '../../model/result';
import type { ImportContext, ParsedFile } from '../importTypes';
import { ROLE_NAMES } from './processorRoles';
import { currencyProblems, readProcessorTable, rowProblems } from './processorTable';
import { stripeKind } from './stripeKind';

const ID = [...ROLE_NAMES.balanceTransactionId, 'id'];
const CREATED = ROLE_NAMES.created;
const CURRENCY = ['currency'];
const GROSS = ['gross', 'amount'];
const NET = ['net'];
const CATEGORY = ['reporting_category', 'type'];
const DESCRIPTION = ['description'];
const PAYOUT = ['automatic_payout_id', 'payout_id', 'payout', 'transfer'];
const SOURCE = ['source_id', 'source'];
const INVOICE = ['invoice_id', 'invoice'];

/**
 * Stripe balance report and payout reconciliation exports (itemized or not): one balance
 * transaction per row, `txn_…` as externalId, gross/fee/net, `reporting_category` as kind, the
 * automatic payout that settled it as payoutId. Currency codes are lowercase in these files.
 */
export function importStripe(text: string, ctx: ImportContext): Result<ParsedFile> {
  const read = readProcessorTable(text, ctx, [ID, CREATED, CURRENCY, NET]);
  if (!read.ok) return read;
  const t = read.value;
  const dates = t.dates(CREATED);
  const out: ParsedFile = { drafts: [], balances: [], accounts: [], warnings: [] };
  const skipped: Problem[] = [];
  const institution = ctx.options.institution ?? 'stripe';
  t.body.forEach((record, r) => {
    const row = r + 1;
    const currency = t.cell(record, CURRENCY).toUpperCase();
    const net = t.money(record, NET, currency);
    const gross = t.money(record, GROSS, currency);
    const date = dates[r];
    const problems = rowProblems(ctx.file, record, row, [
      ['date', date],
      ['net', net],
      ['gross', gross, false],
    ]);
    problems.push(...currencyProblems(currency, { file: ctx.file, line: record.line, row }));
    if (problems.length > 0 || !date?.ok || !net?.ok) {
      skipped.push(...problems);
      return;
    }
    const category = t.cell(record, CATEGORY);
    const kind = stripeKind(category);
    const source = t.cell(record, SOURCE);
    const payout = t.cell(record, PAYOUT) || (kind === 'payout' && source.startsWith('po_') ? source : '');
    const account = ctx.options.account ?? `Stripe ${currency}`;
    if (!out.accounts.some((a) => a.account === account)) {
      out.accounts.push({ schemaVersion: 1, institution, account, currency, type: 'processor' });
    }
    out.drafts.push({
      institution,
      account,
      date: date.value,
      description: t.cell(record, DESCRIPTION) || category,
      amount: net.value,
      status: 'posted',
      kind,
      origin: { file: ctx.file, row, capturedAt: ctx.capturedAt },
      externalId: t.cell(record, ID),
      // The charge behind a balance line (`ch_…`), so the Payments export's row of it is known as the same sale.
      ...(/^(ch|py|pi)_/.test(source) ? { memo: source } : {}),
      ...(payout ? { payoutId: payout } : {}),
      // The charge and invoice ids are what invoices and disputes refer to (receivables match on them).
      ...memoOf(source === payout ? '' : source, t.cell(record, INVOICE)),
      ...(gross?.ok
        ? { gross: gross.value, fee: { minor: gross.value.minor - net.value.minor, currency } }
        : {}),
    });
  });
  if (out.drafts.length === 0 && skipped.length > 0) {
    return fail(
      problem('no_readable_rows', `none of the ${t.body.length} rows could be read`, { file: ctx.file }),
      ...skipped.slice(0, 20),
    );
  }
  out.warnings.push(...skipped);
  out.report = t.notes();
  return ok(out);
}

function memoOf(...ids: string[]): { memo?: string } {
  const memo = ids.filter(Boolean).join(' ');
  return memo ? { memo } : {};
}
