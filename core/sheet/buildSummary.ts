import { addDays, endOfMonth, monthOf } from '../dates/calendar';
import type { StatementBalance } from '../model/account';
import type { Transaction } from '../model/transaction';
import { moneyToCell } from './moneyCell';
import type { SheetRecord } from './workbookLayout';

/** One account in one currency over one calendar month; money in minor units of `currency`. */
export type SummaryLine = {
  institution: string;
  account: string;
  currency: string;
  /** `YYYY-MM`. */
  month: string;
  opening: number;
  inflows: number;
  /** Money out, negative (closing = opening + inflows + outflows). */
  outflows: number;
  closing: number;
  /** The last balance the bank states (or its running balance shows) within the month, if any. */
  statementBalance?: number;
  statementDate?: string;
  statementFrom?: 'statement' | 'running balance';
  /** The book balance at the end of `statementDate`, which is what the statement is compared to. */
  bookAtStatementDate?: number;
  /** statementBalance − bookAtStatementDate: zero when the month ties out. */
  difference?: number;
  unmatched: number;
  status: 'reconciled' | 'difference' | 'no statement';
  /** In words: where the opening balance came from. */
  openingFrom: string;
};

export type SummaryInput = {
  transactions: readonly Transaction[];
  balances?: readonly StatementBalance[];
  /** Ids the matcher left unmatched, counted per account and month. */
  unmatchedIds?: Iterable<string>;
};

/** A balance known at the end of a day. */
type BalancePoint = { date: string; balance: number; from: 'statement' | 'running balance'; what: string };

const SEP = '\u241f';

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The end-of-day balance from a source's running balances, whatever order it listed the day's
 * lines in: the last line's balance B_last satisfies B_last − (sum of the day) = B_first − a_first.
 * Undefined when the day's balances do not chain (a line missing, or no balances).
 */
function runningEndOfDay(lines: readonly Transaction[]): number | undefined {
  const withBalance = lines.filter((t) => t.balance && t.balance.currency === t.amount.currency);
  if (withBalance.length === 0) return undefined;
  const dayTotal = lines.reduce((s, t) => s + t.amount.minor, 0);
  const starts = new Set(withBalance.map((t) => t.balance!.minor - t.amount.minor));
  const ends = withBalance
    .filter((t) => starts.has(t.balance!.minor - dayTotal))
    .map((t) => t.balance!.minor);
  return new Set(ends).size === 1 ? ends[0] : undefined;
}

function statementPoints(balances: readonly StatementBalance[]): BalancePoint[] {
  return balances
    .filter((b) => b.kind !== 'available')
    .map((b) =>
      // An opening balance is stated at the start of its day: the end of the day before.
      b.kind === 'opening'
        ? {
            date: addDays(b.date, -1),
            balance: b.balance.minor,
            from: 'statement',
            what: `opening balance of ${b.date}`,
          }
        : { date: b.date, balance: b.balance.minor, from: 'statement', what: `closing balance of ${b.date}` },
    );
}

const monthsFrom = (first: string, last: string): string[] => {
  const months: string[] = [];
  for (let m = first; m <= last; m = monthOf(addDays(endOfMonth(`${m}-01`), 1))) months.push(m);
  return months;
};

/**
 * The Summary tab, in the spirit of Xero's Bank Reconciliation Summary: per account, currency and
 * month, the opening balance, inflows, outflows and closing balance of the book (the transactions),
 * set against the balance the bank states. A superseded pending line was replaced by its posted line,
 * so it is left out of the sums; a line still pending counts, as the running balances portals print
 * (PayPal's, a bank's "available" view) include it.
 *
 * Opening balance: for the first month of an account, the balance known at the end of the day
 * before the month (a statement's opening balance, or a closing balance of that day) when there is
 * one; otherwise it is rolled back from the earliest balance known in the data — a statement
 * balance or the running balance the source printed — by subtracting the month's lines up to that
 * day (a statement balance wins over a running balance of the same day). Rolled back from a
 * statement, that month can show no difference of its own, which `openingFrom` says. With no
 * balance anywhere the opening is 0 and the month reads "no statement". Every later month opens
 * with the previous month's closing balance, so a gap anywhere shows up as a difference.
 */
export function buildSummary(input: SummaryInput): SummaryLine[] {
  const unmatched = new Set(input.unmatchedIds ?? []);
  const groups = new Map<string, Transaction[]>();
  for (const t of input.transactions) {
    if (t.supersededBy) continue;
    const key = [t.institution, t.account, t.amount.currency].join(SEP);
    push(groups, key, t);
  }
  const balancesOf = new Map<string, StatementBalance[]>();
  for (const b of input.balances ?? []) {
    const key = [b.institution, b.account, b.balance.currency].join(SEP);
    push(balancesOf, key, b);
    if (!groups.has(key)) groups.set(key, []);
  }

  const lines: SummaryLine[] = [];
  for (const [key, txs] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const [institution, account, currency] = key.split(SEP) as [string, string, string];
    const byDay = new Map<string, Transaction[]>();
    for (const t of txs) push(byDay, t.date, t);
    const flow = (day: string) => (byDay.get(day) ?? []).reduce((s, t) => s + t.amount.minor, 0);

    const points: BalancePoint[] = statementPoints(balancesOf.get(key) ?? []);
    for (const [day, dayLines] of byDay) {
      const end = runningEndOfDay(dayLines);
      if (end !== undefined)
        points.push({ date: day, balance: end, from: 'running balance', what: `running balance on ${day}` });
    }
    // Earliest first; on the same day a statement beats a running balance.
    points.sort((a, b) =>
      a.date !== b.date
        ? a.date < b.date
          ? -1
          : 1
        : a.from === b.from
          ? 0
          : a.from === 'statement'
            ? -1
            : 1,
    );

    // The months the book has lines in; an account known only from statements shows their months.
    const dates = (
      byDay.size > 0 ? [...byDay.keys()] : (balancesOf.get(key) ?? []).map((b) => b.date)
    ).sort();
    if (dates.length === 0) continue;
    const months = monthsFrom(monthOf(dates[0]!), monthOf(dates[dates.length - 1]!));
    const firstDay = `${months[0]}-01`;
    const dayBefore = addDays(firstDay, -1);

    const sumThrough = (from: string, through: string) =>
      [...byDay.keys()].filter((d) => d >= from && d <= through).reduce((s, d) => s + flow(d), 0);
    const before = points.filter((p) => p.date <= dayBefore).pop();
    const anchor = before ?? points[0];
    let opening = 0;
    let openingFrom = 'no statement or running balance: assumed 0';
    if (anchor) {
      opening = anchor.balance - sumThrough(firstDay, anchor.date);
      openingFrom =
        anchor.date <= dayBefore
          ? `statement ${anchor.what}`
          : `rolled back from the ${anchor.from === 'statement' ? `statement ${anchor.what}` : anchor.what}`;
    }

    for (const month of months) {
      const start = `${month}-01`;
      const end = endOfMonth(start);
      const inMonth = txs.filter((t) => t.date >= start && t.date <= end);
      const inflows = inMonth.reduce((s, t) => s + Math.max(t.amount.minor, 0), 0);
      const outflows = inMonth.reduce((s, t) => s + Math.min(t.amount.minor, 0), 0);
      const closing = opening + inflows + outflows;
      const inRange = points.filter((p) => p.date >= start && p.date <= end);
      const stated = inRange.filter((p) => p.from === 'statement').pop() ?? inRange.pop();
      const line: SummaryLine = {
        institution,
        account,
        currency,
        month,
        opening,
        inflows,
        outflows,
        closing,
        unmatched: inMonth.filter((t) => unmatched.has(t.id)).length,
        status: 'no statement',
        openingFrom,
      };
      if (stated) {
        const book = opening + sumThrough(start, stated.date);
        line.statementBalance = stated.balance;
        line.statementDate = stated.date;
        line.statementFrom = stated.from;
        line.bookAtStatementDate = book;
        line.difference = stated.balance - book;
        line.status = line.difference === 0 ? 'reconciled' : 'difference';
      }
      lines.push(line);
      opening = closing;
      openingFrom = "previous month's closing balance";
    }
  }
  return lines;
}

/** A summary line as Summary-tab cells (money in major units, see moneyToCell). */
export function summaryToRow(line: SummaryLine): SheetRecord {
  const cash = (minor: number | undefined) =>
    minor === undefined ? null : moneyToCell({ minor, currency: line.currency });
  return {
    institution: line.institution,
    account: line.account,
    month: line.month,
    currency: line.currency,
    opening: cash(line.opening),
    inflows: cash(line.inflows),
    outflows: cash(line.outflows),
    closing: cash(line.closing),
    statementBalance: cash(line.statementBalance),
    statementDate: line.statementDate ?? null,
    bookAtStatementDate: cash(line.bookAtStatementDate),
    difference: cash(line.difference),
    unmatched: line.unmatched,
    status: line.status,
    openingFrom: line.openingFrom,
  };
}
