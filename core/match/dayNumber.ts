import { toDayNumber } from '../dates/calendar';

/**
 * Day numbers of `YYYY-MM-DD` dates, memoized: the matcher compares dates of the same few hundred
 * days millions of times, and parsing each time dominated its run time.
 */
const days = new Map<string, number>();

export function dayNumber(iso: string): number {
  let day = days.get(iso);
  if (day === undefined) {
    day = toDayNumber(iso);
    days.set(iso, day);
  }
  return day;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysApart = (from: string, to: string): number => dayNumber(to) - dayNumber(from);
