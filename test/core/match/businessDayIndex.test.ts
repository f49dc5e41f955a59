import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessDaysBetween, US_BANK_CALENDAR } from '../../../core/dates/businessDays';
import { addDays } from '../../../core/dates/calendar';
import { businessDayIndex } from '../../../core/match/businessDayIndex';

describe('businessDayIndex', () => {
  it('counts business days between two dates exactly as businessDaysBetween does, in any query order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 900 }), fc.integer({ min: -30, max: 30 })), {
          minLength: 1,
          maxLength: 20,
        }),
        (queries) => {
          const index = businessDayIndex(US_BANK_CALENDAR);
          for (const [offset, span] of queries) {
            const from = addDays('2024-01-01', offset);
            const to = addDays(from, span);
            // + 0 folds the -0 that businessDaysBetween returns for an empty backward span.
            expect(index(to) - index(from) + 0).toBe(businessDaysBetween(from, to) + 0);
          }
        },
      ),
    );
  });

  it('skips the Thanksgiving holiday and the weekend', () => {
    const index = businessDayIndex(US_BANK_CALENDAR);
    expect(index('2026-11-30') - index('2026-11-25')).toBe(2);
  });
});
