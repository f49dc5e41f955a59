import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessDays, businessDaysBetween, US_BANK_CALENDAR } from '../../../core/dates/businessDays';
import { addDays } from '../../../core/dates/calendar';
import { dayNumber } from '../../../core/match/dayNumber';
import { createMatchContext } from '../../../core/match/matchContext';

describe('match context delays by day number', () => {
  it('counts a payout-to-deposit delay from the first business day on or after the payout', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1200 }), fc.integer({ min: -20, max: 20 }), (offset, span) => {
        const ctx = createMatchContext(US_BANK_CALENDAR, {}, new Map());
        const payout = addDays('2024-01-01', offset);
        const deposit = addDays(payout, span);
        const start = addBusinessDays(payout, 0, US_BANK_CALENDAR);
        expect(ctx.lag(dayNumber(payout), dayNumber(deposit)) + 0).toBe(
          businessDaysBetween(start, deposit, US_BANK_CALENDAR) + 0,
        );
        expect(ctx.businessDaysBetween(dayNumber(payout), dayNumber(deposit)) + 0).toBe(
          businessDaysBetween(payout, deposit, US_BANK_CALENDAR) + 0,
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('starts a Saturday payout on Monday, and a payout before Thanksgiving after it', () => {
    const ctx = createMatchContext(US_BANK_CALENDAR, {}, new Map());
    // Saturday 2026-01-10 → Tuesday 2026-01-13: Monday is day 0, so 1 business day.
    expect(ctx.lag(dayNumber('2026-01-10'), dayNumber('2026-01-13'))).toBe(1);
    // Thursday 2026-11-26 is Thanksgiving: a payout that day starts on Friday, deposited Monday = 1.
    expect(ctx.lag(dayNumber('2026-11-26'), dayNumber('2026-11-30'))).toBe(1);
  });
});
