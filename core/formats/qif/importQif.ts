import { parseDateColumn } from '../../dates/parseDateColumn';
import type { AccountType } from '../../model/account';
import { type Problem, problem } from '../../model/problem';
import { fail, ok, type Result } from '../../model/result';
import { parseAmountColumn } from '../../money/parseAmountColumn';
import type { ImportContext, ParsedFile } from '../importTypes';

type QifRecord = { fields: Map<string, string>; line: number; account: string; type: AccountType };

const TYPES: Record<string, [AccountType, string]> = {
  bank: ['checking', 'Bank'],
  cash: ['other', 'Cash'],
  ccard: ['credit', 'Credit card'],
  'oth a': ['other', 'Asset'],
  'oth l': ['credit', 'Liability'],
};

/** QIF dates: `01/23/2019`, `1/23'19`, `1/ 2/19`, `2019-01-23`. */
const qifDate = (text: string) => text.replace(/'\s*/, '/').replace(/\s+/g, '');

/**
 * Quicken Interchange Format: `!Type:` sections of `^`-terminated records (D date, T/U amount,
 * P payee, M memo, N check number, C cleared). QIF states no currency, so the option's or USD is
 * used (with a notice); the date order is decided from all dates in the file. Investment and list
 * sections are skipped with a notice.
 */
export function importQif(text: string, ctx: ImportContext): Result<ParsedFile> {
  const where = { file: ctx.file };
  const out: ParsedFile = { drafts: [], balances: [], accounts: [], warnings: [] };
  const records: QifRecord[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  let section: [AccountType, string] | undefined;
  let accountName: string | undefined;
  let inAccountBlock = false;
  let current = new Map<string, string>();
  let start = 0;
  const skippedSections = new Set<string>();
  lines.forEach((raw, i) => {
    const line = raw.trimEnd();
    if (line === '') return;
    if (line.startsWith('!')) {
      const header = line.slice(1).toLowerCase();
      inAccountBlock = header === 'account';
      if (header.startsWith('type:')) {
        section = TYPES[header.slice(5).trim()];
        if (!section) skippedSections.add(line.slice(6).trim());
      } else if (!inAccountBlock && !header.startsWith('option')) {
        section = undefined;
        skippedSections.add(line.slice(1).trim());
      }
      return;
    }
    if (current.size === 0) start = i + 1;
    if (line === '^') {
      if (inAccountBlock) accountName = current.get('N') ?? accountName;
      else if (section && current.size > 0) {
        records.push({ fields: current, line: start, account: accountName ?? section[1], type: section[0] });
      }
      current = new Map();
      return;
    }
    const code = line[0]!;
    // Split lines (S, E, $) repeat; the first value per code is the transaction's own.
    if (!current.has(code)) current.set(code, line.slice(1).trim());
  });
  if (skippedSections.size > 0) {
    out.warnings.push(
      problem(
        'section_skipped',
        `QIF sections skipped (not bank or card transactions): ${[...skippedSections].join(', ')}`,
        where,
      ),
    );
  }
  if (records.length === 0) {
    if (!text.includes('!'))
      return fail(problem('not_qif', 'no !Type header: this is not a QIF file', { ...where, line: 1 }));
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
  const dates = parseDateColumn(
    records.map((r) => qifDate(r.fields.get('D') ?? '')),
    {
      ...(ctx.options.asOf ? { asOf: ctx.options.asOf } : {}),
    },
  ).dates;
  const amounts = parseAmountColumn(
    records.map((r) => r.fields.get('T') ?? r.fields.get('U') ?? ''),
    { currency },
  ).amounts;
  const institution = ctx.options.institution ?? 'generic';
  const skipped: Problem[] = [];
  records.forEach((record, r) => {
    const row = r + 1;
    const here = { ...where, line: record.line, row };
    const date = dates[r];
    const amount = amounts[r];
    if (!date?.ok || !amount?.ok) {
      const reasons = [
        ...(!date
          ? [problem('missing_date', 'no D (date) line', { field: 'D' })]
          : date.ok
            ? []
            : date.problems),
        ...(!amount
          ? [problem('missing_amount', 'no T (amount) line', { field: 'T' })]
          : amount.ok
            ? []
            : amount.problems),
      ];
      skipped.push(...reasons.map((p) => ({ ...p, ...here, message: `record skipped: ${p.message}` })));
      return;
    }
    const account = ctx.options.account ?? record.account;
    if (!out.accounts.some((a) => a.account === account)) {
      out.accounts.push({ schemaVersion: 1, institution, account, currency, type: record.type });
    }
    const payee = record.fields.get('P');
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
  return ok(out);
}
