import type { DateOrder } from '../../dates/parseDate';
import { twoDigitYear } from '../../dates/twoDigitYear';

const NUMERIC = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{1,2}|\d{4})$/;

/**
 * A QIF `D` value with its year spelled out: `1/ 5'98` → `1/5/1998`, `01/05'03` → `01/05/2003`,
 * `12/31/99` → `12/31/1999` (two-digit years by the fixed pivot in twoDigitYear). Quicken pads
 * with spaces and marks years with `'`; anything else passes through for the date parser to judge.
 */
export function qifDateText(raw: string): string {
  const compact = raw.replace(/\s+/g, '');
  const separator = /[/.-]/.exec(compact)?.[0] ?? '/';
  const text = compact.replace(/'/g, separator);
  const m = NUMERIC.exec(text);
  if (!m || m[4]!.length === 4) return text;
  return `${m[1]}${m[2]}${m[3]}${m[2]}${twoDigitYear(Number(m[4]))}`;
}

export type QifDateOrder =
  | { decided: true; order: DateOrder; from: number; assumed: boolean }
  | { decided: false; dayFirst: number; monthFirst: number };

/**
 * Month/day order from every record: a first number of 13–31 with a second of 1–12 proves
 * day-first, the reverse proves month-first; values impossible either way (`13/45/2026`) prove
 * nothing. A few records against many are typos and are refused one by one by the parser; a
 * tie is not decided. With no evidence, QIF's own convention (Quicken writes month first) holds.
 */
export function qifDateOrder(values: readonly string[]): QifDateOrder {
  let dayFirst = 0;
  let monthFirst = 0;
  let numeric = 0;
  let dotted = 0;
  let ambiguous = 0;
  for (const value of values) {
    const m = NUMERIC.exec(value);
    if (!m) continue;
    numeric++;
    if (m[2] === '.') dotted++;
    const a = Number(m[1]);
    const b = Number(m[3]);
    if (a > 12 && a <= 31 && b >= 1 && b <= 12) dayFirst++;
    else if (b > 12 && b <= 31 && a >= 1 && a <= 12) monthFirst++;
    else if (a !== b && a >= 1 && a <= 12 && b >= 1 && b <= 12) ambiguous++;
  }
  if (dayFirst > 0 && dayFirst === monthFirst) return { decided: false, dayFirst, monthFirst };
  if (dayFirst > monthFirst) return { decided: true, order: 'dmy', from: dayFirst, assumed: false };
  if (monthFirst > 0) return { decided: true, order: 'mdy', from: monthFirst, assumed: false };
  // Dotted dates (21.11.2026) are day-first wherever they are written.
  if (numeric > 0 && dotted === numeric) return { decided: true, order: 'dmy', from: 0, assumed: false };
  return { decided: true, order: 'mdy', from: 0, assumed: ambiguous > 0 };
}
