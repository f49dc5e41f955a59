import { fastDate, parseDate } from '../../dates/parseDate';
import { NO_TAGS } from '../../ids/assignIds';
import type { StatementBalance } from '../../model/account';
import { type Problem, problem, problemsFromZod } from '../../model/problem';
import { fail, ok, type Result } from '../../model/result';
import { TRANSACTION_SCHEMA_VERSION, type Transaction, type TransactionDraft } from '../../model/transaction';
import { formatAmount } from '../../money/formatAmount';
import type { ImportContext, ParsedFile } from '../importTypes';
import { CsvMapping } from './csvMapping';
import { locateTable } from './locateTable';
import type { CsvRecord } from './parseCsv';
import { isPendingCell } from './pendingCell';
import {
  amountCell,
  type BankCsvPlan,
  type BankCsvReport,
  debitCreditFigures,
  plainSignedAmount,
  planBankCsv,
  SAMPLE_ROWS,
  signedAmount,
} from './planBankCsv';
import { RunningSums, type Sums, summaryLine } from './summaryLines';
import { TailShapes } from './tailShapes';

/** Status words of pending lines, in a status column. */
const PENDING =
  /pend|vorgemerkt|ausstehend|\bhold|authori[sz]|en attente|en cours|processing|in behandeling|in bearbeitung|pendiente|in sospeso|pendente|non comptabilis/i;
/** Row warnings kept per file; the rest are counted in one closing warning. */
const MAX_ROW_WARNINGS = 200;

export type BankCsvResult = ParsedFile & { csv: BankCsvReport };

/**
 * Reads a bank CSV record by record: the records before the plan is made are held (at most
 * SAMPLE_ROWS data rows plus the preamble), then every record is read alone and handed on.
 * The whole-text importer and the streaming one both run through this, so both give the same
 * drafts in the same order, and so the same ids.
 */
export class BankCsvReader {
  private held: CsvRecord[] = [];
  private plan: BankCsvPlan | undefined;
  private bodyRow = 0;
  private readonly mapping: CsvMapping | undefined;
  private readonly warnings: Problem[] = [];
  private readonly skipped: Problem[] = [];
  private skippedCount = 0;
  readonly balances: StatementBalance[] = [];
  private currencies = new Set<string>();
  private drafts = 0;
  private readonly problem: Problem[] = [];

  constructor(
    private readonly ctx: ImportContext,
    private readonly delimiter: string,
    private readonly emit: (draft: TransactionDraft) => void,
  ) {
    if (ctx.options.csvMapping !== undefined) {
      const parsed = CsvMapping.safeParse(ctx.options.csvMapping);
      if (parsed.success) this.mapping = parsed.data;
      else this.problem.push(...problemsFromZod(parsed.error, { file: ctx.file, path: ['mapping'] }));
    }
  }

  /** A refusal found so far (bad mapping, no date or amount column): stop feeding. */
  get failed(): Problem[] | undefined {
    return this.problem.length > 0 ? this.problem : undefined;
  }

  /** The newest record, held back until the next arrives: it may be cut off at the end. */
  private last: CsvRecord | undefined;
  private width = 0;

  add(records: readonly CsvRecord[]): void {
    if (this.failed || records.length === 0) return;
    if (this.last) this.take(this.last);
    for (let i = 0; i < records.length - 1; i++) this.take(records[i]!);
    for (const r of records) this.tails.see(r);
    this.last = records[records.length - 1];
  }

  private readonly tails = new TailShapes();

  private take(r: CsvRecord): void {
    if (this.plan) {
      this.read(r);
      return;
    }
    if (this.failed) return;
    this.held.push(r);
    // Enough rows to decide: the preamble is at most a few dozen lines.
    if (this.held.length >= SAMPLE_ROWS + 200) this.decide();
  }

  private decide(): void {
    const held = this.held;
    this.held = [];
    const layout = locateTable(held, {
      ...(this.mapping?.header !== undefined ? { header: this.mapping.header } : {}),
      ...(this.mapping?.skipRows !== undefined ? { skipRows: this.mapping.skipRows } : {}),
    });
    const header = layout.header === undefined ? undefined : held[layout.header];
    this.width = Math.max(layout.width, header?.fields.length ?? 0);
    const body = held.slice(layout.body);
    if (body.length === 0) {
      this.problem.push(
        problem('empty_csv', 'the file has no data rows', { file: this.ctx.file, line: header?.line ?? 1 }),
      );
      return;
    }
    const planned = planBankCsv(header, body.slice(0, SAMPLE_ROWS), this.ctx, this.mapping, {
      delimiter: this.delimiter,
      preambleLines: layout.header ?? layout.body,
    });
    if (!planned.ok) {
      this.problem.push(...planned.problems);
      return;
    }
    this.plan = planned.value.plan;
    this.warnings.push(...planned.value.warnings);
    for (const r of body) this.read(r);
  }

  private skip(p: Problem): void {
    this.skippedCount++;
    if (this.skipped.length < MAX_ROW_WARNINGS) this.skipped.push(p);
  }

  /** Status texts already asked of PENDING: a status column holds a handful of distinct words. */
  private readonly statusPending = new Map<string, boolean>();

  private lastStatus = '';
  private lastPending = false;

  private isPendingStatus(status: string): boolean {
    // Most rows repeat the row above's status.
    if (status === this.lastStatus) return this.lastPending;
    let pending = this.statusPending.get(status);
    if (pending === undefined) {
      pending = PENDING.test(status);
      if (this.statusPending.size < 256) this.statusPending.set(status, pending);
    }
    this.lastStatus = status;
    this.lastPending = pending;
    return pending;
  }

  private read(record: CsvRecord): void {
    const plan = this.plan!;
    const { roles } = plan;
    const fields = record.fields;
    const row = ++this.bodyRow;
    if (blankFrom(fields, 0)) return;
    // Extra filled fields (a value holding the delimiter unquoted: `1,2,3`) shift the columns.
    if (this.width > 0 && fields.length > this.width && !blankFrom(fields, this.width)) {
      this.skip({
        ...problem(
          'ragged_row',
          `row skipped: it has ${fields.length} fields where the table has ${this.width} (a value holding the delimiter without quotes?)`,
        ),
        file: plan.file,
        line: record.line,
        row,
      });
      return;
    }
    let reasons: Problem[] | undefined;
    const dateText = fields[roles.date] ?? '';
    // The common shapes without expressions or result objects; the rest by parseDate, with its reasons.
    let date = this.knownDate(dateText, plan);
    if (date === undefined) {
      if (dateText.trim() === '') reasons = [problem('missing_date', 'the date is empty', { field: 'date' })];
      else {
        const d = parseDate(dateText, { order: plan.dateOrder, ...(plan.asOf ? { asOf: plan.asOf } : {}) });
        if (d.ok) date = d.value;
        else reasons = d.problems.map((p) => ({ ...p, field: 'date' }));
      }
    }
    const money = plainSignedAmount(plan, fields) ?? signedAmount(plan, fields);
    if (money && !money.ok) reasons = reasons ? [...reasons, ...money.problems] : money.problems;
    const description = describe(fields, roles.description, plan.holder);
    const balanceText = roles.balance === undefined ? undefined : fields[roles.balance];
    const balance = balanceText?.trim()
      ? amountCell(balanceText, money?.ok ? money.currency : plan.currency, plan.separators.balance!)
      : undefined;
    const balanceOk = balance !== undefined && !('problems' in balance);
    // "Beginning balance as of 11/01/2026", "Saldo anterior", "Totals": lines that state a balance or
    // a total. Their text may sit in the date column when the line has no date.
    const text = description !== '' ? description : date === undefined ? dateText : '';
    const summary = summaryLine(text);
    if (summary?.kind === 'balance') {
      const shown = balanceOk
        ? balance
        : money?.ok
          ? { minor: money.value, currency: money.currency }
          : undefined;
      // A line that moves the balance by its amount is a transaction, whatever its words.
      const moves = balanceOk && money?.ok && money.value !== 0 && money.value !== balance.minor;
      if (!moves) {
        const where = { file: plan.file, line: record.line, row };
        if (shown && date && reasons === undefined) {
          const kind = summary.side ?? (this.drafts === 0 ? 'opening' : 'closing');
          this.balances.push({
            institution: plan.institution,
            account: plan.account,
            date,
            balance: shown,
            kind,
            source: `CSV line ${record.line}`,
          });
          this.summaries.push(
            `line ${record.line}: "${text.trim()}" states the ${kind} balance (${formatAmount(shown.minor, shown.currency)} ${shown.currency} on ${date}), kept as the statement's balance, not as a transaction`,
          );
        } else
          this.skip({
            ...problem(
              'balance_line',
              `row skipped: "${text.trim()}" states a balance, not a transaction${date ? '' : ', and has no date to keep it by'}`,
            ),
            ...where,
          });
        return;
      }
    }
    if (summary?.kind === 'total') {
      this.totalLine(record, row, text.trim(), money);
      return;
    }
    if (money === undefined && reasons === undefined)
      reasons = [problem('missing_amount', 'the amount is empty', { field: 'amount' })];
    if (reasons !== undefined || !money?.ok || !date) {
      const where = { file: plan.file, line: record.line, row };
      if (reasons)
        for (const p of reasons) this.skip({ ...p, ...where, message: `row skipped: ${p.message}` });
      return;
    }
    const minor = plan.negate ? -money.value : money.value;
    const status = roles.status === undefined ? '' : (fields[roles.status] ?? '');
    let pending = status !== '' && this.isPendingStatus(status);
    for (let i = 0; !pending && i < fields.length; i++) pending = isPendingCell(fields[i]!);
    const reference = roles.reference === undefined ? undefined : fields[roles.reference]?.trim();
    const checkNumber = roles.checkNumber === undefined ? undefined : fields[roles.checkNumber]?.trim();
    const amount = { minor, currency: money.currency };
    const kind = minor >= 0 ? 'deposit' : 'withdrawal';
    const origin = { file: plan.file, row, capturedAt: plan.capturedAt };
    let draft: TransactionDraft;
    if (!reference && !checkNumber) {
      // The shapes nearly every row has, laid out whole as the transaction it becomes (idAssigner
      // fills in the id): an object grown key by key after its literal carried a second, grown
      // property store per row. The keys in the order the general shape below ends with.
      const whole: Transaction = balanceOk
        ? {
            institution: plan.institution,
            account: plan.account,
            date,
            description,
            amount,
            status: pending ? 'pending' : 'posted',
            kind,
            origin,
            balance,
            schemaVersion: TRANSACTION_SCHEMA_VERSION,
            id: '',
            payee: description,
            tags: NO_TAGS,
          }
        : {
            institution: plan.institution,
            account: plan.account,
            date,
            description,
            amount,
            status: pending ? 'pending' : 'posted',
            kind,
            origin,
            schemaVersion: TRANSACTION_SCHEMA_VERSION,
            id: '',
            payee: description,
            tags: NO_TAGS,
          };
      draft = whole;
    } else {
      // Optional fields assigned in their fixed order, not spread in: a spread per row cost more than reading it.
      draft = {
        institution: plan.institution,
        account: plan.account,
        date,
        description,
        amount,
        status: pending ? 'pending' : 'posted',
        kind,
        origin,
      };
      if (reference) {
        if (plan.referencesAreIds) draft.externalId = reference;
        else draft.memo = reference;
      }
      if (checkNumber) draft.checkNumber = checkNumber;
      if (balanceOk) draft.balance = balance;
    }
    this.drafts++;
    this.sums.add(money.value, money.currency);
    if (money.currency !== this.lastCurrency) {
      this.lastCurrency = money.currency;
      this.currencies.add(money.currency);
    }
    this.emit(draft);
  }

  private lastCurrency = '';
  private readonly sums = new RunningSums();
  /** Balance and total lines recognized and confirmed: said in the report, not as warnings. */
  private readonly summaries: string[] = [];

  /**
   * A total line is never a transaction. Its figures are checked against the lines above (since the
   * last total, or all): agreeing, it is noted; disagreeing, a line is missing or misread, and the
   * warning says so with both sums.
   */
  private totalLine(
    record: CsvRecord,
    row: number,
    text: string,
    money: ReturnType<typeof signedAmount>,
  ): void {
    const plan = this.plan!;
    const where = { file: plan.file, line: record.line, row };
    const currency = money?.ok ? money.currency : plan.currency;
    const figures: { net?: number; debit?: number; credit?: number } | undefined = money?.ok
      ? { net: money.value }
      : debitCreditFigures(plan, record.fields);
    if (!figures) {
      this.skip({
        ...problem('total_line', `row skipped: "${text}" is a total line, not a transaction`),
        ...where,
      });
      return;
    }
    const check = this.sums.check(figures, currency);
    const said = [
      figures.net !== undefined ? money$(figures.net, currency) : '',
      figures.debit !== undefined ? `money out ${money$(figures.debit, currency)}` : '',
      figures.credit !== undefined ? `money in ${money$(figures.credit, currency)}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    if (check.agrees) {
      this.summaries.push(
        `line ${record.line}: "${text}" totals the ${check.lines} line${check.lines === 1 ? '' : 's'} above (${said}), which agree; not a transaction`,
      );
      return;
    }
    this.skip({
      ...problem(
        'total_mismatch',
        `row skipped: "${text}" is a total line (${said}), but ${check.above ? describeSums(check.above, currency) : 'the lines above are in other currencies'}: a line is missing, doubled or misread`,
      ),
      ...where,
    });
  }

  /** Dates read by fastDate, by their text: one string per distinct date, not one per row. */
  private readonly dates = new Map<string, string>();
  private lastDateText = '';
  private lastDate: string | undefined;

  private knownDate(text: string, plan: BankCsvPlan): string | undefined {
    if (text === this.lastDateText) return this.lastDate;
    let date = this.dates.get(text);
    if (date === undefined) {
      date = fastDate(text, plan.dateOrder);
      if (date === undefined) return undefined;
      if (this.dates.size < 4096) this.dates.set(text, date);
    }
    this.lastDateText = text;
    this.lastDate = date;
    return date;
  }

  /**
   * After the last record: `cut` says how the text ended — inside a quoted field (a truncated
   * download) or mid-line without a line break. The unfinished record is dropped with a warning.
   */
  finish(end: { unterminatedQuoteLine?: number; endsWithNewline: boolean }): Result<BankCsvResult> {
    const where = { file: this.ctx.file };
    const truncation: Problem[] = [];
    const last = this.last;
    this.last = undefined;
    if (last && !this.failed) {
      // Before the plan, the record above is the measure of a full line.
      const width = this.plan ? this.width : (this.held[this.held.length - 1]?.fields.length ?? 0);
      if (end.unterminatedQuoteLine !== undefined) {
        truncation.push(
          problem(
            'truncated_file',
            `the file ends inside a quoted field opened on line ${end.unterminatedQuoteLine}: it looks cut off; the rows before line ${last.line} were read, that record was not`,
            { ...where, line: end.unterminatedQuoteLine },
          ),
        );
      } else if (!end.endsWithNewline && width > 0 && last.fields.length < width) {
        truncation.push(
          problem(
            'truncated_file',
            `the last line (${last.line}) has ${last.fields.length} of ${width} fields and no line break: the file looks cut off there; that line was not read`,
            { ...where, line: last.line },
          ),
        );
      } else if (!end.endsWithNewline && this.tails.cutShort(last)) {
        truncation.push(
          problem(
            'truncated_file',
            `the last line (${last.line}) ends with no line break inside its last value ("${last.fields[last.fields.length - 1]!.trim()}", shorter than that column's other values): the file looks cut off there; that line was not read`,
            { ...where, line: last.line },
          ),
        );
      } else this.take(last);
    }
    if (!this.plan && !this.failed) this.decide();
    if (this.failed) return fail(...this.failed.map((p) => ({ ...p, ...where })));
    const plan = this.plan!;
    plan.report.rowsRead = this.drafts;
    plan.report.rowsSkipped = this.skippedCount;
    if (this.drafts === 0) {
      return fail(
        problem('no_readable_rows', `none of the ${this.bodyRow} rows could be read`, where),
        ...this.skipped.slice(0, 20),
        ...truncation,
      );
    }
    const warnings = [...this.warnings, ...truncation, ...this.skipped];
    if (this.skippedCount > this.skipped.length) {
      warnings.push(
        problem(
          'rows_skipped',
          `${this.skippedCount - this.skipped.length} more rows were skipped (the first ${this.skipped.length} are listed)`,
          where,
        ),
      );
    }
    const currency = [...this.currencies][0] ?? plan.currency;
    return ok({
      drafts: [],
      balances: this.balances,
      accounts: [
        {
          schemaVersion: 1,
          institution: plan.institution,
          account: plan.account,
          currency,
          type: 'checking',
        },
      ],
      warnings,
      csv: plan.report,
      report: {
        currency: { code: plan.currency, source: plan.report.currencyKind },
        dateOrder: plan.dateOrder,
        columns: Object.entries(plan.report.columns).map(([role, column]) => ({ role, column })),
        rowsRead: this.drafts + this.skippedCount + this.summaries.length,
        ...(this.summaries.length > 0 ? { statementLines: this.summaries } : {}),
      },
    });
  }
}

const money$ = (minor: number, currency: string) => `${formatAmount(minor, currency)} ${currency}`;

const describeSums = (s: Sums, currency: string) =>
  `the ${s.lines} line${s.lines === 1 ? '' : 's'} above add to ${money$(s.net, currency)} (money out ${money$(s.debits, currency)}, money in ${money$(s.credits, currency)})`;

/** Whether every field from `from` on is empty or spaces. */
function blankFrom(fields: readonly string[], from: number): boolean {
  for (let i = from; i < fields.length; i++) {
    const f = fields[i]!;
    if (f === '') continue;
    const c = f.charCodeAt(0);
    if ((c > 32 && c < 127) || f.trim() !== '') return false;
  }
  return true;
}

const describe = (fields: readonly string[], columns: readonly number[], holder?: string): string => {
  let out = '';
  for (const i of columns) {
    const raw = fields[i];
    if (!raw) continue;
    const text = /\s\s|[\t\n\r\u00a0]/.test(raw) ? raw.replace(/\s+/g, ' ').trim() : raw.trim();
    if (text === '' || text === holder) continue;
    out = out === '' ? text : `${out} — ${text}`;
  }
  return out;
};
