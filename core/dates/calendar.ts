/** Calendar arithmetic on `YYYY-MM-DD` strings through UTC day numbers: no time zones involved. */
const MS_PER_DAY = 86_400_000;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Whether the parts name a real calendar date (years 1000–9999): 2026-02-30 does not. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= (month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1]!);
}

/** `YYYY-MM-DD` for a real calendar date (years 1000–9999), else undefined: 2026-02-30 is none. */
export function isoFromParts(year: number, month: number, day: number): string | undefined {
  return isRealDate(year, month, day) ? `${year}-${pad2(month)}-${pad2(day)}` : undefined;
}

export function toDayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

export function fromDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export const addDays = (iso: string, days: number): string => fromDayNumber(toDayNumber(iso) + days);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => toDayNumber(to) - toDayNumber(from);

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (iso: string): number => (((toDayNumber(iso) + 4) % 7) + 7) % 7;

export const monthOf = (iso: string): string => iso.slice(0, 7);

/** Last day of the month that `iso` is in. */
export function endOfMonth(iso: string): string {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  return fromDayNumber(Math.round(Date.UTC(y, m, 1) / MS_PER_DAY) - 1);
}

/** Today's date in UTC from an injected clock, so tests and Apps Script control time. */
export const isoToday = (now: () => Date = () => new Date()): string => now().toISOString().slice(0, 10);
