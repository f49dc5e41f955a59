import { addDays, weekday } from './calendar';
import { usBankHolidays } from './usBankHolidays';

/** Which days banks settle on: weekends are never business days; holidays come from the calendar. */
export type BusinessCalendar = { isHoliday: (iso: string) => boolean };

export function holidayCalendar(holidaysForYear: (year: number) => string[]): BusinessCalendar {
  const cache = new Map<number, Set<string>>();
  return {
    isHoliday(iso) {
      const year = Number(iso.slice(0, 4));
      let set = cache.get(year);
      if (!set) {
        set = new Set(holidaysForYear(year));
        cache.set(year, set);
      }
      return set.has(iso);
    },
  };
}

export const US_BANK_CALENDAR = holidayCalendar(usBankHolidays);
export const NO_HOLIDAYS: BusinessCalendar = { isHoliday: () => false };

export function isBusinessDay(iso: string, calendar: BusinessCalendar = US_BANK_CALENDAR): boolean {
  const dow = weekday(iso);
  return dow !== 0 && dow !== 6 && !calendar.isHoliday(iso);
}

/** The date `n` business days after `iso` (n ≥ 0); n = 0 rolls a non-business day forward. */
export function addBusinessDays(
  iso: string,
  n: number,
  calendar: BusinessCalendar = US_BANK_CALENDAR,
): string {
  let day = iso;
  while (!isBusinessDay(day, calendar)) day = addDays(day, 1);
  for (let left = n; left > 0; ) {
    day = addDays(day, 1);
    if (isBusinessDay(day, calendar)) left--;
  }
  return day;
}

/**
 * Business days from `from` to `to`: how many business days lie in (from, to]. Negative when
 * `to` is before `from`. A payout on Friday and a deposit on Monday are 1 business day apart.
 */
export function businessDaysBetween(
  from: string,
  to: string,
  calendar: BusinessCalendar = US_BANK_CALENDAR,
): number {
  if (to < from) return -businessDaysBetween(to, from, calendar);
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1))
    if (isBusinessDay(day, calendar)) count++;
  return count;
}
