import { parseDate } from '../../dates/parseDate';
import { type Problem, problem } from '../../model/problem';
import { fail, ok, type Result } from '../../model/result';
import { formatAmount } from '../../money/formatAmount';
import { parseAmountColumn } from '../../money/parseAmountColumn';
import type { ImportContext, ParsedFile } from '../importTypes';
import { qifDateOrder, qifDateText } from './qifDates';
import { readQifRecords } from './readQifRecords';

/**
 * Quicken Interchange Format: `!Type:` sections (Bank, CCard, Cash, Oth A, Oth L) of `^`-terminated
 * records (D date, T/U amount, P payee, M memo, N check number), under an `!Account` block that
 * names the account. QIF states no currency, so the option's or USD is used (with a notice); the
 * date order is decided from all dates in the file. Investment (`Invst`) and list sections are
 * skipped with a notice; a file of nothing else is refused.
 */
export function importQif(text: string, ctx: ImportContext): Result<ParsedFile> {
  const where = { file: ctx.file };
  const out: ParsedFile = { drafts: [], balances: [], accounts: [], warnings: [] };
  const read = readQifRecords(text, ctx.file);
  const { records, skippedSections } = read;
  const skippedNames = [...skippedSections].map(([name, n]) => (n > 0 ? `${name} (${n} records)` : name));
  if (records.length === 0) {
    if (!/^\s*!/m.test(text))
      return fail(problem('not_qif', 'no !Type header: this is not a QIF file', { ...where, line: 1 }));
    if (!read.sawTransactionSection) {
      return fail(
        problem(
          'no_transactions',
          skippedNames.length > 0
            ? `the file holds no bank, cash or card transactions, only: ${skippedNames.join(', ')}`
            : 'the file holds no !Type section of bank, cash or card transactions',
          { ...where, line: 1 },
        ),
        ...read.warnings,
      );
    }
  }
  if (skippedNames.length > 0) {
    out.warnings.push(
      problem(
        'section_skipped',
        `QIF sections skipped (not bank or card transactions): ${skippedNames.join(', ')}`,
        where,
      ),
    );
  }
  out.warnings.push(...read.warnings);
  if (records.length === 0) {
    out.warnings.push(problem('no_transactions', 'the file lists no transactions', where));
    return ok(out);
  }
  let currency = ctx.options.currency;
  if (!currency) {
    currency = 'USD';
    out.warnings.push(
      problem(
        'assumed_currency',
        'QIF states no currency; amounts read as USD (pass --currency to change)',
        where,
      ),
    );
  }
  const dateTexts = records.map((r) => qifDateText(r.fields.get('D') ?? ''));
  const order = qifDateOrder(dateTexts);
  if (!order.decided) {
    return fail(
      problem(
        'date_order_undecided',
        `the dates disagree: ${order.dayFirst} records are day/month and ${order.monthFirst} month/day; pass dates in one order`,
        { ...where, field: 'D' },
      ),
    );
  }
  if (order.assumed) {
    out.warnings.push(
      problem(
        'assumed_date_order',
        'no date in the file tells day/month from month/day; read as month/day, as Quicken writes them',
        { ...where, field: 'D' },
      ),
    );
  }
  const orderWords = order.order === 'dmy' ? 'day/month' : 'month/day';
  out.report = { dateOrder: order.order, rowsRead: records.length };
  const amounts = parseAmountColumn(
    records.map((r) => r.fields.get('T') ?? r.fields.get('U') ?? ''),
    { currency },
  ).amounts;
  const institution = ctx.options.institution ?? 'generic';
  const skipped: Problem[] = [];
  const statementLines: string[] = [];
  records.forEach((record, r) => {
    const row = r + 1;
    const here = { ...where, line: record.line, row };
    const dateText = dateTexts[r]!;
    const date = dateText === '' ? undefined : parseDate(dateText, { order: order.order });
    const amount = amounts[r];
    if (!date?.ok || !amount?.ok) {
      const dateReasons = !date
        ? [problem('missing_date', 'no D (date) line', { field: 'D' })]
        : date.ok
          ? []
          : date.problems.map((p) => ({
              ...p,
              field: 'D',
              message:
                order.from > 0
                  ? `${p.message} (this file's dates are ${orderWords}, seen in ${order.from} records)`
                  : p.message,
            }));
      const amountReasons = !amount
        ? [problem('missing_amount', 'no T (amount) line', { field: 'T' })]
        : amount.ok
          ? []
          : amount.problems.map((p) => ({ field: 'T', ...p }));
      skipped.push(
        ...[...dateReasons, ...amountReasons].map((p) => ({
          ...p,
          ...here,
          message: `record skipped: ${p.message}`,
        })),
      );
      return;
    }
    const account = ctx.options.account ?? record.account ?? record.label;
    const firstOfAccount = !out.accounts.some((a) => a.account === account);
    if (firstOfAccount) {
      out.accounts.push({ schemaVersion: 1, institution, account, currency, type: record.type });
    }
    const payee = record.fields.get('P');
    if (isOpeningBalance(payee, record.fields.get('L'), record.account ?? record.label, firstOfAccount)) {
      out.balances.push({
        institution,
        account,
        date: date.value,
        balance: amount.value,
        kind: 'opening',
        source: `QIF line ${record.line}`,
      });
      statementLines.push(
        `line ${record.line}: "${payee}" is Quicken's opening balance of the account (${formatAmount(amount.value.minor, currency)} ${currency} on ${date.value}), kept as the statement's balance, not as a transaction`,
      );
      return;
    }
    const memo = record.fields.get('M');
    const check = record.fields.get('N');
    out.drafts.push({
      institution,
      account,
      date: date.value,
      description: (payee || memo || '').replace(/\s+/g, ' '),
      amount: amount.value,
      status: 'posted',
      kind: amount.value.minor >= 0 ? 'deposit' : 'withdrawal',
      origin: { file: ctx.file, row, capturedAt: ctx.capturedAt },
      ...(payee ? { payee } : {}),
      ...(memo && payee ? { memo } : {}),
      ...(check && /^\d+$/.test(check) ? { checkNumber: check } : {}),
    });
  });
  if (out.drafts.length === 0) {
    return fail(
      problem('no_readable_transactions', `none of the ${records.length} records could be read`, where),
      ...skipped,
    );
  }
  out.warnings.push(...skipped);
  if (statementLines.length > 0) out.report = { ...out.report, statementLines };
  return ok(out);
}

/**
 * Quicken starts each account with an "Opening Balance" record whose category is the account itself
 * in brackets (`L[Checking]`): the balance the register starts from, not money that moved.
 */
function isOpeningBalance(
  payee: string | undefined,
  category: string | undefined,
  accountName: string,
  firstOfAccount: boolean,
): boolean {
  if (!payee || !/^\s*opening balance\s*$/i.test(payee)) return false;
  const own = /^\[(.*)\]$/.exec(category?.trim() ?? '');
  if (!own) return false;
  return firstOfAccount || own[1]!.trim().toLowerCase() === accountName.trim().toLowerCase();
}
