import { isoFromParts } from './calendar';
import type { DateOrder } from './parseDate';
import { twoDigitYear } from './twoDigitYear';

const NUMERIC = /^\s*(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{2}|\d{4}))?/;

/** What decided a column's month/day order, for the import report. */
export type DateOrderBasis =
  /** A value with a first number above 12 (a real date only day-first), or a second one. */
  | 'values'
  /** Every date reads either way, and only one order keeps the rows in date order. */
  | 'row order'
  /** Dotted dates (21.11.2026) are day-first wherever they are written. */
  | 'dotted dates'
  /** Nothing in the values decided; the caller's locale hint (header language, decimal comma). */
  | 'locale'
  /** Nothing decided at all: the default, said so in a warning. */
  | 'assumed'
  /** No value needs an order (ISO dates, month names). */
  | 'not needed'
  /** Given explicitly (a mapping). */
  | 'given';

export type DateOrderDecision = { order: DateOrder; basis: DateOrderBasis; evidence: string };

type Evidence = { dayFirst: number; monthFirst: number; dotted: number; numeric: number };

/** Whether a/b/yy is a real date read day-first (`dmy`) or month-first (`mdy`). */
function realDate(a: number, b: number, year: string | undefined, order: DateOrder): boolean {
  const [month, day] = order === 'mdy' ? [a, b] : [b, a];
  // A year-less value is checked against a leap year, so 29 February counts.
  const y = year === undefined ? 2024 : year.length === 2 ? twoDigitYear(Number(year)) : Number(year);
  return isoFromParts(y, month, day) !== undefined;
}

function collect(values: Iterable<string>): Evidence {
  const e: Evidence = { dayFirst: 0, monthFirst: 0, dotted: 0, numeric: 0 };
  for (const value of values) {
    const m = NUMERIC.exec(value);
    if (!m) continue;
    e.numeric++;
    if (m[2] === '.') e.dotted++;
    const a = Number(m[1]);
    const b = Number(m[3]);
    const asDmy = realDate(a, b, m[4], 'dmy');
    const asMdy = realDate(a, b, m[4], 'mdy');
    // A typo (13/45/2026) is no date either way and so no evidence: it cannot flip the column.
    if (asDmy && !asMdy) e.dayFirst++;
    else if (asMdy && !asDmy) e.monthFirst++;
  }
  return e;
}

/**
 * Decides month-first vs day-first for a whole column: a value that is a real date only one way
 * round (21/04, 04/21) is evidence; a value that is no date either way (a typo) is none. When the
 * values disagree, the larger side wins and the rows of the other are refused by their parse.
 * Undefined when the column cannot tell (then the caller's locale hint decides).
 */
export function detectDateOrder(values: Iterable<string>): DateOrder | undefined {
  const e = collect(values);
  if (e.dayFirst > 0 || e.monthFirst > 0) return e.dayFirst >= e.monthFirst ? 'dmy' : 'mdy';
  if (e.numeric > 0 && e.dotted === e.numeric) return 'dmy';
  return undefined;
}

/** Day numbers of a column read in one order (NaN where a value is not a numeric date). */
function dayNumbers(values: readonly string[], order: DateOrder): number[] {
  const out: number[] = [];
  for (const value of values) {
    const m = NUMERIC.exec(value);
    if (!m) continue;
    const a = Number(m[1]);
    const b = Number(m[3]);
    const [month, day] = order === 'mdy' ? [a, b] : [b, a];
    const year = m[4] === undefined ? 2024 : m[4].length === 2 ? twoDigitYear(Number(m[4])) : Number(m[4]);
    out.push(year * 372 + (month - 1) * 31 + day);
  }
  return out;
}

/** Whether a sequence only rises or only falls (ties allowed), with at least one change. */
function monotone(days: number[]): boolean {
  let up = 0;
  let down = 0;
  for (let i = 1; i < days.length; i++) {
    if (days[i]! > days[i - 1]!) up++;
    else if (days[i]! < days[i - 1]!) down++;
  }
  return (up > 0 && down === 0) || (down > 0 && up === 0);
}

function span(days: number[]): number {
  if (days.length === 0) return 0;
  let min = days[0]!;
  let max = days[0]!;
  for (const d of days) {
    if (d < min) min = d;
    if (d > max) max = d;
  }
  return max - min;
}

/**
 * The order of a column with its reason: the values themselves, then the row order (bank files
 * are sorted by date: only one reading may keep them sorted), then dotted dates, then the
 * caller's locale hint; else `mdy`, and `basis: 'assumed'` so the caller says so.
 */
export function decideDateOrder(
  values: readonly string[],
  hint?: { order: DateOrder; because: string },
): DateOrderDecision {
  const e = collect(values);
  if (e.numeric === 0)
    return { order: hint?.order ?? 'mdy', basis: 'not needed', evidence: 'no numeric dates' };
  if (e.dayFirst > 0 || e.monthFirst > 0) {
    const order = e.dayFirst >= e.monthFirst ? 'dmy' : 'mdy';
    const n = Math.max(e.dayFirst, e.monthFirst);
    return {
      order,
      basis: 'values',
      evidence: `${n} date${n === 1 ? '' : 's'} only real ${order === 'dmy' ? 'day' : 'month'}-first`,
    };
  }
  const mdy = monotone(dayNumbers(values, 'mdy'));
  const dmy = monotone(dayNumbers(values, 'dmy'));
  if (mdy !== dmy) {
    const order = mdy ? 'mdy' : 'dmy';
    return {
      order,
      basis: 'row order',
      evidence: `only ${order === 'dmy' ? 'day' : 'month'}-first keeps the rows in date order`,
    };
  }
  // A statement covers weeks, not years: one reading that packs the rows into a far shorter
  // span (Nov 1–5 rather than Jan 11–May 11) is the one the bank wrote.
  const spanMdy = span(dayNumbers(values, 'mdy'));
  const spanDmy = span(dayNumbers(values, 'dmy'));
  if (Math.max(spanMdy, spanDmy) >= 28 && Math.min(spanMdy, spanDmy) * 4 <= Math.max(spanMdy, spanDmy)) {
    const order = spanMdy < spanDmy ? 'mdy' : 'dmy';
    return {
      order,
      basis: 'row order',
      evidence: `the dates span ${Math.min(spanMdy, spanDmy)} days read ${order === 'dmy' ? 'day' : 'month'} first, ${Math.max(spanMdy, spanDmy)} the other way`,
    };
  }
  if (e.dotted === e.numeric)
    return { order: 'dmy', basis: 'dotted dates', evidence: 'dates written 21.11.2026' };
  if (hint) return { order: hint.order, basis: 'locale', evidence: hint.because };
  return {
    order: 'mdy',
    basis: 'assumed',
    evidence: 'every date reads either way (day and month both ≤ 12) and nothing else decides',
  };
}
