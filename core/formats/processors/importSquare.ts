import { type Problem, problem } from '../../model/problem';
import { ok, type Result } from '../../model/result';
import type { TransactionDraft, TransactionStatus } from '../../model/transaction';
import type { ImportContext, ParsedFile } from '../importTypes';
import { finishProcessorFile, processorAccount } from './processorFile';
import { ROLE_NAMES } from './processorRoles';
import { type ProcessorTable, readProcessorTable, rowProblems } from './processorTable';

const DATE = ['date', 'transaction date'];
const TOTAL = ['total collected', 'gross sales'];
const NET = ['net total', 'net'];
const PAYMENT_ID = ['payment id'];
const TRANSACTION_ID = ['transaction id'];
const EVENT = ['event type', 'transaction type'];
const STATUS = ['transaction status', 'status'];
const DESCRIPTION = ['description', 'details', 'item'];
const CUSTOMER = ['customer name'];
const DEPOSIT_ID = ['deposit id', 'transfer id'];
const CURRENCY = ['currency'];

// Deposits exports of several years: `Transfer Date`/`Transfer ID`/`Net Total`, `Deposit Date`/`Net
// Deposit`, and `Deposit ID`/`Initiated Date`/`Expected Arrival Date`/`Net Amount`.
const TRANSFER_DATE = [...ROLE_NAMES.initiated, 'date', ...ROLE_NAMES.arrival];
const TRANSFER_ID = ROLE_NAMES.depositId;
const TRANSFER_NET = [
  ...ROLE_NAMES.net,
  'net deposit amount',
  'transfer amount',
  'deposit amount',
  'amount',
  'total',
];
const BANK = ROLE_NAMES.destination;

function statusOf(text: string): TransactionStatus | 'failed' {
  if (/^(failed|canceled|cancelled|voided|declined)$/i.test(text)) return 'failed';
  return /pending|in transit|processing|scheduled/i.test(text) ? 'pending' : 'posted';
}

/**
 * Square's Transactions export: one payment or refund per row with `$`-formatted money, Total
 * Collected (gross), Fees and Net Total, the Payment ID as externalId (refund rows repeat the
 * payment's id, so theirs is suffixed `:refund`) and the Deposit ID that settled it as payoutId.
 */
export function importSquareTransactions(text: string, ctx: ImportContext): Result<ParsedFile> {
  const read = readProcessorTable(text, ctx, [DATE, NET, TRANSACTION_ID]);
  if (!read.ok) return read;
  const t = read.value;
  const dates = t.dates(DATE);
  const out: ParsedFile = { drafts: [], balances: [], accounts: [], warnings: [] };
  const skipped: Problem[] = [];
  const institution = ctx.options.institution ?? 'square';
  t.body.forEach((record, r) => {
    const row = r + 1;
    const currency = t.cell(record, CURRENCY).toUpperCase() || ctx.options.currency || 'USD';
    const status = statusOf(t.cell(record, STATUS));
    const paymentId = t.cell(record, PAYMENT_ID) || t.cell(record, TRANSACTION_ID);
    if (status === 'failed') {
      out.warnings.push(
        problem('not_settled', `payment ${paymentId || row} did not complete; skipped`, {
          file: ctx.file,
          line: record.line,
          row,
        }),
      );
      return;
    }
    const net = t.money(record, NET, currency);
    const gross = t.money(record, TOTAL, currency);
    const date = dates[r];
    const problems = rowProblems(ctx.file, record, row, [
      ['Date', date],
      ['Net Total', net],
      ['Total Collected', gross, false],
    ]);
    if (problems.length > 0 || !date?.ok || !net?.ok) {
      skipped.push(...problems);
      return;
    }
    const refund = /refund/i.test(t.cell(record, EVENT)) || net.value.minor < 0;
    const account = processorAccount(out, ctx, institution, 'Square', net.value.currency);
    const customer = t.cell(record, CUSTOMER);
    const deposit = t.cell(record, DEPOSIT_ID);
    const draft: TransactionDraft = {
      institution,
      account,
      date: date.value,
      description: t.cell(record, DESCRIPTION) || (refund ? 'Refund' : 'Payment'),
      amount: net.value,
      status,
      kind: refund ? 'refund' : 'charge',
      origin: { file: ctx.file, row, capturedAt: ctx.capturedAt },
      ...(paymentId ? { externalId: refund ? `${paymentId}:refund` : paymentId } : {}),
      ...(customer ? { payee: customer } : {}),
      ...(deposit ? { payoutId: deposit } : {}),
      ...(gross?.ok
        ? {
            gross: gross.value,
            fee: { minor: gross.value.minor - net.value.minor, currency: net.value.currency },
          }
        : {}),
    };
    out.drafts.push(draft);
  });
  return finishProcessorFile(out, skipped, t, ctx.file);
}

/**
 * Square's Transfers (deposits) export: one payout from the Square balance to the bank per row,
 * negative on the Square account; the Transfer ID is both externalId and payoutId, so the
 * matcher can tie it to the payments above and to the bank's deposit.
 */
export function importSquareTransfers(text: string, ctx: ImportContext): Result<ParsedFile> {
  const read = readProcessorTable(text, ctx, [TRANSFER_DATE, TRANSFER_ID, TRANSFER_NET]);
  if (!read.ok) return read;
  const t: ProcessorTable = read.value;
  const dates = t.dates(TRANSFER_DATE);
  const out: ParsedFile = { drafts: [], balances: [], accounts: [], warnings: [] };
  const skipped: Problem[] = [];
  const institution = ctx.options.institution ?? 'square';
  t.body.forEach((record, r) => {
    const row = r + 1;
    const id = t.cell(record, TRANSFER_ID);
    const currency = t.cell(record, CURRENCY).toUpperCase() || ctx.options.currency || 'USD';
    const status = statusOf(t.cell(record, STATUS));
    if (status === 'failed') {
      out.warnings.push(
        problem('not_settled', `transfer ${id || row} failed; skipped`, {
          file: ctx.file,
          line: record.line,
          row,
        }),
      );
      return;
    }
    const net = t.money(record, TRANSFER_NET, currency);
    const date = dates[r];
    const problems = rowProblems(ctx.file, record, row, [
      ['Date', date],
      ['Net Total', net],
    ]);
    if (problems.length > 0 || !date?.ok || !net?.ok) {
      skipped.push(...problems);
      return;
    }
    const account = processorAccount(out, ctx, institution, 'Square', net.value.currency);
    const bank = t.cell(record, BANK);
    out.drafts.push({
      institution,
      account,
      date: date.value,
      description: bank ? `Transfer to ${bank}` : 'Transfer to bank',
      amount: { ...net.value, minor: -net.value.minor },
      status,
      kind: 'payout',
      origin: { file: ctx.file, row, capturedAt: ctx.capturedAt },
      ...(id ? { externalId: id, payoutId: id } : {}),
    });
  });
  return finishProcessorFile(out, skipped, t, ctx.file);
}

/**
 * Square's Item Details export lists what each sale contained (items, quantities, item sales), not
 * money moving: its rows repeat the payments of the Transactions export item by item. Recognized so it
 * is not read as a bank statement, and imported as no transactions with a notice that says why.
 */
export function importSquareItems(text: string, ctx: ImportContext): Result<ParsedFile> {
  const read = readProcessorTable(text, ctx, [['date'], ROLE_NAMES.item]);
  if (!read.ok) return read;
  const t = read.value;
  const payments = new Set(
    t.body.map((r) => t.cell(r, [...ROLE_NAMES.paymentId, ...ROLE_NAMES.transactionId])),
  );
  const out: ParsedFile = { drafts: [], balances: [], accounts: [], warnings: [] };
  out.warnings.push(
    problem(
      'item_details_only',
      `Square item details: ${t.body.length} item line(s) of ${payments.size} payment(s) say what was sold, not what was paid or deposited; no transactions taken from it (import the Square Transactions export for the payments)`,
      { file: ctx.file },
    ),
  );
  out.report = t.notes();
  return ok(out);
}
