import type { DateOrder } from './parseDate';

const NUMERIC = /^\s*(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{2}|\d{4}))?/;

/**
 * Decides month-first vs day-first for a whole column: one value with a first number above 12
 * proves day-first, one with a second number above 12 proves month-first. Undefined when the
 * column cannot tell (then the caller's locale hint decides).
 */
export function detectDateOrder(values: Iterable<string>): DateOrder | undefined {
  let dayFirst = 0;
  let monthFirst = 0;
  let dotted = 0;
  let numeric = 0;
  for (const value of values) {
    const m = NUMERIC.exec(value);
    if (!m) continue;
    numeric++;
    if (m[2] === '.') dotted++;
    if (Number(m[1]) > 12) dayFirst++;
    else if (Number(m[3]) > 12) monthFirst++;
  }
  if (dayFirst > 0 && monthFirst === 0) return 'dmy';
  if (monthFirst > 0 && dayFirst === 0) return 'mdy';
  if (dayFirst > 0 && monthFirst > 0) return dayFirst > monthFirst ? 'dmy' : 'mdy';
  // Dotted dates (21.11.2026) are day-first wherever they are written.
  if (numeric > 0 && dotted === numeric) return 'dmy';
  return undefined;
}
