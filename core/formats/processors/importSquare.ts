import { type Problem, problem } from '../../model/problem';
import { fail, ok, type Result } from '../../model/result';
import type { TransactionDraft, TransactionStatus } from '../../model/transaction';
import type { ImportContext, ParsedFile } from '../importTypes';
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

const TRANSFER_DATE = ['transfer date', 'deposit date', 'date'];
const TRANSFER_ID = ['transfer id', 'deposit id'];
const TRANSFER_NET = ['net total', 'net transfer', 'net deposit', 'amount', 'total'];
const BANK = ['bank account', 'destination', 'deposit details'];

function statusOf(text: string): TransactionStatus | 'failed' {
  if (/^(failed|canceled|cancelled|voided|declined)$/i.test(text)) return 'failed';
  return /pending|in transit|processing|scheduled/i.test(text) ? 'pending' : 'posted';
}

function finish(out: ParsedFile, skipped: Problem[], rows: number, file: string): Result<ParsedFile> {
  if (out.drafts.length === 0 && skipped.length > 0) {
    return fail(
      problem('no_readable_rows', `none of the ${rows} rows could be read`, { file }),
      ...skipped.slice(0, 20),
    );
  }
  out.warnings.push(...skipped);
  return ok(out);
}

function addAccount(out: ParsedFile, institution: string, account: string, currency: string) {
  if (!out.accounts.some((a) => a.account === account)) {
    out.accounts.push({ schemaVersion: 1, institution, account, currency, type: 'processor' });
  }
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
    const account = ctx.options.account ?? `Square ${net.value.currency}`;
    addAccount(out, institution, account, net.value.currency);
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
  return finish(out, skipped, t.body.length, ctx.file);
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
    const account = ctx.options.account ?? `Square ${net.value.currency}`;
    addAccount(out, institution, account, net.value.currency);
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
  return finish(out, skipped, t.body.length, ctx.file);
}
