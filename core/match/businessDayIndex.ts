import { type BusinessCalendar, isBusinessDay } from '../dates/businessDays';
import { fromDayNumber } from '../dates/calendar';
import { dayNumber } from './dayNumber';

/**
 * Numbers the business days of a calendar so that counting them between two dates is a subtraction:
 * `index(to) − index(from)` = business days in (from, to], as `businessDaysBetween` counts them.
 */
export function businessDayIndex(calendar: BusinessCalendar): (iso: string) => number {
  const count = businessDayCount(calendar);
  return (iso) => count(dayNumber(iso));
}

/**
 * `businessDayIndex` by day number, for the passes that keep dates as day numbers. The table covers
 * only the days asked about, growing both ways on demand (a data set spans months).
 */
export function businessDayCount(calendar: BusinessCalendar): (day: number) => number {
  let first = 0;
  const counts: number[] = [];
  const open = (day: number) => (isBusinessDay(fromDayNumber(day), calendar) ? 1 : 0);
  return (day) => {
    if (counts.length === 0) {
      first = day;
      counts.push(0);
    }
    while (day >= first + counts.length) {
      const next = first + counts.length;
      counts.push(counts[counts.length - 1]! + open(next));
    }
    if (day < first) {
      const before: number[] = [];
      let count = counts[0]!;
      for (let d = first; d > day; d--) {
        count -= open(d);
        before.push(count);
      }
      counts.unshift(...before.reverse());
      first = day;
    }
    return counts[day - first]!;
  };
}
