import type { Money } from '../model/money';
import type { DecimalSeparator } from '../money/detectDecimalSeparator';
import { formatAmountForDisplay } from '../money/formatAmount';
import { parseAmount } from '../money/parseAmount';
import type { SelfCheck } from './captureDiagnostics';
import type { DomNode } from './domTree';
import { isMoreControl } from './findNextPageControl';
import { looksLikeMoney, PENDING_WORDS, POSTED_WORDS } from './valueShapes';

/** A row read as a transaction, as the checks need it. */
export type CheckedRow = { amount: Money; balance?: Money; status: string; origin: { row: number } };

/** A totals line inside a list (footer or "Total" row), with the figure under each money column. */
export type TotalLine = {
  row: number;
  label: string;
  debit?: string;
  credit?: string;
  amount?: string;
  /** A line stating a balance ("Opening balance", "Closing balance"), not a total: its balance cell. */
  balanceLine?: true;
  balance?: string;
};

export type CheckedGroup = {
  rows: CheckedRow[];
  totals: TotalLine[];
  /** Rows the page lists as transactions, read or not (a declined payment is listed, not read). */
  listed: number;
  /** Document order of the group's first row and of its last row's last descendant. */
  span?: { start: number; end: number };
  decimalSeparator?: DecimalSeparator;
};

/**
 * The groups a statement speaks of: those in the nearest box around it that holds any. When that
 * box holds only some of the lists ("Showing 1–8 of 8" under Posted, beside a Pending list), the
 * count is theirs alone, never the page's.
 */
function groupsAround(node: DomNode, groups: CheckedGroup[]): CheckedGroup[] {
  for (let a: DomNode | undefined = node; a; a = a.parent) {
    const inside = groups.filter((g) => g.span && a.start <= g.span.start && g.span.end <= a.end);
    if (inside.length > 0) return inside;
  }
  return groups;
}

const TOTAL_OUT =
  /\btotal\s+(?:of\s+)?(?:debits?|withdrawals?|charges|purchases|payments?\s+out|money\s+out|outflows?|spending|spent|paid\s+out)\b|\b(?:debits?|withdrawals?|money\s+out|paid\s+out)\s+total\b|\bsumme\s+(?:soll|belastungen|ausgaben)\b|\btotal\s+(?:des\s+)?débits\b/i;
const TOTAL_IN =
  /\btotal\s+(?:of\s+)?(?:credits?|deposits?|payments?\s+and\s+credits|money\s+in|inflows?|received|paid\s+in)\b|\b(?:credits?|deposits?|money\s+in|paid\s+in)\s+total\b|\bsumme\s+(?:haben|gutschriften|einnahmen)\b|\btotal\s+(?:des\s+)?crédits\b/i;
/** "Showing 1–25 of 132", "1 - 25 of 25", "Results 26 to 50 of 80": rows shown = to − from + 1. */
const SHOWING =
  /(?:^|\b(?:showing|displaying|viewing|results?|transactions?|anzeige|affichage|einträge)\s*:?\s*)(\d{1,6})\s*(?:[-–—]|to|bis|à)\s*(\d{1,6})\s+(?:of|out of|von|sur|de)\s+(\d{1,6})\b/i;
/** "Showing 10 of 86 transactions": rows shown = 10. */
const SHOWING_SOME =
  /\b(?:showing|displaying|viewing|loaded)\s+(\d{1,6})\s+(?:of|out of|von|sur|de)\s+(\d{1,6})\b/i;
const COUNT_NOUN =
  /(?:^|[^\d.,/:-])(?<!\bof\s)(?<!\bout of\s)(\d{1,6})\s+(pending\s+|posted\s+|completed\s+)?(?:transactions?|results?|entries|activities|items|records|umsätze|buchungen|opérations)\b/i;
/** A tab or heading with its count: "Posted (8)", "Pending (2)", "All transactions (40)". */
const TAB_COUNT =
  /^(pending|posted|completed|cleared|processing|all(?:\s+transactions)?|transactions|activity)\s*\((\d{1,6})\)$/i;
/** A list's own total, outside it: "Total: −$250.00", "Summe -1.234,56 €". */
const TOTAL_NET =
  /^(?:totals?|total amount|net total|summe|gesamt(?:summe)?|total général|importe total|totale)\s*:?\s*(?=[-−+(]?\s*[$€£¥₹]?\s*\d)/i;
const OPENING =
  /\b(?:beginning|opening|starting|previous|prior)\s+balance\b|\balter\s+kontostand\b|\banfangssaldo\b|\bancien\s+solde\b|\bsaldo\s+(?:inicial|anterior|iniziale)\b/i;
const CLOSING =
  /\b(?:ending|closing|new|final)\s+balance\b|\bneuer\s+kontostand\b|\bendsaldo\b|\bnouveau\s+solde\b|\bsaldo\s+(?:final|finale)\b/i;
const MONEY_TOKEN =
  /[-−–+(]?\s*(?:[A-Z]{3}\s?)?[$€£¥₹]?\s?[-−–]?\d[\d.,'\u00a0 ]*\d(?:\s?[A-Z]{3})?\)?(?:\s?(?:CR|DR))?/g;

const fmt = (minor: number, currency: string) => formatAmountForDisplay(minor, currency);

/** The first amount in `text` after `from`. */
function amountAfter(text: string, from: number): string | undefined {
  for (const m of text.slice(from).matchAll(MONEY_TOKEN)) {
    const t = m[0].trim();
    if (looksLikeMoney(t)) return t;
  }
  return undefined;
}

/**
 * Where the page states a figure beside a label: in the label's own text, else in the text of
 * the box around it ("Total debits" "$1,234.50" as two cells), never further than a short block.
 */
function figureFor(node: DomNode, label: RegExp): string | undefined {
  for (let n: DomNode | undefined = node, up = 0; n && up < 3; n = n.parent, up++) {
    if (n.text.length > 160) break;
    const m = label.exec(n.text);
    if (!m) continue;
    const figure = amountAfter(n.text, m.index + m[0].length);
    if (figure) return figure;
  }
  return undefined;
}

function sum(rows: CheckedRow[], test: (minor: number) => boolean): number {
  let s = 0;
  for (const r of rows) if (test(r.amount.minor)) s += r.amount.minor;
  return s;
}

/**
 * Running balance: between two rows that show a balance, the amounts of the rows from one to the
 * other explain the change — newest first or oldest first, and on a card page the balance owed
 * moves against the holder's amounts. The reading that explains most pairs is the page's; rows
 * it does not explain break the check.
 */
function runningBalanceCheck(group: CheckedGroup): SelfCheck | undefined {
  const rows = group.rows;
  const at = rows
    .map((r, i) => (r.balance && r.balance.currency === r.amount.currency ? i : -1))
    .filter((i) => i >= 0);
  if (at.length < 3) return undefined;
  // The rows a reading (which way the list runs, which way amounts move the balance) finds broken;
  // `list` false: only how many (the three wrong readings break nearly every step of a long list).
  const stepsBroken = (newestFirst: boolean, factor: 1 | -1, list: boolean) => {
    const broken: number[] = [];
    let count = 0;
    for (let k = 0; k + 1 < at.length; k++) {
      const i = at[k]!;
      const j = at[k + 1]!;
      // Rows whose amounts move the balance from row i's to row j's.
      const from = newestFirst ? i : i + 1;
      const to = newestFirst ? j - 1 : j;
      let moved = 0;
      for (let r = from; r <= to; r++) moved += rows[r]!.amount.minor;
      const change = newestFirst
        ? rows[i]!.balance!.minor - rows[j]!.balance!.minor
        : rows[j]!.balance!.minor - rows[i]!.balance!.minor;
      if (change !== moved * factor) {
        count++;
        if (list) broken.push(rows[newestFirst ? i : j]!.origin.row);
      }
    }
    return { count, broken };
  };
  // The first reading with the fewest broken steps (in this order), as a stable sort of the four.
  let best = { newestFirst: true, factor: 1 as 1 | -1, count: Number.POSITIVE_INFINITY };
  for (const newestFirst of [true, false]) {
    for (const factor of [1, -1] as const) {
      const { count } = stepsBroken(newestFirst, factor, false);
      if (count < best.count) best = { newestFirst, factor, count };
    }
  }
  const pairs = at.length - 1;
  const bestBroken = best.count === 0 ? [] : stepsBroken(best.newestFirst, best.factor, true).broken;
  const order = best.newestFirst ? 'newest first' : 'oldest first';
  if (bestBroken.length === 0) {
    return {
      kind: 'running-balance',
      ok: true,
      message: `the running balance agrees with every amount (${pairs} steps, ${order})`,
      rows: [],
    };
  }
  // A balance column that explains almost nothing is not a running balance this check can judge.
  if (bestBroken.length * 2 > pairs && pairs >= 4) {
    return {
      kind: 'running-balance',
      ok: false,
      message: `the balance column does not follow the amounts (${bestBroken.length} of ${pairs} steps disagree): the amounts or the balance were misread`,
      rows: bestBroken,
    };
  }
  return {
    kind: 'running-balance',
    ok: false,
    message: `the running balance disagrees with the amount at ${bestBroken.length} of ${pairs} steps (${order}): a row is missing, doubled or misread`,
    rows: bestBroken,
  };
}

function totalCheck(
  label: string,
  figure: string,
  direction: 'out' | 'in' | 'net',
  rows: CheckedRow[],
  separator: DecimalSeparator | undefined,
  currency: string,
  above: CheckedRow[] = [],
): SelfCheck | undefined {
  const parsed = parseAmount(figure, { currency, ...(separator ? { decimalSeparator: separator } : {}) });
  if (!parsed.ok) return undefined;
  const stated = Math.abs(parsed.value.minor);
  const cur = parsed.value.currency;
  const same = rows.filter((r) => r.amount.currency === cur);
  const posted = same.filter((r) => r.status !== 'pending');
  const candidates = [same, posted].map((set) => {
    if (direction === 'out') return -sum(set, (m) => m < 0);
    if (direction === 'in') return sum(set, (m) => m > 0);
    return sum(set, () => true);
  });
  const ok = candidates.some((c) => Math.abs(c) === stated) || sumsRowsAbove(above, cur, direction, stated);
  const read = candidates[0]!;
  return {
    kind: 'total',
    ok,
    message: ok
      ? `"${label}" ${fmt(stated, cur)} agrees with the rows read`
      : `"${label}" on the page is ${fmt(stated, cur)}, the rows read add up to ${fmt(Math.abs(read), cur)}`,
    rows: [],
  };
}

/**
 * A subtotal line sums the rows just above it ("Total for JANE SMITH" under her card's lines, "TOTAL
 * FEES FOR THIS PERIOD" under the fees): some run of rows ending at the line, back to the list's
 * start or its previous totals line, adds up to the figure. One pass from the line upwards.
 */
function sumsRowsAbove(
  above: CheckedRow[],
  currency: string,
  direction: 'out' | 'in' | 'net',
  stated: number,
): boolean {
  let total = 0;
  for (let i = above.length - 1; i >= 0; i--) {
    const r = above[i]!;
    if (r.amount.currency !== currency) return false;
    const m = r.amount.minor;
    if (direction === 'net' || (direction === 'out' ? m < 0 : m > 0)) total += m;
    if (Math.abs(total) === stated) return true;
  }
  return false;
}

function statusOf(words: string): 'pending' | 'posted' | undefined {
  if (PENDING_WORDS.test(words)) return 'pending';
  if (POSTED_WORDS.test(words)) return 'posted';
  return undefined;
}

/**
 * Checks a capture against what the page states about it: running balances, a count of
 * transactions, totals of debits and credits. `outside` are the page's text nodes outside the
 * rows read, where counts and totals are stated.
 */
export function selfChecks(
  groups: CheckedGroup[],
  outside: DomNode[],
  currency: string,
  /** Whether a text is a date (a day heading's tally, "Friday, 20 November 2026 — 3 transactions", counts one day). */
  isDate: (text: string) => boolean = () => false,
): SelfCheck[] {
  const checks: SelfCheck[] = [];
  for (const g of groups) {
    const rb = runningBalanceCheck(g);
    if (rb) checks.push(rb);
  }
  const rows = groups.flatMap((g) => g.rows);
  const separator = groups.find((g) => g.rows.length > 0)?.decimalSeparator;
  // Totals lines inside the lists: each money column's figure against the rows of that group.
  // Opening and closing balance lines among one list's rows: the rows between explain the change.
  for (const g of groups) {
    const stated = new Map<'opening' | 'closing', string>();
    for (const t of g.totals) {
      if (!t.balanceLine) continue;
      const key = OPENING.test(t.label) ? 'opening' : CLOSING.test(t.label) ? 'closing' : undefined;
      const figure = balanceLineFigure(t);
      if (key && figure && !stated.has(key)) stated.set(key, figure);
    }
    const c = openingClosingCheck(
      stated.get('opening'),
      stated.get('closing'),
      g.rows,
      g.decimalSeparator,
      currency,
    );
    if (c) checks.push(c);
  }
  for (const g of groups) {
    let previousTotal = -1;
    for (const t of g.totals) {
      if (t.balanceLine) continue;
      const above = g.rows
        .filter((r) => r.origin.row > previousTotal && r.origin.row < t.row)
        .sort((a, b) => a.origin.row - b.origin.row);
      previousTotal = t.row;
      const pairs: Array<[string | undefined, 'out' | 'in' | 'net']> = [
        [t.debit, 'out'],
        [t.credit, 'in'],
        [t.amount, TOTAL_OUT.test(t.label) ? 'out' : TOTAL_IN.test(t.label) ? 'in' : 'net'],
      ];
      for (const [figure, direction] of pairs) {
        if (!figure) continue;
        const c = totalCheck(t.label, figure, direction, g.rows, g.decimalSeparator, currency, above);
        if (c) checks.push({ ...c, rows: c.ok ? [] : [t.row] });
      }
    }
  }
  const seen = new Set<string>();
  /** Opening and closing balances the page states, by their figure's text. */
  const balancesSaid = new Map<'opening' | 'closing', string>();
  let counted = false;
  const moreControl = outside.some(isMoreControl);
  for (const n of outside) {
    if (!n.ownText || n.text.length > 120) continue;
    for (const [label, direction] of [
      [TOTAL_OUT, 'out'],
      [TOTAL_IN, 'in'],
    ] as const) {
      const m = label.exec(n.text);
      if (!m || seen.has(m[0].toLowerCase())) continue;
      const figure = figureFor(n, label);
      if (!figure) continue;
      seen.add(m[0].toLowerCase());
      const c = totalCheck(m[0], figure, direction, rows, separator, currency);
      if (c) checks.push(c);
    }
    const net = TOTAL_NET.exec(n.text);
    if (net && !seen.has('net total')) {
      const figure = amountAfter(n.text, net[0].length);
      const near = groupsAround(n, groups);
      const c =
        figure &&
        totalCheck(
          net[0].trim(),
          figure,
          'net',
          near.flatMap((g) => g.rows),
          separator,
          currency,
        );
      if (c) {
        seen.add('net total');
        checks.push(c);
      }
    }
    for (const [label, key] of [
      [OPENING, 'opening'],
      [CLOSING, 'closing'],
    ] as const) {
      if (balancesSaid.has(key) || !label.test(n.text)) continue;
      const figure = figureFor(n, label);
      if (figure) balancesSaid.set(key, figure);
    }
    if (counted) continue;
    const range = SHOWING.exec(n.text);
    const some = range ? undefined : SHOWING_SOME.exec(n.text);
    const noun = range || some ? undefined : COUNT_NOUN.exec(n.text);
    const tab = range || some || noun ? undefined : TAB_COUNT.exec(n.text.trim());
    const said = range ?? some ?? noun ?? tab;
    if (!said || (noun && isDate(n.text))) continue;
    const stated = range ? Number(range[2]) - Number(range[1]) + 1 : Number(tab ? tab[2] : said[1]);
    const status = noun?.[2] ? statusOf(noun[2]) : tab ? statusOf(tab[1]!) : undefined;
    if (stated <= 0 || (range && Number(range[2]) > Number(range[3]))) continue;
    if (some && Number(some[1]) > Number(some[2])) continue;
    const near = groupsAround(n, groups);
    const own = near.length < groups.length;
    const listed = status
      ? rows.filter((r) => (r.status === 'pending') === (status === 'pending')).length
      : near.reduce((s, g) => s + g.listed, 0);
    counted = !status && !own;
    // A count may speak of the whole page, of one list on it ("1–7 of 63" under Posted), or of
    // the posted or the pending lines; one inside a list's own box speaks of that list.
    const pending = rows.filter((r) => r.status === 'pending').length;
    const possible = status
      ? [listed]
      : own
        ? [listed, near.reduce((s, g) => s + g.rows.length, 0)]
        : [listed, rows.length, ...groups.map((g) => g.listed), rows.length - pending, pending];
    // "57 transactions" above ten rows and a "Load more" button: the rest are not loaded yet.
    const window = !range && !some && stated > listed && moreControl;
    const ok = possible.includes(stated) || window;
    // "Showing 11–20 of 57": the capture is this page of the list, and must not look like all of it.
    const total = range ? Number(range[3]) : some ? Number(some[2]) : window ? stated : 0;
    const shown = window ? listed : stated;
    const partial =
      ok && total > shown
        ? `partial: the page shows ${shown} of ${total} transactions; the other ${total - shown} are on other pages or not loaded, and are not in this capture`
        : undefined;
    checks.push({
      ...(partial ? { partial } : {}),
      kind: 'count',
      ok,
      message: window
        ? `the page says "${said[0].trim()}"; ${listed} are shown and it offers more (not loaded)`
        : ok && partial
          ? `the page says "${said[0].trim()}": the ${shown} rows it shows were all read (not the other ${total - shown}, on other pages)`
          : ok
            ? `the page says "${said[0].trim()}" and ${stated} were listed`
            : `the page says "${said[0].trim()}" but ${listed} ${status ?? ''} rows were found`.replace(
                /\s+/g,
                ' ',
              ),
      rows: [],
    });
  }
  const balances = openingClosingCheck(
    balancesSaid.get('opening'),
    balancesSaid.get('closing'),
    rows,
    separator,
    currency,
  );
  if (balances) checks.push(balances);
  return checks;
}

/** A balance line's figure: its balance cell, else its amount, else money in, else money out (an overdraft). */
function balanceLineFigure(t: TotalLine): string | undefined {
  if (t.balance) return t.balance;
  if (t.amount) return t.amount;
  if (t.credit && !t.debit) return t.credit;
  if (t.debit && !t.credit) return /^\s*[-−(]/.test(t.debit) ? t.debit : `-${t.debit.trim()}`;
  return undefined;
}

/**
 * "Beginning balance $1,000.00 … Ending balance $700.00": the rows between explain the change —
 * all of them or the posted ones, and on a card page the balance owed moves against the holder's
 * amounts, so either direction of the change is accepted.
 */
function openingClosingCheck(
  opening: string | undefined,
  closing: string | undefined,
  rows: CheckedRow[],
  separator: DecimalSeparator | undefined,
  currency: string,
): SelfCheck | undefined {
  if (!opening || !closing || rows.length === 0) return undefined;
  const read = (t: string) =>
    parseAmount(t, { currency, ...(separator ? { decimalSeparator: separator } : {}) });
  const from = read(opening);
  const to = read(closing);
  if (!from.ok || !to.ok || from.value.currency !== to.value.currency) return undefined;
  const cur = from.value.currency;
  const same = rows.filter((r) => r.amount.currency === cur);
  if (same.length !== rows.length) return undefined;
  const change = to.value.minor - from.value.minor;
  const sums = [
    sum(same, () => true),
    sum(
      same.filter((r) => r.status !== 'pending'),
      () => true,
    ),
  ];
  const ok = sums.some((m) => Math.abs(m) === Math.abs(change) && (m === change || m === -change));
  return {
    kind: 'total',
    ok,
    message: ok
      ? `the opening balance ${fmt(from.value.minor, cur)} and the closing balance ${fmt(to.value.minor, cur)} agree with the rows read`
      : // Sizes, not signs: on a card page the balance owed moves against the holder's amounts.
        `the balance goes from ${fmt(from.value.minor, cur)} to ${fmt(to.value.minor, cur)} on the page, a change of ${fmt(Math.abs(change), cur)}; the rows read account for ${fmt(Math.abs(sums[0]!), cur)}: a row is missing, doubled or misread`,
    rows: [],
  };
}
