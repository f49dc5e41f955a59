import { toDayNumber } from '../dates/calendar';
import { accountWords } from '../model/accountWords';
import type { Alert, InvoiceStanding } from '../model/invoice';
import type { Transaction } from '../model/transaction';
import { formatAmountForDisplay } from '../money/formatAmount';
import { balanceGaps } from './balanceGaps';

/** One capture of a page or import of a file: how much of an account it brought. */
export type DataDelivery = {
  account: string;
  /** The file name or page address, for the message. */
  source: string;
  rows: number;
  /** The span of dates it covered. */
  from: string;
  to: string;
  /** When it was captured or imported (a date); the span's end where only files are known. */
  at: string;
  /** What most of its lines are (`charge`, `payout`…): a deposits file is not compared with a sales file. */
  kind?: string;
};

export type AlertInput = {
  asOf: string;
  transactions: readonly Transaction[];
  deliveries: readonly DataDelivery[];
  /** Days an account may go without a capture or import; 7 unless set for the account. */
  rhythmDays?: Readonly<Record<string, number>>;
  /** Portal pages that no longer look like their profile (from capture diagnostics). */
  drifts?: ReadonlyArray<{ account: string; since: string; message: string }>;
  standings?: readonly InvoiceStanding[];
};

export const DEFAULT_RHYTHM_DAYS = 7;
/** A delivery this much below the account's usual rows per day is suspicious. */
const FEW_ROWS_SHARE = 1 / 3;
/** Too few rows expected to tell a quiet spell from a cut capture. */
const FEW_ROWS_MIN_EXPECTED = 6;

/**
 * The one list of alerts every surface shows: accounts gone quiet, captures far smaller than usual,
 * gaps in a balance chain, pages that drifted from their profile, overdue invoices. Each says what,
 * which account or invoice, since when, and what to do.
 */
export function buildAlerts(input: AlertInput): Alert[] {
  const alerts: Alert[] = [];
  const asOfDay = toDayNumber(input.asOf);
  const byAccount = new Map<string, DataDelivery[]>();
  for (const d of input.deliveries) {
    const list = byAccount.get(d.account);
    if (list) list.push(d);
    else byAccount.set(d.account, [d]);
  }

  const usualGaps = usualGapDays(input.transactions);
  for (const [account, deliveries] of [...byAccount].sort(([a], [b]) => cmp(a, b))) {
    const last = deliveries.reduce((x, d) => (d.at > x ? d.at : x), '');
    // A quiet account (savings: a line a month) is not stale after a week; what was set for it wins.
    const rhythm =
      input.rhythmDays?.[account] ?? Math.max(DEFAULT_RHYTHM_DAYS, 2 * (usualGaps.get(account) ?? 0));
    const quiet = asOfDay - toDayNumber(last);
    if (quiet > rhythm) {
      alerts.push({
        type: 'stale-account',
        account,
        since: last,
        message: `${accountWords('', account)}: nothing captured or imported since ${last} (${quiet} days; expected every ${rhythm}). Capture its activity page or import its latest statement.`,
      });
    }
    for (const d of deliveries) {
      const others = deliveries.filter((x) => x !== d && x.rows > 0 && x.kind === d.kind);
      if (others.length === 0) continue;
      const usual = median(others.map((x) => x.rows / spanDays(x)));
      const expected = usual * spanDays(d);
      if (expected >= FEW_ROWS_MIN_EXPECTED && d.rows < expected * FEW_ROWS_SHARE) {
        alerts.push({
          type: 'few-rows',
          account,
          since: d.from,
          message: `${accountWords('', account)}: ${d.source} holds ${d.rows} rows for ${d.from} to ${d.to}, where this account usually has about ${Math.round(expected)}. A filter may be on or the page changed: capture or download it again with every date.`,
        });
      }
    }
  }

  for (const gap of balanceGaps(input.transactions)) {
    alerts.push({
      type: 'balance-gap',
      account: gap.account,
      since: gap.after,
      message: `${accountWords('', gap.account)}: the balance after ${gap.after} does not lead to the balance on ${gap.before} (${formatAmountForDisplay(gap.missing.minor, gap.missing.currency)} unexplained): lines are missing in between. Import or capture the statement for those days.`,
    });
  }

  for (const drift of input.drifts ?? []) alerts.push({ type: 'drift', ...drift });

  for (const s of input.standings ?? []) {
    if (s.daysOverdue <= 0 || s.remaining.minor <= 0) continue;
    const { invoice } = s;
    alerts.push({
      type: 'overdue-invoice',
      invoice: invoice.number,
      since: invoice.due,
      message: `Invoice ${invoice.number} (${invoice.customer}) is ${s.daysOverdue} days past due with ${formatAmountForDisplay(s.remaining.minor, s.remaining.currency)} unpaid. Send a reminder, or record the payment if it came in another way.`,
    });
  }
  return alerts;
}

/** The median number of days between an account's days with activity (accounts with at least four such days). */
function usualGapDays(transactions: readonly Transaction[]): Map<string, number> {
  const days = new Map<string, Set<number>>();
  for (const t of transactions) {
    const set = days.get(t.account) ?? new Set<number>();
    set.add(toDayNumber(t.date));
    days.set(t.account, set);
  }
  const out = new Map<string, number>();
  for (const [account, set] of days) {
    if (set.size < 4) continue;
    const sorted = [...set].sort((a, b) => a - b);
    out.set(account, median(sorted.slice(1).map((d, i) => d - sorted[i]!)));
  }
  return out;
}

const spanDays = (d: DataDelivery) => Math.max(1, toDayNumber(d.to) - toDayNumber(d.from) + 1);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
