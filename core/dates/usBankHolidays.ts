import { isoFromParts, weekday } from './calendar';

function nthWeekday(year: number, month: number, dow: number, n: number): string {
  const first = isoFromParts(year, month, 1)!;
  const offset = (dow - weekday(first) + 7) % 7;
  return isoFromParts(year, month, 1 + offset + (n - 1) * 7)!;
}

function lastWeekday(year: number, month: number, dow: number): string {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lastIso = isoFromParts(year, month, last)!;
  return isoFromParts(year, month, last - ((weekday(lastIso) - dow + 7) % 7))!;
}

/**
 * US federal holidays as the Federal Reserve observes them, which is what decides when ACH
 * deposits land: a holiday on Sunday moves to Monday; one on Saturday is not moved (banks open Friday).
 */
export function usBankHolidays(year: number): string[] {
  const fixed = (month: number, day: number) => {
    const iso = isoFromParts(year, month, day)!;
    return weekday(iso) === 0 ? isoFromParts(year, month, day + 1)! : iso;
  };
  const days = [
    fixed(1, 1),
    nthWeekday(year, 1, 1, 3), // Martin Luther King Jr. Day
    nthWeekday(year, 2, 1, 3), // Washington's Birthday
    lastWeekday(year, 5, 1), // Memorial Day
    fixed(7, 4),
    nthWeekday(year, 9, 1, 1), // Labor Day
    nthWeekday(year, 10, 1, 2), // Columbus Day
    fixed(11, 11),
    nthWeekday(year, 11, 4, 4), // Thanksgiving
    fixed(12, 25),
  ];
  if (year >= 2021) days.push(fixed(6, 19)); // Juneteenth
  return days.filter((d) => weekday(d) !== 6).sort();
}
