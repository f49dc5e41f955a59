import { describe, expect, it } from 'vitest';
import { addBusinessDays, businessDaysBetween, isBusinessDay } from '../../../core/dates/businessDays';
import { usBankHolidays } from '../../../core/dates/usBankHolidays';

describe('US bank business days', () => {
  it('lists the 2026 Federal Reserve holidays (July 4 on a Saturday is not moved)', () => {
    expect(usBankHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-01-19',
      '2026-02-16',
      '2026-05-25',
      '2026-06-19',
      '2026-09-07',
      '2026-10-12',
      '2026-11-11',
      '2026-11-26',
      '2026-12-25',
    ]);
  });

  it('moves a Sunday holiday to Monday', () => {
    // 2027-12-26 is a Sunday after Christmas on Saturday: Christmas 2027 is not moved; 2022-12-25 (Sunday) is.
    expect(usBankHolidays(2022)).toContain('2022-12-26');
    expect(usBankHolidays(2027)).not.toContain('2027-12-24');
  });

  it('skips weekends and holidays', () => {
    expect(isBusinessDay('2026-11-26')).toBe(false); // Thanksgiving
    expect(isBusinessDay('2026-11-28')).toBe(false); // Saturday
    expect(addBusinessDays('2026-11-25', 1)).toBe('2026-11-27');
    expect(addBusinessDays('2026-11-27', 1)).toBe('2026-11-30');
    expect(addBusinessDays('2026-11-28', 0)).toBe('2026-11-30');
    expect(businessDaysBetween('2026-11-20', '2026-11-23')).toBe(1);
    expect(businessDaysBetween('2026-11-23', '2026-11-20')).toBe(-1);
    expect(businessDaysBetween('2026-12-24', '2026-12-28')).toBe(1);
  });
});
