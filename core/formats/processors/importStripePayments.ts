import { type Problem, problem } from '../../model/problem';
import type { Result } from '../../model/result';
import type { ImportContext, ParsedFile } from '../importTypes';
import { finishProcessorFile, processorAccount } from './processorFile';
import { ROLE_NAMES } from './processorRoles';
import { currencyProblems, readProcessorTable, rowProblems } from './processorTable';

const ID = ROLE_NAMES.id;
const CREATED = ROLE_NAMES.created;
const AMOUNT = ROLE_NAMES.amount;
const REFUNDED = ROLE_NAMES.amountRefunded;
const REFUNDED_DATE = ROLE_NAMES.refundedDate;
const CURRENCY = ROLE_NAMES.currency;
const CONVERTED = ROLE_NAMES.convertedAmount;
const CONVERTED_REFUNDED = ['converted amount refunded'];
const CONVERTED_CURRENCY = ROLE_NAMES.convertedCurrency;
const FEE = ROLE_NAMES.fee;
const STATUS = ROLE_NAMES.status;
const DESCRIPTION = ROLE_NAMES.description;
const CUSTOMER = ['customer email', 'customer description', 'customer name'];

const SETTLED = /^(paid|succeeded|refunded|partially refunded|disputed)$/i;

/**
 * Stripe's Payments export (Dashboard → Payments → Export, unified or legacy): one charge per row
 * (`ch_…`/`py_…`/`pi_…`) with Amount, Fee and Amount Refunded; in the converted currency when the
 * charge was settled in another. Each paid charge is a sale of amount − fee on the Stripe balance;
 * a refunded amount is a refund line of its own. Failed, incomplete and cancelled payments moved
 * nothing and are skipped with a notice. The export names no payout, so these lines link to
 * payouts only through a balance report.
 */
export function importStripePayments(text: string, ctx: ImportContext): Result<ParsedFile> {
  const read = readProcessorTable(text, ctx, [ID, CREATED, AMOUNT, CURRENCY]);
  if (!read.ok) return read;
  const t = read.value;
  const dates = t.dates(CREATED);
  const refundDates = t.has(REFUNDED_DATE) ? t.dates(REFUNDED_DATE) : [];
  const out: ParsedFile = { drafts: [], balances: [], accounts: [], warnings: [] };
  const skipped: Problem[] = [];
  const institution = ctx.options.institution ?? 'stripe';
  t.body.forEach((record, r) => {
    const row = r + 1;
    const where = { file: ctx.file, line: record.line, row };
    const id = t.cell(record, ID);
    const statusText = t.cell(record, STATUS);
    if (statusText && !SETTLED.test(statusText)) {
      out.warnings.push(
        problem('not_settled', `payment ${id || row} is "${statusText}" and moved no money; skipped`, {
          ...where,
          field: 'Status',
        }),
      );
      return;
    }
    const converted = t.cell(record, CONVERTED_CURRENCY).toUpperCase();
    const currency = converted || t.cell(record, CURRENCY).toUpperCase();
    const grossColumn = converted && t.has(CONVERTED) ? CONVERTED : AMOUNT;
    const refundColumn = converted && t.has(CONVERTED_REFUNDED) ? CONVERTED_REFUNDED : REFUNDED;
    const gross = t.money(record, grossColumn, currency);
    const fee = t.money(record, FEE, currency);
    const refunded = t.money(record, refundColumn, currency);
    const date = dates[r];
    const problems = rowProblems(ctx.file, record, row, [
      ['date', date],
      ['amount', gross],
      ['fee', fee, false],
      ['amount refunded', refunded, false],
    ]);
    problems.push(...currencyProblems(currency, where));
    if (problems.length > 0 || !date?.ok || !gross?.ok) {
      skipped.push(...problems);
      return;
    }
    const account = processorAccount(out, ctx, institution, 'Stripe', currency);
    const feeMinor = fee?.ok ? Math.abs(fee.value.minor) : 0;
    const description = t.cell(record, DESCRIPTION) || 'Payment';
    const customer = t.cell(record, CUSTOMER);
    const origin = { file: ctx.file, row, capturedAt: ctx.capturedAt };
    out.drafts.push({
      institution,
      account,
      date: date.value,
      description,
      amount: { minor: gross.value.minor - feeMinor, currency },
      status: 'posted',
      kind: 'charge',
      origin,
      ...(id ? { externalId: id } : {}),
      ...(customer ? { payee: customer } : {}),
      gross: gross.value,
      fee: { minor: feeMinor, currency },
    });
    if (refunded?.ok && refunded.value.minor !== 0) {
      const refundDate = refundDates[r];
      out.drafts.push({
        institution,
        account,
        date: refundDate?.ok ? refundDate.value : date.value,
        description: `Refund: ${description}`,
        amount: { minor: -Math.abs(refunded.value.minor), currency },
        status: 'posted',
        kind: 'refund',
        origin,
        ...(id ? { externalId: `${id}:refund` } : {}),
        ...(customer ? { payee: customer } : {}),
      });
    }
  });
  return finishProcessorFile(out, skipped, t, ctx.file);
}
