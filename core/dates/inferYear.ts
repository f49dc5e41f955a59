import { daysBetween, isoFromParts } from './calendar';

/** How far past the as-of date a year-less date may lie (scheduled and pending lines). */
const FUTURE_TOLERANCE_DAYS = 7;

/**
 * A year-less date ("Nov 21") belongs to the latest year that does not put it more than a week
 * after the as-of date: a December row seen in January is last year's.
 */
export function inferYear(month: number, day: number, asOf: string): string | undefined {
  const asOfYear = Number(asOf.slice(0, 4));
  for (const year of [asOfYear + 1, asOfYear, asOfYear - 1]) {
    const iso = isoFromParts(year, month, day);
    if (iso && daysBetween(asOf, iso) <= FUTURE_TOLERANCE_DAYS) return iso;
  }
  // Feb 29 in a run of non-leap years: no candidate fits.
  return undefined;
}
