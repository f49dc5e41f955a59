import { type Problem, problem } from '../../model/problem';
import type { Result } from '../../model/result';
import type { TransactionStatus } from '../../model/transaction';
import type { ImportContext, ParsedFile } from '../importTypes';
import { finishProcessorFile, processorAccount } from './processorFile';
import { ROLE_NAMES } from './processorRoles';
import { currencyProblems, readProcessorTable, rowProblems } from './processorTable';

const ID = [...ROLE_NAMES.id, ...ROLE_NAMES.depositId];
const AMOUNT = [...ROLE_NAMES.amount, ...ROLE_NAMES.net];
const ARRIVAL = ROLE_NAMES.arrival;
const CREATED = ROLE_NAMES.created;
const CURRENCY = ROLE_NAMES.currency;
const STATUS = ROLE_NAMES.status;
const DESTINATION = ROLE_NAMES.destination;
const DESCRIPTION = [...ROLE_NAMES.description, 'statement descriptor'];
const BALANCE_TXN = ['balance transaction'];

/** Stripe payout statuses: `paid` arrived; `pending`/`in_transit` are on their way; the rest moved nothing. */
function payoutStatus(text: string): TransactionStatus | 'failed' {
  const s = text
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
  if (s === '' || s === 'paid' || s === 'succeeded') return 'posted';
  if (s === 'pending' || s === 'in transit') return 'pending';
  return 'failed';
}

/**
 * Stripe's Payouts export (Dashboard → Payouts → Export): one payout per row, `po_…` id, Amount,
 * Arrival Date, Status, Destination. Each row is money leaving the Stripe balance for the bank — a
 * payout (negative on the Stripe account), with the `po_…` id as both externalId and payoutId so the
 * matcher links it to the bank's deposit and to the balance lines it settled. Dated by the arrival
 * date, when the bank sees it; failed and cancelled payouts moved nothing and are skipped with a notice.
 */
export function importStripePayouts(text: string, ctx: ImportContext): Result<ParsedFile> {
  const read = readProcessorTable(text, ctx, [ID, AMOUNT, CURRENCY]);
  if (!read.ok) return read;
  const t = read.value;
  const dateColumn = t.has(ARRIVAL) ? ARRIVAL : CREATED;
  const dates = t.dates(dateColumn);
  const out: ParsedFile = { drafts: [], balances: [], accounts: [], warnings: [] };
  const skipped: Problem[] = [];
  const institution = ctx.options.institution ?? 'stripe';
  t.body.forEach((record, r) => {
    const row = r + 1;
    const where = { file: ctx.file, line: record.line, row };
    const id = t.cell(record, ID);
    const status = payoutStatus(t.cell(record, STATUS));
    if (status === 'failed') {
      out.warnings.push(
        problem(
          'not_settled',
          `payout ${id || row} is "${t.cell(record, STATUS)}" and moved no money; skipped`,
          {
            ...where,
            field: 'Status',
          },
        ),
      );
      return;
    }
    const currency = t.cell(record, CURRENCY).toUpperCase();
    const amount = t.money(record, AMOUNT, currency);
    const date = dates[r];
    const problems = rowProblems(ctx.file, record, row, [
      ['date', date],
      ['amount', amount],
    ]);
    problems.push(...currencyProblems(currency, where));
    if (problems.length > 0 || !date?.ok || !amount?.ok) {
      skipped.push(...problems);
      return;
    }
    const account = processorAccount(out, ctx, institution, 'Stripe', currency);
    const destination = t.cell(record, DESTINATION);
    const description = t.cell(record, DESCRIPTION);
    const balanceTxn = t.cell(record, BALANCE_TXN);
    out.drafts.push({
      institution,
      account,
      date: date.value,
      description: description || (destination ? `Stripe payout to ${destination}` : 'Stripe payout'),
      // The export shows what the bank receives (positive); on the Stripe balance it is money out.
      amount: { ...amount.value, minor: amount.value.minor === 0 ? 0 : -amount.value.minor },
      status,
      kind: 'payout',
      origin: { file: ctx.file, row, capturedAt: ctx.capturedAt },
      ...(id ? { externalId: id, payoutId: id } : {}),
      ...(balanceTxn || destination
        ? { memo: [destination && `to ${destination}`, balanceTxn].filter(Boolean).join(' · ') }
        : {}),
    });
  });
  return finishProcessorFile(out, skipped, t, ctx.file);
}
