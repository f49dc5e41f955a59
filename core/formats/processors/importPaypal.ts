import { type Problem, problem } from '../../model/problem';
import { fail, ok, type Result } from '../../model/result';
import type { TransactionStatus } from '../../model/transaction';
import type { ImportContext, ParsedFile } from '../importTypes';
import { paypalKind } from './paypalKind';
import { readProcessorTable, rowProblems } from './processorTable';

const DATE = ['date'];
const NAME = ['name'];
const TYPE = ['type', 'description'];
const STATUS = ['status'];
const CURRENCY = ['currency'];
const GROSS = ['gross'];
const NET = ['net', 'amount'];
const ID = ['transaction id'];
const REFERENCE = ['reference txn id'];
const ITEM = ['item title', 'subject'];
const NOTE = ['note'];
const BALANCE = ['balance'];
const IMPACT = ['balance impact'];

const POSTED = /^(completed|cleared|success|paid)$/i;
const PENDING = /^(pending|held|unclaimed|uncleared|in progress|placed)$/i;

/**
 * The PayPal activity download: Transaction ID as externalId, Gross/Fee/Net (fee = gross − net,
 * PayPal prints it negative), Status Completed → posted and Pending → pending; denied or
 * cancelled lines moved no money and are skipped with a notice.
 */
export function importPaypal(text: string, ctx: ImportContext): Result<ParsedFile> {
  const read = readProcessorTable(text, ctx, [DATE, CURRENCY, NET, ID]);
  if (!read.ok) return read;
  const t = read.value;
  // PayPal writes dates in the account's locale: a decimal-comma download is day-first.
  const dates = t.dates(DATE, t.decimalSeparator(NET) === ',' ? 'dmy' : 'mdy');
  const out: ParsedFile = { drafts: [], balances: [], accounts: [], warnings: [] };
  const skipped: Problem[] = [];
  const institution = ctx.options.institution ?? 'paypal';
  let memoRows = 0;
  t.body.forEach((record, r) => {
    const row = r + 1;
    // Authorizations and other "Memo" lines are shown but never move the balance.
    if (/^memo$/i.test(t.cell(record, IMPACT))) {
      memoRows++;
      return;
    }
    const where = { file: ctx.file, line: record.line, row };
    const currency = t.cell(record, CURRENCY).toUpperCase() || ctx.options.currency || 'USD';
    const statusText = t.cell(record, STATUS);
    const id = t.cell(record, ID);
    let status: TransactionStatus = 'posted';
    if (PENDING.test(statusText)) status = 'pending';
    else if (statusText && !POSTED.test(statusText)) {
      out.warnings.push(
        problem(
          'not_settled',
          `transaction ${id || row} has status "${statusText}" and moved no money; skipped`,
          { ...where, field: 'Status' },
        ),
      );
      return;
    }
    const net = t.money(record, NET, currency);
    const gross = t.money(record, GROSS, currency);
    const balance = t.money(record, BALANCE, currency);
    const date = dates[r];
    const problems = rowProblems(ctx.file, record, row, [
      ['Date', date],
      ['Net', net],
      ['Gross', gross, false],
    ]);
    if (problems.length > 0 || !date?.ok || !net?.ok) {
      skipped.push(...problems);
      return;
    }
    const type = t.cell(record, TYPE);
    const reference = t.cell(record, REFERENCE);
    const memo = [
      t.cell(record, ITEM),
      t.cell(record, NOTE),
      reference ? `Reference Txn ID ${reference}` : '',
    ]
      .filter(Boolean)
      .join(' · ');
    const account = ctx.options.account ?? `PayPal ${currency}`;
    if (!out.accounts.some((a) => a.account === account)) {
      out.accounts.push({ schemaVersion: 1, institution, account, currency, type: 'processor' });
    }
    out.drafts.push({
      institution,
      account,
      date: date.value,
      description: (t.cell(record, NAME) || type).replace(/\s+/g, ' ').trim(),
      amount: net.value,
      status,
      kind: paypalKind(type, net.value.minor),
      origin: { file: ctx.file, row, capturedAt: ctx.capturedAt },
      ...(id ? { externalId: id } : {}),
      ...(memo ? { memo } : {}),
      ...(gross?.ok
        ? { gross: gross.value, fee: { minor: gross.value.minor - net.value.minor, currency } }
        : {}),
      ...(balance?.ok ? { balance: balance.value } : {}),
    });
  });
  if (out.drafts.length === 0 && skipped.length > 0) {
    return fail(
      problem('no_readable_rows', `none of the ${t.body.length} rows could be read`, { file: ctx.file }),
      ...skipped.slice(0, 20),
    );
  }
  out.warnings.push(...skipped);
  if (memoRows > 0) {
    out.warnings.push(
      problem(
        'memo_rows_skipped',
        `${memoRows} row(s) with Balance Impact "Memo" (authorizations, notices) moved no money; skipped`,
        {
          file: ctx.file,
          field: 'Balance Impact',
        },
      ),
    );
  }
  return ok(out);
}
