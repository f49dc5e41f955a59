import { type Problem, problem } from '../../model/problem';
import { fail, ok, type Result } from '../../model/result';
import type { TransactionStatus } from '../../model/transaction';
import type { ImportContext, ParsedFile } from '../importTypes';
import { paypalKind } from './paypalKind';
import { ROLE_NAMES } from './processorRoles';
import { readProcessorTable, rowProblems } from './processorTable';

// English and localized headers (Fecha/Datum/Data, Bruto/Brutto/Brut/Lordo, Id. de transacción/
// Transaktionscode/Numéro de transaction …): see processorRoles.
const DATE = ROLE_NAMES.date;
const NAME = ROLE_NAMES.name;
const TYPE = [...ROLE_NAMES.type, ...ROLE_NAMES.description];
const STATUS = ROLE_NAMES.status;
const CURRENCY = ROLE_NAMES.currency;
const GROSS = ROLE_NAMES.gross;
const NET = [...ROLE_NAMES.net, ...ROLE_NAMES.amount];
const ID = ROLE_NAMES.transactionId;
const REFERENCE = ROLE_NAMES.referenceTxnId;
const ITEM = [...ROLE_NAMES.itemTitle, ...ROLE_NAMES.subject];
const NOTE = ROLE_NAMES.note;
const BALANCE = ROLE_NAMES.balance;
const IMPACT = ROLE_NAMES.balanceImpact;

/** Statuses of lines that moved no money, in the download's languages; anything else moved money. */
const NOT_SETTLED =
  /^(denied|declined|canceled|cancelled|failed|voided|expired|rejected|denegad[oa]|rechazad[oa]|cancelad[oa]|anulad[oa]|fallid[oa]|abgelehnt|storniert|abgebrochen|fehlgeschlagen|verweigert|refus[eé]e?|annul[eé]e?|[eé]chou[eé]e?|geweigerd|geannuleerd|mislukt|rifiutat[oa]|annullat[oa]|non riuscit[oa]|negad[oa]|recusad[oa]|falhou)$/i;
const PENDING =
  /^(pending|held|unclaimed|uncleared|in progress|placed|pendiente|en curso|retenid[oa]|ausstehend|offen|in bearbeitung|einbehalten|en attente|en cours|in behandeling|in afwachting|in sospeso|in attesa|pendente|em andamento|retid[oa])$/i;
/** `Memo` lines (authorizations, notices) never move the balance. */
const MEMO = /^(memo|m[eé]mo|nota|notiz|notitie)$/i;

/**
 * The PayPal activity download: Transaction ID as externalId, Gross/Fee/Net (fee = gross − net,
 * PayPal prints it negative), Status Completed → posted and Pending → pending; denied or
 * cancelled lines moved no money and are skipped with a notice.
 */
export function importPaypal(text: string, ctx: ImportContext): Result<ParsedFile> {
  const read = readProcessorTable(text, ctx, [DATE, CURRENCY, NET, ID]);
  if (!read.ok) return read;
  const t = read.value;
  // PayPal writes dates in the account's locale: a decimal-comma or non-English download is day-first.
  const dayFirst = t.decimalSeparator(NET) === ',' || !t.has(['date']);
  const dates = t.dates(DATE, dayFirst ? 'dmy' : 'mdy');
  const out: ParsedFile = { drafts: [], balances: [], accounts: [], warnings: [] };
  const skipped: Problem[] = [];
  const institution = ctx.options.institution ?? 'paypal';
  let memoRows = 0;
  t.body.forEach((record, r) => {
    const row = r + 1;
    // Authorizations and other "Memo" lines are shown but never move the balance.
    if (MEMO.test(t.cell(record, IMPACT))) {
      memoRows++;
      return;
    }
    const where = { file: ctx.file, line: record.line, row };
    const currency = t.cell(record, CURRENCY).toUpperCase() || ctx.options.currency || 'USD';
    const statusText = t.cell(record, STATUS);
    const id = t.cell(record, ID);
    let status: TransactionStatus = 'posted';
    if (PENDING.test(statusText)) status = 'pending';
    else if (NOT_SETTLED.test(statusText)) {
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
  out.report = t.notes();
  return ok(out);
}
